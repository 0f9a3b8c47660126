"""A conversation as its reader sees it: the transcript document (JSON-ready) and its Markdown.

Used by the export downloads and by share links. A transcript carries the title, the messages'
roles, text and times, and the times of the odds each reply quoted ("as of"), never who owns the
conversation, its internal state or the messages' metadata.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, pgettext

from conversations.models import Conversation, Message


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def message_odds_as_of(message: Message) -> list[str]:
    """The distinct data times (ISO 8601) of the tool results a reply was built on, oldest first."""
    times = {time for call in message.tool_calls or [] for time in call.get("as_of", [])}
    return sorted(times)


def transcript_document(*, conversation: Conversation, messages: list[Message]) -> dict[str, Any]:
    return {
        "title": conversation.title,
        "language": conversation.language,
        "created_at": _iso(conversation.created_at),
        "exported_at": _iso(timezone.now()),
        "messages": [
            {
                "id": message.pk,
                "role": message.role,
                "content": message.content,
                "status": message.status,
                "created_at": _iso(message.created_at),
                "odds_as_of": message_odds_as_of(message),
            }
            for message in messages
        ],
    }


def _when(value: str | None) -> str:
    if not value:
        return ""
    moment = datetime.fromisoformat(value).astimezone(timezone.get_current_timezone())
    return moment.strftime("%Y-%m-%d %H:%M %Z")


def transcript_markdown(*, document: dict[str, Any]) -> str:
    """The transcript as a Markdown file: a heading per message, the text as it was written."""
    title = document["title"] or gettext("Untitled conversation")
    lines = [
        f"# {title}",
        "",
        gettext("Exported from ChatBet on %(date)s.") % {"date": _when(document["exported_at"])},
    ]
    speakers = {
        "user": pgettext("transcript speaker", "You"),
        "assistant": pgettext("transcript speaker", "ChatBet"),
    }
    for message in document["messages"]:
        lines += [
            "",
            f"## {speakers.get(message['role'], message['role'])} · {_when(message['created_at'])}",
            "",
        ]
        lines.append(message["content"] or "…")
        if message["status"] == "cancelled":
            lines += ["", gettext("_(Stopped before the end.)_")]
        elif message["status"] == "failed":
            lines += ["", gettext("_(This answer failed.)_")]
        if message["odds_as_of"]:
            times = ", ".join(_when(t) for t in message["odds_as_of"])
            lines += ["", gettext("_Odds as of %(times)s._") % {"times": times}]
    return "\n".join(lines) + "\n"
