"""Betting REST API: responsible-gambling profile and settings, bets list, simulate, propose, confirm.

Every endpoint acts for the authenticated identity only. The rules (limits, exclusions, one
placement per slip) live in betting.services; these views parse, call one service, serialize.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from betting import odds as odds_math
from betting import services
from betting.models import Bet, BetLeg, GamblingProfile, LinkedAccount
from betting.selectors import (
    LegChoice,
    bets_for_owner,
    gambling_status,
    market_key,
    market_label,
    profile_for_owner,
    slip_quote,
)
from conversations.apis.common import ApiError, ChatRateThrottle, HasIdentity, paginated, require_identity
from conversations.identity import Identity
from sportsdata.models import Fixture
from sportsdata.selectors import fixture_by_provider_id, fixture_next_between
from sportsdata.services import odds_fresh_for_fixture


class ProfileSerializer(serializers.Serializer):
    age_confirmed = serializers.BooleanField()
    self_excluded_until = serializers.DateTimeField(allow_null=True)
    cooling_off_until = serializers.DateTimeField(allow_null=True)
    stake_limit_per_bet = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    stake_limit_daily = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    stake_limit_weekly = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    pending_limit_increases = serializers.DictField()


class BetLegSerializer(serializers.ModelSerializer):
    fixture = serializers.CharField(source="fixture.__str__", read_only=True)
    fixture_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = BetLeg
        fields = ["fixture", "fixture_id", "market", "selection", "selection_name", "odds", "odds_fetched_at"]


class BetSerializer(serializers.ModelSerializer):
    fixture = serializers.CharField(source="fixture.__str__", read_only=True)
    fixture_id = serializers.IntegerField(read_only=True)
    legs = BetLegSerializer(many=True, read_only=True)

    class Meta:
        model = Bet
        fields = [
            "id",
            "status",
            "fixture",
            "fixture_id",
            "market",
            "selection",
            "selection_name",
            "odds",
            "stake",
            "potential_return",
            "legs",
            "odds_fetched_at",
            "expires_at",
            "provider_bet_id",
            "created_at",
            "placed_at",
        ]


def profile_payload(identity: Identity) -> dict[str, Any]:
    now = timezone.now()
    services.limits_refresh(owner=identity.owner, now=now)
    rg = gambling_status(owner=identity.owner, now=now)
    profile: GamblingProfile | None = profile_for_owner(owner=identity.owner)
    return {
        "age_confirmed": rg.age_confirmed,
        "self_excluded_until": rg.self_excluded_until,
        "cooling_off_until": rg.cooling_off_until,
        "stake_limit_per_bet": rg.stake_limit_per_bet,
        "stake_limit_daily": rg.stake_limit_daily,
        "stake_limit_weekly": rg.stake_limit_weekly,
        "pending_limit_increases": profile.pending_limit_increases if profile else {},
    }


FORBIDDEN_CODES = ("SELF_EXCLUDED", "COOLING_OFF", "AGE_NOT_CONFIRMED", "MINOR_BLOCKED", "ACCOUNT_NOT_LINKED")


# What each refusal means, for the error envelope's message (the code stays the stable part).
REFUSAL_MESSAGES = {
    "ACCOUNT_NOT_LINKED": gettext_lazy("Link your ChatBet account before betting."),
    "AGE_NOT_CONFIRMED": gettext_lazy("Confirm you are 18 or older before betting."),
    "BALANCE_UNAVAILABLE": gettext_lazy("Your balance can't be checked right now; try again shortly."),
    "COMBO_PRICE_MISMATCH": gettext_lazy("The combined odds no longer match the selections' prices."),
    "COOLING_OFF": gettext_lazy("Betting is paused during your break."),
    "DUPLICATE_LEG": gettext_lazy("The same selection appears twice."),
    "INSUFFICIENT_BALANCE": gettext_lazy("Your balance is too low for that stake."),
    "INVALID_AMOUNT": gettext_lazy("That amount is not valid."),
    "INVALID_LEGS": gettext_lazy("Those selections can't be combined."),
    "INVALID_LIMIT_PERIOD": gettext_lazy("That limit period is not valid."),
    "INVALID_PERIOD": gettext_lazy("That period is not valid."),
    "INVALID_STAKE": gettext_lazy("That stake is not valid."),
    "MINOR_BLOCKED": gettext_lazy("Betting is only for adults aged 18 or over."),
    "NO_PENDING_BET": gettext_lazy("There is no bet waiting for confirmation."),
    "ODDS_TOO_HIGH": gettext_lazy("Those odds are above what can be placed."),
    "OVER_LIMIT": gettext_lazy("That stake is over your limit."),
    "SAME_FIXTURE_LEGS": gettext_lazy("A combo can't hold two selections from the same match."),
    "SELECTION_NOT_FOUND": gettext_lazy("That selection is not offered for this match."),
    "SELF_EXCLUDED": gettext_lazy("Betting is blocked during your self-exclusion."),
}


def refused(exc: services.BettingRefused) -> ApiError:
    http = (
        status.HTTP_403_FORBIDDEN
        if exc.code in FORBIDDEN_CODES
        else status.HTTP_404_NOT_FOUND
        if exc.code == "NO_PENDING_BET"
        else status.HTTP_503_SERVICE_UNAVAILABLE
        if exc.code == "BALANCE_UNAVAILABLE"
        else status.HTTP_400_BAD_REQUEST
    )
    details = {k: str(v) for k, v in exc.data.items()}
    message = REFUSAL_MESSAGES.get(exc.code)
    text = str(message) if message is not None else exc.code.replace("_", " ").capitalize() + "."
    return ApiError(exc.code, text, http, details)


class ProfileApi(APIView):
    permission_classes = [HasIdentity]

    @extend_schema(responses=ProfileSerializer, tags=["betting"])
    def get(self, request: Request) -> Response:
        return Response(ProfileSerializer(profile_payload(require_identity(request))).data)


class AgeConfirmationApi(APIView):
    permission_classes = [HasIdentity]

    @extend_schema(
        request=inline_serializer("AgeConfirmation", fields={"confirm": serializers.BooleanField()}),
        responses=ProfileSerializer,
        tags=["betting"],
    )
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        if not isinstance(request.data, dict) or request.data.get("confirm") is not True:
            raise ApiError("INVALID_INPUT", gettext('Send {"confirm": true} to confirm you are 18 or older.'))
        services.profile_confirm_age(owner=identity.owner, now=timezone.now())
        return Response(ProfileSerializer(profile_payload(identity)).data)


class LimitSerializer(serializers.Serializer):
    period = serializers.ChoiceField(choices=["per_bet", "daily", "weekly"])
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))


class LimitChangeSerializer(serializers.Serializer):
    period = serializers.CharField()
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)
    effective_at = serializers.DateTimeField()
    immediate = serializers.BooleanField()


class LimitsApi(APIView):
    permission_classes = [HasIdentity]

    @extend_schema(
        request=LimitSerializer,
        responses=LimitChangeSerializer,
        tags=["betting"],
        description="Lower limits apply at once; raising a limit takes effect after 24 hours.",
    )
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        data = LimitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            change = services.stake_limit_set(
                owner=identity.owner,
                period=data.validated_data["period"],
                amount=data.validated_data["amount"],
                now=timezone.now(),
            )
        except services.BettingRefused as exc:
            raise refused(exc) from exc
        return Response(LimitChangeSerializer(change).data)


class SelfExclusionApi(APIView):
    permission_classes = [HasIdentity]

    @extend_schema(
        request=inline_serializer(
            "SelfExclusion", fields={"days": serializers.IntegerField(min_value=1, max_value=3650)}
        ),
        responses=ProfileSerializer,
        tags=["betting"],
        description="Effective immediately; it can be extended but never shortened.",
    )
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        data = serializers.IntegerField(min_value=1, max_value=3650)
        days = data.run_validation(request.data.get("days") if isinstance(request.data, dict) else None)
        now = timezone.now()
        services.self_exclusion_start(owner=identity.owner, until=now + timedelta(days=days), now=now)
        return Response(ProfileSerializer(profile_payload(identity)).data)


class CoolingOffApi(APIView):
    permission_classes = [HasIdentity]

    @extend_schema(
        request=inline_serializer(
            "CoolingOff", fields={"hours": serializers.IntegerField(min_value=1, max_value=1008)}
        ),
        responses=ProfileSerializer,
        tags=["betting"],
    )
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        raw = request.data.get("hours") if isinstance(request.data, dict) else None
        hours = serializers.IntegerField(min_value=1, max_value=1008).run_validation(raw)
        now = timezone.now()
        services.cooling_off_start(owner=identity.owner, until=now + timedelta(hours=hours), now=now)
        return Response(ProfileSerializer(profile_payload(identity)).data)


class BetCursor(CursorPagination):
    page_size = 20
    ordering = ("-created_at", "-id")


MARKETS = ["1x2", "double_chance", "both_teams_to_score", "over_under", "handicap", "half_time_result"]


class ProposeLegSerializer(serializers.Serializer):
    fixture_id = serializers.CharField(help_text="The fixture's provider id")
    market = serializers.ChoiceField(choices=MARKETS, default="1x2")
    selection = serializers.CharField(max_length=40)


class ProposeSerializer(serializers.Serializer):
    """A single (fixture_id, market, selection) or a combo (`legs`, 2 to 10 on different fixtures)."""

    fixture_id = serializers.CharField(required=False, help_text="The fixture's provider id (a single)")
    market = serializers.ChoiceField(choices=MARKETS, default="1x2")
    selection = serializers.CharField(max_length=40, required=False)
    legs = serializers.ListField(child=ProposeLegSerializer(), required=False, min_length=2, max_length=10)
    stake = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    conversation_id = serializers.UUIDField(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        single = attrs.get("fixture_id") is not None and attrs.get("selection") is not None
        if single == bool(attrs.get("legs")):
            raise serializers.ValidationError("Give fixture_id and selection (a single) or legs (a combo).")
        return attrs


class StakeEditSerializer(serializers.Serializer):
    stake = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0.01"))


def _fixture(provider_id: str) -> Fixture:
    fixture = fixture_by_provider_id(provider_id=provider_id)
    if fixture is None:
        raise ApiError("FIXTURE_NOT_FOUND", gettext("No such fixture."), status.HTTP_404_NOT_FOUND)
    return fixture


def _selection_key(fixture: Fixture, selection: str) -> str:
    """A team name stands for its side of the fixture; anything else is already a key."""
    lowered = selection.strip().lower()
    for side, team in (("home", fixture.home_team), ("away", fixture.away_team)):
        names = (team.provider_id, team.name_en, team.name_es, team.name_pt_br)
        if lowered in {n.lower() for n in names if n}:
            return side
    return lowered


class BetListApi(APIView):
    permission_classes = [HasIdentity]

    def get_throttles(self) -> list[Any]:
        return [ChatRateThrottle()] if self.request.method == "POST" else super().get_throttles()

    @extend_schema(
        responses=paginated("BetPage", BetSerializer), tags=["betting"], operation_id="betting_bets_list"
    )
    def get(self, request: Request) -> Response:
        identity = require_identity(request)
        paginator = BetCursor()
        page = paginator.paginate_queryset(bets_for_owner(owner=identity.owner), request, view=self)
        return paginator.get_paginated_response(BetSerializer(page, many=True).data)

    @extend_schema(request=ProposeSerializer, responses={201: BetSerializer}, tags=["betting"],
                   description="Propose a bet slip. Nothing is placed until POST /bets/{id}/confirm.")  # fmt: skip
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        data = ProposeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        conversation_id = str(data.validated_data.get("conversation_id") or "")
        if conversation_id:
            from conversations.apis.chat import conversation_for

            conversation_for(identity, conversation_id)
        legs = data.validated_data.get("legs") or [data.validated_data]
        choices = []
        for leg in legs:
            fixture = _fixture(leg["fixture_id"])
            selection = _selection_key(fixture, leg["selection"])
            choices.append(LegChoice(fixture=fixture, market=market_key(leg["market"]), selection=selection))
        try:
            proposed = services.slip_propose(
                owner=identity.owner,
                conversation_id=conversation_id or None,
                legs=choices,
                stake=data.validated_data["stake"],
                now=timezone.now(),
            )
        except services.BettingRefused as exc:
            raise refused(exc) from exc
        bet = bets_for_owner(owner=identity.owner).get(pk=proposed.pk)
        return Response(BetSerializer(bet).data, status=status.HTTP_201_CREATED)


class LegSerializer(serializers.Serializer):
    fixture_id = serializers.CharField(required=False, help_text="The fixture's provider id")
    team = serializers.CharField(required=False)
    opponent = serializers.CharField(required=False)
    market = serializers.CharField(default="1x2")
    selection = serializers.CharField()


class SimulateRequestSerializer(serializers.Serializer):
    legs = LegSerializer(many=True)
    stake = serializers.DecimalField(max_digits=12, decimal_places=2)


class BetSimulateApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [ChatRateThrottle]

    @extend_schema(request=SimulateRequestSerializer, responses=inline_serializer("Simulation", fields={
        "legs": serializers.ListField(child=serializers.DictField()), "stake": serializers.CharField(),
        "odds": serializers.CharField(), "potential_return": serializers.CharField(), "profit": serializers.CharField(),
        "implied_probability": serializers.CharField()}), tags=["betting"])  # fmt: skip
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        data = SimulateRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        legs = [_leg_choice(leg) for leg in data.validated_data["legs"]]
        try:
            services.betting_access_check(owner=identity.owner, now=timezone.now())
            quote = slip_quote(legs=legs, stake=data.validated_data["stake"])
        except services.BettingRefused as exc:
            raise refused(exc) from exc
        return Response(
            {
                "legs": [
                    {
                        "fixture_id": price.fixture.provider_id,
                        "fixture": str(price.fixture),
                        "market": market_label(price.market),
                        "selection": price.name,
                        "odds": str(price.price),
                        "odds_time": price.fetched_at.isoformat(),
                    }
                    for price in quote.prices
                ],
                "stake": str(quote.stake),
                "odds": str(quote.odds),
                "potential_return": str(quote.potential_return),
                "profit": str(quote.profit),
                "implied_probability": str(odds_math.implied_probability(quote.odds)),
                "note": "A simulation: nothing was placed.",
            }
        )


def _leg_choice(leg: dict[str, Any]) -> LegChoice:
    """A leg by fixture id, or by its team (and opponent): the next upcoming match of theirs."""
    if leg.get("fixture_id"):
        fixture = _fixture(leg["fixture_id"])
    elif leg.get("team"):
        found = fixture_next_between(team=leg["team"], opponent=leg.get("opponent"), now=timezone.now())
        if found is None:
            raise ApiError("NO_UPCOMING_FIXTURE", gettext("No upcoming match found for that team."), 404)
        fixture = found
    else:
        raise ApiError("FIXTURE_REQUIRED", gettext("Each leg needs a fixture_id or a team."))
    odds_fresh_for_fixture(fixture_id=fixture.pk)
    return LegChoice(
        fixture=fixture, market=market_key(leg["market"]), selection=_selection_key(fixture, leg["selection"])
    )


class BetConfirmApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [ChatRateThrottle]

    @extend_schema(request=None, responses=BetSerializer, tags=["betting"],
                   description="Place a pending slip, exactly once. Moved odds, an expired slip or a stake over "
                   "the balance or limits refuse with a stable code.")  # fmt: skip
    def post(self, request: Request, bet_id: int) -> Response:
        identity = require_identity(request)
        bet = bets_for_owner(owner=identity.owner).filter(pk=bet_id).first()
        if bet is None:
            raise ApiError("BET_NOT_FOUND", gettext("No such bet."), status.HTTP_404_NOT_FOUND)
        if bet.status in (Bet.Status.PLACED, Bet.Status.UNCONFIRMED):
            # Already sent: answering with its state never sends it again (202: still being checked).
            code = status.HTTP_202_ACCEPTED if bet.status == Bet.Status.UNCONFIRMED else status.HTTP_200_OK
            return Response(BetSerializer(bet).data, status=code)
        try:
            confirmation = services.slip_confirm(
                owner=identity.owner, bet_pk=bet.pk, conversation_id=None, now=timezone.now(), language="en"
            )
        except services.BettingRefused as exc:
            raise refused(exc) from exc
        bet.refresh_from_db()
        if not (confirmation.placed or confirmation.unconfirmed):
            raise ApiError(confirmation.code, gettext("The bet was not placed."), status.HTTP_409_CONFLICT,
                           {k: str(v) for k, v in confirmation.data.items()})  # fmt: skip
        # Unconfirmed: 202, the outcome is being checked; it must not be placed again by hand.
        code = status.HTTP_202_ACCEPTED if confirmation.unconfirmed else status.HTTP_200_OK
        return Response(BetSerializer(bet).data, status=code)


class BetStakeApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [ChatRateThrottle]

    @extend_schema(request=StakeEditSerializer, responses={201: BetSerializer}, tags=["betting"],
                   description="A new slip at another stake; the old one is superseded. The new slip needs its "
                   "own POST /bets/{id}/confirm.")  # fmt: skip
    def post(self, request: Request, bet_id: int) -> Response:
        identity = require_identity(request)
        data = StakeEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not bets_for_owner(owner=identity.owner).filter(pk=bet_id).exists():
            raise ApiError("BET_NOT_FOUND", "No such bet.", status.HTTP_404_NOT_FOUND)
        try:
            edited = services.slip_stake_edit(
                owner=identity.owner,
                conversation_id=None,
                bet_pk=bet_id,
                stake=data.validated_data["stake"],
                now=timezone.now(),
            )
        except services.BettingRefused as exc:
            raise refused(exc) from exc
        bet = bets_for_owner(owner=identity.owner).get(pk=edited.pk)
        return Response(BetSerializer(bet).data, status=status.HTTP_201_CREATED)


class BetCancelApi(APIView):
    permission_classes = [HasIdentity]

    @extend_schema(request=None, responses=BetSerializer, tags=["betting"])
    def post(self, request: Request, bet_id: int) -> Response:
        identity = require_identity(request)
        bet = services.bet_cancel(owner=identity.owner, bet_pk=bet_id)
        if bet is None:
            raise ApiError("BET_NOT_FOUND", gettext("No such bet."), status.HTTP_404_NOT_FOUND)
        return Response(BetSerializer(bet).data)


class LinkAccountSerializer(serializers.Serializer):
    user_key = serializers.CharField(max_length=128, write_only=True)


class AccountStatusSerializer(serializers.Serializer):
    linked = serializers.BooleanField()
    provider_user_id = serializers.CharField(allow_null=True)
    shared_demo_account = serializers.BooleanField()


def _user_pk(request: Request) -> int:
    pk = request.user.pk
    assert isinstance(pk, int)  # IsAuthenticated ran first
    return pk


class LinkedAccountApi(APIView):
    """Link the caller's own ChatBet account (users only); the key is kept server-side."""

    permission_classes = [IsAuthenticated]

    def _status(self, request: Request) -> dict[str, Any]:
        from django.conf import settings

        account = LinkedAccount.objects.filter(user_id=_user_pk(request)).first()
        return {
            "linked": account is not None,
            "provider_user_id": account.provider_user_id if account else None,
            "shared_demo_account": bool(settings.CHATBET_SHARED_ACCOUNT),
        }

    @extend_schema(responses=AccountStatusSerializer, tags=["betting"])
    def get(self, request: Request) -> Response:
        return Response(AccountStatusSerializer(self._status(request)).data)

    @extend_schema(request=LinkAccountSerializer, responses=AccountStatusSerializer, tags=["betting"])
    def post(self, request: Request) -> Response:
        from sportsdata.client import ChatBetError, chatbet_client

        data = LinkAccountSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            check = chatbet_client().user_validate(user_key=data.validated_data["user_key"])
        except ChatBetError:
            raise ApiError(
                "PROVIDER_UNAVAILABLE", gettext("ChatBet could not check that account now."), 503
            ) from None
        if not check.valid:
            raise ApiError("INVALID_ACCOUNT", gettext("ChatBet does not recognise that account key."))
        services.account_link(
            user_id=_user_pk(request),
            provider_user_id=check.user_id,
            provider_user_key=data.validated_data["user_key"],
        )
        return Response(AccountStatusSerializer(self._status(request)).data)

    @extend_schema(responses=AccountStatusSerializer, tags=["betting"])
    def delete(self, request: Request) -> Response:
        services.account_unlink(user_id=_user_pk(request))
        return Response(AccountStatusSerializer(self._status(request)).data)
