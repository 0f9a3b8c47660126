"""Demo mode (CHATBET_API_BASE_URL=demo): the real client served by bundled payloads.

`DemoApi` answers every endpoint in the real API's shapes from a small dataset whose kickoffs are
relative to today (so "tomorrow" and "this weekend" always have matches); `demo_transport()` plugs
it into httpx as a MockTransport. Balance and bets are per-process state.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import parse_qsl

import httpx

LANGS = ("en", "es", "pt_br")
SOURCE = 1101
MARKET_KEYS = (
    "result", "result_regular_time", "score", "both_teams_to_score", "double_chance", "over_under",
    "handicap", "half_time_total", "half_time_result", "half_time_handicap", "win", "draw_no_bet",
    "goal_first_half", "goal_second_half", "goal_both_halves", "total_corners_home", "total_corners_away",
    "last_goal", "result_five_entries", "result_first_period",
)  # fmt: skip
# market -> (betId market code, [(selection, API key, selection code)])
MARKETS: dict[str, tuple[int, list[tuple[str, str, int]]]] = {
    "result": (1, [("home", "homeTeam", 1), ("away", "awayTeam", 3), ("draw", "tie", 2)]),
    "double_chance": (
        2,
        [
            ("home_or_draw", "homeTeam_or_draw", 1),
            ("away_or_draw", "awayTeam_or_draw", 2),
            ("home_or_away", "homeTeam_or_awayTeam", 3),
        ],
    ),
    "both_teams_to_score": (3, [("yes", "yes", 1), ("no", "no", 2)]),
    "over_under": (4, [("over", "over", 1), ("under", "under", 2)]),
    "handicap": (5, [("home", "homeTeam", 1), ("away", "awayTeam", 2)]),
    "half_time_result": (6, [("home", "homeTeam", 1), ("away", "awayTeam", 3), ("draw", "tie", 2)]),
}
WORDS = {
    "draw": {"en": "Draw", "es": "Empate", "pt_br": "Empate"},
    "yes": {"en": "Yes", "es": "Sí", "pt_br": "Sim"},
    "no": {"en": "No", "es": "No", "pt_br": "Não"},
    "over": {"en": "Over", "es": "Más de", "pt_br": "Mais de"},
    "under": {"en": "Under", "es": "Menos de", "pt_br": "Menos de"},
}
DC_NAMES = {"home_or_draw": "1X", "away_or_draw": "X2", "home_or_away": "12"}

Names = dict[str, str]


def _names(en: str, es: str | None = None, pt_br: str | None = None) -> Names:
    return {"en": en, "es": es or en, "pt_br": pt_br or en}


DEMO_SPORTS: list[dict[str, Any]] = [
    {"id": "1", "alias": "Soccer", "names": _names("Football", "Fútbol", "Futebol")},
    {"id": "3", "alias": "Basketball", "names": _names("Basketball", "Baloncesto", "Basquete")},
]
DEMO_TOURNAMENTS: list[dict[str, Any]] = [
    {"id": "545", "sport_id": "1", "names": _names("LaLiga"), "order": 1},
    {"id": "538", "sport_id": "1", "names": _names("Premier League"), "order": 2},
    {"id": "566", "sport_id": "1", "order": 3,
     "names": _names("UEFA Champions League", "Liga de Campeones de la UEFA", "Liga dos Campeões da UEFA")},
    {"id": "2988", "sport_id": "1", "names": _names("Serie A", "Serie A de Italia", "Série A Italiana"), "order": 4},
    {"id": "541", "sport_id": "1", "names": _names("Bundesliga"), "order": 5},
    {"id": "756", "sport_id": "3", "names": _names("NBA"), "order": 1},
]  # fmt: skip
DEMO_TEAMS: dict[str, Names] = {
    "3104": _names("Barcelona"), "3113": _names("Real Madrid"), "3099": _names("Atletico Madrid", "Atlético de Madrid", "Atlético de Madrid"),
    "3120": _names("Sevilla"), "3101": _names("Real Betis"), "3125": _names("Villarreal"),
    "3117": _names("Real Sociedad"), "3094": _names("Athletic Club"), "3210": _names("Liverpool"),
    "3201": _names("Manchester City"), "3202": _names("Manchester United"), "3203": _names("Arsenal"),
    "3204": _names("Chelsea"), "3205": _names("Tottenham Hotspur"), "3206": _names("Newcastle United"),
    "3207": _names("Aston Villa"), "3301": _names("Inter", "Inter de Milán", "Inter de Milão"),
    "3302": _names("AC Milan", "Milan", "Milan"), "3303": _names("Juventus"), "3304": _names("Napoli", "Nápoles", "Napoli"),
    "3305": _names("Roma"), "3306": _names("Atalanta"), "3401": _names("Bayern Munich", "Bayern Múnich", "Bayern de Munique"),
    "3402": _names("Borussia Dortmund"), "3403": _names("Bayer Leverkusen"), "3404": _names("RB Leipzig"),
    "3501": _names("PSG", "PSG", "PSG"), "3601": _names("Los Angeles Lakers"), "3602": _names("Boston Celtics"),
    "3603": _names("Golden State Warriors"), "3604": _names("Miami Heat"), "3605": _names("Denver Nuggets"),
    "3606": _names("New York Knicks"), "3607": _names("Milwaukee Bucks"), "3608": _names("Chicago Bulls"),
    "3609": _names("Dallas Mavericks"),
}  # fmt: skip
# (fixture id, tournament, home, away, day, "HH:MM" UTC, (home, draw, away) prices or None = Inactive).
# `day` is an offset from today or "sat"/"sun" for the coming weekend.
DEMO_FIXTURES: list[tuple[str, str, str, str, int | str, str, tuple[float, float, float] | None]] = [
    ("27907678", "545", "3104", "3113", "sat", "19:00", (2.10, 3.40, 3.50)),
    ("27900311", "545", "3099", "3120", "sun", "16:30", (1.75, 3.60, 4.80)),
    ("27907701", "545", "3101", "3125", 1, "20:00", (2.45, 3.30, 2.90)),
    ("27907702", "545", "3117", "3094", 4, "19:30", (2.30, 3.20, 3.20)),
    ("27907703", "545", "3113", "3101", 8, "20:00", (1.45, 4.60, 6.50)),
    ("27907704", "545", "3120", "3104", 11, "18:00", None),
    ("27910131", "538", "3210", "3201", "sat", "16:30", (2.60, 3.50, 2.55)),
    ("27910132", "538", "3203", "3204", "sun", "15:00", (1.85, 3.70, 4.20)),
    ("27910133", "538", "3202", "3205", 1, "19:45", (2.40, 3.50, 2.80)),
    ("27910134", "538", "3206", "3207", 2, "19:30", (2.05, 3.50, 3.40)),
    ("27910135", "538", "3201", "3203", 6, "16:00", (1.95, 3.60, 3.80)),
    ("27910136", "538", "3204", "3210", 9, "17:30", None),
    ("27997793", "566", "3113", "3501", 2, "20:00", (2.20, 3.60, 3.10)),
    ("27997794", "566", "3401", "3301", 3, "20:00", (1.90, 3.80, 3.70)),
    ("27997795", "566", "3210", "3303", 3, "20:00", (1.70, 3.90, 4.60)),
    ("27997796", "566", "3201", "3104", 9, "20:00", (2.00, 3.70, 3.40)),
    ("27997797", "566", "3302", "3402", 10, "17:45", (2.35, 3.40, 2.95)),
    ("27997798", "566", "3403", "3203", 10, "20:00", None),
    ("27920001", "2988", "3301", "3302", "sat", "19:45", (2.05, 3.30, 3.70)),
    ("27920002", "2988", "3303", "3304", "sun", "19:45", (2.30, 3.10, 3.30)),
    ("27920003", "2988", "3305", "3306", 1, "17:00", (2.70, 3.30, 2.60)),
    ("27920004", "2988", "3304", "3302", 7, "19:45", (2.25, 3.30, 3.20)),
    ("27930001", "541", "3401", "3402", "sat", "17:30", (1.55, 4.50, 5.20)),
    ("27930002", "541", "3403", "3404", "sun", "14:30", (1.95, 3.70, 3.60)),
    ("27930003", "541", "3404", "3401", 5, "18:30", (4.40, 4.10, 1.70)),
    ("27940001", "756", "3601", "3602", 0, "23:59", (2.25, 0, 1.65)),
    ("27940002", "756", "3603", "3604", 1, "02:00", (1.60, 0, 2.35)),
    ("27940003", "756", "3605", "3606", "sat", "23:00", (1.75, 0, 2.10)),
    ("27940004", "756", "3607", "3608", "sun", "20:00", (1.40, 0, 2.95)),
    ("27940005", "756", "3609", "3601", 3, "01:30", None),
]  # fmt: skip
DEMO_USERS: dict[str, dict[str, Any]] = {
    "1": {"key": "1", "money": Decimal("4321.77"), "playableBalance": Decimal("4536.93"),
          "withdrawableBalance": Decimal("4321.77"), "bonusBalance": Decimal("0"),
          "redeemedBonus": Decimal("101"), "flag": 0},
}  # fmt: skip


def _round2(value: float) -> float:
    return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _price(value: float) -> float:
    return max(1.02, _round2(value))


def demo_odds_for(prices: tuple[float, float, float], *, basketball: bool) -> dict[str, Any]:
    """Every supported market derived from the 1X2 prices (no draw in basketball)."""
    home, draw, away = prices
    if basketball:
        return {
            "result": {"home": home, "away": away},
            "over_under": {"line": 221.5, "over": 1.87, "under": 1.93},
            "handicap": {"line": -4.5 if home < away else 4.5, "home": 1.91, "away": 1.89},
        }
    p_home, p_draw, p_away = 1 / home, 1 / draw, 1 / away
    margin = 0.95
    favourite_home = home <= away
    return {
        "result": {"home": home, "draw": draw, "away": away},
        "double_chance": {
            "home_or_draw": _price(margin / (p_home + p_draw)),
            "away_or_draw": _price(margin / (p_away + p_draw)),
            "home_or_away": _price(margin / (p_home + p_away)),
        },
        "both_teams_to_score": {
            "yes": _price(1.55 + abs(home - away) / 10),
            "no": _price(2.35 - abs(home - away) / 12),
        },
        "over_under": {"line": 2.5, "over": _price(1.65 + draw / 20), "under": _price(2.30 - draw / 20)},
        "handicap": {
            "line": -1 if favourite_home else 1,
            "home": _price(home * 1.55 if favourite_home else home * 0.62),
            "away": _price(away * 0.62 if favourite_home else away * 1.55),
        },
        "half_time_result": {
            "home": _price(home + 0.75),
            "draw": _price(2.05 + draw / 20),
            "away": _price(away + 1.0),
        },
    }


def _day_offset(day: int | str, today: dt.date) -> int:
    if isinstance(day, int):
        return day
    weekday = {"sat": 5, "sun": 6}[day]
    return (weekday - today.weekday()) % 7


def demo_dataset(*, today: dt.date) -> dict[str, Any]:
    """The demo data in the same layout as the evaluation dataset (kickoffs resolved for `today`)."""
    sport_of = {t["id"]: t["sport_id"] for t in DEMO_TOURNAMENTS}
    fixtures, odds = [], {}
    for fixture_id, tournament_id, home, away, day, time, prices in DEMO_FIXTURES:
        fixtures.append({
            "id": fixture_id, "tournament_id": tournament_id, "home_team_id": home, "away_team_id": away,
            "day_offset": _day_offset(day, today), "time": time,
        })  # fmt: skip
        if prices is not None:
            odds[fixture_id] = {
                "status": "Active",
                **demo_odds_for(prices, basketball=sport_of[tournament_id] == "3"),
            }
    return {
        "sports": DEMO_SPORTS,
        "tournaments": DEMO_TOURNAMENTS,
        "teams": [{"id": team_id, "names": names} for team_id, names in DEMO_TEAMS.items()],
        "fixtures": fixtures,
        "odds": odds,
        "users": DEMO_USERS,
    }


def _fmt(value: float | Decimal) -> str:
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def _signed(value: float) -> str:
    return f"+{_fmt(value)}" if value > 0 else _fmt(value)


def _norm_lang(value: str | None) -> str:
    lang = (value or "en").strip().lower().replace("-", "_")
    return "pt_br" if lang.startswith("pt") else "es" if lang.startswith("es") else "en"


class DemoApi:
    """The ChatBet API in-process: `handle()` maps one request to (status, JSON body).

    `dataset` uses the evaluation dataset layout; `dataset_factory` rebuilds it per request when
    kickoffs must follow the current date.
    """

    def __init__(
        self,
        *,
        dataset: Mapping[str, Any] | None = None,
        dataset_factory: Callable[[], Mapping[str, Any]] | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self._factory = dataset_factory or (lambda: dataset or {})
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens: set[str] = set()
        initial = self._factory()
        self._balances = {uid: dict(user) for uid, user in dict(initial.get("users") or {}).items()}
        self.bets: list[dict[str, Any]] = []
        self._index_cache: tuple[Mapping[str, Any], dict[str, dict[str, Any]]] | None = None

    def _index(self, ds: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        """Id lookups for a dataset, rebuilt only when a different dataset object comes in."""
        cached = self._index_cache
        if cached is not None and cached[0] is ds:
            return cached[1]
        index = {
            key: {item["id"]: item for item in ds.get(key) or []}
            for key in ("fixtures", "tournaments", "teams")
        }
        self._index_cache = (ds, index)
        return index

    def bets_placed(self) -> list[dict[str, Any]]:
        """Copies of the bets placed so far (betId, amount, legs), oldest first."""
        with self._lock:
            return [dict(bet) for bet in self.bets]

    def revoke_tokens(self) -> None:
        with self._lock:
            self._tokens.clear()

    # -- dispatch ---------------------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: Mapping[str, str], headers: Mapping[str, str], body: Any
    ) -> tuple[int, Any]:
        path = "/" + "/".join(part for part in path.split("/") if part)
        routes: dict[
            tuple[str, str], Callable[[Mapping[str, Any], Mapping[str, str], Mapping[str, str], Any], Any]
        ] = {
            ("POST", "/auth/generate_token"): self._generate_token,
            ("GET", "/auth/validate_token"): self._validate_token,
            ("GET", "/auth/validate_user"): self._validate_user,
            ("GET", "/auth/get_user_balance"): self._balance,
            ("GET", "/sports"): self._sports,
            ("GET", "/sports/tournaments"): self._tournaments,
            ("GET", "/sports/all-tournaments"): self._all_tournaments,
            ("GET", "/sports/fixtures"): self._fixtures,
            ("GET", "/sports/sports-fixtures"): self._sports_fixtures,
            ("GET", "/sports/odds"): self._odds,
            ("POST", "/place-bet"): self._place_bet,
            ("POST", "/combo-bet-calculation"): self._combo,
            ("GET", "/health"): lambda *_: {"status": "ok"},
        }
        handler = routes.get((method.upper(), path))
        if handler is None:
            return 404, {"detail": "Not Found"}
        lowered = {k.lower(): v for k, v in headers.items()}
        try:
            return 200, handler(self._factory(), query, lowered, body)
        except _Refused as exc:
            return exc.status, {"detail": exc.detail}

    # -- auth -------------------------------------------------------------------------------

    def _generate_token(
        self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any
    ) -> Any:
        token = f"demo.{uuid.uuid4().hex}"
        with self._lock:
            self._tokens.add(token)
        return {"token": token}

    def _require_token(self, headers: Mapping[str, str]) -> None:
        with self._lock:
            if headers.get("token") not in self._tokens:
                raise _Refused(401, "Invalid token")

    def _validate_token(
        self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any
    ) -> Any:
        self._require_token(h)
        return {"message": "Valid token"}

    def _validate_user(
        self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any
    ) -> Any:
        key = _required(q, "userKey")
        for uid, user in self._balances.items():
            if str(user["key"]) == key:
                return {"status": True, "userId": int(uid) if uid.isdigit() else uid}
        return {"status": False, "userId": 0}

    def _user(self, uid: str, key: str) -> dict[str, Any]:
        user = self._balances.get(uid)
        if user is None or str(user["key"]) != key:
            raise _Refused(404, "User not found")
        return user

    def _balance(self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any) -> Any:
        uid, key = _required(q, "userId"), _required(q, "userKey")
        self._require_token(h)
        with self._lock:
            user = self._user(uid, key)
            return {
                "flag": int(user.get("flag", 0)),
                **{
                    k: float(Decimal(str(user.get(k, 0))))
                    for k in (
                        "money",
                        "playableBalance",
                        "withdrawableBalance",
                        "bonusBalance",
                        "redeemedBonus",
                    )
                },
            }

    # -- sports -----------------------------------------------------------------------------

    def _sports(self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any) -> Any:
        return [
            {"alias": s["alias"], "profit": {}, "id": s["id"], "name": s["names"]["en"], "name_es": s["names"]["es"],
             "name_en": s["names"]["en"], "name_pt_br": s["names"]["pt_br"]}
            for s in ds["sports"]
        ]  # fmt: skip

    def _active_tournaments(self, ds: Mapping[str, Any]) -> set[str]:
        return {f["tournament_id"] for f in ds["fixtures"]}

    def _tournaments(self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any) -> Any:
        sport_id, lang = q.get("sport_id", "1"), _norm_lang(q.get("language"))
        only_active = q.get("with_active_fixtures", "false").lower() == "true"
        sports = {s["id"]: s for s in ds["sports"]}
        active = self._active_tournaments(ds)
        return [
            {"profit": {}, "sport_name": dict(sports[t["sport_id"]]["names"]),
             "tournament_name": t["names"][lang], "tournament_id": t["id"]}
            for t in sorted(ds["tournaments"], key=lambda t: (t["order"], t["id"]))
            if t["sport_id"] == sport_id and (not only_active or t["id"] in active)
        ]  # fmt: skip

    def _all_tournaments(
        self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any
    ) -> Any:
        lang = _norm_lang(q.get("language"))
        only_active = q.get("with_active_fixtures", "false").lower() == "true"
        active = self._active_tournaments(ds)
        out = []
        for sport in ds["sports"]:
            tournaments = [
                t
                for t in ds["tournaments"]
                if t["sport_id"] == sport["id"] and (not only_active or t["id"] in active)
            ]
            if only_active and not tournaments:
                continue
            tournaments.sort(key=lambda t: (t["order"], t["id"]))
            out.append({
                "id": sport["id"], "name": sport["names"][lang],
                "tournaments": [{"tournamentId": t["id"], "name": t["names"][lang], "order": t["order"]} for t in tournaments],
            })  # fmt: skip
        return out

    def _start(self, fixture: Mapping[str, Any]) -> str:
        hour, minute = (int(x) for x in str(fixture["time"]).split(":"))
        day = self._clock().date() + dt.timedelta(days=int(fixture["day_offset"]))
        return f"{day:%m-%d} {hour:02d}:{minute:02d}"

    def _fixtures_of(
        self, ds: Mapping[str, Any], pred: Callable[[Mapping[str, Any]], bool]
    ) -> list[Mapping[str, Any]]:
        chosen = [f for f in ds["fixtures"] if pred(f)]
        return sorted(chosen, key=lambda f: (f["day_offset"], f["time"], f["id"]))

    def _fixtures(self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any) -> Any:
        tournament_id, lang = _required(q, "tournamentId"), _norm_lang(q.get("language"))
        if q.get("type", "pre_match") != "pre_match":
            return [{"totalResults": 0}]
        tournaments = {t["id"]: t for t in ds["tournaments"]}
        teams = {t["id"]: t for t in ds["teams"]}
        items = []
        for f in self._fixtures_of(ds, lambda f: f["tournament_id"] == tournament_id):
            t = tournaments[f["tournament_id"]]
            items.append({
                "source": SOURCE, "id": f["id"], "startTime": self._start(f),
                "tournament": {"name": t["names"][lang], "id": t["id"]}, "sportId": t["sport_id"],
                "homeCompetitor": {"name": teams[f["home_team_id"]]["names"][lang], "id": f["home_team_id"],
                                   "jerseyIcon": f"https://example.invalid/jerseys/{f['home_team_id']}.png"},
                "awayCompetitor": {"name": teams[f["away_team_id"]]["names"][lang], "id": f["away_team_id"],
                                   "jerseyIcon": f"https://example.invalid/jerseys/{f['away_team_id']}.png"},
            })  # fmt: skip
        return [{"totalResults": len(items)}, *items]

    def _sports_fixtures(
        self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any
    ) -> Any:
        sport_id = _required(q, "sportId")
        if q.get("type", "pre_match") != "pre_match":
            return []
        tournaments = {t["id"]: t for t in ds["tournaments"]}
        teams = {t["id"]: t for t in ds["teams"]}
        out = []
        for f in self._fixtures_of(ds, lambda f: tournaments[f["tournament_id"]]["sport_id"] == sport_id):
            home, away = teams[f["home_team_id"]]["names"], teams[f["away_team_id"]]["names"]
            start = self._start(f)
            out.append({
                "tournament_name": dict(tournaments[f["tournament_id"]]["names"]),
                "away_team_data": {"name": dict(away)}, "source": SOURCE, "tournament_id": f["tournament_id"],
                "home_team_data": {"name": dict(home)}, "id": f["id"], "startTime": start, "startTimeIndex": start,
                "homeCompetitorName": dict(home), "homeCompetitorId": dict.fromkeys(LANGS, f["home_team_id"]),
                "awayCompetitorName": dict(away), "awayCompetitorId": dict.fromkeys(LANGS, f["away_team_id"]),
            })  # fmt: skip
        return out

    # -- odds -------------------------------------------------------------------------------

    def _odds(self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any) -> Any:
        fixture_id = _required(q, "fixtureId")
        amount = float(q.get("amount", "1") or 1)
        lang = _norm_lang(q.get("language"))
        inactive: dict[str, Any] = {
            "status": "Inactive",
            "main_market": "result",
            **dict.fromkeys(MARKET_KEYS),
        }
        index = self._index(ds)
        fixture = index["fixtures"].get(fixture_id)
        data = (ds.get("odds") or {}).get(fixture_id)
        if fixture is None or not data or str(data.get("status", "Active")) != "Active":
            return inactive
        tournament = index["tournaments"][fixture["tournament_id"]]
        # Like the real API: "Active" only when sportId and tournamentId are given and match.
        if q.get("sportId") != tournament["sport_id"] or q.get("tournamentId") != tournament["id"]:
            return inactive
        teams = index["teams"]
        home, away = (
            teams[fixture["home_team_id"]]["names"][lang],
            teams[fixture["away_team_id"]]["names"][lang],
        )
        out: dict[str, Any] = {"status": "Active", "main_market": "result", **dict.fromkeys(MARKET_KEYS)}
        for market, (code, selections) in MARKETS.items():
            block_data = data.get(market)
            if not isinstance(block_data, Mapping):
                continue
            line = block_data.get("line")
            block: dict[str, Any] = {}
            for selection, api_key, sel_code in selections:
                price = block_data.get(selection)
                if not price:
                    block[api_key] = None
                    continue
                if market in ("result", "half_time_result"):
                    name = {"home": home, "away": away, "draw": WORDS["draw"][lang]}[selection]
                elif market == "double_chance":
                    name = DC_NAMES[selection]
                elif market == "both_teams_to_score":
                    name = WORDS[selection][lang]
                elif market == "over_under":
                    name = f"{WORDS[selection][lang]} {_fmt(line if line is not None else 2.5)}"
                else:
                    home_line = float(line or 0)
                    name = (
                        f"{home} {_signed(home_line)}"
                        if selection == "home"
                        else f"{away} {_signed(-home_line)}"
                    )
                block[api_key] = {
                    "name": name, "profit": _round2(float(price) * amount), "odds": float(price),
                    "betId": int(f"{fixture_id}{code}{sel_code}"),
                }  # fmt: skip
            out[market] = block
        return out

    # -- betting ----------------------------------------------------------------------------

    def _place_bet(self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any) -> Any:
        if (
            not isinstance(b, Mapping)
            or not isinstance(b.get("user"), Mapping)
            or not isinstance(b.get("betInfo"), Mapping)
        ):
            raise _Refused(422, "user and betInfo are required")
        self._require_token(h)
        user_ref, info = b["user"], b["betInfo"]
        amount = _dec(info.get("amount"))
        legs = info.get("betId") if isinstance(info.get("betId"), list) else []
        if amount is None or amount <= 0:
            raise _Refused(400, "Invalid amount")
        if not legs:
            raise _Refused(400, "No selections")
        total = Decimal(1)
        for leg in legs:
            odd = _dec(leg.get("odd")) if isinstance(leg, Mapping) else None
            if odd is None or odd < 1:
                raise _Refused(400, "Invalid odd")
            total *= odd
        with self._lock:
            user = self._user(str(user_ref.get("id")), str(user_ref.get("userKey")))
            if amount > Decimal(str(user["money"])):
                raise _Refused(400, "Insufficient balance")
            user["money"] = Decimal(str(user["money"])) - amount
            user["playableBalance"] = max(Decimal(0), Decimal(str(user["playableBalance"])) - amount)
            user["withdrawableBalance"] = min(Decimal(str(user["withdrawableBalance"])), user["money"])
            ticket = uuid.uuid4().hex[:12]
            possible = (amount * total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            self.bets.append({"betId": ticket, "amount": str(amount), "legs": json.loads(json.dumps(legs))})
        return {"message": "Bet accepted", "betId": ticket, "possibleWin": float(possible)}

    def _combo(self, ds: Mapping[str, Any], q: Mapping[str, str], h: Mapping[str, str], b: Any) -> Any:
        if (
            not isinstance(b, Mapping)
            or not isinstance(b.get("betsInfo"), list)
            or _dec(b.get("amount")) is None
        ):
            raise _Refused(422, "betsInfo and amount are required")
        odd = Decimal(1)
        for leg in b["betsInfo"]:
            leg_odd = _dec(leg.get("odd")) if isinstance(leg, Mapping) else None
            if leg_odd is None:
                raise _Refused(422, "odd is required")
            odd *= leg_odd
        if not b["betsInfo"]:
            return {"profit": 0.0, "odd": 0.0, "status": "False"}
        odd = odd.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
        amount = _dec(b["amount"]) or Decimal(0)
        return {
            "profit": float((amount * odd).quantize(Decimal("0.01"))),
            "odd": float(odd),
            "status": "True",
        }


class _Refused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _required(query: Mapping[str, str], name: str) -> str:
    value = query.get(name)
    if value is None or value == "":
        raise _Refused(422, f"query parameter {name} is required")
    return value


def _dec(value: Any) -> Decimal | None:
    try:
        result = Decimal(str(value).strip())
    except (ArithmeticError, ValueError):
        return None
    return result if result.is_finite() else None


def api_transport(api: DemoApi) -> httpx.MockTransport:
    """An httpx transport answering from `api`."""

    def handler(request: httpx.Request) -> httpx.Response:
        query = dict(parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True))
        body = None
        if request.content:
            try:
                body = json.loads(request.content)
            except ValueError:
                return httpx.Response(422, json={"detail": "JSON decode error"})
        status, payload = api.handle(request.method, request.url.path, query, dict(request.headers), body)
        return httpx.Response(status, json=payload)

    return httpx.MockTransport(handler)


_demo_api: DemoApi | None = None
_demo_lock = threading.Lock()


def demo_api() -> DemoApi:
    """The per-process demo API (its balance drops as bets are placed)."""
    global _demo_api
    with _demo_lock:
        if _demo_api is None:
            _demo_api = DemoApi(dataset_factory=lambda: demo_dataset(today=dt.datetime.now(dt.UTC).date()))
        return _demo_api


def demo_transport() -> httpx.MockTransport:
    return api_transport(demo_api())
