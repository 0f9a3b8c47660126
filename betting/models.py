"""Bets (proposed slips and placed bets), responsible-gambling profiles and harm flags.

A bet starts as a `pending` slip the assistant proposes; only an explicit confirmation turns it
into `placed` (with the provider's bet id). Profiles belong to a user or a guest identity and hold
the limits and exclusions that decide, outside the LLM, what the assistant may do.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

OWNER_CONSTRAINT = (Q(user__isnull=False) & Q(guest_id="")) | (Q(user__isnull=True) & ~Q(guest_id=""))


class GamblingProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="gambling_profile",
    )
    guest_id = models.CharField(max_length=64, blank=True)
    age_confirmed_at = models.DateTimeField(null=True, blank=True)
    # Set when the person says they are under 18: no betting and no prices until an operator clears it.
    minor_blocked_at = models.DateTimeField(null=True, blank=True)
    self_excluded_until = models.DateTimeField(null=True, blank=True)
    cooling_off_until = models.DateTimeField(null=True, blank=True)
    stake_limit_per_bet = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    stake_limit_daily = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    stake_limit_weekly = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    # A raised limit waits 24 h: {"per_bet"|"daily"|"weekly": {"amount": "...", "effective_at": iso}}.
    pending_limit_increases = models.JSONField(default=dict, blank=True)
    reality_check_minutes = models.PositiveIntegerField(default=60)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=OWNER_CONSTRAINT, name="profile_one_owner"),
            models.UniqueConstraint(
                fields=["guest_id"], condition=~Q(guest_id=""), name="profile_unique_guest"
            ),
        ]

    def __str__(self) -> str:
        return f"profile of {self.user_id or self.guest_id}"


class Bet(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Proposed, awaiting confirmation"
        # Sent to the provider, outcome not known yet (in flight, or a timeout/5xx): reconciled
        # by the balance delta, or resolved by an operator. Never sent a second time.
        UNCONFIRMED = "unconfirmed", "Sent, outcome being checked"
        PLACED = "placed", "Placed"
        REJECTED = "rejected", "Rejected by the provider"
        FAILED = "failed", "Not placed (provider unreachable, or found not placed)"
        EXPIRED = "expired", "Expired unconfirmed"
        CANCELLED = "cancelled", "Cancelled"
        SUPERSEDED = "superseded", "Replaced by a newer slip"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    guest_id = models.CharField(max_length=64, blank=True)
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.SET_NULL, null=True, blank=True, related_name="bets"
    )
    fixture = models.ForeignKey("sportsdata.Fixture", on_delete=models.PROTECT, related_name="bets")
    market = models.CharField(max_length=40)
    selection = models.CharField(max_length=40)
    selection_name = models.CharField(max_length=200)
    bet_id = models.CharField(max_length=40)  # the provider's selection id sent to /place-bet
    # A combo's odds are the product of its legs' odds: stored to 3 places for display; the
    # potential return was computed from the exact product (the legs keep their exact odds).
    odds = models.DecimalField(max_digits=10, decimal_places=3)
    stake = models.DecimalField(max_digits=12, decimal_places=2)
    potential_return = models.DecimalField(max_digits=14, decimal_places=2)
    odds_fetched_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    expires_at = models.DateTimeField()
    provider_bet_id = models.CharField(max_length=80, blank=True)
    provider_message = models.CharField(max_length=200, blank=True)
    # The account balance read just before sending: an unknown outcome is reconciled against it.
    balance_before = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    placed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["conversation", "status"], name="bet_conversation_status"),
            models.Index(fields=["sent_at"], condition=Q(status="unconfirmed"), name="bet_unconfirmed_sent"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(stake__gt=0), name="bet_stake_positive"),
            models.CheckConstraint(condition=Q(odds__gt=1), name="bet_odds_above_one"),
        ]

    def __str__(self) -> str:
        return f"{self.stake} on {self.selection_name} @ {self.odds} ({self.status})"


class BetLeg(models.Model):
    """One selection of a bet: a single has one leg, a combo (parlay) two or more, each on its own
    fixture. The bet's own fixture/market/selection fields repeat its first leg."""

    bet = models.ForeignKey(Bet, on_delete=models.CASCADE, related_name="legs")
    position = models.PositiveSmallIntegerField()
    fixture = models.ForeignKey("sportsdata.Fixture", on_delete=models.PROTECT, related_name="bet_legs")
    market = models.CharField(max_length=40)
    selection = models.CharField(max_length=40)
    selection_name = models.CharField(max_length=200)
    provider_selection_id = models.CharField(max_length=40)  # the betId sent to /place-bet
    odds = models.DecimalField(max_digits=10, decimal_places=3)
    odds_fetched_at = models.DateTimeField()

    class Meta:
        ordering = ["bet", "position"]
        constraints = [
            models.UniqueConstraint(fields=["bet", "position"], name="betleg_unique_position"),
            models.UniqueConstraint(fields=["bet", "fixture"], name="betleg_one_per_fixture"),
            models.CheckConstraint(condition=Q(odds__gt=1), name="betleg_odds_above_one"),
        ]

    def __str__(self) -> str:
        return f"{self.selection_name} @ {self.odds}"


class HarmFlag(models.Model):
    """A message showing signs of gambling harm, queued for an operator."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    guest_id = models.CharField(max_length=64, blank=True)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="harm_flags",
    )
    message = models.ForeignKey("conversations.Message", on_delete=models.SET_NULL, null=True, blank=True)
    signals = models.JSONField(default=list)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at"]

    def __str__(self) -> str:
        return f"harm flag {self.pk} ({self.status})"


class LinkedAccount(models.Model):
    """A user's own ChatBet account. The key stays server-side: it is never logged or returned."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chatbet_account"
    )
    provider_user_id = models.CharField(max_length=64)
    provider_user_key = models.CharField(max_length=128)
    linked_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"ChatBet account {self.provider_user_id} of {self.user_id}"


class AccountProtection(models.Model):
    """Protections of a person's own ChatBet account (a LinkedAccount): every login linked to that
    account is bound by them, so a new sign-up or token on the same money cannot bypass a
    self-exclusion or an under-18 block. The shared demo account (CHATBET_SHARED_ACCOUNT) is
    everyone's, so nothing is recorded against it: there, protections stay with the identity."""

    provider_user_id = models.CharField(max_length=64, unique=True)
    self_excluded_until = models.DateTimeField(null=True, blank=True)
    cooling_off_until = models.DateTimeField(null=True, blank=True)
    minor_blocked_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"protections of ChatBet account {self.provider_user_id}"
