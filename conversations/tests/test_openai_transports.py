"""With only OPENAI_BASE_URL pointing at an OpenAI-compatible server (a fake over HTTP), a greeting and
an odds question stream through the chat page's WebSocket and the REST API (SSE and JSON), and the
stored replies record engine `openai`."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from betting import services as betting_services
from betting.selectors import Owner
from conversations.models import Message
from conversations.tests.fake_openai import calls_reply, text_reply
from conversations.tests.test_api_sse import conversation_url, stream
from conversations.tests.test_consumers import ORIGIN, frames_until, open_chat, session_cookie_for_guest

pytestmark = pytest.mark.django_db(transaction=True)

GREETING = "Hi! I can show matches, odds and simulate bets."
ODDS = "Barcelona 2.10 and the draw 3.40. Real Madrid pay 3.50."


# The publisher merges the chunks that arrive while a publish is in flight (a burst costs one
# publish), so the fake leaves the model's gaps wide enough for each sentence to go out alone.
GAP = 0.25


def script(fake) -> None:
    fake.add(
        text_reply("Hi! ", "I can show matches, odds ", "and simulate bets.", chunk_delay=GAP),
        calls_reply(("get_odds", {"team": "Barcelona", "opponent": "Real Madrid", "market": "1x2"})),
        text_reply("Barcelona 2.10 and the ", "draw 3.40. Real Madrid ", "pay 3.50.", chunk_delay=GAP),
    )


async def test_the_page_socket_streams_a_greeting_and_an_odds_answer_from_the_server(openai_server, sports):
    script(openai_server)
    await sync_to_async(betting_services.profile_confirm_age)(
        owner=Owner(user_id=None, guest_id="guest-openai"), now=timezone.now()
    )
    cookie = await sync_to_async(session_cookie_for_guest)("guest-openai")
    communicator, session_id = await open_chat(headers=[ORIGIN, cookie])

    ends = []
    for number, text in enumerate(("Hello!", "What are the odds for Barcelona vs Real Madrid?")):
        await communicator.send_json_to({"type": "user_message", "content": text, "message_id": f"w{number}"})
        frames = await frames_until(communicator, "streaming_end")
        chunks = [f["content"] for f in frames if f["type"] == "streaming_response"]
        assert len(chunks) > 1
        ends.append(frames[-1])
        assert "".join(chunks) == frames[-1]["final_content"]
    await communicator.disconnect()

    assert [end["final_content"] for end in ends] == [GREETING, ODDS]
    assert ends[1]["function_calls_made"] == ["get_odds"]
    replies = [r async for r in Message.objects.filter(conversation_id=session_id, role="assistant")]
    assert [(r.engine, r.model) for r in replies] == [("openai", "fake-llama-3")] * 2


async def test_the_rest_api_streams_as_sse_and_answers_as_json_from_the_server(
    openai_server, sports, async_client
):
    script(openai_server)
    url, token = await conversation_url()

    events = await stream(async_client, url, {"content": "Hello!", "message_id": "r1"}, token)
    names = [name for _, name, _ in events]
    assert names[0] == "streaming_start"
    assert names.count("streaming_response") > 1
    assert events[-1][1] == "streaming_end"
    assert events[-1][2]["content"] == GREETING

    response = await async_client.post(
        url,
        {"content": "What are the odds for Barcelona vs Real Madrid?", "message_id": "r2"},
        content_type="application/json",
        headers={"Authorization": f"Guest {token}"},
    )
    assert response.status_code in (200, 201)
    replies = [r async for r in Message.objects.filter(role="assistant").order_by("created_at")]
    assert [r.content for r in replies] == [GREETING, ODDS]
    assert {r.engine for r in replies} == {Message.Engine.OPENAI}
    assert ODDS in response.content.decode()
