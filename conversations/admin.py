"""Operators' view of conversations (readable transcript inline, filters, JSON/Markdown export), the
analytics page, and the editable knowledge base."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join

from betting.models import HarmFlag
from conversations import analytics, services
from conversations.assistant.understanding.intents import INTENTS
from conversations.models import Article, Conversation, Feedback, Message
from conversations.tasks import knowledge_embed

ANALYTICS_DAYS = (7, 30, 90, 365)


def _tools(calls: Any) -> str:
    if not isinstance(calls, list):
        return ""
    return ", ".join(
        f"{call.get('name', '?')} {'✓' if call.get('ok') else '✗'}"
        for call in calls
        if isinstance(call, dict)
    )


def _tokens(message: Message) -> str:
    if message.total_tokens is None:
        return ""
    return f"{message.prompt_tokens or 0} + {message.completion_tokens or 0} = {message.total_tokens}"


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    can_delete = False
    fields = ("created_at", "role", "text", "status", "intent", "tools", "engine", "tokens", "latency_ms")
    readonly_fields = fields
    ordering = ("created_at", "id")
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="content")
    def text(self, obj: Message) -> str:
        extra = format_html(" <strong>[{}]</strong>", obj.error_code) if obj.error_code else ""
        return format_html("{}{}", linebreaksbr(obj.content), extra)

    @admin.display(description="tools called")
    def tools(self, obj: Message) -> str:
        return _tools(obj.tool_calls)

    @admin.display(description="tokens (prompt + completion)")
    def tokens(self, obj: Message) -> str:
        return _tokens(obj)


class _ExistsFilter(admin.SimpleListFilter):
    """Yes/no on whether a conversation has some related row (one EXISTS, no duplicate rows)."""

    def related(self) -> QuerySet[Any]:
        raise NotImplementedError

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "yes":
            return queryset.filter(Exists(self.related()))
        if self.value() == "no":
            return queryset.exclude(Exists(self.related()))
        return queryset


class FailedFilter(_ExistsFilter):
    title = "failed turn"
    parameter_name = "failed"

    def related(self) -> QuerySet[Any]:
        return Message.objects.filter(conversation=OuterRef("pk"), status=Message.Status.FAILED)


class FlaggedFilter(_ExistsFilter):
    title = "harm flag"
    parameter_name = "flagged"

    def related(self) -> QuerySet[Any]:
        return HarmFlag.objects.filter(conversation=OuterRef("pk"))


class ThumbsDownFilter(_ExistsFilter):
    title = "thumbs down"
    parameter_name = "thumbs_down"

    def related(self) -> QuerySet[Any]:
        return Feedback.objects.filter(message__conversation=OuterRef("pk"), rating=Feedback.Rating.DOWN)


class IntentFilter(admin.SimpleListFilter):
    title = "intent"
    parameter_name = "intent"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [(intent, intent.replace("_", " ")) for intent in INTENTS]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        return queryset.filter(
            Exists(Message.objects.filter(conversation=OuterRef("pk"), intent=self.value()))
        )


class EngineFilter(admin.SimpleListFilter):
    title = "engine"
    parameter_name = "engine"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [(value, str(label)) for value, label in Message.Engine.choices if value]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        return queryset.filter(
            Exists(Message.objects.filter(conversation=OuterRef("pk"), engine=self.value()))
        )


def conversation_markdown(data: dict[str, Any]) -> str:
    """A conversation export (services.conversation_export) as a readable Markdown transcript."""
    owner = data["owner"]
    lines = [
        f"# {data['title'] or 'Conversation'}",
        "",
        f"- Conversation: `{data['id']}`",
        f"- Owner: {'user ' + str(owner['user_id']) if 'user_id' in owner else 'guest ' + owner['guest_id']}",
        f"- Language: {data['language']}",
        f"- Started: {data['created_at']}",
        f"- Last activity: {data['updated_at']}",
        "",
    ]
    for message in data["messages"]:
        facts = [message["created_at"] or ""]
        if message["role"] == Message.Role.ASSISTANT:
            facts += [
                f"intent `{message['intent'] or '-'}`",
                f"engine {message['engine'] or '-'}" + (f" ({message['model']})" if message["model"] else ""),
            ]
            if message["tool_calls"]:
                facts.append(f"tools: {_tools(message['tool_calls'])}")
            if message["total_tokens"] is not None:
                facts.append(f"{message['total_tokens']} tokens")
            if message["latency_ms"] is not None:
                facts.append(f"{message['latency_ms']} ms")
            if message["status"] != Message.Status.COMPLETE:
                facts.append(f"**{message['status']}** {message['error_code']}".rstrip())
        lines += [f"### {message['role'].capitalize()} · " + " · ".join(facts), "", message["content"], ""]
        feedback = message["feedback"]
        if feedback:
            mark = "👍" if feedback["rating"] > 0 else "👎"
            lines += [f"> {mark} {feedback['reason']}".rstrip(), ""]
    return "\n".join(lines)


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "user",
        "guest_id",
        "language",
        "flagged",
        "created_at",
        "updated_at",
        "export",
    )
    list_filter = (
        "created_at",
        IntentFilter,
        EngineFilter,
        FailedFilter,
        FlaggedFilter,
        ThumbsDownFilter,
        "language",
    )
    search_fields = ("title", "user__username", "user__email", "guest_id", "messages__content")
    readonly_fields = ("id", "user", "guest_id", "context", "created_at", "updated_at", "export")
    list_select_related = ("user",)
    inlines = [MessageInline]
    date_hierarchy = "created_at"
    actions = ["export_json"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Conversation]:
        return (
            super()
            .get_queryset(request)
            .annotate(is_flagged=Exists(HarmFlag.objects.filter(conversation=OuterRef("pk"))))
        )

    @admin.display(boolean=True, description="flagged", ordering="is_flagged")
    def flagged(self, obj: Conversation) -> bool:
        return bool(getattr(obj, "is_flagged", False))

    @admin.display(description="export")
    def export(self, obj: Conversation) -> str:
        if obj.pk is None:
            return ""
        return format_html_join(
            " · ",
            '<a href="{}">{}</a>',
            (
                (reverse(f"admin:conversations_conversation_export_{fmt}", args=[obj.pk]), label)
                for fmt, label in (("json", "JSON"), ("md", "Markdown"))
            ),
        )

    @admin.action(description="Export selected conversations as JSON")
    def export_json(self, request: HttpRequest, queryset: QuerySet[Conversation]) -> HttpResponse:
        data = [services.conversation_export(conversation=c) for c in queryset.order_by("created_at")[:200]]
        return _download(JsonResponse(data, safe=False, **_JSON_OPTIONS), "conversations.json")

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("analytics/", view(self.analytics_view), name="conversations_analytics"),
            path(
                "<path:object_id>/export.json",
                view(self.export_view),
                {"fmt": "json"},
                name="conversations_conversation_export_json",
            ),
            path(
                "<path:object_id>/export.md",
                view(self.export_view),
                {"fmt": "md"},
                name="conversations_conversation_export_md",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request: HttpRequest, object_id: str, fmt: str) -> HttpResponse:
        conversation = self.get_object(request, unquote(object_id))
        if conversation is None:
            raise Http404
        if not self.has_view_permission(request, conversation):
            raise PermissionDenied
        data = services.conversation_export(conversation=conversation)
        if fmt == "json":
            return _download(JsonResponse(data, **_JSON_OPTIONS), f"conversation-{conversation.pk}.json")
        response = HttpResponse(conversation_markdown(data), content_type="text/markdown; charset=utf-8")
        return _download(response, f"conversation-{conversation.pk}.md")

    def analytics_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            days = int(request.GET.get("days", "30"))
        except ValueError:
            days = 30
        window = analytics.analytics_window(days=days)
        data = analytics.analytics_summary(window=window)
        context = {
            **self.admin_site.each_context(request),
            "title": "Analytics",
            "data": data,
            "charts": analytics.analytics_charts(data),
            "days": (window.end - window.start).days + 1,
            "day_choices": ANALYTICS_DAYS,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/conversations/analytics.html", context)


_JSON_OPTIONS: dict[str, Any] = {
    "encoder": DjangoJSONEncoder,
    "json_dumps_params": {"indent": 2, "ensure_ascii": False},
}


def _download(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("id", "conversation", "role", "status", "intent", "engine", "latency_ms", "created_at")
    list_filter = ("role", "status", "intent", "engine", "created_at")
    search_fields = ("content", "conversation__title")
    readonly_fields = [f.name for f in Message._meta.fields]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("message", "rating", "reason", "created_at")
    list_filter = ("rating",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("slug", "language", "title", "is_published", "updated_at")
    list_filter = ("language", "is_published")
    search_fields = ("slug", "title", "body")

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The semantic index follows the edit (a no-op without an embedding provider).
        article_id = obj.pk
        transaction.on_commit(lambda: knowledge_embed.delay(article_ids=[article_id]))
