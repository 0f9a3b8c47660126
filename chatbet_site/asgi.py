"""ASGI entry point: HTTP through Django, WebSocket through Channels with origin validation
and session or token authentication (conversations.ws_auth)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402 - needs the app registry loaded
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from chatbet_site.routing import websocket_urlpatterns  # noqa: E402
from conversations.ws_auth import TokenAuthMiddleware, chat_origin_validator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # Browsers: allowed Origin + session. Native clients (no Origin): only with a token.
        "websocket": chat_origin_validator(
            AuthMiddlewareStack(TokenAuthMiddleware(URLRouter(websocket_urlpatterns)))
        ),
    }
)
