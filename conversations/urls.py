"""Chat REST routes, mounted under /api/v1/."""

from django.urls import path

from conversations.apis import account_data, auth, chat, legacy, sharing

app_name = "conversations"

urlpatterns = [
    path("auth/register", auth.RegisterApi.as_view(), name="register"),
    path("auth/token", auth.TokenObtainApi.as_view(), name="token"),
    path("auth/token/refresh", auth.TokenRefreshApi.as_view(), name="token-refresh"),
    path("auth/logout", auth.LogoutApi.as_view(), name="logout"),
    path("auth/me", account_data.AccountApi.as_view(), name="me"),  # GET me, DELETE erases the account
    path("auth/me/export", account_data.AccountDataExportApi.as_view(), name="me-export"),
    path("auth/guest", auth.GuestTokenApi.as_view(), name="guest"),
    path("conversations/", chat.ConversationListApi.as_view(), name="conversation-list"),
    path(
        "conversations/<str:conversation_id>/",
        chat.ConversationDetailApi.as_view(),
        name="conversation-detail",
    ),
    path("conversations/<str:conversation_id>/messages/", chat.MessageListApi.as_view(), name="message-list"),
    path(
        "conversations/<str:conversation_id>/export/<str:export_format>",
        sharing.ConversationExportApi.as_view(),
        name="conversation-export",
    ),
    path(
        "conversations/<str:conversation_id>/shares",
        sharing.ConversationShareListApi.as_view(),
        name="conversation-shares",
    ),
    path(
        "conversations/<str:conversation_id>/shares/<str:token>",
        sharing.ConversationShareDetailApi.as_view(),
        name="conversation-share",
    ),
    path("shares/<str:token>", sharing.SharedConversationApi.as_view(), name="shared-conversation"),
    path(
        "conversations/<str:conversation_id>/messages/<str:message_id>/stop",
        chat.MessageStopApi.as_view(),
        name="message-stop",
    ),
    path(
        "conversations/<str:conversation_id>/messages/<str:message_id>/regenerate",
        chat.MessageRegenerateApi.as_view(),
        name="message-regenerate",
    ),
    path(
        "conversations/<str:conversation_id>/messages/<str:message_id>/feedback",
        chat.MessageFeedbackApi.as_view(),
        name="message-feedback",
    ),
    path("chat/message", legacy.LegacyMessageApi.as_view(), name="legacy-message"),
    path("chat/history/<str:session_id>", legacy.LegacyHistoryApi.as_view(), name="legacy-history"),
    path(
        "chat/conversations/<str:user_id>",
        legacy.LegacyConversationsApi.as_view(),
        name="legacy-conversations",
    ),
    path("chat/intents", legacy.LegacyIntentsApi.as_view(), name="legacy-intents"),
]
