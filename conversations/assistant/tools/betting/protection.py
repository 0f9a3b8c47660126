"""Responsible-gambling tools: self-exclusion, a break, stake limits (betting.services rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field

from betting import services as betting_services
from betting.errors import BettingRefused
from conversations.assistant.tools.betting.common import activity_in, owner_of
from conversations.assistant.tools.registry import Tool, ToolContext, ToolError, register


class SelfExcludeInput(BaseModel):
    days: int = Field(ge=1, le=3650, description="Length of the exclusion in days (e.g. 180 for six months)")


class CoolingOffInput(BaseModel):
    hours: int = Field(ge=1, le=24 * 42, description="Length of the break in hours")


class SetLimitInput(BaseModel):
    period: str = Field(description="per_bet, daily or weekly")
    amount: Decimal = Field(gt=0, max_digits=12, decimal_places=2)


@dataclass(frozen=True)
class RgOutcome:
    action: str
    until: datetime | None = None
    amount: Decimal | None = None
    period: str = ""
    immediate: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "until": self.until.isoformat() if self.until else None,
            "amount": self.amount,
            "period": self.period,
            "effective": "now" if self.immediate else "in 24 hours",
        }


def self_exclude(ctx: ToolContext, args: SelfExcludeInput) -> RgOutcome:
    until = ctx.now + timedelta(days=args.days)
    profile = betting_services.self_exclusion_start(owner=owner_of(ctx), until=until, now=ctx.now)
    return RgOutcome("self_exclusion", until=profile.self_excluded_until)


def cooling_off(ctx: ToolContext, args: CoolingOffInput) -> RgOutcome:
    until = ctx.now + timedelta(hours=args.hours)
    profile = betting_services.cooling_off_start(owner=owner_of(ctx), until=until, now=ctx.now)
    return RgOutcome("cooling_off", until=profile.cooling_off_until)


def set_limit(ctx: ToolContext, args: SetLimitInput) -> RgOutcome:
    try:
        change = betting_services.stake_limit_set(
            owner=owner_of(ctx), period=args.period, amount=args.amount, now=ctx.now
        )
    except BettingRefused as refused:
        raise ToolError(refused.code) from refused
    return RgOutcome(
        "limit",
        amount=change.amount,
        period=change.period,
        immediate=change.immediate,
        until=change.effective_at,
    )


register(
    Tool(
        name="self_exclude",
        description="Exclude the person from betting for a period, effective immediately. Cannot be shortened.",
        input_model=SelfExcludeInput,
        func=self_exclude,
        activity=activity_in(
            "Setting up your self-exclusion…", "Activando tu autoexclusión…", "Ativando sua autoexclusão…"
        ),
    )
)
register(
    Tool(
        name="cooling_off",
        description="A short break from betting (hours to weeks), effective immediately.",
        input_model=CoolingOffInput,
        func=cooling_off,
        activity=activity_in("Starting your break…", "Iniciando tu pausa…", "Iniciando sua pausa…"),
    )
)
register(
    Tool(
        name="set_limit",
        description="Set a stake limit per bet, per day or per week. Lower limits apply at once; higher ones after 24 hours.",
        input_model=SetLimitInput,
        func=set_limit,
        activity=activity_in(
            "Updating your limits…", "Actualizando tus límites…", "Atualizando seus limites…"
        ),
    )
)
