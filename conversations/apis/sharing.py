"""Export and share a conversation.

`GET conversations/<id>/export/markdown|json` downloads the transcript (conversations.transcripts);
`conversations/<id>/shares` lists (GET) and creates (POST) read-only links, `DELETE .../shares/<token>`
revokes one; `GET shares/<token>` is the public read of a live link. Owners only, except the public
read: someone else's conversation answers exactly like a missing one (404).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from conversations import selectors, services
from conversations.apis.chat import conversation_for
from conversations.apis.common import ApiError, HasIdentity, IdentityRateThrottle, require_identity
from conversations.models import Conversation, ConversationShare
from conversations.transcripts import transcript_document, transcript_markdown

EXPORT_FORMATS = {"markdown": ("text/markdown; charset=utf-8", "md"), "json": ("application/json", "json")}

TranscriptSerializer = inline_serializer(
    "Transcript",
    fields={
        "title": serializers.CharField(),
        "language": serializers.CharField(),
        "created_at": serializers.DateTimeField(),
        "exported_at": serializers.DateTimeField(),
        "messages": inline_serializer(
            "TranscriptMessage",
            fields={
                "id": serializers.IntegerField(),
                "role": serializers.ChoiceField(choices=["user", "assistant"]),
                "content": serializers.CharField(),
                "status": serializers.CharField(),
                "created_at": serializers.DateTimeField(),
                "odds_as_of": serializers.ListField(child=serializers.DateTimeField()),
            },
            many=True,
        ),
    },
)


class ShareSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ConversationShare
        fields = ["token", "url", "created_at", "last_message_id"]

    def get_url(self, share: ConversationShare) -> str:
        request = self.context.get("request")
        path = reverse("share", kwargs={"token": share.token})
        return request.build_absolute_uri(path) if request is not None else path


def _transcript(conversation: Conversation, *, up_to: int | None = None) -> dict[str, Any]:
    messages = selectors.messages_transcript(conversation_id=conversation.pk, up_to=up_to)
    return transcript_document(conversation=conversation, messages=messages)


class ConversationExportApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(
        operation_id="conversation_export",
        responses={
            (200, "text/markdown"): OpenApiResponse(
                OpenApiTypes.STR, description="The transcript as Markdown."
            ),
            (200, "application/json"): OpenApiResponse(TranscriptSerializer, description="The transcript."),
        },
        description="Download the conversation as Markdown or JSON (an attachment).",
    )
    def get(self, request: Request, conversation_id: str, export_format: str) -> HttpResponse:
        conversation = conversation_for(require_identity(request), conversation_id)
        if export_format not in EXPORT_FORMATS:
            raise ApiError(
                "NOT_FOUND", gettext("Export formats are markdown and json."), status.HTTP_404_NOT_FOUND
            )
        content_type, extension = EXPORT_FORMATS[export_format]
        document = _transcript(conversation)
        if export_format == "markdown":
            body = transcript_markdown(document=document)
        else:
            body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="chatbet-{conversation.pk}.{extension}"'
        response["Cache-Control"] = "no-store"
        return response


class ConversationShareListApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(operation_id="conversation_shares_list", responses=ShareSerializer(many=True))
    def get(self, request: Request, conversation_id: str) -> Response:
        conversation = conversation_for(require_identity(request), conversation_id)
        shares = selectors.shares_for_conversation(conversation=conversation)
        return Response(ShareSerializer(shares, many=True, context={"request": request}).data)

    @extend_schema(
        operation_id="conversation_shares_create",
        request=None,
        responses={201: ShareSerializer},
        description="A read-only link to the conversation as it stands now; later messages stay private.",
    )
    def post(self, request: Request, conversation_id: str) -> Response:
        conversation = conversation_for(require_identity(request), conversation_id)
        try:
            share = services.share_create(conversation=conversation)
        except services.NothingToShare:
            raise ApiError(
                "NOTHING_TO_SHARE",
                gettext("This conversation has no messages to share yet."),
                status.HTTP_409_CONFLICT,
            ) from None
        return Response(
            ShareSerializer(share, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


class ConversationShareDetailApi(APIView):
    permission_classes = [HasIdentity]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(operation_id="conversation_shares_revoke", responses={204: None})
    def delete(self, request: Request, conversation_id: str, token: str) -> Response:
        conversation = conversation_for(require_identity(request), conversation_id)
        share = selectors.shares_for_conversation(conversation=conversation).filter(token=token).first()
        if share is None:
            raise ApiError("SHARE_NOT_FOUND", gettext("No such share link."), status.HTTP_404_NOT_FOUND)
        services.share_revoke(share=share)
        return Response(status=status.HTTP_204_NO_CONTENT)


def shared_transcript(token: str) -> dict[str, Any] | None:
    """The transcript behind a live share link, or None (unknown or revoked)."""
    share = selectors.share_get_active(token=token)
    if share is None:
        return None
    return _transcript(share.conversation, up_to=share.last_message_id)


class SharedConversationApi(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [IdentityRateThrottle]

    @extend_schema(
        operation_id="shares_read",
        responses={200: TranscriptSerializer},
        description="The conversation behind a share link, read-only; revoked or unknown links answer 404.",
    )
    def get(self, request: Request, token: str) -> Response:
        document = shared_transcript(token)
        if document is None:
            raise ApiError("SHARE_NOT_FOUND", gettext("No such share link."), status.HTTP_404_NOT_FOUND)
        return Response(document)
