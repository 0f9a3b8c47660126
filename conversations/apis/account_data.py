"""A user's own data: download all of it as JSON, or erase it with the account.

`GET /auth/me/export` answers a subject access request; `DELETE /auth/me` erases conversations,
messages, feedback, harm flags, the gambling profile and the account, keeping bets anonymised for
regulatory retention (conversations.services.user_data_delete).
"""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from conversations import services
from conversations.apis.auth import MeApi
from conversations.apis.common import ApiError, IdentityRateThrottle


class AccountDataExportApi(APIView):
    permission_classes = [IsAuthenticated]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        operation_id="auth_me_export",
        description="Everything ChatBet holds about the caller, as one JSON document (a download).",
    )
    def get(self, request: Request) -> JsonResponse:
        data = services.user_data_export(user=request.user)  # type: ignore[arg-type]
        response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})
        response["Content-Disposition"] = f'attachment; filename="chatbet-data-{request.user.pk}.json"'
        response["Cache-Control"] = "no-store"
        return response


class AccountApi(MeApi):
    """`GET /auth/me` (MeApi) plus `DELETE /auth/me`, which erases the caller's account and data."""

    @extend_schema(
        request=None,
        responses={204: None},
        operation_id="auth_me_delete",
        description=(
            "Erase the caller's account, conversations, feedback and harm flags. Bets are kept for "
            "regulatory retention without anything that links them to the person."
        ),
    )
    def delete(self, request: Request) -> Response:
        try:
            services.user_data_delete(user=request.user)  # type: ignore[arg-type]
        except services.ExclusionActive:
            raise ApiError(
                "EXCLUSION_ACTIVE",
                gettext(
                    "Your account is protected by an active self-exclusion or break, so it can't be deleted "
                    "until that ends. Your conversations can be deleted meanwhile."
                ),
                status.HTTP_409_CONFLICT,
            ) from None
        return Response(status=status.HTTP_204_NO_CONTENT)
