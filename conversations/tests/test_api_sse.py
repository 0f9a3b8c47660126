"""Sending as Server-Sent Events: the streamed reply, and resuming with Last-Event-ID."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from betting import services as betting_services
from betting.selectors import Owner
from conversations import services
from conversations.identity import guest_token_issue

pytestmark = pytest.mark.django_db(transaction=True)


def parse(body: bytes) -> list[tuple[str | None, str, dict]]:
    events = []
    for block in body.decode().split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in block.splitlines() if ": " in line and not line.startswith(":")
        )
        if "event" in fields:
            events.append((fields.get("id"), fields["event"], json.loads(fields["data"])))
    return events


async def stream(async_client, url: str, body: dict, token: str, last_event_id: str | None = None) -> list:
    headers = {"Accept": "text/event-stream", "Authorization": f"Guest {token}"}
    if last_event_id:
        headers["Last-Event-ID"] = last_event_id
    response = await async_client.post(url, body, content_type="application/json", headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/event-stream")
    return parse(b"".join([chunk async for chunk in response.streaming_content]))


async def conversation_url() -> tuple[str, str]:
    guest_id, token = guest_token_issue()
    await sync_to_async(betting_services.profile_confirm_age)(
        owner=Owner(user_id=None, guest_id=guest_id), now=timezone.now()
    )
    conversation = await sync_to_async(services.conversation_start)(guest_id=guest_id)
    return f"/api/v1/conversations/{conversation.pk}/messages/", token


async def test_send_streams_the_reply_as_server_sent_events(async_client, chatbet, settings):
    settings.CHAT_STREAM_CHUNK_DELAY_MS = 5  # paced like a model, so the reply comes in several chunks
    url, token = await conversation_url()
    events = await stream(
        async_client, url, {"content": "Odds for Barcelona vs Real Madrid?", "message_id": "s1"}, token
    )
    names = [name for _, name, _ in events]
    assert names[0] == "streaming_start"
    assert "tool_activity" in names
    assert names.count("streaming_response") > 3
    assert names[-1] == "streaming_end"
    end = events[-1][2]
    assert "3.40" in end["content"]
    chunks = "".join(data["content"] for _, name, data in events if name == "streaming_response")
    assert chunks == end["content"]
    reply_id = end["reply_id"]
    assert [event_id for event_id, _, _ in events] == [f"{reply_id}:{n}" for n in range(1, len(events) + 1)]


async def test_resume_with_last_event_id_sends_only_what_was_missed(async_client, chatbet):
    url, token = await conversation_url()
    body = {"content": "Odds for Barcelona vs Real Madrid?", "message_id": "s1"}
    first = await stream(async_client, url, body, token)
    reply_id = first[-1][2]["reply_id"]
    resumed = await stream(async_client, url, body, token, last_event_id=f"{reply_id}:3")
    assert [event_id for event_id, _, _ in resumed] == [event_id for event_id, _, _ in first[3:]]
    again = await stream(async_client, url, body, token)  # a plain resend replays, never re-answers
    assert again[-1][1] == "streaming_end"
    assert again[-1][2]["reply_id"] == reply_id


@pytest.mark.parametrize(
    "last_event_id", ["99999999999999999999999:1", "-4:2", "12:-1", "x:y", "7:" + "9" * 40]
)
async def test_a_forged_last_event_id_replays_the_reply_instead_of_failing(
    async_client, chatbet, last_event_id
):
    url, token = await conversation_url()
    body = {"content": "Odds for Barcelona vs Real Madrid?", "message_id": "s1"}
    first = await stream(async_client, url, body, token)
    resumed = await stream(async_client, url, body, token, last_event_id=last_event_id)
    assert [name for _, name, _ in resumed] == [name for _, name, _ in first]
    assert resumed[-1][2]["reply_id"] == first[-1][2]["reply_id"]
