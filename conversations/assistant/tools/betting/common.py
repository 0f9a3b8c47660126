"""What the betting tools share: whose data they act on, activity labels, refusals as tool errors."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from betting.errors import BettingRefused
from betting.selectors import Owner
from conversations.assistant.tools.registry import ToolContext, ToolError


def owner_of(ctx: ToolContext) -> Owner:
    return Owner(user_id=ctx.user_id, guest_id=ctx.guest_id)


def activity_in(en: str, es: str, pt: str) -> Any:
    """An activity label that does not depend on the arguments, in the user's language."""
    return lambda args, language: {"es": es, "pt": pt}.get(language, en)


class NoInput(BaseModel):
    pass


def refused_error(refused: BettingRefused) -> ToolError:
    detail = ", ".join(f"{k}={v}" for k, v in refused.data.items())
    if refused.code == "ACCOUNT_NOT_LINKED":
        detail = "Link your ChatBet account to see your balance or bet."
    elif refused.code == "BALANCE_UNAVAILABLE":
        detail = "The balance service is not answering right now."
    return ToolError(refused.code, detail)
