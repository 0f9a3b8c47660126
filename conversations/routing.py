"""WebSocket routes of the conversations app (composed in chatbet_site/routing.py)."""

from django.urls import path

from conversations.consumers import ChatConsumer, SportsUpdatesConsumer

websocket_urlpatterns = [
    path("ws/chat/", ChatConsumer.as_asgi()),
    path("ws/chat/<str:session_id>/", ChatConsumer.as_asgi()),
    path("ws/sports-updates/", SportsUpdatesConsumer.as_asgi()),
]
