"""Days people ask about, in en/es/pt, resolved against today's UTC date.

Rules: "tonight" is today; a weekday name is the next such day (today when today is that day);
"this weekend" is the coming Saturday-Sunday (on Saturday, Saturday-Sunday; on Sunday, Sunday only);
"next week" is next Monday-Sunday; explicit dates take the year nearest to today. Several
expressions in one message give the range that spans them all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "jan": 1, "enero": 1, "janeiro": 1, "february": 2, "feb": 2, "febrero": 2,
    "fevereiro": 2, "march": 3, "mar": 3, "marzo": 3, "marco": 3, "april": 4, "apr": 4, "abril": 4,
    "may": 5, "mayo": 5, "maio": 5, "june": 6, "jun": 6, "junio": 6, "junho": 6, "july": 7, "jul": 7,
    "julio": 7, "julho": 7, "august": 8, "aug": 8, "agosto": 8, "september": 9, "sep": 9, "sept": 9,
    "septiembre": 9, "setiembre": 9, "setembro": 9, "october": 10, "oct": 10, "octubre": 10,
    "outubro": 10, "november": 11, "nov": 11, "noviembre": 11, "novembro": 11, "december": 12,
    "dec": 12, "diciembre": 12, "dezembro": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = {
    "monday": 0, "lunes": 0, "segunda": 0, "tuesday": 1, "martes": 1, "terca": 1, "wednesday": 2,
    "miercoles": 2, "quarta": 2, "thursday": 3, "jueves": 3, "quinta": 3, "friday": 4, "viernes": 4,
    "sexta": 4, "saturday": 5, "sabado": 5, "sunday": 6, "domingo": 6,
}  # fmt: skip
# Portuguese weekday names double as ordinals ("segunda parte"): require "-feira" or a day cue.
_PT_ORDINAL_DAYS = ("segunda", "quarta", "quinta", "sexta")

# ...unless what follows can only follow a day: the end of the question ("tem jogo sexta?"), the
# time of day or "que vem" ("segunda à noite", "quinta que vem"); an ordinal needs its noun.
_PT_DAY_AFTER_RE = re.compile(
    r"\s*(?:[?!.,;]|$|que vem\b|a noite\b|de noite\b|a tarde\b|de tarde\b|de manha\b|agora\b|dia\b)"
)

_ISO_RE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DAY_MONTH_RE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|o|º)?\s*(?:of\s+|de\s+)?({_MONTH_ALT})\b(?:,?\s*(?:de\s+)?(\d{{4}}))?"
)
_MONTH_DAY_RE = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(\d{{4}}))?")
_SLASH_RE = re.compile(r"(?<![\d.,])(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\d/])")
_RELATIVE = (
    (re.compile(r"\b(?:day after tomorrow|pasado manana|depois de amanha)\b"), 2),
    (re.compile(r"\b(?:tomorrow|amanha|tmrw|tmr)\b|(?<!\bla )(?<!\besta )(?<!\bpor la )\bmanana\b"), 1),
    (re.compile(r"\b(?:today|tonight|tonite|this (?:evening|afternoon|morning)|hoy|esta noche|esta tarde"
                r"|esta manana|hoje|esta noite|nesta noite|hoje a noite|hoje a tarde|esta manha)\b"), 0),
    (re.compile(r"\b(?:yesterday|ayer|ontem)\b"), -1),
)  # fmt: skip
_WEEKEND_RE = re.compile(
    r"\b(?:(next|proximo|que vem)\s+)?(?:weekend|fin de semana|finde|fim de semana|fds)\b"
)
_NEXT_WEEK_RE = re.compile(
    r"\b(?:next week|la proxima semana|proxima semana|la semana que viene|semana que viene|semana que vem)\b"
)
_THIS_WEEK_RE = re.compile(r"\b(?:this week|esta semana|essa semana|nesta semana|this week's)\b")
# Day counts written as words ("in two days", "en tres días", "daqui a dois dias").
_DAY_COUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "un": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "um": 1, "dois": 2, "quatro": 4, "sete": 7, "oito": 8,
    "nove": 9, "dez": 10,
}  # fmt: skip
_IN_DAYS_RE = re.compile(
    r"\b(?:in|en|em|daqui a|dentro de)\s+(\d{1,2}|" + "|".join(_DAY_COUNTS) + r")\s+(?:days|dias)\b"
)
# A weekday with "que vem" / "que viene" after it is the next one, a week away when it is today.
_NEXT_AFTER_RE = re.compile(r"\s+que (?:vem|viene)\b")
_NEXT_DAYS_RE = re.compile(r"\b(?:next|proximos|los proximos|os proximos)\s+(\d{1,2})\s+(?:days|dias)\b")
_WEEKDAY_ALT = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_NOT_A_DAY_NUMBER = r"(?![\d:.,]|\s*(?:am|pm|h|hs|hrs|horas|hours|o'?clock|%|k|mil)\b)"
# "sábado 12", "Thursday the 10th", "sexta-feira dia 12", "el jueves 10"
_WEEKDAY_DAY_RE = re.compile(
    rf"\b({_WEEKDAY_ALT})(?:-feira|\s+feira)?,?\s+(?:the\s+|el\s+|dia\s+|de\s+)?(\d{{1,2}})"
    rf"(?:st|nd|rd|th|er|o|a)?\b{_NOT_A_DAY_NUMBER}"
)
# "on the 15th", "the 10th?", "el 15", "el día 20", "dia 20", "no dia 20"
_DAY_NUMBER_RE = re.compile(
    rf"\b(?:on\s+the\s+(\d{{1,2}})(?:st|nd|rd|th)?|(?:on\s+)?the\s+(\d{{1,2}})(?:st|nd|rd|th)(?=\s*(?:[?.!,]|$|of\b))"
    rf"|on\s+(\d{{1,2}})(?:st|nd|rd|th)"
    rf"|(?:el|para el|hasta el|desde el)\s+(?:dia\s+)?(\d{{1,2}})(?!\s+(?:del?|do|da)\b)"
    rf"|dia\s+(\d{{1,2}}))(?:o|º)?\b{_NOT_A_DAY_NUMBER}"
)
# Words before "el 10" that make it a selection, a score or a player, not a day.
_NOT_DAY_BEFORE_RE = re.compile(
    r"\b(?:paga|pagan|cuota|apuesta|apuesto|apostar|pon|ponle|gana|marcador|resultado|minuto)\s*$"
)
# "a week on Saturday", "Saturday week", "el sábado de la semana que viene", "sábado da semana que vem"
_WEEKDAY_NEXT_WEEK_RE = re.compile(
    rf"\ba week (?:on|from) ({_WEEKDAY_ALT})\b|\b({_WEEKDAY_ALT}) week\b"
    rf"|\b({_WEEKDAY_ALT})(?:-feira|\s+feira)?\s+(?:of next week|de la (?:proxima semana|semana que viene)"
    rf"|da (?:proxima semana|semana que vem))\b|\bnext week'?s? ({_WEEKDAY_ALT})\b"
)
_WEEKDAY_RE = re.compile(
    r"\b(?:(next|proximo|proxima|el proximo|la proxima|this|este|esta|on|el|los|na|no|nesta|neste|ate)\s+)?"
    r"(" + "|".join(_WEEKDAYS) + r")(-feira|\s+feira)?\b"
)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date
    end: dt.date
    spans: tuple[tuple[int, int], ...]


def extract_dates(folded: str, today: dt.date, language: str) -> DateRange | None:
    found: list[tuple[dt.date, dt.date, tuple[int, int]]] = []

    def add(start: dt.date, end: dt.date, span: tuple[int, int]) -> None:
        if any(s < span[1] and span[0] < e for _, _, (s, e) in found):
            return
        found.append((start, end, span))

    for match in _ISO_RE.finditer(folded):
        day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            add(day, day, match.span())
    for match in _DAY_MONTH_RE.finditer(folded):
        day = _nearest(today, _MONTHS[match.group(2)], int(match.group(1)), match.group(3))
        if day:
            add(day, day, match.span())
    for match in _MONTH_DAY_RE.finditer(folded):
        day = _nearest(today, _MONTHS[match.group(1)], int(match.group(2)), match.group(3))
        if day:
            add(day, day, match.span())
    for match in _SLASH_RE.finditer(folded):
        first, second = int(match.group(1)), int(match.group(2))
        month, day_number = (first, second) if language == "en" and first <= 12 else (second, first)
        if month > 12:
            month, day_number = day_number, month
        day = _nearest(today, month, day_number, match.group(3))
        if day:
            add(day, day, match.span())
    for match in _WEEKDAY_NEXT_WEEK_RE.finditer(folded):
        name = next(g for g in match.groups() if g)
        ahead = (_WEEKDAYS[name] - today.weekday()) % 7 or 7
        day = today + dt.timedelta(days=ahead + 7)
        if match.group(3) or match.group(4):  # a day of next week (Monday to Sunday)
            day = today + dt.timedelta(days=7 - today.weekday() + _WEEKDAYS[name])
        add(day, day, match.span())
    for match in _WEEKDAY_DAY_RE.finditer(folded):
        day = _day_of_month(today, int(match.group(2)), _WEEKDAYS[match.group(1)])
        if day:
            add(day, day, match.span())
    for match in _DAY_NUMBER_RE.finditer(folded):
        if _NOT_DAY_BEFORE_RE.search(folded[: match.start()]):
            continue
        day = _day_of_month(today, int(next(g for g in match.groups() if g)), None)
        if day:
            add(day, day, match.span())
    for pattern, offset in _RELATIVE:
        for match in pattern.finditer(folded):
            day = today + dt.timedelta(days=offset)
            add(day, day, match.span())
    for match in _WEEKEND_RE.finditer(folded):
        start, end = _weekend(today, bool(match.group(1)))
        add(start, end, match.span())
    for match in _NEXT_WEEK_RE.finditer(folded):
        monday = today + dt.timedelta(days=7 - today.weekday())
        add(monday, monday + dt.timedelta(days=6), match.span())
    for match in _THIS_WEEK_RE.finditer(folded):
        add(today, today + dt.timedelta(days=6 - today.weekday()), match.span())
    for match in _IN_DAYS_RE.finditer(folded):
        count = match.group(1)
        day = today + dt.timedelta(days=int(count) if count.isdigit() else _DAY_COUNTS[count])
        add(day, day, match.span())
    for match in _NEXT_DAYS_RE.finditer(folded):
        add(today, today + dt.timedelta(days=int(match.group(1))), match.span())
    for match in _WEEKDAY_RE.finditer(folded):
        cue, name, feira = match.groups()
        if (
            name in _PT_ORDINAL_DAYS
            and not feira
            and (
                # Outside Portuguese these words are only ordinals ("la segunda", "la quinta").
                language != "pt"
                or (
                    cue not in ("na", "nesta", "proxima", "ate", "esta")
                    and not _PT_DAY_AFTER_RE.match(folded, match.end())
                )
            )
        ):
            continue
        ahead = (_WEEKDAYS[name] - today.weekday()) % 7
        if ahead == 0 and (
            cue in ("next", "proximo", "proxima", "el proximo", "la proxima")
            or _NEXT_AFTER_RE.match(folded, match.end())
        ):
            ahead = 7
        day = today + dt.timedelta(days=ahead)
        add(day, day, match.span())
    if not found:
        return None
    return DateRange(
        start=min(start for start, _, _ in found),
        end=max(end for _, end, _ in found),
        spans=tuple(span for _, _, span in found),
    )


def _day_of_month(today: dt.date, day: int, weekday: int | None) -> dt.date | None:
    """The next date (today included) with this day of the month; with a weekday, the next one
    that falls on it within three months, else the day number alone."""
    candidates: list[dt.date] = []
    for ahead in range(4):
        month_index = today.month - 1 + ahead
        date = _safe_date(today.year + month_index // 12, month_index % 12 + 1, day)
        if date and date >= today:
            candidates.append(date)
    if weekday is not None:
        for date in candidates:
            if date.weekday() == weekday:
                return date
    return candidates[0] if candidates else None


def _weekend(today: dt.date, next_one: bool) -> tuple[dt.date, dt.date]:
    weekday = today.weekday()
    if weekday == 6 and not next_one:
        return today, today
    if weekday >= 5 and next_one:
        saturday = today + dt.timedelta(days=12 - weekday)
    else:
        saturday = today + dt.timedelta(days=(5 - weekday) % 7)
    return saturday, saturday + dt.timedelta(days=1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest(today: dt.date, month: int, day: int, year_text: str | None) -> dt.date | None:
    if year_text:
        year = int(year_text)
        return _safe_date(year + 2000 if year < 100 else year, month, day)
    candidates = [d for y in (today.year - 1, today.year, today.year + 1) if (d := _safe_date(y, month, day))]
    return min(candidates, key=lambda d: abs((d - today).days)) if candidates else None
