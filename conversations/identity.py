"""Who is talking: a logged-in user or a guest, resolved the same way for every transport.

Guests chat at once. A browser guest's id lives in its Django session (a signed cookie); a mobile
guest carries a signed guest token (`guest_token_issue`). Identity never comes from a user id in a
request body or path.

Logging out revokes: a JWT session (the `sid` claim every token of one login carries, through
refresh rotations) or a guest identity is recorded as revoked, its tokens stop authenticating, and
the WebSockets it opened are closed with CLOSE_REVOKED (they follow `credential_group(key)`).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from betting.selectors import Owner

GUEST_TOKEN_SALT = "chatbet.guest-token"  # noqa: S105 - a signing namespace, not a secret
SESSION_KEY = "chatbet_guest_id"
SESSION_CLAIM = "sid"  # the JWT claim naming the login session a token belongs to
CLOSE_REVOKED = 4401  # WebSocket close code: the credential was logged out or revoked


@dataclass(frozen=True)
class Identity:
    user_id: int | None
    guest_id: str = ""

    @property
    def owner(self) -> Owner:
        return Owner(user_id=self.user_id, guest_id=self.guest_id)

    @property
    def public_id(self) -> str:
        """The id shown to clients (`user_id` in protocol messages)."""
        return f"user-{self.user_id}" if self.user_id is not None else self.guest_id


def guest_id_new() -> str:
    return f"guest-{secrets.token_hex(12)}"


def guest_token_issue(*, guest_id: str | None = None) -> tuple[str, str]:
    """A new (or the given) guest id and the signed token that proves it."""
    guest_id = guest_id or guest_id_new()
    return guest_id, signing.dumps({"g": guest_id}, salt=GUEST_TOKEN_SALT, compress=True)


def guest_id_from_token(token: str) -> str | None:
    try:
        data = signing.loads(token, salt=GUEST_TOKEN_SALT, max_age=settings.GUEST_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    guest_id = data.get("g") if isinstance(data, dict) else None
    return guest_id if isinstance(guest_id, str) and guest_id.startswith("guest-") else None


def guest_id_for_session(session: Any, *, create: bool = True) -> str:
    """The browser guest's id from its session, created on first use."""
    guest_id = session.get(SESSION_KEY)
    if not guest_id and create:
        guest_id = guest_id_new()
        session[SESSION_KEY] = guest_id
    return str(guest_id or "")


# --- revocation -----------------------------------------------------------------------------


def jwt_session_key(sid: str) -> str:
    return f"jwt:{sid}"


def guest_key(guest_id: str) -> str:
    return f"guest:{guest_id}"


def browser_session_key(session_key: str) -> str:
    return f"session:{session_key}"


def session_id_new() -> str:
    return uuid.uuid4().hex


def credential_group(key: str) -> str:
    """The channel-layer group of the sockets a credential opened (a hash: keys hold secrets)."""
    return "auth." + hashlib.sha256(key.encode()).hexdigest()[:40]


def credential_revoked(*, key: str) -> bool:
    from conversations.models import RevokedCredential

    return RevokedCredential.objects.filter(key=key).exists()


def credential_revoke(*, key: str, lifetime: timedelta) -> None:
    """Record `key` as revoked for `lifetime` (no token of it outlives that), then close its
    sockets once the revocation is committed."""
    from conversations.models import RevokedCredential

    now = timezone.now()
    RevokedCredential.objects.filter(expires_at__lt=now).delete()
    RevokedCredential.objects.update_or_create(key=key, defaults={"expires_at": now + lifetime})
    transaction.on_commit(lambda: credential_sockets_close(key=key))


def credential_sockets_close(*, key: str) -> None:
    """Close every WebSocket that `key` opened, in any process (through the channel layer)."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(credential_group(key), {"type": "auth.revoked"})


def browser_logout_sockets_close(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """`user_logged_out` receiver: the browser session's sockets close with it."""
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        credential_sockets_close(key=browser_session_key(session_key))
