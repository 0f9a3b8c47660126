"""Browser pages: the chat (`/`, `/c/<conversation>/`), shared conversations (`/s/<token>/`) and
sign up / log in / log out."""

from django.urls import path

from conversations import views

urlpatterns = [
    path("", views.chat_page, name="chat"),
    path("c/<uuid:conversation_id>/", views.chat_page, name="chat-conversation"),
    path("s/<str:token>/", views.share_page, name="share"),
    path("accounts/signup/", views.SignUpView.as_view(), name="signup"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
]
