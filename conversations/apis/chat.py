"""Conversations and messages over REST: list, create, rename, delete, search; send (idempotent on
the client message_id), page history both ways, stop, regenerate, feedback.

Views parse, call one service or selector, and serialize. A send starts or joins the same live
turn as the WebSocket (conversations.streaming) and waits for the end of its stream; with
`Accept: text/event-stream` it streams it (see sse.py).
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from django.http import HttpResponseBase
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chatbet_site.inputs import DB_INT_MAX, METADATA_MAX_BYTES, metadata_too_large
from conversations import selectors, services, streaming
from conversations.apis.common import (
    ApiError,
    ChatRateThrottle,
    HasIdentity,
    IdentityRateThrottle,
    paginated,
    query_int,
    query_text,
    require_identity,
)
from conversations.apis.sse import EventStreamRenderer, sse_response
from conversations.identity import Identity
from conversations.models import Conversation, Message

MAX_PAGE = 100
REPLY_WAIT_S = 60.0
STOP_WAIT_S = 5.0


class ConversationSerializer(serializers.ModelSerializer):
    session_id = serializers.UUIDField(source="id", read_only=True)

    class Meta:
        model = Conversation
        fields = ["session_id", "title", "language", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]


class ConversationCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=["en", "es", "pt"], required=False, default="en")


class ConversationRenameSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120)


class MessageSerializer(serializers.ModelSerializer):
    message_id = serializers.SerializerMethodField()
    id = serializers.IntegerField(read_only=True)
    function_calls_made = serializers.SerializerMethodField()
    rating = serializers.SerializerMethodField()

    class Meta:
        model = Message
        fields = [
            "id",
            "message_id",
            "parent",
            "role",
            "content",
            "status",
            "intent",
            "intent_confidence",
            "suggested_actions",
            "function_calls_made",
            "engine",
            "total_tokens",
            "latency_ms",
            "error_code",
            "rating",
            "created_at",
        ]

    def get_message_id(self, message: Message) -> str:
        """The client's id for user messages; the server id for replies."""
        return message.client_message_id or str(message.pk)

    def get_function_calls_made(self, message: Message) -> list[str]:
        return [call.get("name", "") for call in message.tool_calls]

    def get_rating(self, message: Message) -> int | None:
        feedback = next(iter(message.feedback.all()), None)
        return feedback.rating if feedback else None


class SendSerializer(serializers.Serializer):
    content = serializers.CharField(max_length=services.MAX_MESSAGE_LENGTH, trim_whitespace=True)
    message_id = serializers.RegexField(r"^[A-Za-z0-9._:-]{1,64}$")
    metadata = serializers.DictField(required=False, default=dict)

    def validate_metadata(self, value: dict[str, Any]) -> dict[str, Any]:
        if metadata_too_large(value):
            raise serializers.ValidationError(f"At most {METADATA_MAX_BYTES} bytes of JSON.")
        return value


class ReplySerializer(serializers.Serializer):
    message = serializers.CharField()
    message_id = serializers.CharField()
    session_id = serializers.UUIDField()
    status = serializers.CharField()
    response_time_ms = serializers.IntegerField(allow_null=True)
    token_count = serializers.IntegerField(allow_null=True)
    detected_intent = serializers.CharField()
    intent_confidence = serializers.FloatField(allow_null=True)
    function_calls_made = serializers.ListField(child=serializers.CharField())
    suggested_actions = serializers.ListField(child=serializers.CharField())


class FeedbackSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=["up", "down", "1", "-1"], help_text="up/1 or down/-1")
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")

    def validate_rating(self, value: str) -> int:
        return 1 if value in ("up", "1") else -1


def reply_payload(message: Message) -> dict[str, Any]:
    return {
        "message": message.content,
        "message_id": str(message.pk),
        "session_id": message.conversation_id,
        "status": message.status,
        "response_time_ms": message.latency_ms,
        "token_count": message.total_tokens,
        "detected_intent": message.intent,
        "intent_confidence": message.intent_confidence,
        "function_calls_made": [call.get("name", "") for call in message.tool_calls],
        "suggested_actions": message.suggested_actions,
    }


def conversation_for(identity: Identity, conversation_id: Any) -> Conversation:
    conversation = selectors.conversation_get_for_owner(
        conversation_id=conversation_id, user_id=identity.user_id, guest_id=identity.guest_id
    )
    if conversation is None:
        # Someone else's conversation is indistinguishable from a missing one.
        raise ApiError("CONVERSATION_NOT_FOUND", gettext("No such conversation."), status.HTTP_404_NOT_FOUND)
    return conversation


