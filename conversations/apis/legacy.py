"""The endpoints earlier ChatBet clients call, with their request and response shapes.

`user_id` in a body or path is only checked against the authenticated identity (a mismatch is
403); it never selects whose data is used.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chatbet_site.inputs import DB_INT_MAX
from conversations import selectors, services
from conversations.apis.chat import ReplySerializer, conversation_for, reply_payload, run_turn
from conversations.apis.common import (
    ApiError,
    ChatRateThrottle,
    HasIdentity,
    IdentityRateThrottle,
    query_int,
    require_identity,
)
from conversations.assistant.understanding import INTENTS
from conversations.identity import Identity
from conversations.models import Conversation

INTENT_DESCRIPTIONS = {
    "greeting": ("Hello and small talk", "Hi there!"),
    "help_request": ("What the assistant can do", "What can you do?"),
    "match_schedule_query": ("When teams play, matches by day or tournament", "When does Barcelona play?"),
    "tournament_info": ("Tournaments covered and their teams", "Which teams play in LaLiga?"),
    "odds_information_query": ("Odds of a match and market", "Odds for Liverpool vs Manchester City?"),
    "team_comparison": ("Who is the favourite, from the odds", "Who is the favourite, Inter or Milan?"),
    "betting_recommendation": (
        "What the market says: favourites, close matches",
        "Which match should I bet on?",
    ),
    "bet_simulation": ("What a stake would return; nothing is placed", "Simulate a $50 bet on Liverpool"),
    "place_bet": ("Propose a bet slip, placed only after an explicit yes", "Bet 10 on Barcelona to win"),
    "user_balance_query": ("The account balance", "What's my balance?"),
    "general_betting_info": ("Betting terms explained", "What does double chance mean?"),
    "general_sports_query": ("General sports questions", "How long is an NBA game?"),
    "responsible_gambling": ("Limits, breaks, self-exclusion and help", "I want to self-exclude"),
    "unclear": ("Messages the assistant could not understand", "asdf"),
}


def check_user_id(identity: Identity, claimed: str | None) -> None:
    if claimed in (None, ""):
        return
    accepted = {identity.public_id}
    if identity.user_id is not None:
        accepted.add(str(identity.user_id))
    if claimed not in accepted:
        raise ApiError(
            "FORBIDDEN",
            gettext("user_id does not match the authenticated identity."),
            status.HTTP_403_FORBIDDEN,
        )


class LegacyMessageSerializer(serializers.Serializer):
    message = serializers.CharField(max_length=services.MAX_MESSAGE_LENGTH)
    user_id = serializers.CharField(required=False, allow_blank=True, max_length=150)
    session_id = serializers.UUIDField(required=False, allow_null=True)
    message_id = serializers.RegexField(r"^[A-Za-z0-9._:-]{1,64}$", required=False)


class LegacyMessageApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [ChatRateThrottle]

    @extend_schema(request=LegacyMessageSerializer, responses={200: ReplySerializer}, tags=["legacy"])
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        data = LegacyMessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        check_user_id(identity, data.validated_data.get("user_id"))
        session_id = data.validated_data.get("session_id")
        if session_id:
            conversation = conversation_for(identity, session_id)
        else:
            conversation = services.conversation_start(
                user=request.user if identity.user_id is not None else None,  # type: ignore[arg-type]
                guest_id=identity.guest_id,
            )
        user_message, created = services.message_append_user(
            conversation=conversation,
            content=data.validated_data["message"],
            client_message_id=data.validated_data.get("message_id") or f"legacy-{uuid.uuid4().hex}",
        )
        reply, _ = run_turn(user_message, created=created)
        return Response(reply_payload(reply))


def _history_item(message: Any) -> dict[str, Any]:
    return {
        "message_id": message.client_message_id or str(message.pk),
        "role": message.role,
        "content": message.content,
        "timestamp": message.created_at,
        "detected_intent": message.intent or None,
        "status": message.status,
    }


HistorySerializer = inline_serializer(
    "LegacyHistory",
    fields={
        "session_id": serializers.UUIDField(),
        "title": serializers.CharField(),
        "messages": serializers.ListField(child=serializers.DictField()),
        "total": serializers.IntegerField(),
    },
)


class LegacyHistoryApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(responses=HistorySerializer, tags=["legacy"])
    def get(self, request: Request, session_id: str) -> Response:
        conversation = conversation_for(require_identity(request), session_id)
        messages = list(conversation.messages.order_by("created_at", "id"))
        return Response(
            {
                "session_id": conversation.pk,
                "title": conversation.title,
                "messages": [_history_item(m) for m in messages],
                "total": len(messages),
            }
        )


def _summary(conversation: Conversation) -> dict[str, Any]:
    last = conversation.messages.order_by("-created_at", "-id").first()
    return {
        "session_id": conversation.pk,
        "title": conversation.title,
        "created_at": conversation.created_at,
        "updated_at": conversation.updated_at,
        "message_count": conversation.messages.count(),
        "last_message": last.content[:200] if last else None,
    }


class LegacyConversationsApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [IdentityRateThrottle]

    def _selected(self, request: Request, user_id: str) -> Any:
        identity = require_identity(request)
        check_user_id(identity, user_id)
        conversations = selectors.conversations_for_owner(
            user_id=identity.user_id, guest_id=identity.guest_id
        )
        session_id = request.query_params.get("session_id")
        if session_id:
            try:
                conversations = conversations.filter(pk=uuid.UUID(session_id))
            except ValueError:
                raise ApiError(
                    "INVALID_INPUT", gettext("session_id must be a UUID."), details={"param": "session_id"}
                ) from None
        return conversations

    @extend_schema(
        parameters=[OpenApiParameter("session_id", str), OpenApiParameter("limit", int)],
        responses=inline_serializer(
            "LegacyConversations",
            fields={
                "user_id": serializers.CharField(),
                "conversations": serializers.ListField(child=serializers.DictField()),
            },
        ),
        tags=["legacy"],
    )
    def get(self, request: Request, user_id: str) -> Response:
        limit = max(1, min(100, query_int(request, "limit", default=20, minimum=-DB_INT_MAX) or 1))
        conversations = self._selected(request, user_id).order_by("-updated_at")[:limit]
        return Response({"user_id": user_id, "conversations": [_summary(c) for c in conversations]})

    @extend_schema(
        parameters=[OpenApiParameter("session_id", str)],
        responses=inline_serializer("LegacyDeleted", fields={"deleted": serializers.IntegerField()}),
        tags=["legacy"],
    )
    def delete(self, request: Request, user_id: str) -> Response:
        conversations = self._selected(request, user_id)
        deleted = conversations.count()
        for conversation in conversations:
            services.conversation_delete(conversation=conversation)
        return Response({"deleted": deleted})


class LegacyIntentsApi(APIView):
    permission_classes: list[Any] = []
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(
        responses=inline_serializer(
            "LegacyIntents", fields={"intents": serializers.ListField(child=serializers.DictField())}
        ),
        tags=["legacy"],
    )
    def get(self, request: Request) -> Response:
        return Response(
            {
                "intents": [
                    {
                        "name": name,
                        "description": INTENT_DESCRIPTIONS[name][0],
                        "example": INTENT_DESCRIPTIONS[name][1],
                    }
                    for name in INTENTS
                ]
            }
        )
