"""Operators' analytics over a window of days: reads (database aggregates) and their SVG charts.

The numbers: conversations and messages per day, intent mix, turn latency p50/p95, LLM tokens per
day and per turn, fallback rate to the offline engine, thumbs-down rate, most-asked teams and
tournaments, sync freshness. A "turn" is an assistant message. Charts are inline SVG drawn here,
so the admin page needs no JavaScript or outside asset (and passes the site's CSP).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection
from django.db.models import Aggregate, Avg, Count, FloatField, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from conversations.models import Conversation, Feedback, Message

MAX_DAYS = 366
TOP_N = 10


@dataclass(frozen=True)
class Window:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=timezone.get_current_timezone())

    @property
    def until(self) -> datetime:
        return datetime.combine(
            self.end + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone()
        )


def analytics_window(*, days: int, today: date | None = None) -> Window:
    """The last `days` days up to and including `today` (clamped to 1..MAX_DAYS)."""
    end = today or timezone.localdate()
    days = max(1, min(days, MAX_DAYS))
    return Window(start=end - timedelta(days=days - 1), end=end)


class Percentile(Aggregate):
    """PostgreSQL's percentile_cont: the value at fraction `fraction`, interpolated."""

    function = "percentile_cont"
    name = "Percentile"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression: str, *, fraction: float) -> None:
        # Interpolated into SQL: only ever a float we chose, never input.
        super().__init__(expression, fraction=float(fraction))


def percentile_cont(values: list[float], fraction: float) -> float | None:
    """The same number PostgreSQL's percentile_cont gives, for databases without it."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Analytics:
    window: Window
    conversations_per_day: list[tuple[date, int]]
    messages_per_day: list[tuple[date, int, int]]  # (day, user messages, assistant messages)
    totals: dict[str, int]
    intent_mix: list[tuple[str, int]]
    latency_ms: dict[str, float | None]  # p50, p95 over the window
    latency_per_day: list[tuple[date, float | None, float | None]]
    tokens_per_day: list[tuple[date, int]]
    tokens_per_turn: float | None
    fallback: dict[str, Any]
    feedback: dict[str, Any]
    top_teams: list[tuple[str, int]]
    top_tournaments: list[tuple[str, int]]
    sync: dict[str, dict[str, Any]] = field(default_factory=dict)


def _turns(window: Window) -> QuerySet[Message]:
    return Message.objects.filter(
        role=Message.Role.ASSISTANT, created_at__gte=window.since, created_at__lt=window.until
    )


def _per_day(rows: QuerySet[Any], window: Window, key: str) -> dict[date, Any]:
    return {row["day"]: row[key] for row in rows if row["day"] is not None and window.start <= row["day"]}


def conversations_per_day(*, window: Window) -> list[tuple[date, int]]:
    rows = (
        Conversation.objects.filter(created_at__gte=window.since, created_at__lt=window.until)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    counts = _per_day(rows, window, "n")
    return [(day, counts.get(day, 0)) for day in window.days]


def messages_per_day(*, window: Window) -> list[tuple[date, int, int]]:
    rows = (
        Message.objects.filter(created_at__gte=window.since, created_at__lt=window.until)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(
            user=Count("pk", filter=Q(role=Message.Role.USER)),
            assistant=Count("pk", filter=Q(role=Message.Role.ASSISTANT)),
        )
        .order_by("day")
    )
    by_day = {row["day"]: (row["user"], row["assistant"]) for row in rows}
    return [(day, *by_day.get(day, (0, 0))) for day in window.days]


def intent_mix(*, window: Window) -> list[tuple[str, int]]:
    rows = _turns(window).exclude(intent="").values("intent").annotate(n=Count("pk")).order_by("-n", "intent")
    return [(row["intent"], row["n"]) for row in rows]


def latency_percentiles(*, window: Window) -> tuple[dict[str, float | None], list[tuple[date, Any, Any]]]:
    """p50/p95 of turn latency (ms) over the window and per day, for turns that finished."""
    turns = _turns(window).filter(latency_ms__isnull=False)
    if connection.vendor == "postgresql":
        overall = turns.aggregate(
            p50=Percentile("latency_ms", fraction=0.5), p95=Percentile("latency_ms", fraction=0.95)
        )
        rows = (
            turns.annotate(day=TruncDate("created_at"))
            .values("day")
            .annotate(p50=Percentile("latency_ms", fraction=0.5), p95=Percentile("latency_ms", fraction=0.95))
            .order_by("day")
        )
        by_day = {row["day"]: (row["p50"], row["p95"]) for row in rows}
    else:
        values: dict[date, list[float]] = {}
        for day, latency in turns.annotate(day=TruncDate("created_at")).values_list("day", "latency_ms"):
            if latency is not None:
                values.setdefault(day, []).append(float(latency))
        everything = [v for day_values in values.values() for v in day_values]
        overall = {"p50": percentile_cont(everything, 0.5), "p95": percentile_cont(everything, 0.95)}
        by_day = {d: (percentile_cont(v, 0.5), percentile_cont(v, 0.95)) for d, v in values.items()}
    return overall, [(day, *by_day.get(day, (None, None))) for day in window.days]


def tokens_per_day(*, window: Window) -> tuple[list[tuple[date, int]], float | None]:
    """LLM tokens per day, and the mean per turn that used the LLM."""
    turns = _turns(window).filter(total_tokens__isnull=False)
    rows = (
        turns.annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(n=Sum("total_tokens"))
        .order_by("day")
    )
    by_day = _per_day(rows, window, "n")
    per_turn = turns.aggregate(mean=Avg("total_tokens"))["mean"]
    return [(day, by_day.get(day, 0) or 0) for day in window.days], per_turn


def fallback_rate(*, window: Window) -> dict[str, Any]:
    """Turns the offline engine answered after the LLM failed, over the turns the LLM was tried on."""
    counts = _turns(window).aggregate(
        llm=Count("pk", filter=Q(engine=Message.Engine.GEMINI)),
        fallbacks=Count("pk", filter=Q(metadata__has_key="failed_engine")),
        offline=Count("pk", filter=Q(engine=Message.Engine.OFFLINE)),
    )
    attempted = counts["llm"] + counts["fallbacks"]
    return {**counts, "attempted": attempted, "rate": counts["fallbacks"] / attempted if attempted else None}


def feedback_rate(*, window: Window) -> dict[str, Any]:
    """Thumbs up/down on the window's replies; the rate is downs over all rated replies."""
    counts = Feedback.objects.filter(
        message__role=Message.Role.ASSISTANT,
        message__created_at__gte=window.since,
        message__created_at__lt=window.until,
    ).aggregate(
        up=Count("pk", filter=Q(rating=Feedback.Rating.UP)),
        down=Count("pk", filter=Q(rating=Feedback.Rating.DOWN)),
    )
    rated = counts["up"] + counts["down"]
    return {**counts, "rated": rated, "rate": counts["down"] / rated if rated else None}


