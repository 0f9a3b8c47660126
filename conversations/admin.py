"""Operators' view of conversations (transcript inline) and the editable knowledge base."""

from __future__ import annotations

from django.contrib import admin

from conversations.models import Article, Conversation, Feedback, Message


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    can_delete = False
    fields = ("created_at", "role", "content", "status", "intent", "engine", "total_tokens", "latency_ms")
    readonly_fields = fields
    ordering = ("created_at", "id")
    show_change_link = True

    def has_add_permission(self, request: object, obj: object | None = None) -> bool:
        return False


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ("title", "user", "guest_id", "language", "created_at", "updated_at")
    list_filter = ("language", "created_at")
    search_fields = ("title", "user__username", "guest_id", "messages__content")
    readonly_fields = ("id", "user", "guest_id", "context", "created_at", "updated_at")
    inlines = [MessageInline]
    date_hierarchy = "created_at"


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
