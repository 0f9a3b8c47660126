"""WebSocket routes of every app, composed in one list for asgi.py."""

from django.urls import path

from chatbet_site.consumers import EchoConsumer
from conversations.routing import websocket_urlpatterns as conversations_websocket_urlpatterns

websocket_urlpatterns = [
    path("ws/echo/", EchoConsumer.as_asgi()),
    *conversations_websocket_urlpatterns,
]
