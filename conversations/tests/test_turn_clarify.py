"""Low confidence asks a short question built from what was understood, not a generic fallback."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from conversations.tests.test_turn import ask, start

pytestmark = pytest.mark.django_db(transaction=True)


async def test_an_unclear_request_about_a_team_asks_which_request_it_is(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "tell me about Barcelona", "m1")
    assert reply.intent == "unclear"
    assert "Barcelona" in reply.content
    assert reply.content.rstrip().endswith("?")
    assert " or " in reply.content
    assert reply.tool_calls == []
