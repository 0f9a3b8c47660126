"""The result of understanding one user message, with its JSON form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from betting.harm import RgRequest


@dataclass(frozen=True, slots=True)
class Understanding:
    """Intent and entities of one message, after the conversation context was applied.

    Teams are catalog ids in mention order ("X vs Y" keeps X first); `team_pairs` are the explicit
    pairs ("A vs B", "A to beat B", "between A and B"). `ambiguous` lists (surface word, candidate
    ids) for a mention that needs a clarifying question. `picks` are the teams the user backs;
    outcome "team"/"team_or_draw" refers to picks[0] (see `outcome_for_fixture`).
    """

    intent: str
    confidence: float
    language: str
    # The message itself said which language it is in (not too short or mixed to tell).
    language_decided: bool = True
    teams: list[str] = field(default_factory=list)
    # The teams this message named itself (not carried from the conversation), in mention order:
    # "and Marseille's odds?" after PSG's schedule has teams [PSG, Marseille] but named [Marseille].
    named: list[str] = field(default_factory=list)
    team_pairs: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)
    unknown_teams: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    tournament: str | None = None
    sport: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    amount: Decimal | None = None
    currency: str | None = None
    all_in: bool = False
    market: str | None = None
    outcome: str | None = None
    line: Decimal | None = None
    picks: list[str] = field(default_factory=list)
    is_followup: bool = False
    is_confirmation: bool = False
    is_rejection: bool = False
    # Acts on the slip or simulation on the table: a new stake for it, one more selection for it.
    is_stake_edit: bool = False
    # When the intent is "unclear" for low confidence: the likely requests, most likely first.
    alternatives: tuple[str, ...] = ()
    is_add_leg: bool = False
    # Two or more markets asked together ("odds + btts", "el hándicap y el total"), in the order
    # named; `market` is the one the message is mainly about.
    markets: tuple[str, ...] = ()
    # Two outcomes of the match under discussion weighed against each other ("which is safer, the
    # draw or Porto?"), as "market:selection" with home/away of `teams` (home first).
    compared: tuple[str, ...] = ()
    # Prices asked in a format ("in american odds", "as a fraction"): american | fractional | decimal.
    odds_format: str | None = None
    # The slip dropped a moment ago, asked for again ("put it back on"): that slip, at this stake.
    is_restore: bool = False
    # "Same for the cup game": the question stays, the match moves to another one of the team(s)
    # under discussion, in the tournament, competition kind ("cup"/"league") or day the message names.
    scope_shift: bool = False
    competition_kind: str | None = None
    # With scope_shift: "later"/"earlier" for the team's match after or before the one discussed.
    time_shift: str | None = None
    harm_signal: bool = False
    harm_kinds: tuple[str, ...] = ()
    rg: RgRequest | None = None
    injection_suspected: bool = False

    @property
    def underage(self) -> bool:
        """The person said they are under 18: no stake, no slip, no price, betting blocked."""
        return "underage" in self.harm_kinds

    @property
    def rg_action(self) -> str | None:
        return self.rg.action if self.rg else None

    def outcome_for_fixture(self, *, home_id: str, away_id: str) -> str | None:
        """Map "team"/"team_or_draw" to home/away of the resolved fixture; other outcomes pass through."""
        if self.outcome not in ("team", "team_or_draw"):
            return self.outcome
        pick = next((p for p in self.picks if p in (home_id, away_id)), None)
        if pick is None:
            return None
        side = "home" if pick == home_id else "away"
        return side if self.outcome == "team" else f"{side}_or_draw"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, ids and ISO dates, for Message.entities and logs."""
        rg = self.rg
        return {
            "intent": self.intent,
            "confidence": round(self.confidence, 3),
            "language": self.language,
            "teams": list(self.teams),
            "named": list(self.named),
            "team_pairs": [list(pair) for pair in self.team_pairs],
            "ambiguous": [{"surface": surface, "candidates": list(ids)} for surface, ids in self.ambiguous],
            "unknown_teams": list(self.unknown_teams),
            "suggestions": list(self.suggestions),
            "tournament": self.tournament,
            "sport": self.sport,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "amount": str(self.amount) if self.amount is not None else None,
            "currency": self.currency,
            "all_in": self.all_in,
            "market": self.market,
            "outcome": self.outcome,
            "line": str(self.line) if self.line is not None else None,
            "picks": list(self.picks),
            "is_followup": self.is_followup,
            "is_confirmation": self.is_confirmation,
            "is_rejection": self.is_rejection,
            "is_stake_edit": self.is_stake_edit,
            "alternatives": list(self.alternatives),
            "is_add_leg": self.is_add_leg,
            "is_restore": self.is_restore,
            "markets": list(self.markets),
            "compared": list(self.compared),
            "odds_format": self.odds_format,
            "scope_shift": self.scope_shift,
            "competition_kind": self.competition_kind,
            "time_shift": self.time_shift,
            "harm_signal": self.harm_signal,
            "harm_kinds": list(self.harm_kinds),
            "rg_action": rg.action if rg else None,
            "rg_params": (
                {
                    "duration_days": rg.duration_days,
                    "duration_text": rg.duration_text,
                    "permanent": rg.permanent,
                    "amount": str(rg.amount) if rg.amount is not None else None,
                    "period": rg.period,
                    "limit_kind": rg.limit_kind,
                }
                if rg
                else None
            ),
            "injection_suspected": self.injection_suspected,
        }