def message_for(conversation: Conversation, message_pk: Any) -> Message:
    try:
        return Message.objects.get(conversation=conversation, pk=int(message_pk))
    except (Message.DoesNotExist, ValueError, TypeError):
        raise ApiError("MESSAGE_NOT_FOUND", gettext("No such message."), status.HTTP_404_NOT_FOUND) from None


def run_turn(
    user_message: Message, *, regenerate: bool = False, created: bool = False
) -> tuple[Message, bool]:
    """Answer `user_message` through the live turn every transport shares, waiting for the end of
    its stream: (the reply, whether it existed before). A resend of a message still being answered
    joins that turn, whichever transport started it.

    `created`: the message was stored by this request (not a resend), so it has no reply yet.
    """
    try:
        return async_to_sync(streaming.turn_answer)(
            conversation_id=user_message.conversation_id,
            user_message_id=user_message.pk,
            client_message_id=user_message.client_message_id or "",
            new_message=user_message if created else None,
            regenerate=regenerate,
            wait_s=REPLY_WAIT_S,
        )
    except services.TurnInProgress:
        raise ApiError(
            "TURN_IN_PROGRESS",
            gettext("Another message of this conversation is being answered."),
            status.HTTP_409_CONFLICT,
        ) from None


class ConversationCursor(CursorPagination):
    page_size = 20
    page_size_query_param = "limit"
    max_page_size = MAX_PAGE
    ordering = ("-updated_at", "-created_at")


class ConversationListApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(
        parameters=[OpenApiParameter("search", str, description="Full-text search over message content")],
        responses=paginated("ConversationPage", ConversationSerializer),
        operation_id="conversations_list",
    )
    def get(self, request: Request) -> Response:
        identity = require_identity(request)
        conversations = selectors.conversations_for_owner(
            user_id=identity.user_id, guest_id=identity.guest_id
        )
        search = query_text(request, "search")
        if search:
            conversations = selectors.conversations_search(conversations=conversations, text=search)
        paginator = ConversationCursor()
        page = paginator.paginate_queryset(conversations, request, view=self)
        return paginator.get_paginated_response(ConversationSerializer(page, many=True).data)

    @extend_schema(request=ConversationCreateSerializer, responses={201: ConversationSerializer})
    def post(self, request: Request) -> Response:
        identity = require_identity(request)
        data = ConversationCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        conversation = services.conversation_start(
            user=request.user if identity.user_id is not None else None,  # type: ignore[arg-type]
            guest_id=identity.guest_id,
            language=data.validated_data["language"],
        )
        if data.validated_data.get("title"):
            services.conversation_rename(conversation=conversation, title=data.validated_data["title"])
        return Response(ConversationSerializer(conversation).data, status=status.HTTP_201_CREATED)


class ConversationDetailApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(responses=ConversationSerializer)
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = conversation_for(require_identity(request), conversation_id)
        return Response(ConversationSerializer(conversation).data)

    @extend_schema(request=ConversationRenameSerializer, responses=ConversationSerializer)
    def patch(self, request: Request, conversation_id: str) -> Response:
        conversation = conversation_for(require_identity(request), conversation_id)
        data = ConversationRenameSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.conversation_rename(conversation=conversation, title=data.validated_data["title"])
        return Response(ConversationSerializer(conversation).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, conversation_id: str) -> Response:
        conversation = conversation_for(require_identity(request), conversation_id)
        services.conversation_delete(conversation=conversation)
        return Response(status=status.HTTP_204_NO_CONTENT)


MessagePageSerializer = inline_serializer(
    "MessagePage",
    fields={
        "results": MessageSerializer(many=True),
        "has_older": serializers.BooleanField(),
        "has_newer": serializers.BooleanField(),
        "older_cursor": serializers.IntegerField(allow_null=True),
        "newer_cursor": serializers.IntegerField(allow_null=True),
    },
)


def _cursor(request: Request, name: str) -> int | None:
    return query_int(request, name, default=None, code="INVALID_CURSOR")


