"""Analytics numbers against seeded conversations: every figure the admin page shows, on PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from conversations import analytics
from conversations.models import Conversation, Feedback, Message

pytestmark = pytest.mark.django_db


@dataclass
class Seeded:
    today: date
    day0: date
    day1: date
    window: analytics.Window


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _conversation(guest: str, when: datetime) -> Conversation:
    conversation = Conversation.objects.create(guest_id=guest)
    Conversation.objects.filter(pk=conversation.pk).update(created_at=when)
    return conversation


def _message(conversation: Conversation, when: datetime, role: str = "assistant", **fields: Any) -> Message:
    message = Message.objects.create(conversation=conversation, role=role, content="…", **fields)
    Message.objects.filter(pk=message.pk).update(created_at=when)
    return message


def seed_analytics() -> Seeded:
    """Two conversations in the window (two days), one outside it."""
    today = timezone.localdate()
    day0, day1, outside = today - timedelta(days=2), today - timedelta(days=1), today - timedelta(days=10)
    a = _conversation("guest-a", _at(day0, 9))
    _message(a, _at(day0, 9), role="user", client_message_id="1")
    a1 = _message(
        a,
        _at(day0, 9),
        intent="odds_information_query",
        engine="gemini",
        latency_ms=100,
        prompt_tokens=40,
        completion_tokens=10,
        total_tokens=50,
        tool_calls=[{"name": "odds_get", "ok": True}],
        entities={"teams": ["Barcelona", "Real Madrid"], "tournament": "LaLiga"},
    )
    Feedback.objects.create(message=a1, rating=-1, reason="wrong odds")
    _message(a, _at(day0, 10), role="user", client_message_id="2")
    a2 = _message(
        a,
        _at(day0, 10),
        intent="odds_information_query",
        engine="offline",
        latency_ms=200,
        metadata={"failed_engine": {"engine": "gemini", "code": "TIMEOUT", "partial": False}},
        error_code="TIMEOUT",
        entities={"teams": ["Barcelona"], "tournament": "LaLiga"},
    )
    Feedback.objects.create(message=a2, rating=1)

    b = _conversation("guest-b", _at(day1, 12))
    _message(b, _at(day1, 12), role="user", client_message_id="1")
    _message(b, _at(day1, 12), intent="greeting", engine="gemini", latency_ms=300, total_tokens=30)
    _message(
        b,
        _at(day1, 13),
        intent="match_schedule_query",
        engine="gemini",
        latency_ms=400,
        total_tokens=20,
        entities={"teams": ["Arsenal"], "tournament": "Premier League"},
    )
    _message(
        b,
        _at(day1, 14),
        intent="greeting",
        engine="offline",
        latency_ms=1000,
        status="failed",
        entities={"teams": ["Barcelona"], "tournament": None},
    )

    old = _conversation("guest-old", _at(outside, 8))
    _message(old, _at(outside, 8), role="user", client_message_id="1")
    old_reply = _message(
        old,
        _at(outside, 8),
        intent="place_bet",
        engine="gemini",
        latency_ms=9000,
        total_tokens=999,
        entities={"teams": ["Chelsea"], "tournament": "FA Cup"},
    )
    Feedback.objects.create(message=old_reply, rating=-1)
    return Seeded(today, day0, day1, analytics.analytics_window(days=7, today=today))


def test_analytics_numbers_match_the_seeded_data():
    seeded = seed_analytics()
    data = analytics.analytics_summary(window=seeded.window)
    per_day = dict(data.conversations_per_day)
    assert len(per_day) == 7
    assert per_day[seeded.day0] == 1
    assert per_day[seeded.day1] == 1
    assert sum(per_day.values()) == 2
    messages = {day: (user, assistant) for day, user, assistant in data.messages_per_day}
    assert messages[seeded.day0] == (2, 2)
    assert messages[seeded.day1] == (1, 3)
    assert messages[seeded.today] == (0, 0)
    assert data.totals == {"conversations": 2, "user_messages": 3, "turns": 5, "tokens": 100}

    assert data.intent_mix == [("greeting", 2), ("odds_information_query", 2), ("match_schedule_query", 1)]

    # percentile_cont over 100, 200, 300, 400, 1000.
    assert data.latency_ms == {"p50": 300.0, "p95": pytest.approx(880.0)}
    latency = {day: (p50, p95) for day, p50, p95 in data.latency_per_day}
    assert latency[seeded.day0] == (150.0, pytest.approx(195.0))
    assert latency[seeded.day1] == (400.0, pytest.approx(940.0))
    assert latency[seeded.today] == (None, None)

    tokens = dict(data.tokens_per_day)
    assert tokens[seeded.day0] == 50
    assert tokens[seeded.day1] == 50
    assert data.tokens_per_turn == pytest.approx(100 / 3)

    assert data.fallback == {"llm": 3, "fallbacks": 1, "offline": 2, "attempted": 4, "rate": 0.25}
    assert data.feedback == {"up": 1, "down": 1, "rated": 2, "rate": 0.5}

    assert data.top_teams == [("Barcelona", 3), ("Arsenal", 1), ("Real Madrid", 1)]
    assert data.top_tournaments == [("LaLiga", 2), ("Premier League", 1)]
    assert set(data.sync) == {"tournaments", "fixtures", "odds"}


def test_a_wider_window_takes_in_the_older_conversation():
    seeded = seed_analytics()
    data = analytics.analytics_summary(window=analytics.analytics_window(days=30, today=seeded.today))
    assert data.totals["conversations"] == 3
    assert ("place_bet", 1) in data.intent_mix
    assert data.feedback["down"] == 2
    assert ("Chelsea", 1) in data.top_teams


def test_empty_window_has_no_rates_and_no_percentiles():
    data = analytics.analytics_summary(window=analytics.analytics_window(days=3))
    assert data.totals == {"conversations": 0, "user_messages": 0, "turns": 0, "tokens": 0}
    assert data.latency_ms == {"p50": None, "p95": None}
    assert data.fallback["rate"] is None
    assert data.feedback["rate"] is None
    assert data.tokens_per_turn is None
    charts = analytics.analytics_charts(data)
    assert all(str(svg).startswith("<svg") for svg in charts.values())


def test_python_percentile_matches_postgresql():
    values = [100.0, 200.0, 300.0, 400.0, 1000.0]
    assert analytics.percentile_cont(values, 0.5) == 300.0
    assert analytics.percentile_cont(values, 0.95) == pytest.approx(880.0)
    assert analytics.percentile_cont([7.0], 0.95) == 7.0
    assert analytics.percentile_cont([], 0.5) is None
    seeded = seed_analytics()
    overall, _ = analytics.latency_percentiles(window=seeded.window)
    assert overall["p95"] == pytest.approx(analytics.percentile_cont(values, 0.95))


def test_window_is_clamped_and_inclusive():
    today = date(2026, 3, 10)
    assert analytics.analytics_window(days=0, today=today).days == [today]
    week = analytics.analytics_window(days=7, today=today)
    assert week.start == date(2026, 3, 4)
    assert len(week.days) == 7
    assert len(analytics.analytics_window(days=10_000, today=today).days) == analytics.MAX_DAYS


def test_charts_draw_one_bar_per_day_and_series_and_escape_labels():
    seeded = seed_analytics()
    data = analytics.analytics_summary(window=seeded.window)
    charts = analytics.analytics_charts(data)
    assert str(charts["conversations"]).count("<rect") == 7
    assert str(charts["messages"]).count("<rect") == 14
    assert str(charts["latency"]).count("<circle") == 4  # two days with turns, p50 and p95
    assert "Barcelona" in str(charts["teams"])
    hostile = analytics.hbar_chart(title="t", items=[("<script>alert(1)</script>", 1)])
    assert "<script>" not in str(hostile)
    assert "&lt;script&gt;" in str(hostile)
