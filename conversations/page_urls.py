"""Browser pages: the chat (`/`, `/c/<conversation>/`), shared conversations (`/s/<token>/`),
sign up / log in / log out, the language switcher (`/i18n/setlang/`) and the scripts' translations
(`/jsi18n/`, Django's JavaScript catalog in the request's language)."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog, set_language

from conversations import views

urlpatterns = [
    path("", views.chat_page, name="chat"),
    path("c/<uuid:conversation_id>/", views.chat_page, name="chat-conversation"),
    path("s/<str:token>/", views.share_page, name="share"),
    path("accounts/signup/", views.SignUpView.as_view(), name="signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]
