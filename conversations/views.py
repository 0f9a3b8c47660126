"""Browser pages: the chat page, a shared conversation (read-only) and the account pages.

The chat page guarantees a guest id in the session for anonymous visitors, so the WebSocket
(session cookie) and the REST API find the same guest. Signing up or logging in hands the guest's
conversations and protections (age confirmation, limits, exclusions) to the account, before the
session is rotated.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import FormView

from betting.harm import help_resources
from betting.services import profile_adopt_guest
from conversations import selectors
from conversations.apis.sharing import shared_transcript
from conversations.forms import SignUpForm
from conversations.identity import SESSION_KEY, guest_id_for_session
from conversations.services import guest_conversations_adopt

KEYPAD = {c: str(d) for d, letters in enumerate(("", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ")) for c in letters}  # fmt: skip


def phone_href(phone: str) -> str:
    """A dialable tel: URI: vanity letters to keypad digits ("1-800-GAMBLER" -> tel:18004262537)."""
    return "tel:" + "".join(KEYPAD.get(c, c) for c in phone.upper() if c.isalnum() or c == "+")


def _help_lines(language: str) -> list[dict[str, Any]]:
    """Help lines for the page's language (the switcher reloads the page in another)."""
    return [
        {
            "language": language,
            "resources": [
                {
                    "name": resource.name,
                    "short_name": resource.name.split(" (")[0].split(" — ")[0],
                    "url": resource.url,
                    "phone": resource.phone or "",
                    "phone_href": phone_href(resource.phone) if resource.phone else "",
                }
                for resource in help_resources(language)
            ],
        }
    ]


@ensure_csrf_cookie
def chat_page(request: HttpRequest, conversation_id: uuid.UUID | None = None) -> HttpResponse:
    user_id = request.user.pk if request.user.is_authenticated else None
    guest_id = "" if user_id is not None else guest_id_for_session(request.session, create=True)
    if conversation_id is not None:
        owned = selectors.conversation_get_for_owner(
            conversation_id=conversation_id, user_id=user_id, guest_id=guest_id
        )
        if owned is None:
            # Someone else's conversation looks exactly like a missing one: start afresh.
            return redirect("chat")
    context = {
        "conversation_id": str(conversation_id or ""),
        "help_lines": _help_lines(get_language() or settings.LANGUAGE_CODE),
    }
    return render(request, "chat.html", context)


def share_page(request: HttpRequest, token: str) -> HttpResponse:
    """A shared conversation, read-only: its title and messages up to when it was shared, nothing
    about its owner; an unknown or revoked link is a plain 404."""
    document = shared_transcript(token)
    if document is None:
        raise Http404
    for message in document["messages"]:
        message["created"] = datetime.fromisoformat(message["created_at"])
        message["as_of"] = [datetime.fromisoformat(t) for t in message["odds_as_of"]]
    response = render(request, "share.html", {"transcript": document})
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    return response


def _adopt_guest(request: HttpRequest, user: AbstractBaseUser) -> None:
    """Give the session guest's conversations and gambling profile to `user` (before login())."""
    guest_id = guest_id_for_session(request.session, create=False)
    if not guest_id:
        return
    with transaction.atomic():
        guest_conversations_adopt(guest_id=guest_id, user=user)  # type: ignore[arg-type]
        profile_adopt_guest(guest_id=guest_id, user_id=user.pk)
    request.session.pop(SESSION_KEY, None)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


class SignUpView(FormView):
    form_class = SignUpForm
    template_name = "registration/signup.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            return redirect("chat")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "next": _next_url(self.request)}

    def form_valid(self, form: SignUpForm) -> HttpResponse:
        with transaction.atomic():
            user = form.save()
            _adopt_guest(self.request, user)
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(_next_url(self.request))


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True
    next_page = "/"

    def form_valid(self, form: Any) -> HttpResponse:
        _adopt_guest(self.request, form.get_user())
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    next_page = "/"
