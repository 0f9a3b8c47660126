"""The turn pipeline end to end on PostgreSQL, with sports data synced from a fake ChatBet API.

Only the outside world is faked (the ChatBet HTTP API, at its socket); the database, services,
tools, engine and guardrails are the real ones.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from betting import services as betting_services
from betting.models import Bet, GamblingProfile, HarmFlag
from betting.selectors import Owner
from conversations import services
from conversations.assistant.turn import turn_run
from conversations.models import Conversation, Message
from sportsdata.models import Fixture

pytestmark = pytest.mark.django_db(transaction=True)


class Recorder:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    async def __call__(self, event: dict[str, Any]) -> None:
        self.events.append(event)

    def types(self) -> list[str]:
        return [e["type"] for e in self.events]

    def chunks(self) -> list[str]:
        return [e["content"] for e in self.events if e["type"] == "chunk"]

    def text(self) -> str:
        return "".join(self.chunks())

    def shown(self) -> str:
        """The text a client shows at the end: chunks, with a `replace` event starting over."""
        text = ""
        for event in self.events:
            if event["type"] == "chunk":
                text += event["content"]
            elif event["type"] == "replace":
                text = event["content"]
        return text


def start(guest_id: str = "guest-test", *, adult: bool = True) -> Conversation:
    """A guest's conversation; `adult` guests have passed the 18+ age gate."""
    if adult:
        betting_services.profile_confirm_age(owner=Owner(user_id=None, guest_id=guest_id), now=timezone.now())
    return services.conversation_start(guest_id=guest_id)


async def ask(
    conversation: Conversation, text: str, message_id: str, listener: Recorder | None = None
) -> Message:
    user_message, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation, content=text, client_message_id=message_id
    )
    outcome = await turn_run(user_message_id=user_message.pk, listener=listener)
    return outcome.message


async def test_odds_turn_streams_chunks_and_stores_what_it_did(chatbet):
    conversation = await sync_to_async(start)()
    recorder = Recorder()
    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1", recorder)

    assert recorder.types()[0] == "start"
    assert recorder.types()[-1] == "end"
    assert "tool_activity" in recorder.types()
    labels = [e["label"] for e in recorder.events if e["type"] == "tool_activity" and "label" in e]
    assert labels == ["Checking odds for Barcelona vs Real Madrid…"]
    assert recorder.types().count("chunk") > 3
    assert recorder.text() == reply.content
    for price in ("2.10", "3.40", "3.50"):
        assert price in reply.content
    assert reply.status == Message.Status.COMPLETE
    assert reply.intent == "odds_information_query"
    assert reply.engine == Message.Engine.OFFLINE
    assert [call["name"] for call in reply.tool_calls] == ["get_odds"]
    assert reply.tool_calls[0]["ok"] is True
    assert reply.entities["teams"] == ["Barcelona", "Real Madrid"]
    assert reply.latency_ms is not None
    assert reply.suggested_actions


async def test_follow_up_uses_the_conversation_context(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "When does Barcelona play?", "m1")
    reply = await ask(conversation, "and the draw?", "m2")
    assert reply.intent == "odds_information_query"
    assert "3.40" in reply.content
    assert reply.entities["teams"] == ["Barcelona", "Real Madrid"]


async def test_spanish_question_gets_a_spanish_answer(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "¿Cuánto paga el empate en el Barcelona vs Real Madrid?", "m1")
    assert "Empate paga" in reply.content
    assert "3.40" in reply.content
    await sync_to_async(conversation.refresh_from_db)()
    assert conversation.language == "es"


async def test_resending_a_message_replays_the_first_reply(chatbet):
    conversation = await sync_to_async(start)()
    first = await ask(conversation, "What's my balance?", "m1")
    user_message = await Message.objects.aget(conversation=conversation, client_message_id="m1")
    again = await turn_run(user_message_id=user_message.pk)
    assert again.replayed
    assert again.message.pk == first.pk
    assert await Message.objects.filter(conversation=conversation, role="assistant").acount() == 1
    assert chatbet.count("/auth/get_user_balance") == 1


