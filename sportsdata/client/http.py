"""The ChatBet Sports API client: one httpx.Client, timeouts, retries with backoff, a circuit breaker.

Retries cover timeouts, transport errors and 5xx of idempotent calls only (reads, the token, a
quote); a call that moves money (`/place-bet`) is sent once: when it may have arrived but no answer
came back it raises ChatBetOutcomeUnknown, and only a failure to connect (nothing sent) is retried.
A 4xx is final. The API token is generated on first need, kept in the client (never sent to users)
and regenerated once when a call gets 401.
Every public method returns typed values from `types.py`; it never touches the ORM.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import httpx

from chatbet_site.breaker import CircuitBreaker
from sportsdata.client import parsing
from sportsdata.client.types import (
    Balance,
    BetLeg,
    BetReceipt,
    ChatBetOutcomeUnknown,
    ChatBetPayloadError,
    ChatBetRequestError,
    ChatBetUnavailable,
    ComboQuote,
    FixturePage,
    MatchOdds,
    RequestCounts,
    Sport,
    SportFixture,
    SportTournaments,
    TournamentInfo,
    UserCheck,
)

logger = logging.getLogger(__name__)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


class ChatBetClient:
    def __init__(
        self,
        *,
        base_url: str,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 5.0,
        connect_timeout: float = 2.0,
        retries: int = 2,
        backoff: float = 0.3,
        breaker: CircuitBreaker | None = None,
        user_id: str = "1",
        user_key: str = "1",
        clock: Callable[[], dt.datetime] = _utcnow,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url,
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            headers={"accept": "application/json"},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        )
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.breaker = breaker
        self.user_id = user_id
        self.user_key = user_key
        self._clock = clock
        self._token: str | None = None
        self._token_lock = threading.Lock()
        self._counts_lock = threading.Lock()
        self.counts = RequestCounts()

    def close(self) -> None:
        self._http.close()

    # -- plumbing ---------------------------------------------------------------------------

    def _count(self, path: str, *, retry: bool) -> None:
        with self._counts_lock:
            self.counts.requests += 1
            self.counts.retries += int(retry)
            self.counts.by_path[path] = self.counts.by_path.get(path, 0) + 1

    def _token_current(self) -> str:
        with self._token_lock:
            if self._token is None:
                # A new token moves nothing: safe to ask again.
                self._token = parsing.token_parse(self._send("POST", "/auth/generate_token", idempotent=True))
            return self._token

    def _token_renew(self, stale: str) -> None:
        with self._token_lock:
            # Another thread may already have replaced the stale token.
            if self._token == stale:
                self._token = None

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """One logical call; returns decoded JSON. Raises ChatBet* errors only.

        An idempotent call (by default: a GET) is retried on timeouts, transport errors and 5xx.
        Any other call is retried only when the connection could not be made (nothing was sent);
        once it may have reached the API, a missing or failed answer is ChatBetOutcomeUnknown.
        """
        if idempotent is None:
            idempotent = method.upper() == "GET"
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["token"] = token
        last_error = "no attempt"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
            self._count(path, retry=attempt > 0)
            try:
                response = self._http.request(method, path, params=params, json=body, headers=all_headers)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                last_error = f"could not connect ({type(exc).__name__})"
                continue
            except httpx.TimeoutException as exc:
                last_error = f"timeout ({type(exc).__name__})"
                if not idempotent:
                    raise ChatBetOutcomeUnknown(f"{method} {path}: {last_error}") from exc
                continue
            except httpx.TransportError as exc:
                last_error = f"transport error ({type(exc).__name__})"
                if not idempotent:
                    raise ChatBetOutcomeUnknown(f"{method} {path}: {last_error}") from exc
                continue
            if response.status_code >= 500:
                last_error = f"HTTP {response.status_code}"
                if not idempotent:
                    raise ChatBetOutcomeUnknown(f"{method} {path}: {last_error}")
                continue
            if response.status_code >= 400:
                raise ChatBetRequestError(response.status_code, _detail(response))
            try:
                return response.json()
            except ValueError:
                if not idempotent:
                    raise ChatBetOutcomeUnknown(f"{method} {path}: unreadable answer") from None
                raise ChatBetPayloadError(f"{method} {path}: malformed JSON") from None
        logger.warning(
            "ChatBet %s %s failed after %d attempts: %s", method, path, self.retries + 1, last_error
        )
        raise ChatBetUnavailable(f"{method} {path}: {last_error}")

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        auth: bool = False,
        headers: dict[str, str] | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """A call under the circuit breaker; with `auth`, the token is attached and renewed on 401."""
        breaker = self.breaker
        if breaker is not None and not breaker.allow():
            raise ChatBetUnavailable(f"circuit open; retry in {breaker.retry_in():.0f}s")
        try:
            result = self._authorized(
                method, path, params=params, body=body, auth=auth, headers=headers, idempotent=idempotent
            )
        except (ChatBetUnavailable, ChatBetPayloadError):
            if breaker is not None:
                breaker.record_failure()
            raise
        except ChatBetRequestError:
            # The API answered: it is up, the request itself was refused.
            if breaker is not None:
                breaker.record_success()
            raise
        if breaker is not None:
            breaker.record_success()
        return result

    def _authorized(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None,
        body: Any,
        auth: bool,
        headers: dict[str, str] | None,
        idempotent: bool | None,
    ) -> Any:
        send = {"params": params, "body": body, "headers": headers, "idempotent": idempotent}
        if not auth:
            return self._send(method, path, **send)
        token = self._token_current()
        try:
            return self._send(method, path, token=token, **send)
        except ChatBetRequestError as exc:
            if exc.status != 401:
                raise
            # A refused token means the call was not carried out: sending it again is safe.
            logger.info("ChatBet token refused on %s; generating a new one", path)
            self._token_renew(token)
            token = self._token_current()
            return self._send(method, path, token=token, **send)

    # -- auth and user ----------------------------------------------------------------------

    def token_validate(self) -> bool:
        """True when the held token is accepted (a new one is generated if it was not)."""
        self._call("GET", "/auth/validate_token", auth=True)
        return True

    def user_validate(self, *, user_key: str) -> UserCheck:
        return parsing.user_check_parse(
            self._call("GET", "/auth/validate_user", params={"userKey": user_key})
        )

    def balance_get(self, *, user_id: str | None = None, user_key: str | None = None) -> Balance:
        params = {"userId": user_id or self.user_id, "userKey": user_key or self.user_key}
        return parsing.balance_parse(self._call("GET", "/auth/get_user_balance", params=params, auth=True))

    # -- sports data ------------------------------------------------------------------------

    def sports_list(self) -> tuple[Sport, ...]:
        return parsing.sports_parse(self._call("GET", "/sports"))

    def tournaments_list(
        self, *, sport_id: str, language: str = "en", with_active_fixtures: bool = False
    ) -> tuple[TournamentInfo, ...]:
        params = {
            "sport_id": sport_id,
            "language": language,
            "with_active_fixtures": _flag(with_active_fixtures),
        }
        return parsing.tournaments_parse(self._call("GET", "/sports/tournaments", params=params))

    def all_tournaments_list(
        self, *, language: str = "en", with_active_fixtures: bool = False
    ) -> tuple[SportTournaments, ...]:
        params = {"language": language, "with_active_fixtures": _flag(with_active_fixtures)}
        return parsing.all_tournaments_parse(self._call("GET", "/sports/all-tournaments", params=params))

    def fixtures_list(
        self, *, tournament_id: str, language: str = "en", kind: str = "pre_match"
    ) -> FixturePage:
        params = {"tournamentId": tournament_id, "type": kind, "language": language, "time_zone": "UTC"}
        payload = self._call("GET", "/sports/fixtures", params=params)
        return parsing.fixtures_parse(payload, now=self._clock())

    def sports_fixtures_list(
        self, *, sport_id: str, language: str = "en", kind: str = "pre_match"
    ) -> tuple[SportFixture, ...]:
        params = {"sportId": sport_id, "type": kind, "language": language, "time_zone": "UTC"}
        payload = self._call("GET", "/sports/sports-fixtures", params=params)
        return parsing.sports_fixtures_parse(payload, now=self._clock())

    def odds_get(
        self,
        *,
        fixture_id: str,
        sport_id: str,
        tournament_id: str,
        amount: Decimal = Decimal("1"),
        language: str = "en",
    ) -> MatchOdds:
        # The API answers "Active" only when sportId and tournamentId are given and match.
        params = {
            "sportId": sport_id,
            "tournamentId": tournament_id,
            "fixtureId": fixture_id,
            "amount": _decimal_text(amount),
            "language": language,
        }
        return parsing.odds_parse(self._call("GET", "/sports/odds", params=params))

    # -- betting ----------------------------------------------------------------------------

    def bet_place(
        self,
        *,
        legs: Sequence[BetLeg],
        amount: Decimal,
        user_id: str | None = None,
        user_key: str | None = None,
        source: str = "1101",
        language: str = "en",
        country_code: str = "US",
    ) -> BetReceipt:
        body = {
            "user": {"userKey": user_key or self.user_key, "id": user_id or self.user_id},
            "betInfo": {
                "amount": _decimal_text(amount),
                "betId": [
                    {
                        "betId": leg.bet_id,
                        "fixtureId": leg.fixture_id,
                        "odd": _decimal_text(leg.odd),
                        "sportId": leg.sport_id,
                        "tournamentId": leg.tournament_id,
                    }
                    for leg in legs
                ],
                "source": source,
            },
        }
        headers = {"accept-language": language.split("_")[0], "country-code": country_code}
        payload = self._call("POST", "/place-bet", body=body, auth=True, headers=headers, idempotent=False)
        try:
            return parsing.bet_receipt_parse(payload)
        except ChatBetPayloadError as exc:
            # The API answered 200 with something we cannot read: the bet may well be placed.
            raise ChatBetOutcomeUnknown(f"POST /place-bet: {exc}") from exc

    def combo_calculate(self, *, legs: Sequence[BetLeg], amount: Decimal) -> ComboQuote:
        body = {
            "betsInfo": [
                {
                    "betId": leg.bet_id,
                    "fixtureId": leg.fixture_id,
                    "sportId": leg.sport_id,
                    "tournamentId": leg.tournament_id,
                    "odd": float(leg.odd),
                }
                for leg in legs
            ],
            "amount": float(amount),
        }
        # A quote moves no money, so it is retried like a read.
        return parsing.combo_quote_parse(
            self._call("POST", "/combo-bet-calculation", body=body, idempotent=True)
        )


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict) and "detail" in body:
        return str(body["detail"])[:200]
    return str(body)[:200]
