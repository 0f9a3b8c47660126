"""ASGI entry point: HTTP through Django, WebSocket through Channels with origin validation
and session or token authentication (conversations.ws_auth)."""

import gc
import os
import sys

from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatbet_site.settings")
django_asgi_app = get_asgi_application()

if settings.ASGI_GIL_SWITCH_INTERVAL_MS > 0:
    # See the setting: measured with 500 chatting clients, turn p99 91-115 ms at Python's 5 ms,
    # 70-77 ms at 1 ms (benchmarks/bench_websocket.py).
    sys.setswitchinterval(settings.ASGI_GIL_SWITCH_INTERVAL_MS / 1000)

from channels.auth import AuthMiddlewareStack  # noqa: E402 - needs the app registry loaded
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from chatbet_site.routing import websocket_urlpatterns  # noqa: E402
from conversations.assistant.understanding.intents import model as intent_model  # noqa: E402
from conversations.assistant.understanding.text import warm_up as language_warm_up  # noqa: E402
from conversations.ws_auth import TokenAuthMiddleware, chat_origin_validator  # noqa: E402

# Load (or, after a change of the training data, train) the intent classifier now, not inside the
# first chat turn's event loop.
intent_model()
language_warm_up()

# Everything imported so far lives as long as the process: keep it out of the cyclic collector's
# full passes, which otherwise walk these ~140,000 objects and stall every socket for tens of ms.
gc.freeze()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # Browsers: allowed Origin + session. Native clients (no Origin): only with a token.
        "websocket": chat_origin_validator(
            AuthMiddlewareStack(TokenAuthMiddleware(URLRouter(websocket_urlpatterns)))
        ),
    }
)
