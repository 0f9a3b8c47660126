"""The OpenAI-compatible engine through the whole turn: the real `openai` SDK against a fake server
over a socket (streamed chunks, tool calls, 429, a mid-stream error), with the real database,
tools, understanding and guardrails. Only OPENAI_BASE_URL (and a key) is configured."""

from __future__ import annotations

import json
import time

import pytest
from asgiref.sync import sync_to_async
from django.core.management import call_command
from django.test import RequestFactory

from chatbet_site.health import ready
from conversations.assistant.engines import llm_provider, openai_breaker, select_engine
from conversations.assistant.engines.openai.reasoning import ThinkFilter
from conversations.models import Message
from conversations.tests.fake_openai import (
    calls_reply,
    error_reply,
    filtered_reply,
    midstream_error_reply,
    planned_responder,
    raw_calls_reply,
    text_reply,
)
from conversations.tests.test_turn import Recorder, ask, start

pytestmark = pytest.mark.django_db(transaction=True)

NOTICE = "_The full assistant is unavailable right now, so here is a simpler answer._"


def test_provider_is_chosen_from_the_settings(settings):
    settings.LLM_PROVIDER = ""
    settings.ASSISTANT_ENGINE = ""
    settings.GOOGLE_API_KEY = ""
    settings.OPENAI_BASE_URL = None
    settings.OPENAI_API_KEY = ""
    assert llm_provider() == "offline"
    settings.OPENAI_BASE_URL = "http://127.0.0.1:11434/v1"
    assert llm_provider() == "openai"
    settings.GOOGLE_API_KEY = "key"
    assert llm_provider() == "gemini"  # Gemini first when both are configured
    settings.LLM_PROVIDER = "openai"
    assert llm_provider() == "openai"
    settings.LLM_PROVIDER = "offline"
    assert llm_provider() == "offline"
    settings.LLM_PROVIDER = ""
    settings.ASSISTANT_ENGINE = "openai"  # the older name still works
    assert llm_provider() == "openai"
    settings.ASSISTANT_ENGINE = ""
    settings.LLM_PROVIDER = "openai"
    settings.OPENAI_BASE_URL = None
    assert llm_provider() == "offline"  # chosen but not configured
    settings.LLM_PROVIDER = "claude"
    assert llm_provider() == "offline"
    assert select_engine().name == "offline"


