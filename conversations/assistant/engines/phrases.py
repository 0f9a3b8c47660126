"""Localized formatting for replies: numbers exactly as stored, dates, and the fixed phrases.

Numbers are printed from Decimals without rounding away digits the data has (2.1 -> "2.10",
1.785 -> "1.785"), so every figure in a reply can be traced to a tool result. The phrases are
English msgids marked `pgettext_lazy(key, ...)` with `{name}` placeholders; their Spanish and
Portuguese live in the django.po catalogs under locale/ (`make messages`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

LANGS = ("en", "es", "pt")
# The assistant's language codes as Django's (settings.LANGUAGES).
DJANGO_LANGUAGES = {"en": "en", "es": "es", "pt": "pt-br"}

_DAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "es": ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    "pt": ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"],
}
_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
    "pt": ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
}


def lang(code: str) -> str:
    code = (code or "en").lower()
    return "pt" if code.startswith("pt") else code if code in LANGS else "en"


def fmt_odds(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


def fmt_money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):,.2f}"


def fmt_percent(probability: Decimal) -> str:
    return f"{(probability * 100).quantize(Decimal('0.1'))}%"


def fmt_day(day: date, language: str, *, year: bool = False) -> str:
    language = lang(language)
    suffix = f" {day.year}" if year else ""
    return f"{_DAYS[language][day.weekday()]} {day.day} {_MONTHS[language][day.month - 1]}{suffix}"


def fmt_kickoff(when: datetime, language: str, *, year: bool = False) -> str:
    return f"{fmt_day(when, language, year=year)}, {when:%H:%M} UTC"


# Translations by (phrase, language): catalogs are fixed for a process's life, and switching the
# active language costs far more than the lookup itself (offline turns quote many phrases).
_translated: dict[tuple[int, str], str] = {}


def in_language(phrase: Promise, language: str) -> str:
    """A marked phrase in `language` (the English msgid when a catalog lacks it)."""
    code = DJANGO_LANGUAGES[lang(language)]
    key = (id(phrase), code)  # phrases are module constants: their ids are stable
    text = _translated.get(key)
    if text is None:
        with translation.override(code):
            text = _translated[key] = str(phrase)
    return text


def t(key: str, language: str, **values: object) -> str:
    """The phrase `key` in `language` (English when missing), formatted with `values`."""
    return in_language(PHRASES[key], language).format(**values)


PHRASES: dict[str, Promise] = {
    "fallback_notice": pgettext_lazy(
        "fallback_notice", "_The full assistant is unavailable right now, so here is a simpler answer._"
    ),
    "reality_check": pgettext_lazy(
        "reality_check",
        "⏱ Reality check: you've been chatting for {minutes} minutes. Bets placed in this conversation: "
        "{bets} (total staked {staked}). You can take a break whenever you like.",
    ),
    "greeting": pgettext_lazy(
        "greeting",
        "Hi! I'm ChatBet. I can tell you when teams play, show odds for a match, compare teams, "
        "work out what a bet would pay and check your balance. What would you like to know?",
    ),
    "greeting_thanks": pgettext_lazy(
        "greeting_thanks",
        "You're welcome! If you need anything else, fixtures, odds or what a bet would pay, just ask.",
    ),
    "greeting_ack": pgettext_lazy(
        "greeting_ack",
        "Glad that helps. Anything else? Another match, the odds, or what a bet would pay.",
    ),
    "greeting_farewell": pgettext_lazy(
        "greeting_farewell",
        "Bye for now! I'm here whenever you want fixtures or odds. Remember you can set limits or take a "
        "break at any time.",
    ),
    "help": pgettext_lazy(
        "help",
        "Here is what I can do:\n"
        "\n"
        "- **Schedules**: “When does {team} play?”, “What matches are on tomorrow?”\n"
        "- **Tournaments**: “Which teams play in {tournament}?”\n"
        "- **Odds**: “Odds for {home} vs {away}?”, “And the draw?”\n"
        "- **Comparisons**: “Who is the favourite, {home2} or {away2}?”\n"
        "- **Simulations**: “What would 20 on {away} pay?”\n"
        "- **Bets and balance**: “What's my balance?” — I always ask before placing anything.\n"
        "- **Betting terms**: “What does double chance mean?”\n"
        "\n"
        "You can also set limits or take a break from betting at any time.",
    ),
    "help_no_fixtures": pgettext_lazy(
        "help_no_fixtures",
        "Here is what I can do:\n"
        "\n"
        "- **Schedules**: when a team plays, what matches are on a day or in a tournament\n"
        "- **Odds**: the prices of a match and its markets, and what they imply\n"
        "- **Comparisons and simulations**: who the market favours, what a stake would return\n"
        "- **Bets and balance**: “What's my balance?” — I always ask before placing anything.\n"
        "- **Betting terms**: “What does double chance mean?”\n"
        "\n"
        "There are no upcoming matches in my data right now. You can set limits or take a break at "
        "any time.",
    ),
    "unclear": pgettext_lazy(
        "unclear",
        "Sorry, I didn't quite get that. You can ask me things like “When does {team} play?”, “Odds "
        "for {home} vs {away}” or “What's my balance?”.",
    ),
    "unclear_no_fixtures": pgettext_lazy(
        "unclear_no_fixtures",
        "Sorry, I didn't quite get that. You can ask me when a team plays, the odds of a match, or "
        "“What's my balance?”.",
    ),
    "out_of_scope": pgettext_lazy(
        "out_of_scope",
        "That's outside what I can help with: I know the fixtures, the odds and your bets. You can ask "
        "me things like “When does {team} play?”, “Odds for {home} vs {away}” or “What's my balance?”.",
    ),
    "out_of_scope_no_fixtures": pgettext_lazy(
        "out_of_scope_no_fixtures",
        "That's outside what I can help with: I know the fixtures, the odds and your bets. You can ask "
        "me when a team plays, the odds of a match, or “What's my balance?”.",
    ),
    "general_sports": pgettext_lazy(
        "general_sports",
        "I answer from the fixtures and odds ChatBet has, so I can't reliably answer general sports "
        "trivia. I can tell you who plays next, in which tournament, and what the odds are.",
    ),
    "fixtures_header": pgettext_lazy("fixtures_header", "Here are the matches I found{scope}:"),
    "fixtures_more": pgettext_lazy("fixtures_more", "…and {count} more."),
    "next_instead": pgettext_lazy("next_instead", "The next one I have:"),
    "no_fixtures": pgettext_lazy("no_fixtures", "I couldn't find any matches{scope}."),
    "team_not_found": pgettext_lazy("team_not_found", "I couldn't find {names} in the fixtures I cover."),
    "did_you_mean": pgettext_lazy("did_you_mean", "Did you mean {options}?"),
    "which_team": pgettext_lazy("which_team", "Which one do you mean: {options}?"),
    "or": pgettext_lazy("or", "or"),
    "which_match": pgettext_lazy(
        "which_match",
        "Which match do you mean? Tell me a team, for example “odds for {home} vs {away}”.",
    ),
    "which_match_no_fixtures": pgettext_lazy(
        "which_match_no_fixtures", "Which match do you mean? Tell me the two teams."
    ),
    "no_match_between": pgettext_lazy(
        "no_match_between",
        "I don't have an upcoming match between {home} and {away}.",
    ),
    "no_upcoming": pgettext_lazy("no_upcoming", "I don't have an upcoming match for {team}."),
    "odds_header": pgettext_lazy("odds_header", "**{home} vs {away}** — {tournament}, {kickoff}"),
    "odds_inactive": pgettext_lazy(
        "odds_inactive",
        "Odds for this match aren't available right now (the market is inactive). Try again closer "
        "to kickoff.",
    ),
    "no_draw": pgettext_lazy(
        "no_draw",
        "There is no draw in {sport}: every {home} vs {away} game ends with a winner, so there is "
        "no price for a draw.",
    ),
    "market_missing_sport": pgettext_lazy(
        "market_missing_sport",
        "There is no {market} market for {home} vs {away} ({sport}).",
    ),
    "market_missing": pgettext_lazy("market_missing", "There's no {market} market for this match right now."),
    "odds_age": pgettext_lazy("odds_age", "Odds as of {time} UTC."),
    "odds_stale": pgettext_lazy(
        "odds_stale",
        "Note: I couldn't refresh these odds; they are from {time} UTC ({minutes} min ago) and may "
        "have changed.",
    ),
    "selection_pays": pgettext_lazy(
        "selection_pays",
        "{selection} pays **{odds}** (implied probability {probability}).",
    ),
    "table_head": pgettext_lazy(
        "table_head",
        "| Selection | Odds |\n|---|---|",
    ),
    "likelier_of_two": pgettext_lazy(
        "likelier_of_two",
        "Of the two, the market rates **{selection}** likelier ({probability} against {other}).",
    ),
    "level_of_two": pgettext_lazy(
        "level_of_two",
        "The market rates the two equally: same price, same implied probability.",
    ),
    "no_bet_is_safe": pgettext_lazy(
        "no_bet_is_safe",
        "Odds reflect the bookmaker's view, not certainty: no bet is safe.",
    ),
}

MARKET_NAMES: dict[str, Promise] = {
    "1x2": pgettext_lazy("market", "Match result (1X2)"),
    "double_chance": pgettext_lazy("market", "Double chance"),
    "both_teams_to_score": pgettext_lazy("market", "Both teams to score"),
    "over_under": pgettext_lazy("market", "Total goals (over/under)"),
    "handicap": pgettext_lazy("market", "Handicap"),
    "half_time_result": pgettext_lazy("market", "Half-time result"),
}

SELECTION_NAMES: dict[str, Promise] = {
    "draw": pgettext_lazy("selection", "Draw"),
    "yes": pgettext_lazy("selection", "Yes"),
    "no": pgettext_lazy("selection", "No"),
    "home_or_draw": pgettext_lazy("selection", "{home} or draw (1X)"),
    "away_or_draw": pgettext_lazy("selection", "{away} or draw (X2)"),
    "home_or_away": pgettext_lazy("selection", "{home} or {away} (12)"),
}


# What a sport's totals count, by the sport's English name or alias as synced (lower case).
SCORE_UNITS: dict[str, str] = {
    "football": "goals", "soccer": "goals", "ice hockey": "goals", "hockey": "goals", "handball": "goals",
    "basketball": "points", "american football": "points", "rugby": "points", "volleyball": "points",
    "baseball": "runs", "tennis": "games", "cricket": "runs",
}  # fmt: skip
UNIT_NAMES: dict[str, Promise] = {
    "goals": pgettext_lazy("score unit", "goals"),
    "points": pgettext_lazy("score unit", "points"),
    "runs": pgettext_lazy("score unit", "runs"),
    "games": pgettext_lazy("score unit", "games"),
}
TOTALS_NAME = pgettext_lazy("market", "Total {unit} (over/under)")
TOTALS_PLAIN = pgettext_lazy("market", "Totals (over/under)")
MONEYLINE_NAME = pgettext_lazy("market", "Winner (moneyline)")


def score_unit(sport_names: tuple[str, ...]) -> str | None:
    """ "goals", "points", ... for a sport known by any of its names or aliases; None when unknown."""
    return next((SCORE_UNITS[n.lower()] for n in sport_names if n.lower() in SCORE_UNITS), None)


def market_name(
    label: str, language: str, *, sport_names: tuple[str, ...] = (), has_draw: bool = True
) -> str:
    """A market's name in the reader's language, in the sport's words: totals count the sport's
    unit (goals, points, runs), and a result market without a draw is the moneyline."""
    language = lang(language)
    if sport_names and label == "over_under":
        unit = score_unit(sport_names)
        if unit is None:
            return in_language(TOTALS_PLAIN, language)
        return in_language(TOTALS_NAME, language).format(unit=in_language(UNIT_NAMES[unit], language))
    if label == "1x2" and not has_draw:
        return in_language(MONEYLINE_NAME, language)
    names = MARKET_NAMES.get(label)
    return in_language(names, language) if names else label


def selection_name(
    selection: str, api_name: str, home: str, away: str, language: str, *, with_line: bool = False
) -> str:
    """A readable selection label in the reader's language; lines keep the API's name ("Barcelona -1")."""
    if selection in ("home", "away") and not with_line:
        return home if selection == "home" else away
    names = SELECTION_NAMES.get(selection)
    if names is None:
        return api_name or selection
    return in_language(names, language).format(home=home, away=away)