async def test_a_second_message_during_a_turn_is_refused(chatbet):
    conversation = await sync_to_async(start)()
    first, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation, content="hi", client_message_id="m1"
    )
    second, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation, content="hello", client_message_id="m2"
    )
    await sync_to_async(services.turn_claim)(user_message=first)
    with pytest.raises(services.TurnInProgress):
        await turn_run(user_message_id=second.pk)


async def test_bet_needs_explicit_confirmation_and_is_placed_once(chatbet):
    conversation = await sync_to_async(start)()
    proposal = await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    assert proposal.intent == "place_bet"
    assert "propose_bet" in [c["name"] for c in proposal.tool_calls]
    assert "21.00" in proposal.content  # 10 x 2.10
    assert chatbet.count("/place-bet") == 0
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.status == Bet.Status.PENDING

    placed = await ask(conversation, "yes, place it", "m2")
    assert [c["name"] for c in placed.tool_calls] == ["place_bet"]
    assert chatbet.count("/place-bet") == 1
    await sync_to_async(bet.refresh_from_db)()
    assert bet.status == Bet.Status.PLACED
    assert bet.provider_bet_id

    again = await ask(conversation, "yes, place it", "m3")
    assert chatbet.count("/place-bet") == 1
    assert "no bet slip waiting" in again.content.lower()


async def test_stake_over_the_balance_is_refused(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "Bet 1000000 on Barcelona to beat Real Madrid", "m1")
    assert "more than your balance" in reply.content
    assert await Bet.objects.filter(conversation=conversation).acount() == 0


async def test_self_exclusion_applies_at_once_and_blocks_bets(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "I want to self-exclude for 6 months", "m1")
    assert reply.intent == "responsible_gambling"
    profile = await GamblingProfile.objects.aget(guest_id="guest-test")
    assert profile.self_excluded_until is not None
    assert profile.self_excluded_until > timezone.now() + timedelta(days=170)

    bet = await ask(conversation, "Bet 10 on Barcelona to beat Real Madrid", "m2")
    assert "propose_bet" not in [c["name"] for c in bet.tool_calls]
    assert await Bet.objects.filter(conversation=conversation).acount() == 0
    assert "paused" in bet.content


async def test_harm_signals_flag_the_conversation_and_pause_suggestions(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "I lost my rent money, I need to win it back tonight", "m1")
    assert reply.intent == "responsible_gambling"
    assert await HarmFlag.objects.filter(conversation=conversation).acount() == 1
    assert "win it back" not in reply.content.lower()

    later = await ask(conversation, "Which match should I bet on today?", "m2")
    assert "recommend_bets" not in [c["name"] for c in later.tool_calls]
    assert "paused" in later.content


