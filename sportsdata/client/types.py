"""Typed values the ChatBet client returns, and the errors it raises.

Provider ids stay strings (the API sends "545"); odds and money are Decimal; kickoffs are aware
UTC datetimes with the year already inferred.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

LANGUAGES: tuple[str, ...] = ("en", "es", "pt_br")


class ChatBetError(Exception):
    """Base of every client error."""


class ChatBetUnavailable(ChatBetError):
    """The API could not be reached or kept failing (5xx, timeout, open circuit)."""


class ChatBetOutcomeUnknown(ChatBetUnavailable):
    """A call that is not safe to repeat (it moves money) may have reached the API, but no answer
    came back (timeout, 5xx, connection dropped, unreadable body): it may or may not have happened.
    It is never sent again automatically."""


class ChatBetPayloadError(ChatBetError):
    """The API answered, but with a body we cannot read (malformed JSON, wrong shape)."""


class ChatBetRequestError(ChatBetError):
    """The API refused the request (4xx other than an expired token)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"ChatBet API {status}: {detail}")
        self.status = status
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Names:
    en: str
    es: str = ""
    pt_br: str = ""

    def get(self, language: str) -> str:
        return {"es": self.es, "pt_br": self.pt_br}.get(language, "") or self.en


@dataclass(frozen=True, slots=True)
class Sport:
    id: str
    alias: str
    names: Names


@dataclass(frozen=True, slots=True)
class TournamentInfo:
    id: str
    name: str
    sport_names: Names


@dataclass(frozen=True, slots=True)
class TournamentRef:
    id: str
    name: str
    order: int


@dataclass(frozen=True, slots=True)
class SportTournaments:
    id: str
    name: str
    tournaments: tuple[TournamentRef, ...]


@dataclass(frozen=True, slots=True)
class Competitor:
    id: str
    name: str
    jersey_icon: str = ""


@dataclass(frozen=True, slots=True)
class Fixture:
    id: str
    starts_at: dt.datetime
    tournament_id: str
    tournament_name: str
    sport_id: str
    home: Competitor
    away: Competitor
    source: int | None = None


@dataclass(frozen=True, slots=True)
class FixturePage:
    total_results: int
    fixtures: tuple[Fixture, ...]


@dataclass(frozen=True, slots=True)
class SportFixture:
    """One item of /sports/sports-fixtures: every name in every language, no sport id."""

    id: str
    starts_at: dt.datetime
    tournament_id: str
    tournament_names: Names
    home_id: str
    home_names: Names
    away_id: str
    away_names: Names
    source: int | None = None


@dataclass(frozen=True, slots=True)
class Selection:
    market: str
    selection: str
    name: str
    price: Decimal
    bet_id: str
    line: Decimal | None = None


@dataclass(frozen=True, slots=True)
class MatchOdds:
    status: str  # "Active" / "Inactive" as the API says it
    main_market: str
    selections: tuple[Selection, ...] = ()

    @property
    def active(self) -> bool:
        return self.status.lower() == "active" and bool(self.selections)


@dataclass(frozen=True, slots=True)
class Balance:
    flag: int
    money: Decimal
    playable_balance: Decimal
    withdrawable_balance: Decimal
    bonus_balance: Decimal
    redeemed_bonus: Decimal


@dataclass(frozen=True, slots=True)
class BetLeg:
    bet_id: str
    fixture_id: str
    sport_id: str
    tournament_id: str
    odd: Decimal


@dataclass(frozen=True, slots=True)
class BetReceipt:
    message: str
    bet_id: str
    possible_win: Decimal

    @property
    def accepted(self) -> bool:
        return self.message.strip().lower() == "bet accepted"


@dataclass(frozen=True, slots=True)
class ComboQuote:
    profit: Decimal
    odd: Decimal
    ok: bool


@dataclass(frozen=True, slots=True)
class UserCheck:
    valid: bool
    user_id: str


@dataclass(slots=True)
class RequestCounts:
    """Per-client call counters, handy for logs and benchmarks."""

    requests: int = 0
    retries: int = 0
    by_path: dict[str, int] = field(default_factory=dict)
