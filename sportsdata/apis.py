"""Read-only public REST API over the stored sports data (DRF; shapes appear in the OpenAPI schema).

Query parameters are validated by serializers first: a bad value is a 400 naming the parameter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chatbet_site.inputs import DB_INT_MAX
from sportsdata import selectors
from sportsdata.models import Fixture, Sport, Tournament


class SportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sport
        fields = ["id", "provider_id", "alias", "name_en", "name_es", "name_pt_br"]


class TournamentSerializer(serializers.ModelSerializer):
    sport = serializers.IntegerField(source="sport_id", read_only=True)

    class Meta:
        model = Tournament
        fields = ["id", "provider_id", "sport", "order", "name_en", "name_es", "name_pt_br"]


class TeamRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    provider_id = serializers.CharField()
    name_en = serializers.CharField()
    name_es = serializers.CharField()
    name_pt_br = serializers.CharField()


class FixtureSerializer(serializers.ModelSerializer):
    tournament = serializers.IntegerField(source="tournament_id", read_only=True)
    tournament_name = serializers.CharField(source="tournament.name_en", read_only=True)
    home_team = TeamRefSerializer(read_only=True)
    away_team = TeamRefSerializer(read_only=True)

    class Meta:
        model = Fixture
        fields = [
            "id",
            "provider_id",
            "tournament",
            "tournament_name",
            "home_team",
            "away_team",
            "starts_at",
            "kind",
            "odds_status",
            "odds_fetched_at",
        ]


class OddsPriceSerializer(serializers.Serializer):
    market = serializers.CharField()
    selection = serializers.CharField()
    name = serializers.CharField()
    price = serializers.DecimalField(max_digits=10, decimal_places=3)
    line = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    bet_id = serializers.CharField()
    fetched_at = serializers.DateTimeField()
    last_seen_at = serializers.DateTimeField()


class FixtureOddsSerializer(serializers.Serializer):
    fixture_id = serializers.IntegerField()
    status = serializers.CharField()
    fetched_at = serializers.DateTimeField(allow_null=True)
    prices = OddsPriceSerializer(many=True)


class FixtureFilterSerializer(serializers.Serializer):
    tournament = serializers.IntegerField(
        required=False, min_value=1, max_value=DB_INT_MAX, help_text="tournament id"
    )
    team = serializers.CharField(required=False, max_length=100, help_text="team name, any language, partial")
    date_from = serializers.DateField(required=False, help_text="first UTC day, YYYY-MM-DD")
    date_to = serializers.DateField(required=False, help_text="last UTC day (inclusive), YYYY-MM-DD")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "date_from" in attrs and "date_to" in attrs and attrs["date_from"] > attrs["date_to"]:
            raise serializers.ValidationError({"date_to": "must be on or after date_from"})
        return attrs


class SportListApi(ListAPIView):
    authentication_classes = ()  # public data: no session, so no CSRF either
    permission_classes = (AllowAny,)
    serializer_class = SportSerializer

    def get_queryset(self) -> Any:
        return selectors.sports_list()


class TournamentFilterSerializer(serializers.Serializer):
    sport = serializers.IntegerField(required=False, min_value=1, max_value=DB_INT_MAX, help_text="sport id")


class TournamentListApi(ListAPIView):
    authentication_classes = ()  # public data: no session, so no CSRF either
    permission_classes = (AllowAny,)
    serializer_class = TournamentSerializer

    @extend_schema(parameters=[TournamentFilterSerializer])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        params = TournamentFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return selectors.tournaments_list(sport_id=params.validated_data.get("sport"))


class FixturePagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = 200


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


class FixtureListApi(ListAPIView):
    authentication_classes = ()  # public data: no session, so no CSRF either
    permission_classes = (AllowAny,)
    serializer_class = FixtureSerializer
    pagination_class = FixturePagination

    @extend_schema(parameters=[FixtureFilterSerializer])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        params = FixtureFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        date_to = data.get("date_to")
        return selectors.fixture_list(
            tournament_id=data.get("tournament"),
            team=data.get("team"),
            starts_from=_day_start(data["date_from"]) if "date_from" in data else None,
            starts_before=_day_start(date_to + dt.timedelta(days=1)) if date_to else None,
        )


class FixtureOddsApi(APIView):
    authentication_classes = ()  # public data: no session, so no CSRF either
    permission_classes = (AllowAny,)

    @extend_schema(responses=FixtureOddsSerializer)
    def get(self, request: Request, fixture_id: int) -> Response:
        get_object_or_404(Fixture.objects.only("pk"), pk=fixture_id)
        snapshot = selectors.odds_snapshot_for_fixture(fixture_id=fixture_id)
        return Response(FixtureOddsSerializer(snapshot).data)