async def test_stop_cancels_the_turn_and_keeps_the_partial_text(chatbet):
    conversation = await sync_to_async(start)()
    user_message, _ = await sync_to_async(services.message_append_user)(
        conversation=conversation,
        content="What are the odds for Barcelona vs Real Madrid?",
        client_message_id="m1",
    )
    first_chunk = asyncio.Event()

    async def listener(event: dict[str, Any]) -> None:
        if event["type"] == "chunk":
            first_chunk.set()
            await asyncio.sleep(0.2)

    task = asyncio.create_task(turn_run(user_message_id=user_message.pk, listener=listener))
    await asyncio.wait_for(first_chunk.wait(), timeout=5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    reply = await Message.objects.aget(parent=user_message)
    assert reply.status == Message.Status.CANCELLED
    assert reply.content
    assert reply.error_code == "CANCELLED"


async def test_odds_are_quoted_with_their_age_when_the_api_fails(chatbet, settings):
    settings.CHATBET_ODDS_MAX_AGE = 1
    old = timezone.now() - timedelta(minutes=20)
    await Fixture.objects.filter(provider_id="27907678").aupdate(odds_fetched_at=old)
    chatbet.fault("error500", paths=("/sports/odds",))
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m1")
    assert "2.10" in reply.content
    assert "couldn't refresh these odds" in reply.content
    assert "20 min ago" in reply.content


async def test_unknown_teams_get_a_helpful_not_found(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "What are the odds for Boca Juniors vs River Plate?", "m1")
    assert reply.intent == "odds_information_query"
    assert "couldn't find" in reply.content
    assert reply.tool_calls == []


async def test_ambiguous_team_gets_a_clarifying_question_then_resolves(chatbet):
    conversation = await sync_to_async(start)()
    question = await ask(conversation, "When does Madrid play?", "m1")
    assert "Atletico Madrid" in question.content
    assert "Real Madrid" in question.content
    assert question.tool_calls == []
    answer = await ask(conversation, "Real", "m2")
    assert answer.intent == "match_schedule_query"
    assert answer.entities["teams"] == ["Real Madrid"]
    assert "find_fixtures" in [c["name"] for c in answer.tool_calls]


async def test_saying_no_cancels_the_waiting_slip(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    reply = await ask(conversation, "no, cancel it", "m2")
    assert "cancelled" in reply.content
    bet = await Bet.objects.aget(conversation=conversation)
    assert bet.status == Bet.Status.CANCELLED
    after = await ask(conversation, "yes, place it", "m3")
    assert chatbet.count("/place-bet") == 0
    assert "no bet slip waiting" in after.content.lower()


async def test_betting_needs_the_age_gate_but_odds_do_not(chatbet):
    conversation = await sync_to_async(start)("guest-minor", adult=False)
    bet = await ask(conversation, "Bet 10 on Barcelona to beat Real Madrid", "m1")
    assert "18" in bet.content
    assert bet.tool_calls == []
    odds = await ask(conversation, "What are the odds for Barcelona vs Real Madrid?", "m2")
    assert "2.10" in odds.content


async def test_language_and_odds_format_preferences_from_the_client(chatbet):
    """The reply follows the message's own language; the page's only when the message can't tell."""
    conversation = await sync_to_async(start)()

    async def send(text: str, message_id: str, page_language: str) -> Message:
        user_message, _ = await sync_to_async(services.message_append_user)(
            conversation=conversation,
            content=text,
            client_message_id=message_id,
            metadata={"language": page_language, "odds_format": "fractional"},
        )
        return (await turn_run(user_message_id=user_message.pk)).message

    reply = await send("Quais são as odds do Barcelona contra o Real Madrid?", "m1", "en")
    assert "Empate" in reply.content  # Portuguese labels on an English page
    assert "11/10" in reply.content  # 2.10 as a fractional price
    assert "12/5" in reply.content  # 3.40, exactly (not the nearest ladder price 5/2)
    english = await send("What are the odds for Barcelona vs Real Madrid?", "m2", "pt")
    assert "Draw" in english.content
    assert "Empate" not in english.content


@pytest.mark.parametrize(
    "script",
    [
        ["What are the odds for Barcelona vs Real Madrid?", "and the draw?", "both teams to score?"],
        ["Who is the favourite between Barcelona and Real Madrid?"],
        ["Which match should I bet on this week?"],
        ["Simulate a $50 bet on Barcelona", "and 20 on the draw instead?"],
        ["If I bet 20 on Barcelona to beat Real Madrid and Atletico to beat Sevilla, what's the payout?"],
        ["Place a bet of 10 on Barcelona to beat Real Madrid"],
        ["What's my balance?"],
    ],
)
async def test_every_figure_in_an_offline_reply_comes_from_tool_results_or_the_user(chatbet, script):
    from conversations.assistant import catalog_store, guardrails
    from conversations.assistant.engines.base import TurnInput
    from conversations.assistant.engines.offline import OfflineEngine
    from conversations.assistant.tools import ToolContext, ToolRunner
    from conversations.assistant.understanding import DialogueContext, understand

    await sync_to_async(start)()
    context = DialogueContext()
    catalog = await catalog_store.acatalog()
    conversation = await sync_to_async(start)("guest-figures")
    for text in script:
        now = timezone.now()
        understanding = understand(text, catalog=catalog, context=context, today=now.date(), now=now)
        from conversations.assistant.tools import REGISTRY

        runner = ToolRunner(
            context=ToolContext(
                user_id=None,
                guest_id="guest-figures",
                conversation_id=str(conversation.pk),
                language="en",
                now=now,
                allowed=frozenset(REGISTRY),
            )
        )
        turn = TurnInput(text=text, language="en", understanding=understanding, context=context, history=[])

        async def ignore(piece: str) -> None:
            return None

        reply = await OfflineEngine().respond(turn, runner, ignore)
        grounded = guardrails.grounded_numbers(tool_results=runner.results_json(), user_text=text)
        assert guardrails.ungrounded_figures(reply.text, grounded=grounded) == [], reply.text
        context = reply.context


async def test_reality_check_after_an_hour_of_chatting_with_time_and_bets(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Place a bet of 10 on Barcelona to beat Real Madrid", "m1")
    await ask(conversation, "yes, place it", "m2")
    started = timezone.now() - timedelta(minutes=61)
    await Conversation.objects.filter(pk=conversation.pk).aupdate(created_at=started)
    reminded = await ask(conversation, "What's my balance?", "m3")
    assert reminded.content.startswith("⏱ Reality check: you've been chatting for 61 minutes")
    assert "Bets placed in this conversation: 1 (total staked 10.00)" in reminded.content
    later = await ask(conversation, "What's my balance?", "m4")
    assert "Reality check" not in later.content  # once per interval


async def test_the_second_one_means_the_second_match_listed(chatbet):
    conversation = await sync_to_async(start)()
    listing = await ask(conversation, "When does Real Madrid play?", "m1")
    listed = [line for line in listing.content.splitlines() if line.startswith("- **")]
    assert len(listed) >= 2
    second_match = listed[1].split("**")[1]
    reply = await ask(conversation, "odds for the second one", "m2")
    assert reply.content.startswith(f"**{second_match}**")


async def test_a_bet_on_them_backs_the_team_asked_about_and_an_unclear_side_is_asked(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "Odds for Real Madrid's next game?", "m1")
    slip = await ask(conversation, "bet 15 on them", "m2")
    assert "Selection: **Real Madrid**" in slip.content
    other = await sync_to_async(start)("guest-side")
    await ask(other, "Odds for Barcelona vs Real Madrid?", "m1")
    unclear = await ask(other, "put 10 on it", "m2")
    assert "Which outcome do you mean" in unclear.content
    assert await Bet.objects.filter(conversation=other).acount() == 0


async def test_derby_nicknames_and_payout_questions(chatbet):
    conversation = await sync_to_async(start)()
    clasico = await ask(conversation, "cuotas del Clásico", "m1")
    assert clasico.entities["teams"] == ["Barcelona", "Real Madrid"]
    payout = await ask(conversation, "How much would I win with 25 on Barcelona?", "m2")
    assert payout.intent == "bet_simulation"
    assert "52.50" in payout.content  # 25 x 2.10


def test_an_offline_odds_turn_stays_within_its_query_budget(chatbet, django_assert_max_num_queries):
    # async_to_sync from this thread runs the turn's database work on this thread, so every query
    # is counted. Nine statements: the message, an earlier reply?, the claim insert, the gambling
    # profile, the fixture, its odds freshness and prices, the reply and the conversation updates;
    # plus BEGIN/COMMIT around the claim and the finish. The offline engine reads no history.
    from asgiref.sync import async_to_sync

    conversation = start()
    async_to_sync(ask)(conversation, "hi", "m0")
    user_message, _ = services.message_append_user(
        conversation=conversation, content="What are the odds for Barcelona?", client_message_id="m1"
    )
    with django_assert_max_num_queries(13) as captured:
        outcome = async_to_sync(turn_run)(user_message_id=user_message.pk)
    assert outcome.message.status == Message.Status.COMPLETE
    assert "| Draw |" in outcome.message.content
    statements = [q["sql"] for q in captured if q["sql"] not in ("BEGIN", "COMMIT")]
    assert len(statements) == 9
    assert not any('"conversations_message"."raw_content"' in sql and "LIMIT 12" in sql for sql in statements)


@pytest.mark.parametrize(("opening", "pick"), [("¿Cuándo juega el Real Madrid?", "la segunda")])
async def test_a_spanish_ordinal_is_no_portuguese_weekday(chatbet, opening, pick):
    # "segunda" is Monday only in Portuguese; in Spanish "la segunda" is the second match listed.
    conversation = await sync_to_async(start)()
    listing = await ask(conversation, opening, "m1")
    listed = [line for line in listing.content.splitlines() if line.startswith("- **")]
    assert len(listed) >= 2
    reply = await ask(conversation, pick, "m2")
    assert listed[1].split("**")[1] in reply.content
    assert reply.entities["date_from"] is None, reply.content


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("thanks a lot!", "You're welcome!"),
        ("muchas gracias", "¡De nada!"),
        ("obrigado, valeu!", "De nada!"),
        ("ok bye, see you", "Bye for now!"),
        ("me voy, adiós", "¡Hasta pronto!"),
        ("tchau, até amanhã", "Até mais!"),
        ("hello!", "Hi! I'm ChatBet."),
    ],
)
async def test_thanks_and_goodbyes_are_answered_as_such_not_with_the_introduction(chatbet, text, opening):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    assert reply.intent == "greeting"
    assert reply.content.startswith(opening), reply.content


@pytest.mark.parametrize(
    ("opening", "question", "says"),
    [
        (
            "quem ganha, Barcelona ou Real Madrid?",
            "e quanto paga a vitória do Real Madrid?",
            "Real Madrid paga **",
        ),
        (
            "¿quién gana, Barcelona o Real Madrid?",
            "¿y cuánto paga la victoria del Real Madrid?",
            "Real Madrid paga **",
        ),
        (
            "who wins, Barcelona or Real Madrid?",
            "and how much does a win for Real Madrid pay?",
            "Real Madrid pays **",
        ),
    ],
)
async def test_the_win_of_a_team_named_before_it_is_the_price_quoted(chatbet, opening, question, says):
    conversation = await sync_to_async(start)()
    await ask(conversation, opening, "m1")
    reply = await ask(conversation, question, "m2")
    assert says in reply.content, reply.content


@pytest.mark.parametrize(
    ("opening", "question", "says"),
    [
        ("¿Cuándo juega el Barcelona?", "y cuánto paga si gana", "Barcelona paga **2.10**"),
        ("Quando joga o Barcelona?", "e quanto paga se ganhar?", "Barcelona paga **2.10**"),
    ],
)
async def test_a_payout_question_without_a_stake_gets_the_teams_price(chatbet, opening, question, says):
    conversation = await sync_to_async(start)()
    await ask(conversation, opening, "m1")
    reply = await ask(conversation, question, "m2")
    assert says in reply.content, reply.content
    # An example stake is no simulation on the table: a "yes" now shows no slip for it.
    await ask(conversation, "yes", "m3")
    assert await Bet.objects.filter(conversation=conversation).acount() == 0


async def test_first_one_over_a_days_list_is_its_first_match(chatbet):
    conversation = await sync_to_async(start)()
    listing = await ask(conversation, "what games are on this week?", "m1")
    listed = [line for line in listing.content.splitlines() if line.startswith("- **")]
    assert len(listed) >= 3
    reply = await ask(conversation, "first one", "m2")
    shown = [line for line in reply.content.splitlines() if line.startswith("- **")]
    assert shown == [listed[0]], reply.content


async def test_odds_for_a_team_in_a_named_competition_price_its_match_there(chatbet):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, "odds do jogo do Real Madrid na Champions", "m1")
    header = reply.content.splitlines()[0]
    assert "Real Madrid" in header, reply.content
    assert "Liga dos Campeões" in header, reply.content


async def test_the_one_of_a_competition_in_a_listed_day_is_that_listed_match(chatbet):
    conversation = await sync_to_async(start)()
    await ask(conversation, "¿qué partidos hay esta semana?", "m1")
    reply = await ask(conversation, "y cuotas del de la nba?", "m2")
    assert reply.content.startswith("**Los Angeles Lakers vs Boston Celtics** — NBA"), reply.content


@pytest.mark.parametrize("text", ["quiero apostar", "I want to place a bet", "quero apostar"])
async def test_wanting_to_bet_is_a_bet_request_not_a_harm_signal(chatbet, text):
    conversation = await sync_to_async(start)()
    reply = await ask(conversation, text, "m1")
    assert reply.intent == "place_bet"
    assert await HarmFlag.objects.filter(conversation=conversation).acount() == 0
