"""The ChatBet client against a real HTTP fake: every endpoint, token renewal, retries, breaker."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from chatbet_site.breaker import BreakerState
from sportsdata.client import (
    ChatBetClient,
    ChatBetOutcomeUnknown,
    ChatBetPayloadError,
    ChatBetRequestError,
    ChatBetUnavailable,
)
from sportsdata.client.types import BetLeg


def test_every_endpoint_parses(api, fake):
    sports = api.sports_list()
    assert [s.id for s in sports] == ["1", "3"]
    assert sports[0].names.es == "Fútbol"

    tournaments = api.tournaments_list(sport_id="1", language="es")
    assert [t.id for t in tournaments] == ["545", "566", "999"]
    assert tournaments[1].name == "Liga de Campeones de la UEFA"

    groups = api.all_tournaments_list(language="pt_br")
    assert groups[0].tournaments[1].name == "Liga dos Campeões da UEFA"
    assert groups[1].tournaments[0].id == "756"

    page = api.fixtures_list(tournament_id="545")
    assert page.total_results == 2
    assert {f.id for f in page.fixtures} == {"27907678", "27900311"}
    assert all(f.starts_at.tzinfo is not None for f in page.fixtures)

    empty = api.fixtures_list(tournament_id="999")
    assert (empty.total_results, empty.fixtures) == (0, ())

    localized = {f.id: f for f in api.sports_fixtures_list(sport_id="1")}
    assert localized["27900311"].away_names.pt_br == "Sevilha"

    odds = api.odds_get(fixture_id="27907678", sport_id="1", tournament_id="545")
    assert odds.active
    assert {s.market for s in odds.selections} == {
        "result", "double_chance", "both_teams_to_score", "over_under", "handicap", "half_time_result",
    }  # fmt: skip
    inactive = api.odds_get(fixture_id="27997794", sport_id="1", tournament_id="566")
    assert not inactive.active
    # Without the matching tournament the API says Inactive even for a priced fixture.
    assert not api.odds_get(fixture_id="27907678", sport_id="1", tournament_id="566").active

    assert api.token_validate()
    assert api.user_validate(user_key="1").user_id == "1"
    before = api.balance_get()
    assert before.money == Decimal("1000.0")

    leg = BetLeg(
        bet_id="2790767811", fixture_id="27907678", sport_id="1", tournament_id="545", odd=Decimal("2.1")
    )
    receipt = api.bet_place(legs=[leg], amount=Decimal("10"))
    assert receipt.accepted
    assert receipt.possible_win == Decimal("21.0")
    assert api.balance_get().money == before.money - 10

    leg2 = BetLeg(bet_id="2", fixture_id="27900311", sport_id="1", tournament_id="545", odd=Decimal("1.78"))
    quote = api.combo_calculate(legs=[leg, leg2], amount=Decimal("10"))
    assert quote.ok
    assert quote.odd == Decimal("3.738")
    assert quote.profit == Decimal("37.38")


def test_refused_bet_is_a_request_error(api):
    leg = BetLeg(bet_id="1", fixture_id="27907678", sport_id="1", tournament_id="545", odd=Decimal("2.1"))
    with pytest.raises(ChatBetRequestError) as info:
        api.bet_place(legs=[leg], amount=Decimal("5000"))
    assert info.value.status == 400
    assert "Insufficient" in info.value.detail


def test_token_is_renewed_once_on_401(api, fake):
    api.balance_get()
    assert fake.count("/auth/generate_token") == 1
    api.balance_get()
    assert fake.count("/auth/generate_token") == 1  # the token is reused
    fake.api.revoke_tokens()
    assert api.balance_get().money > 0
    assert fake.count("/auth/generate_token") == 2
    assert fake.count("/auth/get_user_balance") == 4  # 2 ok, 1 refused with 401, 1 retried


def test_5xx_is_retried_then_succeeds(api, fake):
    fake.fault("error500", paths=("/sports",), count=2)
    assert len(api.sports_list()) == 2
    assert fake.count("/sports") == 3


@pytest.mark.parametrize("mode", ["error500", "timeout", "malformed"])
def test_a_bet_that_may_have_reached_the_api_is_never_sent_again(api, fake, mode):
    leg = BetLeg(bet_id="1", fixture_id="27907678", sport_id="1", tournament_id="545", odd=Decimal("2.1"))
    api.balance_get()  # a token first, so only /place-bet meets the fault
    fake.fault(mode, paths=("/place-bet",), delay=1.0)
    with pytest.raises(ChatBetOutcomeUnknown):
        api.bet_place(legs=[leg], amount=Decimal("10"))
    assert fake.count("/place-bet") == 1  # CHATBET_API_RETRIES is 2: reads would go 3 times


def test_a_call_that_could_not_connect_is_retried_even_when_it_moves_money():
    """Nothing was sent: trying again cannot double anything (here: the token POST, 3 attempts)."""
    import socket

    with socket.socket() as probe:  # a loopback port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = ChatBetClient(base_url=f"http://127.0.0.1:{port}", retries=2, backoff=0.0, connect_timeout=0.5)
    leg = BetLeg(bet_id="1", fixture_id="27907678", sport_id="1", tournament_id="545", odd=Decimal("2.1"))
    with pytest.raises(ChatBetUnavailable) as info:
        client.bet_place(legs=[leg], amount=Decimal("10"))
    assert not isinstance(info.value, ChatBetOutcomeUnknown)
    assert client.counts.by_path == {"/auth/generate_token": 3}
    client.close()


def test_persistent_5xx_raises_unavailable_after_retries(api, fake):
    fake.fault("error500", paths=("/sports",))
    with pytest.raises(ChatBetUnavailable):
        api.sports_list()
    assert fake.count("/sports") == 3  # 1 + CHATBET_API_RETRIES


@pytest.mark.fault
def test_timeout_raises_unavailable(api, fake):
    fake.fault("timeout", paths=("/sports",), delay=1.0)
    started = time.monotonic()
    with pytest.raises(ChatBetUnavailable):
        api.sports_list()
    assert time.monotonic() - started < 2.5  # three 0.5 s client timeouts, not the server's 1 s hangs
    assert fake.count("/sports") == 3


@pytest.mark.fault
def test_malformed_json_raises_payload_error(api, fake):
    fake.fault("malformed", paths=("/sports/odds",), count=1)
    with pytest.raises(ChatBetPayloadError):
        api.odds_get(fixture_id="27907678", sport_id="1", tournament_id="545")


@pytest.mark.fault
def test_breaker_opens_fails_fast_and_closes_after_cool_down(api, fake):
    fake.fault("error500", paths=("/sports",))
    for _ in range(3):  # threshold 3
        with pytest.raises(ChatBetUnavailable):
            api.sports_list()
    assert api.breaker.state() is BreakerState.OPEN
    calls = fake.count("/sports")
    with pytest.raises(ChatBetUnavailable, match="circuit open"):
        api.sports_list()
    assert fake.count("/sports") == calls  # refused without touching the API

    fake.clear_fault()
    time.sleep(0.6)  # cool-down 0.5 s
    assert api.breaker.state() is BreakerState.HALF_OPEN
    assert len(api.sports_list()) == 2
    assert api.breaker.state() is BreakerState.CLOSED


def test_a_4xx_does_not_open_the_breaker(api):
    leg = BetLeg(bet_id="1", fixture_id="1", sport_id="1", tournament_id="1", odd=Decimal("2"))
    for _ in range(5):
        with pytest.raises(ChatBetRequestError):
            api.bet_place(legs=[leg], amount=Decimal("0"))
    assert api.breaker.state() is BreakerState.CLOSED
