"""The dialogue frame: what the conversation remembers between turns, typed and JSON-serialisable.

It holds the fixture(s) under discussion, market, outcome, stake, the last list of fixtures shown,
the last simulation shown and the slip waiting for confirmation (id, stake, legs). `next_context`
derives the frame to store after a turn from that turn's understanding; the engine then records
what only it knows: the fixture it resolved, the list it showed, the slip or simulation it quoted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conversations.assistant.understanding.result import Understanding


@dataclass(frozen=True, slots=True)
class PendingClarification:
    """A question the assistant asked: which of `candidates` (team ids) did the user mean?"""

    kind: str  # "team"
    candidates: tuple[str, ...]
    intent: str
    surface: str = ""


@dataclass(frozen=True, slots=True)
class ListedFixture:
    """One fixture of the last list shown, in the order shown (for "the third match")."""

    fixture_id: str
    home_id: str
    away_id: str
    starts_at: str  # ISO 8601, compared as text: every value is UTC with the same offset

    def to_list(self) -> list[str]:
        return [self.fixture_id, self.home_id, self.away_id, self.starts_at]


@dataclass(frozen=True, slots=True)
class LegFrame:
    """One selection of a slip or simulation as quoted: the odds are the ones the person saw."""

    fixture_id: str
    home_id: str
    away_id: str
    market: str
    selection: str  # home, draw, away, home_or_draw, over, yes, ...
    odds: Decimal

    def to_dict(self) -> dict[str, str]:
        return {
            "fixture_id": self.fixture_id,
            "home_id": self.home_id,
            "away_id": self.away_id,
            "market": self.market,
            "selection": self.selection,
            "odds": str(self.odds),
        }

    @classmethod
    def from_dict(cls, data: Any) -> LegFrame | None:
        if not isinstance(data, dict):
            return None
        odds = _decimal(data.get("odds"))
        fixture_id, home_id, away_id, market, selection = (
            str(data.get(k) or "") for k in ("fixture_id", "home_id", "away_id", "market", "selection")
        )
        if odds is None or not all((fixture_id, home_id, away_id, market, selection)):
            return None
        return cls(fixture_id, home_id, away_id, market, selection, odds)


@dataclass(frozen=True, slots=True)
class BetFrame:
    """A slip shown for confirmation (`slip_id` set) or a simulation shown (`slip_id` None)."""

    stake: Decimal
    legs: tuple[LegFrame, ...]
    slip_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "stake": str(self.stake),
            "legs": [leg.to_dict() for leg in self.legs],
            "slip_id": self.slip_id,
        }

    @classmethod
    def from_dict(cls, data: Any) -> BetFrame | None:
        if not isinstance(data, dict):
            return None
        stake = _decimal(data.get("stake"))
        legs = tuple(leg for leg in (LegFrame.from_dict(x) for x in data.get("legs") or ()) if leg)
        slip_id = data.get("slip_id")
        if stake is None or not legs:
            return None
        return cls(stake=stake, legs=legs, slip_id=int(slip_id) if isinstance(slip_id, int) else None)

    @property
    def team_ids(self) -> tuple[str, ...]:
        return tuple(team for leg in self.legs for team in (leg.home_id, leg.away_id))


@dataclass(frozen=True, slots=True)
class DialogueContext:
    language: str = "en"
    last_intent: str | None = None
    # Team ids of the last match or teams talked about; (home, away) once a fixture is resolved.
    last_teams: tuple[str, ...] = ()
    # Every (home, away) pair named or resolved recently, for "the other match".
    last_fixture_team_pairs: tuple[tuple[str, str], ...] = ()
    last_tournament: str | None = None
    last_date_from: dt.date | None = None
    last_date_to: dt.date | None = None
    last_market: str | None = None
    last_outcome: str | None = None
    last_line: Decimal | None = None
    last_picks: tuple[str, ...] = ()
    last_amount: Decimal | None = None
    last_currency: str | None = None
    pending_clarification: PendingClarification | None = None
    pending_bet: bool = False
    # The fixture under discussion (provider id), the last list shown, the slip waiting for a yes
    # (the one a confirmation acts on) and the last simulation shown ("confirm" offers it as a slip).
    fixture_id: str | None = None
    listed: tuple[ListedFixture, ...] = ()
    slip: BetFrame | None = None
    simulation: BetFrame | None = None
    # The turn in which the person last mentioned losing money (a limit raise right after is careful).
    loss_turn: int | None = None
    harm_flagged: bool = False
    rg_action: str | None = None
    turns: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pending = self.pending_clarification
        return {
            "language": self.language,
            "last_intent": self.last_intent,
            "last_teams": list(self.last_teams),
            "last_fixture_team_pairs": [list(pair) for pair in self.last_fixture_team_pairs],
            "last_tournament": self.last_tournament,
            "last_date_from": self.last_date_from.isoformat() if self.last_date_from else None,
            "last_date_to": self.last_date_to.isoformat() if self.last_date_to else None,
            "last_market": self.last_market,
            "last_outcome": self.last_outcome,
            "last_line": str(self.last_line) if self.last_line is not None else None,
            "last_picks": list(self.last_picks),
            "last_amount": str(self.last_amount) if self.last_amount is not None else None,
            "last_currency": self.last_currency,
            "pending_clarification": (
                {
                    "kind": pending.kind,
                    "candidates": list(pending.candidates),
                    "intent": pending.intent,
                    "surface": pending.surface,
                }
                if pending
                else None
            ),
            "pending_bet": self.pending_bet,
            "fixture_id": self.fixture_id,
            "listed": [item.to_list() for item in self.listed],
            "slip": self.slip.to_dict() if self.slip else None,
            "simulation": self.simulation.to_dict() if self.simulation else None,
            "loss_turn": self.loss_turn,
            "harm_flagged": self.harm_flagged,
            "rg_action": self.rg_action,
            "turns": self.turns,
            "extra": dict(self.extra),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DialogueContext:
        """Tolerates missing or malformed keys: a context is a hint, never a reason to fail a turn."""
        if not data:
            return cls()
        pending_data = data.get("pending_clarification")
        pending = None
        if isinstance(pending_data, dict) and pending_data.get("candidates"):
            pending = PendingClarification(
                kind=str(pending_data.get("kind", "team")),
                candidates=tuple(str(c) for c in pending_data["candidates"]),
                intent=str(pending_data.get("intent") or "unclear"),
                surface=str(pending_data.get("surface") or ""),
            )
        return cls(
            language=str(data.get("language") or "en"),
            last_intent=data.get("last_intent"),
            last_teams=tuple(str(t) for t in data.get("last_teams") or ()),
            last_fixture_team_pairs=tuple(
                (str(pair[0]), str(pair[1]))
                for pair in data.get("last_fixture_team_pairs") or ()
                if isinstance(pair, list | tuple) and len(pair) == 2
            ),
            last_tournament=data.get("last_tournament"),
            last_date_from=_date(data.get("last_date_from")),
            last_date_to=_date(data.get("last_date_to")),
            last_market=data.get("last_market"),
            last_outcome=data.get("last_outcome"),
            last_line=_decimal(data.get("last_line")),
            last_picks=tuple(str(t) for t in data.get("last_picks") or ()),
            last_amount=_decimal(data.get("last_amount")),
            last_currency=data.get("last_currency"),
            pending_clarification=pending,
            pending_bet=bool(data.get("pending_bet")),
            fixture_id=str(data["fixture_id"]) if data.get("fixture_id") else None,
            listed=tuple(
                ListedFixture(*(str(part) for part in item))
                for item in data.get("listed") or ()
                if isinstance(item, list | tuple) and len(item) == 4
            ),
            slip=BetFrame.from_dict(data.get("slip")),
            simulation=BetFrame.from_dict(data.get("simulation")),
            loss_turn=data.get("loss_turn") if isinstance(data.get("loss_turn"), int) else None,
            harm_flagged=bool(data.get("harm_flagged")),
            rg_action=data.get("rg_action"),
            turns=int(data.get("turns") or 0),
            extra=dict(data.get("extra") or {}),
        )


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def next_context(understanding: Understanding, context: DialogueContext | None) -> DialogueContext:
    """The context to store after a turn, before the engine adds what it resolved."""
    previous = context or DialogueContext()
    u = understanding
    pairs = previous.last_fixture_team_pairs
    if u.team_pairs:
        pairs = tuple(u.team_pairs) + tuple(p for p in pairs if p not in u.team_pairs)
    pending = None
    if u.ambiguous and not u.teams:
        surface, candidates = u.ambiguous[0]
        pending = PendingClarification(
            kind="team", candidates=tuple(candidates), intent=u.intent, surface=surface
        )
    elif (
        previous.pending_clarification and u.is_followup and not u.teams and u.intent == previous.last_intent
    ):
        pending = previous.pending_clarification
    carries = u.intent not in ("greeting", "help_request", "unclear", "user_balance_query")
    return replace(
        previous,
        language=u.language,
        last_intent=u.intent if carries or previous.last_intent is None else previous.last_intent,
        last_teams=tuple(u.teams) if u.teams else (previous.last_teams if not carries else ()),
        last_fixture_team_pairs=pairs[:6],
        last_tournament=u.tournament if carries else previous.last_tournament,
        last_date_from=u.date_from if carries else previous.last_date_from,
        last_date_to=u.date_to if carries else previous.last_date_to,
        last_market=u.market if carries else previous.last_market,
        last_outcome=u.outcome if carries else previous.last_outcome,
        last_line=u.line if carries else previous.last_line,
        last_picks=tuple(u.picks) if carries else previous.last_picks,
        last_amount=u.amount if carries else previous.last_amount,
        last_currency=u.currency if carries else previous.last_currency,
        pending_clarification=pending,
        pending_bet=previous.pending_bet
        and u.intent == "place_bet"
        and not (u.is_confirmation or u.is_rejection),
        # A waiting slip survives other questions ("what's my balance?"); only a yes, a no or a new
        # slip (recorded by the engine) ends it.
        slip=None if (u.is_confirmation or u.is_rejection) else previous.slip,
        harm_flagged=previous.harm_flagged or u.harm_signal,
        rg_action=u.rg.action if u.rg else previous.rg_action,
        turns=previous.turns + 1,
    )


def context_with_fixture(
    context: DialogueContext, *, home_id: str, away_id: str, fixture_id: str | None = None
) -> DialogueContext:
    """Record the fixture the engine resolved this turn: it becomes "that match" for follow-ups."""
    pair = (home_id, away_id)
    pairs = (pair, *(p for p in context.last_fixture_team_pairs if set(p) != set(pair)))
    return replace(
        context,
        last_teams=pair,
        last_fixture_team_pairs=pairs[:6],
        fixture_id=fixture_id or (context.fixture_id if pair == context.last_teams else None),
    )


def context_with_listing(context: DialogueContext, *, listed: list[ListedFixture]) -> DialogueContext:
    """Record the list of fixtures shown: ordinals and "the later game" index it."""
    return replace(
        context,
        listed=tuple(listed),
        last_fixture_team_pairs=tuple((item.home_id, item.away_id) for item in listed[:6]),
    )


def context_with_slip(context: DialogueContext, *, slip: BetFrame | None) -> DialogueContext:
    """Record the slip shown for confirmation (None once it is placed, dropped or refused)."""
    return replace(context, slip=slip, pending_bet=slip is not None)


def context_with_simulation(context: DialogueContext, *, simulation: BetFrame | None) -> DialogueContext:
    return replace(context, simulation=simulation)


def context_with_clarification(
    context: DialogueContext,
    *,
    candidates: tuple[str, ...],
    intent: str,
    kind: str = "team",
    surface: str = "",
) -> DialogueContext:
    return replace(
        context,
        pending_clarification=PendingClarification(
            kind=kind, candidates=candidates, intent=intent, surface=surface
        ),
    )


def context_with_pending_bet(context: DialogueContext, *, pending: bool = True) -> DialogueContext:
    """Mark that a bet proposal awaits the user's explicit yes (or clear it)."""
    return replace(context, pending_bet=pending)
