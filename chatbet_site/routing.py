"""WebSocket routes of every app, composed in one list for asgi.py."""

from django.urls import path

from chatbet_site.consumers import EchoConsumer

websocket_urlpatterns = [
    path("ws/echo/", EchoConsumer.as_asgi()),
]