async def test_a_greeting_streams_from_the_server_and_records_engine_model_and_usage(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(text_reply("Hi! ", "I can show matches, odds ", "and simulate bets.", chunk_delay=0.02))
    recorder = Recorder()

    reply = await ask(conversation, "Hello!", "m1", recorder)

    assert reply.status == Message.Status.COMPLETE
    assert reply.engine == Message.Engine.OPENAI
    assert reply.model == "fake-llama-3"
    assert reply.content == "Hi! I can show matches, odds and simulate bets."
    assert recorder.chunks() == ["Hi! ", "I can show matches, odds and simulate bets."]
    assert recorder.shown() == reply.content
    request = openai_server.requests[0]
    assert request.stream
    assert request.headers["authorization"] == "Bearer sk-fake"
    assert request.body["model"] == "llama-test"
    assert request.body["stream_options"] == {"include_usage": True}
    assert request.messages[0]["role"] == "system"
    assert "Reply in English" in request.system_text
    assert request.messages[1:] == [{"role": "user", "content": "Hello!"}]
    assert reply.prompt_tokens == (request.size + 3) // 4
    assert reply.completion_tokens
    assert reply.total_tokens == (reply.prompt_tokens or 0) + reply.completion_tokens


async def test_an_odds_question_calls_the_tool_and_answers_from_its_result(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(
        calls_reply(("get_odds", {"team": "Barcelona", "opponent": "Real Madrid", "market": "1x2"})),
        text_reply("Barcelona 2.10, draw 3.40, ", "Real Madrid 3.50 (1X2)."),
    )
    recorder = Recorder()

    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1", recorder)

    assert reply.engine == Message.Engine.OPENAI
    assert reply.content == "Barcelona 2.10, draw 3.40, Real Madrid 3.50 (1X2)."
    assert [c["name"] for c in reply.tool_calls] == ["get_odds"]
    assert reply.tool_calls[0]["ok"]
    assert {"tool": "get_odds", "status": "started"}.items() <= recorder.events[1].items()
    first, second = openai_server.requests
    assert "get_odds" in first.tool_names
    assert first.body["tool_choice"] == "auto"
    call_message, tool_message = second.messages[-2:]
    assert call_message["role"] == "assistant"
    assert call_message["tool_calls"][0]["function"] == {
        "name": "get_odds",
        "arguments": json.dumps({"team": "Barcelona", "opponent": "Real Madrid", "market": "1x2"}),
    }
    assert tool_message["role"] == "tool"
    assert tool_message["tool_call_id"] == call_message["tool_calls"][0]["id"]
    assert "2.1" in json.loads(tool_message["content"])["result"]["markets"]["1x2"][0]["odds"]
    assert reply.entities["teams"]
    assert [m["role"] for m in reply.raw_content or []] == ["assistant", "tool", "assistant"]


async def test_calls_without_ids_or_with_bad_arguments_are_answered_not_fatal(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(
        raw_calls_reply(("get_odds", "{not json")),
        text_reply("I could not read the odds request; which match do you mean?"),
    )

    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1")

    tool_message = openai_server.requests[1].messages[-1]
    assert json.loads(tool_message["content"])["error"]["error"] == "INVALID_ARGUMENTS"
    assert reply.engine == Message.Engine.OPENAI


async def test_rounds_are_capped_and_the_last_round_forbids_calls(openai_server, sports, settings):
    settings.OPENAI_MAX_TOOL_ROUNDS = 1
    conversation = await sync_to_async(start)()
    openai_server.add(
        calls_reply(("find_fixtures", {"team": "Barcelona"})),
        text_reply("Barcelona play Real Madrid tomorrow."),
    )

    reply = await ask(conversation, "When does Barcelona play?", "m1")

    assert [r.body.get("tool_choice") for r in openai_server.requests] == ["auto", "none"]
    assert reply.content == "Barcelona play Real Madrid tomorrow."


async def test_history_goes_back_as_plain_chat_messages(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(text_reply("Hello there."), text_reply("Barcelona play tomorrow."))

    await ask(conversation, "Hi", "m1")
    await ask(conversation, "When does Barcelona play?", "m2")

    messages = openai_server.requests[1].messages
    assert messages[1:] == [
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello there."},
        {"role": "user", "content": "When does Barcelona play?"},
    ]


@pytest.mark.fault
async def test_429_is_retried_by_the_sdk_then_succeeds(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(error_reply(429, "slow down"), text_reply("Hello! Ask me about matches."))

    reply = await ask(conversation, "Hi", "m1")

    assert len(openai_server.requests) == 2
    assert reply.engine == Message.Engine.OPENAI
    assert reply.content == "Hello! Ask me about matches."
    assert reply.error_code == ""


@pytest.mark.fault
async def test_429_on_every_attempt_falls_back_to_the_offline_answer(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(*(error_reply(429) for _ in range(3)))

    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1")

    assert len(openai_server.requests) == 3  # OPENAI_RETRY_ATTEMPTS
    assert reply.engine == Message.Engine.OFFLINE
    assert reply.error_code == "LLM_RATE_LIMITED"
    assert reply.content.startswith(NOTICE)
    assert "2.10" in reply.content


@pytest.mark.fault
async def test_a_slow_server_times_out_and_the_offline_engine_answers(openai_server, sports, settings):
    settings.OPENAI_TIMEOUT_MS = 300
    settings.OPENAI_RETRY_ATTEMPTS = 1
    conversation = await sync_to_async(start)()
    openai_server.add({**text_reply("Too late."), "sleep": 1.5})

    started = time.monotonic()
    reply = await ask(conversation, "When does Barcelona play?", "m1")

    assert time.monotonic() - started < 1.4
    assert reply.engine == Message.Engine.OFFLINE
    assert reply.error_code == "LLM_TIMEOUT"
    assert "Real Madrid" in reply.content


@pytest.mark.fault
async def test_error_mid_stream_keeps_the_partial_text_and_answers_offline(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(midstream_error_reply("Barcelona host Real Madrid tomorrow. ", "The odds "))
    recorder = Recorder()

    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1", recorder)

    assert recorder.chunks()[0] == "Barcelona host Real Madrid tomorrow. "
    assert "replace" in recorder.types()
    assert reply.status == Message.Status.FAILED
    assert reply.error_code == "LLM_UNAVAILABLE"
    assert reply.metadata["failed_engine"] == {
        "engine": "openai",
        "code": "LLM_UNAVAILABLE",
        "partial": "Barcelona host Real Madrid tomorrow. ",
    }
    assert reply.content.startswith(NOTICE)
    assert "2.10" in reply.content
    assert recorder.shown() == reply.content


@pytest.mark.fault
async def test_an_unreachable_server_falls_back_and_repeated_failures_open_the_breaker(
    openai_server, sports, settings
):
    settings.OPENAI_RETRY_ATTEMPTS = 1
    settings.OPENAI_BREAKER_THRESHOLD = 2
    conversation = await sync_to_async(start)()
    openai_server.add(error_reply(500), error_reply(503))

    first = await ask(conversation, "Hi", "m1")
    await ask(conversation, "Hello", "m2")
    third = await ask(conversation, "Hey", "m3")

    assert first.engine == Message.Engine.OFFLINE
    assert first.error_code == "LLM_UNAVAILABLE"
    assert len(openai_server.requests) == 2  # the third turn went straight to the offline engine
    assert third.engine == Message.Engine.OFFLINE
    assert third.error_code == ""
    assert await sync_to_async(openai_breaker().state)() == "open"
    response = await ready(RequestFactory().get("/health/ready"))
    component = json.loads(response.content)["components"]["openai"]
    assert component["breaker"] == "open"
    assert component["model"] == "llama-test"


async def test_a_content_filter_is_answered_offline_and_does_not_trip_the_breaker(
    openai_server, sports, settings
):
    settings.OPENAI_BREAKER_THRESHOLD = 1
    conversation = await sync_to_async(start)()
    openai_server.add(filtered_reply())

    reply = await ask(conversation, "When does Barcelona play?", "m1")

    assert reply.error_code == "LLM_SAFETY_BLOCK"
    assert reply.engine == Message.Engine.OFFLINE
    assert "Real Madrid" in reply.content
    assert await sync_to_async(openai_breaker().state)() == "closed"


async def test_an_invented_price_never_reaches_the_person(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(
        calls_reply(("get_odds", {"team": "Barcelona", "opponent": "Real Madrid"})),
        text_reply("Barcelona vs Real Madrid tomorrow. ", "Barcelona pay 2.25 and the draw 3.40."),
        text_reply("Barcelona pay 2.30, a 45% chance."),
    )
    recorder = Recorder()

    reply = await ask(conversation, "Odds for Barcelona vs Real Madrid?", "m1", recorder)

    assert recorder.chunks()[0] == "Barcelona vs Real Madrid tomorrow. "
    assert not any("2.25" in chunk or "2.30" in chunk for chunk in recorder.chunks())
    revise = openai_server.requests[2]
    assert not revise.stream
    assert revise.body["tool_choice"] == "none"
    assert "2.25" in revise.messages[-1]["content"]
    assert reply.engine == Message.Engine.OFFLINE
    assert reply.error_code == "UNGROUNDED_FIGURES"
    assert "2.25" not in reply.content
    assert "2.30" not in reply.content
    assert "2.10" in reply.content
    assert recorder.shown() == reply.content


async def test_an_ungrounded_figure_is_revised_once_and_the_revision_is_delivered(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(
        calls_reply(("get_odds", {"team": "Barcelona", "opponent": "Real Madrid"})),
        text_reply("Barcelona pay 2.25 and the draw 3.40."),
        text_reply("Barcelona pay 2.10 and the draw 3.40."),
    )

    reply = await ask(conversation, "Odds for Barcelona vs Real Madrid?", "m1")

    assert reply.engine == Message.Engine.OPENAI
    assert reply.content == "Barcelona pay 2.10 and the draw 3.40."
    assert (reply.raw_content or [])[-1] == {"role": "assistant", "content": reply.content}


async def test_banned_phrases_never_reach_the_listeners(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(
        text_reply("Barcelona play tomorrow. ", "Backing them is a sure win. ", "Enjoy the match!")
    )
    recorder = Recorder()

    reply = await ask(conversation, "When does Barcelona play?", "m1", recorder)

    assert not any("sure win" in chunk.lower() for chunk in recorder.chunks())
    assert "sure win" not in reply.content.lower()
    assert reply.content.startswith("Barcelona play tomorrow.")


def test_evaluate_assistant_runs_the_cases_through_the_openai_engine(
    openai_server, sports, settings, tmp_path
):
    settings.GOOGLE_API_KEY = "also-set"  # --engine openai wins over the automatic choice
    openai_server.responder = planned_responder(
        lambda text: [("find_fixtures", {"team": "Barcelona"})] if "Barcelona" in text else []
    )
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        json.dumps(
            {"id": "c1", "lang": "en", "turns": [{"user": "Hello"}, {"user": "When does Barcelona play?"}]}
        )
    )
    output = tmp_path / "results.jsonl"

    call_command("evaluate_assistant", str(cases), "--output", str(output), "--engine", "openai")

    lines = [json.loads(line) for line in output.read_text().splitlines()]
    assert [line["engine"] for line in lines] == ["openai", "openai"]
    assert lines[1]["tools"] == ["find_fixtures"]
    assert lines[1]["reply"] == "Here is what I found."
    assert len(openai_server.requests) == 3  # hello; call + answer


def test_think_blocks_are_dropped_even_when_their_tags_are_split():
    thinking = ThinkFilter()
    pieces = ["<thi", "nk>The odds might be 9.99</th", "ink>\n\nOdds ", "< 2 are short", "."]
    assert "".join(thinking.feed(p) for p in pieces) + thinking.flush() == "Odds < 2 are short."
    assert ThinkFilter().feed("no tags at all") == "no tags at all"


async def test_a_reasoning_models_thinking_never_reaches_the_person(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(
        text_reply("<think>Maybe say the odds are 9.99?", "</think>\n\n", "Hello! Ask me about matches.")
    )
    recorder = Recorder()

    reply = await ask(conversation, "Hi", "m1", recorder)

    assert reply.engine == Message.Engine.OPENAI
    assert reply.content == "Hello! Ask me about matches."
    assert recorder.shown() == reply.content
    assert reply.raw_content == [{"role": "assistant", "content": "Hello! Ask me about matches."}]


async def test_tool_calls_streamed_without_index_or_id_are_joined_per_call(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(
        calls_reply(
            ("find_fixtures", {"team": "Barcelona"}),
            ("get_odds", {"team": "Barcelona", "opponent": "Real Madrid"}),
            indexes=False,
            ids=False,
        ),
        text_reply("Barcelona host Real Madrid tomorrow: 2.10 / 3.40 / 3.50."),
    )

    reply = await ask(conversation, "When does Barcelona play and at what odds?", "m1")

    assert [c["name"] for c in reply.tool_calls] == ["find_fixtures", "get_odds"]
    assert all(c["ok"] for c in reply.tool_calls)
    assert reply.engine == Message.Engine.OPENAI


async def test_help_examples_given_to_the_model_are_scheduled_matches(openai_server, sports):
    conversation = await sync_to_async(start)()
    openai_server.add(text_reply("Ask me about Barcelona vs Real Madrid."))
    await ask(conversation, "what can you do?", "m1")
    system = openai_server.requests[0].system_text
    assert "name only these scheduled matches" in system
    assert "Barcelona vs Real Madrid (LaLiga" in system


async def test_with_nothing_scheduled_the_model_is_told_to_name_no_club(openai_server):
    conversation = await sync_to_async(start)()
    openai_server.add(text_reply("I can show matches and odds."))
    await ask(conversation, "what can you do?", "m1")
    system = openai_server.requests[0].system_text
    assert "No matches are scheduled: name no club" in system