def top_entities(
    *, window: Window, limit: int = TOP_N
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The most-asked teams and tournaments, from the entities each turn resolved (English names).

    The JSON lists are counted here rather than in SQL so the query stays portable; only two
    small keys are read per turn.
    """
    teams: Counter[str] = Counter()
    tournaments: Counter[str] = Counter()
    rows = _turns(window).values_list("entities__teams", "entities__tournament")
    for team_names, tournament in rows.iterator(chunk_size=2000):
        if isinstance(team_names, list):
            teams.update({name for name in team_names if isinstance(name, str) and name})
        if isinstance(tournament, str) and tournament:
            tournaments[tournament] += 1
    return _ranked(teams, limit), _ranked(tournaments, limit)


def _ranked(counts: Counter[str], limit: int) -> list[tuple[str, int]]:
    """Most frequent first, ties by name, so the ranking does not depend on row order."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def analytics_summary(*, window: Window) -> Analytics:
    from chatbet_site.health import sync_freshness

    per_day_messages = messages_per_day(window=window)
    per_day_conversations = conversations_per_day(window=window)
    latency, latency_days = latency_percentiles(window=window)
    tokens, per_turn = tokens_per_day(window=window)
    teams, tournaments = top_entities(window=window)
    return Analytics(
        window=window,
        conversations_per_day=per_day_conversations,
        messages_per_day=per_day_messages,
        totals={
            "conversations": sum(n for _, n in per_day_conversations),
            "user_messages": sum(u for _, u, _ in per_day_messages),
            "turns": sum(a for _, _, a in per_day_messages),
            "tokens": sum(n for _, n in tokens),
        },
        intent_mix=intent_mix(window=window),
        latency_ms=latency,
        latency_per_day=latency_days,
        tokens_per_day=tokens,
        tokens_per_turn=per_turn,
        fallback=fallback_rate(window=window),
        feedback=feedback_rate(window=window),
        top_teams=teams,
        top_tournaments=tournaments,
        sync=sync_freshness(now=timezone.now()),
    )


# --- SVG charts -----------------------------------------------------------------------------------

CHART_W, CHART_H = 640, 200
PAD_L, PAD_R, PAD_T, PAD_B = 48, 12, 12, 28
COLORS = ("#417690", "#e39b2a", "#79aec8", "#ba2121")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:,.2f}"


def _frame(title: str, y_max: float, x_labels: list[str], body: SafeString) -> SafeString:
    plot_w, plot_h = CHART_W - PAD_L - PAD_R, CHART_H - PAD_T - PAD_B
    grid = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ddd"/>'
        '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="#666">{}</text>',
        (
            (PAD_L, y, CHART_W - PAD_R, y, PAD_L - 4, y + 3, _fmt(y_max * i / 4))
            for i in range(5)
            for y in [round(PAD_T + plot_h - plot_h * i / 4, 1)]
        ),
    )
    step = max(1, math.ceil(len(x_labels) / 10))
    slot = plot_w / max(1, len(x_labels))
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="#666">{}</text>',
        (
            (round(PAD_L + slot * (i + 0.5), 1), CHART_H - 8, label)
            for i, label in enumerate(x_labels)
            if i % step == 0
        ),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg">{}{}{}</svg>',
        CHART_W,
        CHART_H,
        title,
        grid,
        body,
        labels,
    )


