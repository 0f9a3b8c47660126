"""Tolerant parsing of ChatBet API payloads into the typed values of `types.py`.

The API's quirks are absorbed here: ids as strings or numbers, a `{"totalResults": n}` head on
fixture lists, language-keyed dicts, null markets, the `options` odds variant, and `startTime`
without a year. Anything unreadable raises ChatBetPayloadError; single bad items are skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from sportsdata.client.types import (
    LANGUAGES,
    Balance,
    BetReceipt,
    ChatBetPayloadError,
    ComboQuote,
    Competitor,
    Fixture,
    FixturePage,
    MatchOdds,
    Names,
    Selection,
    Sport,
    SportFixture,
    SportTournaments,
    TournamentInfo,
    TournamentRef,
    UserCheck,
)

logger = logging.getLogger(__name__)

# API selection key -> our selection name, per market shape.
_SELECTION_KEYS: dict[str, str] = {
    "homeTeam": "home",
    "awayTeam": "away",
    "tie": "draw",
    "homeTeam_or_draw": "home_or_draw",
    "awayTeam_or_draw": "away_or_draw",
    "homeTeam_or_awayTeam": "home_or_away",
    "yes": "yes",
    "no": "no",
    "over": "over",
    "under": "under",
}
# Names used by the `options` variant, keyed by lower-cased name.
_OPTION_NAMES: dict[str, str] = {
    "home": "home",
    "1": "home",
    "draw": "draw",
    "tie": "draw",
    "x": "draw",
    "away": "away",
    "2": "away",
    "1x": "home_or_draw",
    "x2": "away_or_draw",
    "12": "home_or_away",
    "yes": "yes",
    "no": "no",
}
_LINE_RE = re.compile(r"([+-]?\d+(?:[.,]\d+)?)\s*$")
_START_RE = re.compile(r"^\s*(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return _text(value.get("en") or next(iter(value.values()), ""))
    return str(value).strip()


def _id(value: Any) -> str:
    if isinstance(value, Mapping):  # sports-fixtures sends competitor ids as language-keyed dicts
        value = value.get("en") or next(iter(value.values()), "")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if value is not None else ""


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        result = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return result if result.is_finite() else None


def _int(value: Any, default: int = 0) -> int:
    number = _decimal(value)
    return int(number) if number is not None else default


def names_from(value: Any, fallback: str = "") -> Names:
    """Language-keyed dict (or a plain string) -> Names; a missing language falls back to en."""
    if isinstance(value, Mapping):
        en = _text(value.get("en")) or fallback or _text(value)
        by_lang = {lang: _text(value.get(lang)) for lang in LANGUAGES}
        return Names(en=en, es=by_lang["es"] or en, pt_br=by_lang["pt_br"] or en)
    text = _text(value) or fallback
    return Names(en=text, es=text, pt_br=text)


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _expect_list(payload: Any, what: str) -> list[Any]:
    if isinstance(payload, Mapping) and isinstance(payload.get("data"), list):
        return list(payload["data"])
    if not isinstance(payload, list):
        raise ChatBetPayloadError(f"{what}: expected a list, got {type(payload).__name__}")
    return payload


def _expect_dict(payload: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(payload, Mapping):
        raise ChatBetPayloadError(f"{what}: expected an object, got {type(payload).__name__}")
    return payload


def _items(payload: Iterable[Any], what: str) -> Iterable[Mapping[str, Any]]:
    for item in payload:
        if isinstance(item, Mapping):
            yield item
        else:
            logger.warning("skipping a non-object item in %s", what)


def start_time_parse(value: Any, *, now: dt.datetime) -> dt.datetime:
    """Kickoff from `startTime` ("MM-DD HH:MM", UTC, no year): the year that puts it nearest `now`,
    so "01-01 10:00" read on Dec 31 is next year and "12-31 20:00" read on Jan 1 is last year."""
    text = _text(value)
    match = _START_RE.match(text)
    if match is None:
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ChatBetPayloadError(f"unreadable startTime {text!r}") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    month, day, hour, minute = (int(g) for g in match.groups())
    now = now.astimezone(dt.UTC)
    candidates = []
    for year in (now.year - 1, now.year, now.year + 1):
        try:
            candidates.append(dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC))
        except ValueError:  # Feb 29 outside a leap year, or a bad date
            continue
    if not candidates:
        raise ChatBetPayloadError(f"impossible startTime {text!r}")
    return min(candidates, key=lambda c: abs(c - now))


def sports_parse(payload: Any) -> tuple[Sport, ...]:
    out = []
    for item in _items(_expect_list(payload, "sports"), "sports"):
        sport_id = _id(item.get("id"))
        if not sport_id:
            continue
        fallback = _text(item.get("name")) or _text(item.get("alias"))
        names = Names(
            en=_text(item.get("name_en")) or fallback,
            es=_text(item.get("name_es")) or fallback,
            pt_br=_text(item.get("name_pt_br")) or fallback,
        )
        out.append(Sport(id=sport_id, alias=_text(item.get("alias")), names=names))
    return tuple(out)


def tournaments_parse(payload: Any) -> tuple[TournamentInfo, ...]:
    out = []
    for item in _items(_expect_list(payload, "tournaments"), "tournaments"):
        tournament_id = _id(item.get("tournament_id"))
        if not tournament_id:
            continue
        out.append(
            TournamentInfo(
                id=tournament_id,
                name=_text(item.get("tournament_name")),
                sport_names=names_from(item.get("sport_name")),
            )
        )
    return tuple(out)


def all_tournaments_parse(payload: Any) -> tuple[SportTournaments, ...]:
    out = []
    for sport in _items(_expect_list(payload, "all-tournaments"), "all-tournaments"):
        refs = []
        for index, item in enumerate(_items(sport.get("tournaments") or [], "all-tournaments"), start=1):
            tournament_id = _id(item.get("tournamentId"))
            if tournament_id:
                refs.append(
                    TournamentRef(
                        id=tournament_id, name=_text(item.get("name")), order=_int(item.get("order"), index)
                    )
                )
        out.append(
            SportTournaments(id=_id(sport.get("id")), name=_text(sport.get("name")), tournaments=tuple(refs))
        )
    return tuple(out)


def _competitor(value: Any) -> Competitor | None:
    if not isinstance(value, Mapping):
        return None
    competitor_id = _id(value.get("id"))
    if not competitor_id:
        return None
    return Competitor(
        id=competitor_id, name=_text(value.get("name")), jersey_icon=_text(value.get("jerseyIcon"))
    )


def fixtures_parse(payload: Any, *, now: dt.datetime) -> FixturePage:
    if isinstance(payload, Mapping) and "totalResults" in payload:  # a bare counter: empty tournament
        return FixturePage(total_results=_int(payload.get("totalResults")), fixtures=())
    items = _expect_list(payload, "fixtures")
    total = None
    fixtures = []
    for item in _items(items, "fixtures"):
        if "totalResults" in item and "id" not in item:
            total = _int(item.get("totalResults"))
            continue
        home, away = _competitor(item.get("homeCompetitor")), _competitor(item.get("awayCompetitor"))
        tournament = _mapping(item.get("tournament"))
        fixture_id = _id(item.get("id"))
        if not fixture_id or home is None or away is None:
            logger.warning("skipping fixture %r without id or competitors", fixture_id)
            continue
        try:
            starts_at = start_time_parse(item.get("startTime"), now=now)
        except ChatBetPayloadError:
            logger.warning("skipping fixture %s with unreadable startTime", fixture_id)
            continue
        fixtures.append(
            Fixture(
                id=fixture_id,
                starts_at=starts_at,
                tournament_id=_id(tournament.get("id")),
                tournament_name=_text(tournament.get("name")),
                sport_id=_id(item.get("sportId")),
                home=home,
                away=away,
                source=_int(item.get("source")) if item.get("source") is not None else None,
            )
        )
    return FixturePage(total_results=len(fixtures) if total is None else total, fixtures=tuple(fixtures))


def sports_fixtures_parse(payload: Any, *, now: dt.datetime) -> tuple[SportFixture, ...]:
    out = []
    for item in _items(_expect_list(payload, "sports-fixtures"), "sports-fixtures"):
        if "totalResults" in item and "id" not in item:
            continue
        fixture_id = _id(item.get("id"))
        home_id, away_id = _id(item.get("homeCompetitorId")), _id(item.get("awayCompetitorId"))
        if not fixture_id or not home_id or not away_id:
            continue
        try:
            starts_at = start_time_parse(item.get("startTime") or item.get("startTimeIndex"), now=now)
        except ChatBetPayloadError:
            logger.warning("skipping sports-fixture %s with unreadable startTime", fixture_id)
            continue
        home_data = _mapping(item.get("home_team_data"))
        away_data = _mapping(item.get("away_team_data"))
        out.append(
            SportFixture(
                id=fixture_id,
                starts_at=starts_at,
                tournament_id=_id(item.get("tournament_id")),
                tournament_names=names_from(item.get("tournament_name")),
                home_id=home_id,
                home_names=names_from(item.get("homeCompetitorName") or home_data.get("name")),
                away_id=away_id,
                away_names=names_from(item.get("awayCompetitorName") or away_data.get("name")),
                source=_int(item.get("source")) if item.get("source") is not None else None,
            )
        )
    return tuple(out)


def _line_from(name: str) -> Decimal | None:
    match = _LINE_RE.search(name)
    return _decimal(match.group(1)) if match else None


def _selection(market: str, key: str, value: Any, *, price_key: str = "odds") -> Selection | None:
    if not isinstance(value, Mapping):
        return None
    price = _decimal(value.get(price_key, value.get("odd")))
    if price is None or price <= 1:
        return None
    name = _text(value.get("name"))
    line = _line_from(name) if market in ("over_under", "handicap") or "total" in market else None
    return Selection(
        market=market,
        selection=key,
        name=name,
        price=price,
        bet_id=_id(value.get("betId", value.get("bet_id"))),
        line=line,
    )


def _market_selections(market: str, block: Mapping[str, Any]) -> list[Selection]:
    options = block.get("options")
    if isinstance(options, Mapping):  # later variant: {"options": {"<betId>": {"name", "odd"}}}
        out = []
        for bet_id, option in options.items():
            if not isinstance(option, Mapping):
                continue
            name = _text(option.get("name"))
            key = _OPTION_NAMES.get(name.lower()) or re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            parsed = _selection(market, key or str(bet_id), {**option, "betId": option.get("betId", bet_id)})
            if parsed is not None:
                out.append(parsed)
        return out
    out = []
    for api_key, value in block.items():
        key = _SELECTION_KEYS.get(api_key) or re.sub(r"(?<!^)(?=[A-Z])", "_", api_key).lower()
        parsed = _selection(market, key, value)
        if parsed is not None:
            out.append(parsed)
    return out


def odds_parse(payload: Any) -> MatchOdds:
    data = _expect_dict(payload, "odds")
    status = _text(data.get("status")) or "Inactive"
    selections: list[Selection] = []
    if status.lower() == "active":
        for market, block in data.items():
            if market in ("status", "main_market") or not isinstance(block, Mapping):
                continue
            selections.extend(_market_selections(market, block))
    return MatchOdds(
        status=status, main_market=_text(data.get("main_market")) or "result", selections=tuple(selections)
    )


def token_parse(payload: Any) -> str:
    token = _text(_expect_dict(payload, "token").get("token"))
    if not token:
        raise ChatBetPayloadError("generate_token returned no token")
    return token


def user_check_parse(payload: Any) -> UserCheck:
    data = _expect_dict(payload, "validate_user")
    return UserCheck(valid=bool(data.get("status")), user_id=_id(data.get("userId")))


def _money(data: Mapping[str, Any], key: str, default: Decimal = Decimal("0")) -> Decimal:
    value = _decimal(data.get(key))
    return value if value is not None else default


def balance_parse(payload: Any) -> Balance:
    data = _expect_dict(payload, "balance")
    if _decimal(data.get("money")) is None:
        raise ChatBetPayloadError("balance without money")
    money = _money(data, "money")
    return Balance(
        flag=_int(data.get("flag")),
        money=money,
        playable_balance=_money(data, "playableBalance", money),
        withdrawable_balance=_money(data, "withdrawableBalance", money),
        bonus_balance=_money(data, "bonusBalance"),
        redeemed_bonus=_money(data, "redeemedBonus"),
    )


def bet_receipt_parse(payload: Any) -> BetReceipt:
    data = _expect_dict(payload, "place-bet")
    return BetReceipt(
        message=_text(data.get("message")),
        bet_id=_id(data.get("betId")),
        possible_win=_money(data, "possibleWin"),
    )


def combo_quote_parse(payload: Any) -> ComboQuote:
    data = _expect_dict(payload, "combo-bet-calculation")
    return ComboQuote(
        profit=_money(data, "profit"),
        odd=_money(data, "odd"),
        ok=str(data.get("status")).strip().lower() == "true",
    )