class MessageListApi(APIView):
    permission_classes = [HasIdentity]

    def get_renderers(self) -> list[Any]:
        # Only sending can answer as an event stream; listing is always JSON.
        if self.request is not None and self.request.method == "POST":
            return [JSONRenderer(), EventStreamRenderer()]
        return [JSONRenderer()]

    def get_throttles(self) -> list[Any]:
        if self.request.method == "POST":
            return [ChatRateThrottle()]
        return [IdentityRateThrottle()]

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", int, description=f"Page size, 1..{MAX_PAGE} (default 50)"),
            OpenApiParameter("before", int, description="Messages older than this message id"),
            OpenApiParameter("after", int, description="Messages newer than this message id"),
            OpenApiParameter("around", int, description="A window centred on this message id"),
        ],
        responses=MessagePageSerializer,
    )
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = conversation_for(require_identity(request), conversation_id)
        limit = max(1, min(MAX_PAGE, query_int(request, "limit", default=50, minimum=-DB_INT_MAX) or 1))
        anchors = {name: _cursor(request, name) for name in ("before", "after", "around")}
        if sum(value is not None for value in anchors.values()) > 1:
            raise ApiError("INVALID_CURSOR", gettext("Use only one of before, after, around."))
        page = selectors.messages_page(conversation_id=conversation.pk, limit=limit, **anchors)
        messages = page.messages
        return Response(
            {
                "results": MessageSerializer(messages, many=True).data,
                "has_older": page.has_older,
                "has_newer": page.has_newer,
                "older_cursor": messages[0].pk if messages and page.has_older else None,
                "newer_cursor": messages[-1].pk if messages and page.has_newer else None,
            }
        )

    @extend_schema(
        request=SendSerializer,
        responses={
            200: OpenApiResponse(ReplySerializer, description="The reply already given to this message_id"),
            201: ReplySerializer,
            409: OpenApiResponse(description="TURN_IN_PROGRESS"),
        },
        description="Send a message and get the assistant's reply. With `Accept: text/event-stream` the "
        "reply streams as Server-Sent Events (resumable with `Last-Event-ID`).",
    )
    def post(self, request: Request, conversation_id: str) -> Response | HttpResponseBase:
        conversation = conversation_for(require_identity(request), conversation_id)
        data = SendSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user_message, created = services.message_append_user(
            conversation=conversation,
            content=data.validated_data["content"],
            client_message_id=data.validated_data["message_id"],
            metadata=data.validated_data["metadata"],
        )
        if "text/event-stream" in request.META.get("HTTP_ACCEPT", ""):
            return sse_response(
                user_message=user_message, last_event_id=request.META.get("HTTP_LAST_EVENT_ID")
            )
        reply, replayed = run_turn(user_message, created=created)
        return Response(
            reply_payload(reply), status=status.HTTP_200_OK if replayed else status.HTTP_201_CREATED
        )


class MessageActionBase(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [ChatRateThrottle]

    def assistant_message(self, request: Request, conversation_id: str, message_id: str) -> Message:
        message = message_for(conversation_for(require_identity(request), conversation_id), message_id)
        if message.role != Message.Role.ASSISTANT:
            raise ApiError("NOT_AN_ASSISTANT_MESSAGE", gettext("Only assistant replies can be used here."))
        return message


class MessageStopApi(MessageActionBase):
    @extend_schema(request=None, responses=MessageSerializer)
    def post(self, request: Request, conversation_id: str, message_id: str) -> Response:
        message = self.assistant_message(request, conversation_id, message_id)
        if message.status == Message.Status.STREAMING:
            # Answered once the turn's stream has ended (status cancelled), whichever transport started it.
            message = async_to_sync(streaming.turn_stop_wait)(
                conversation_id=message.conversation_id,
                reply_id=message.pk,
                client_message_id=message.parent.client_message_id if message.parent else "",
                wait_s=STOP_WAIT_S,
            )
        return Response(MessageSerializer(message).data)


class MessageRegenerateApi(MessageActionBase):
    @extend_schema(
        request=None, responses={201: ReplySerializer, 409: OpenApiResponse(description="TURN_IN_PROGRESS")}
    )
    def post(self, request: Request, conversation_id: str, message_id: str) -> Response:
        message = self.assistant_message(request, conversation_id, message_id)
        if message.parent is None:
            raise ApiError("NOT_REGENERABLE", gettext("This reply has no question to answer again."))
        reply, _ = run_turn(message.parent, regenerate=True)
        return Response(reply_payload(reply), status=status.HTTP_201_CREATED)


class MessageFeedbackApi(MessageActionBase):
    @extend_schema(request=FeedbackSerializer, responses=MessageSerializer)
    def post(self, request: Request, conversation_id: str, message_id: str) -> Response:
        message = self.assistant_message(request, conversation_id, message_id)
        data = FeedbackSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.feedback_set(
            message=message, rating=data.validated_data["rating"], reason=data.validated_data["reason"]
        )
        message = Message.objects.prefetch_related("feedback").get(pk=message.pk)
        return Response(MessageSerializer(message).data)
