"""Who is talking: a logged-in user or a guest, resolved the same way for every transport.

Guests chat at once. A browser guest's id lives in its Django session (a signed cookie); a mobile
guest carries a signed guest token (`guest_token_issue`). Identity never comes from a user id in a
request body or path.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.core import signing

from betting.selectors import Owner

GUEST_TOKEN_SALT = "chatbet.guest-token"  # noqa: S105 - a signing namespace, not a secret
GUEST_TOKEN_MAX_AGE = 60 * 60 * 24 * 90
SESSION_KEY = "chatbet_guest_id"


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
        data = signing.loads(token, salt=GUEST_TOKEN_SALT, max_age=GUEST_TOKEN_MAX_AGE)
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
