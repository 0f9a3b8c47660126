"""What the conversation remembers between turns, as a small JSON-serialisable dataclass.

`next_context` derives the context to store after a turn from that turn's understanding; the
engine then records what only it knows: the fixture it resolved, a clarifying question it asked,
a bet proposal waiting for confirmation.
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
        harm_flagged=previous.harm_flagged or u.harm_signal,
        rg_action=u.rg.action if u.rg else previous.rg_action,
        turns=previous.turns + 1,
    )


def context_with_fixture(context: DialogueContext, *, home_id: str, away_id: str) -> DialogueContext:
    """Record the fixture the engine resolved this turn: it becomes "that match" for follow-ups."""
    pair = (home_id, away_id)
    pairs = (pair, *(p for p in context.last_fixture_team_pairs if set(p) != set(pair)))
    return replace(context, last_teams=pair, last_fixture_team_pairs=pairs[:6])


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
