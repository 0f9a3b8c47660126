"""Betting's part of a person's data erasure: pending slips cancelled, bets kept anonymised for
regulatory retention, harm flags deleted. Called inside the caller's erasure transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from betting.models import Bet, HarmFlag


@dataclass(frozen=True)
class BettingErasure:
    bets_anonymised: int
    harm_flags: int


def betting_data_erase(*, user_id: int, conversation_ids: Sequence[Any]) -> BettingErasure:
    """A slip still pending is cancelled first so an anonymous bet can never be placed; bets keep
    amounts, odds, status and provider ids, without the user, guest id or conversation."""
    mine = Q(user_id=user_id) | Q(conversation_id__in=list(conversation_ids))
    Bet.objects.filter(mine, status=Bet.Status.PENDING).update(status=Bet.Status.CANCELLED)
    bets = Bet.objects.filter(mine).update(user=None, guest_id="", conversation=None)
    flags, _ = HarmFlag.objects.filter(mine).delete()
    return BettingErasure(bets_anonymised=bets, harm_flags=flags)
