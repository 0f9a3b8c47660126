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


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("what's the weather like in madrid", "outside what I can help with"),
        ("receta de arepas", "fuera de lo que puedo hacer"),
        ("me recomenda um filme", "fora do que eu posso fazer"),
    ],
)
async def test_a_request_understood_and_out_of_scope_is_said_to_be_out_of_scope(chatbet, text, said):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    assert reply.intent == "unclear"
    assert said in reply.content
    assert reply.tool_calls == []


@pytest.mark.parametrize("text", ["asdkjh qwe", "hmm", "ok"])
async def test_what_says_nothing_is_asked_again_not_called_out_of_scope(chatbet, text):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    assert reply.intent == "unclear"
    assert "outside what I can help with" not in reply.content
    assert "didn't quite get that" in reply.content