def bar_chart(*, title: str, labels: list[str], series: list[list[float]], names: list[str]) -> SafeString:
    """Grouped vertical bars: one group per label, one bar per series."""
    plot_w, plot_h = CHART_W - PAD_L - PAD_R, CHART_H - PAD_T - PAD_B
    y_max = _nice_max(max((v for values in series for v in values), default=0))
    slot = plot_w / max(1, len(labels))
    bar_w = max(1.0, slot * 0.8 / max(1, len(series)))
    bars = []
    for s, values in enumerate(series):
        for i, value in enumerate(values):
            height = plot_h * value / y_max
            bars.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
                    round(PAD_L + slot * i + slot * 0.1 + bar_w * s, 1),
                    round(PAD_T + plot_h - height, 1),
                    round(bar_w, 1),
                    round(height, 1),
                    COLORS[s % len(COLORS)],
                    labels[i],
                    _fmt(value),
                    names[s],
                )
            )
    return _frame(title, y_max, labels, mark_safe("".join(bars)))  # noqa: S308 - built by format_html


def line_chart(
    *, title: str, labels: list[str], series: list[list[float | None]], names: list[str]
) -> SafeString:
    """One polyline per series; a missing value breaks the line."""
    plot_w, plot_h = CHART_W - PAD_L - PAD_R, CHART_H - PAD_T - PAD_B
    y_max = _nice_max(max((v for values in series for v in values if v is not None), default=0))
    slot = plot_w / max(1, len(labels))
    parts = []
    for s, values in enumerate(series):
        points: list[str] = []
        segments: list[list[str]] = [points]
        for i, value in enumerate(values):
            if value is None:
                points = []
                segments.append(points)
                continue
            x, y = round(PAD_L + slot * (i + 0.5), 1), round(PAD_T + plot_h - plot_h * value / y_max, 1)
            points.append(f"{x},{y}")
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="2.5" fill="{}"><title>{}: {} {}</title></circle>',
                    x,
                    y,
                    COLORS[s % len(COLORS)],
                    labels[i],
                    _fmt(value),
                    names[s],
                )
            )
        for segment in segments:
            if len(segment) > 1:
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>',
                        " ".join(segment),
                        COLORS[s % len(COLORS)],
                    )
                )
    return _frame(title, y_max, labels, mark_safe("".join(parts)))  # noqa: S308 - built by format_html


def hbar_chart(*, title: str, items: list[tuple[str, int]]) -> SafeString:
    """Horizontal bars for a ranking (intents, teams, tournaments)."""
    row_h, label_w = 22, 180
    height = max(1, len(items)) * row_h + 8
    top = max((n for _, n in items), default=0) or 1
    rows = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="#333">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
        '<text x="{}" y="{}" font-size="11" fill="#333">{}</text>',
        (
            (
                label_w - 6,
                i * row_h + 18,
                name[:30],
                label_w,
                i * row_h + 6,
                width,
                row_h - 6,
                COLORS[0],
                name,
                n,
                label_w + width + 4,
                i * row_h + 18,
                n,
            )
            for i, (name, n) in enumerate(items)
            for width in [round((CHART_W - label_w - 60) * n / top, 1)]
        ),
    )
    return format_html(
        '<svg viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        CHART_W,
        height,
        title,
        rows,
    )


def analytics_charts(data: Analytics) -> dict[str, SafeString]:
    labels = [day.strftime("%m-%d") for day in data.window.days]
    return {
        "conversations": bar_chart(
            title="Conversations per day",
            labels=labels,
            series=[[n for _, n in data.conversations_per_day]],
            names=["conversations"],
        ),
        "messages": bar_chart(
            title="Messages per day",
            labels=labels,
            series=[[u for _, u, _ in data.messages_per_day], [a for _, _, a in data.messages_per_day]],
            names=["user", "assistant"],
        ),
        "latency": line_chart(
            title="Turn latency per day (ms)",
            labels=labels,
            series=[[p50 for _, p50, _ in data.latency_per_day], [p95 for _, _, p95 in data.latency_per_day]],
            names=["p50", "p95"],
        ),
        "tokens": bar_chart(
            title="LLM tokens per day",
            labels=labels,
            series=[[n for _, n in data.tokens_per_day]],
            names=["tokens"],
        ),
        "intents": hbar_chart(title="Intent mix", items=data.intent_mix),
        "teams": hbar_chart(title="Most-asked teams", items=data.top_teams),
        "tournaments": hbar_chart(title="Most-asked tournaments", items=data.top_tournaments),
    }
