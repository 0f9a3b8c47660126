"""The Gemini engine through the whole turn, with the real SDK talking to a fake Gemini over a socket.

Only Gemini's HTTP API is faked; the database, tools, understanding and guardrails are real.
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from conversations.models import Conversation, Message
from conversations.tests.fake_gemini import calls_reply, text_reply
from conversations.tests.test_turn import Recorder, ask, start

pytestmark = pytest.mark.django_db(transaction=True)


async def test_plain_answer_comes_from_gemini_with_usage_and_model(gemini, sports):
    conversation = await sync_to_async(start)()
    gemini.add(text_reply("Hi! I can show matches, odds and simulate bets."))

    reply = await ask(conversation, "Hello!", "m1")

    assert reply.status == Message.Status.COMPLETE
    assert reply.engine == Message.Engine.GEMINI
    assert reply.content == "Hi! I can show matches, odds and simulate bets."
    assert reply.model == "gemini-fake-001"
    request = gemini.requests[0]
    assert request.version == "v1"
    assert request.model == "gemini-test"
    assert request.headers["x-goog-api-key"] == "fake-key"
    assert reply.prompt_tokens == (request.size + 3) // 4
    assert reply.completion_tokens
    assert reply.total_tokens == (reply.prompt_tokens or 0) + reply.completion_tokens
    assert "Reply in English" in request.system_text
    assert request.contents == [{"role": "user", "parts": [{"text": "Hello!"}]}]


async def test_text_streams_to_listeners_chunk_by_chunk(gemini, sports):
    conversation = await sync_to_async(start)()
    gemini.add(
        text_reply(
            "Barcelona host Real Madrid tomorrow. ",
            "It is a LaLiga match. ",
            "Ask me for the odds!",
            chunk_delay=0.05,
        )
    )
    recorder = Recorder()

    reply = await ask(conversation, "When does Barcelona play?", "m1", recorder)

    assert recorder.chunks() == [
        "Barcelona host Real Madrid tomorrow. ",
        "It is a LaLiga match. ",
        "Ask me for the odds!",
    ]
    assert recorder.types()[0] == "start"
    assert recorder.types()[-1] == "end"
    assert "replace" not in recorder.types()
    assert reply.content == recorder.shown()
    assert gemini.requests[0].stream


async def test_single_function_call_is_run_recorded_and_answered_from_its_result(gemini, sports):
    conversation = await sync_to_async(start)()
    gemini.add(
        calls_reply(("get_odds", {"team": "Barcelona", "opponent": "Real Madrid", "market": "1x2"})),
        text_reply("Barcelona 2.10, draw 3.40, Real Madrid 3.50 (1X2)."),
    )
    recorder = Recorder()

    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1", recorder)

    assert reply.engine == Message.Engine.GEMINI
    assert reply.content == "Barcelona 2.10, draw 3.40, Real Madrid 3.50 (1X2)."
    assert [c["name"] for c in reply.tool_calls] == ["get_odds"]
    assert reply.tool_calls[0]["ok"]
    assert {"tool": "get_odds", "status": "started"}.items() <= recorder.events[1].items()
    second = gemini.requests[1]
    responses = second.parts("functionResponse")
    assert len(responses) == 1
    response = responses[0]["functionResponse"]
    assert response["name"] == "get_odds"
    assert response["id"] == "call-1"
    assert response["response"]["result"]["markets"]["1x2"][0]["odds"] == "2.100"
    assert "get_odds" in gemini.requests[0].tool_names
    # Usage adds up over both requests; the follow-up context knows the match.
    assert reply.prompt_tokens == sum((r.size + 3) // 4 for r in gemini.requests)
    conversation_row = await Conversation.objects.aget(pk=conversation.pk)
    assert conversation_row.context["last_teams"] == ["team-fcb", "team-rma"]
    assert reply.entities["teams"] == ["Barcelona", "Real Madrid"]


async def test_parallel_calls_run_in_order_and_go_back_in_one_turn(gemini, sports):
    conversation = await sync_to_async(start)()
    gemini.add(
        calls_reply(
            ("find_fixtures", {"team": "Barcelona"}),
            ("get_odds", {"fixture_id": "fx-1", "market": "1x2"}),
        ),
        text_reply("Barcelona play Real Madrid; Barcelona pay 2.10."),
    )

    reply = await ask(conversation, "When does Barcelona play and at what odds?", "m1")

    assert [c["name"] for c in reply.tool_calls] == ["find_fixtures", "get_odds"]
    tool_turn = gemini.requests[1].contents[-1]
    assert tool_turn["role"] == "user"
    assert [p["functionResponse"]["name"] for p in tool_turn["parts"]] == ["find_fixtures", "get_odds"]
    assert reply.content.endswith("2.10.")


async def test_multi_round_calls_feed_each_result_to_the_next_round(gemini, sports):
    conversation = await sync_to_async(start)()
    gemini.add(
        calls_reply(("find_fixtures", {"team": "Barcelona"})),
        calls_reply(("get_odds", {"fixture_id": "fx-1"})),
        text_reply("Next up: Barcelona vs Real Madrid, Barcelona at 2.10."),
    )

    reply = await ask(conversation, "Odds for Barcelona's next game?", "m1")

    assert len(gemini.requests) == 3
    assert [c["name"] for c in reply.tool_calls] == ["find_fixtures", "get_odds"]
    last = gemini.requests[2].contents
    assert [c["role"] for c in last[-4:]] == ["model", "user", "model", "user"]
    assert "fx-1" in str(gemini.requests[1].parts("functionResponse"))
    assert len(reply.raw_content or []) == 5  # call, result, call, result, answer


async def test_rounds_are_capped_and_the_last_round_forbids_calls(gemini, sports, settings):
    settings.GEMINI_MAX_TOOL_ROUNDS = 1
    conversation = await sync_to_async(start)()
    gemini.add(
        calls_reply(("find_fixtures", {"team": "Barcelona"})),
        text_reply("Barcelona play Real Madrid tomorrow."),
    )

    await ask(conversation, "When does Barcelona play?", "m1")

    assert len(gemini.requests) == 2
    config = gemini.requests[1].body["toolConfig"]["functionCallingConfig"]
    assert config["mode"] == "NONE"


async def test_thought_signatures_go_back_unchanged_within_and_across_turns(gemini, sports):
    conversation = await sync_to_async(start)()
    gemini.add(
        calls_reply(("get_odds", {"team": "Barcelona", "opponent": "Real Madrid"}), signature="c2lnLWNhbGw="),
        text_reply("Barcelona pay 2.10.", signature="c2lnLXRleHQ="),
        text_reply("Happy to help."),
    )

    first = await ask(conversation, "Odds for Barcelona vs Real Madrid?", "m1")
    await ask(conversation, "Thanks!", "m2")

    echoed_call = gemini.requests[1].contents[-2]["parts"][0]
    assert echoed_call["thoughtSignature"] == "c2lnLWNhbGw="
    assert (first.raw_content or [])[-1]["parts"][0]["thought_signature"] == "c2lnLXRleHQ="
    history = gemini.requests[2].contents
    assert history[0] == {"role": "user", "parts": [{"text": "Odds for Barcelona vs Real Madrid?"}]}
    assert history[1]["role"] == "model"
    assert history[1]["parts"] == [{"text": "Barcelona pay 2.10.", "thoughtSignature": "c2lnLXRleHQ="}]
    assert history[2] == {"role": "user", "parts": [{"text": "Thanks!"}]}


async def test_history_is_the_last_turns_and_older_context_comes_as_state(gemini, sports, settings):
    settings.GEMINI_HISTORY_TURNS = 1
    conversation = await sync_to_async(start)()
    gemini.add(
        calls_reply(("get_odds", {"team": "Barcelona", "opponent": "Real Madrid"})),
        text_reply("Barcelona pay 2.10."),
        text_reply("Hello again."),
        text_reply("You are welcome."),
    )
    await ask(conversation, "Odds for Barcelona vs Real Madrid?", "m1")
    await ask(conversation, "Hi", "m2")
    await ask(conversation, "Thanks", "m3")

    last = gemini.requests[-1]
    assert [c["parts"][0]["text"] for c in last.contents] == ["Hi", "Hello again.", "Thanks"]
    assert "Match being discussed: Barcelona vs Real Madrid." in last.system_text
