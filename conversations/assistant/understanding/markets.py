"""Betting markets, outcomes and lines named in a message (en/es/pt).

Markets: 1x2, double_chance, over_under, both_teams_to_score, handicap, half_time_result.
Outcomes: home, draw, away, over, under, yes, no, home_or_draw, away_or_draw, home_or_away,
"team" / "team_or_draw" when the user backs a named team (the team is `Understanding.picks[0]`), and
"favourite" / "underdog" for the side the match's prices make so (only the prices can say which).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_HALF_TIME_RE = re.compile(
    r"\b(?:half[ -]?time|ht result|first half|1st half|at the break|medio ?tiempo|descanso|primer tiempo"
    r"|primera mitad|1er tiempo|primeiro tempo|meio[ -]?tempo|intervalo|1o tempo|primeira etapa)\b"
)
_DOUBLE_CHANCE_RE = re.compile(
    r"\b(?:double[ -]?chance|doble oportunidad|doble chance|dupla[ -]?chance|chance dupla|dupla hipotese)\b"
    r"|(?<![\w.])(?:1x|x2)(?![\w.])"
)
_DOUBLE_CHANCE_NAME_RE = re.compile(
    r"\b(?:double[ -]?chance|doble oportunidad|doble chance|dupla[ -]?chance|chance dupla|dupla hipotese)\b"
)
_OR_DRAW_RE = re.compile(r"\b(?:or (?:a |the )?(?:draw|tie)|o (?:el )?empate|ou (?:o )?empate|or x)\b")
# In Portuguese "o empate" is "the draw", not "or a draw".
_OR_DRAW_PT_RE = re.compile(r"\b(?:or (?:a |the )?(?:draw|tie)|ou (?:o )?empate|or x)\b")
_NO_DRAW_RE = re.compile(r"\b(?:no draw|either team|sin empate|sem empate|qualquer (?:time|equipe) vence)\b")
_BTTS_RE = re.compile(
    r"\b(?:both (?:teams|sides) (?:to )?(?:score|scoring)|both (?:teams )?(?:will |to )?score|btts"
    r"|ambos (?:equipos |times )?(?:marcan|anotan|marcam|marquen)|ambas (?:equipes |equipas )?marcam"
    r"|los dos (?:equipos )?marcan|os dois (?:times )?marcam)\b"
)
_BTTS_NO_RE = re.compile(
    r"\b(?:btts:? no|no btts|both (?:teams )?(?:not|won'?t|will not|don'?t|do not) (?:to )?score"
    r"|(?:ambos|los dos) no (?:marcan|anotan)|(?:ambas|ambos|os dois) nao marcam|not both)\b"
)
# "total" alone is the totals market ("and the total?"), but not "in total" / "en total" / "no total"
# (altogether) nor a total return or payout ("ganancia total", "total payout").
_TOTAL = (
    r"(?<!\bin )(?<!\ben )(?<!\bno )(?<!\bal )(?<!\bna )(?<!\bganancia )(?<!\bretorno )"
    r"(?<!\bpago )(?<!\bganho )(?<!\blucro )(?<!\bvalor )"
    r"totals?(?!\s+(?:return|returns|payout|winnings|profit|stake|staked|amount|cost|a cobrar|ganado|ganho|pago))"
)
_OVER_UNDER_RE = re.compile(
    r"\b(?:over ?/ ?under|over[- ]under|over or under|o ?/ ?u|"
    + _TOTAL
    + r"|total (?:de )?(?:goals|goles|gols|points|puntos|pontos)"
    r"|goles totales|mas ?/ ?menos|mais ?/ ?menos|altas? (?:y|o) bajas?)\b"
)
# Totals asked as a count of the sport's scoring units ("how many points will there be", "cuántos
# goles habrá", "vai ter muitos gols?"): the words are data, one tuple per language. A count already
# made ("how many goals has X scored", "cuántos goles lleva", "quantos gols o Y fez") is a statistic.
_SCORING_UNITS = (
    ("goals", "points", "runs", "baskets", "tries"),
    ("goles", "puntos", "tantos", "canastas", "carreras"),
    ("gols", "pontos", "cestas", "corridas"),
)
_COUNT_WORDS = (
    ("how many", "how much", "number of", "lots of", "a lot of", "plenty of", "many", "few"),
    ("cuantos", "cuantas", "cantidad de", "numero de", "muchos", "muchas", "pocos", "pocas"),
    ("quantos", "quantas", "quantidade de", "numero de", "muitos", "muitas", "poucos", "poucas"),
)
_SCORED_VERBS = (
    ("has", "have", "had", "did", "scored", "got", r"averag\w*"),
    ("lleva", "llevan", "llevaba", "marco", "marcaron", "anoto", "anotaron", "metio", "metieron", "tiene",
     "tienen", "hizo", "hicieron", r"promedi\w*"),
    ("tem", "tinha", "leva", "levou", "fez", "fizeram", "marcou", "marcaram", "anotou", "media"),
)  # fmt: skip


def _words(table: tuple[tuple[str, ...], ...]) -> str:
    words = {word.replace(" ", r"\s+") for language in table for word in language}
    return "|".join(sorted(words, key=len, reverse=True))


_TOTALS_COUNT_RE = re.compile(
    rf"\b(?:{_words(_COUNT_WORDS)})\s+(?:\w+\s+)?(?:{_words(_SCORING_UNITS)})\b"
    rf"(?!(?:\s+\w+){{0,3}}\s+(?:{_words(_SCORED_VERBS)})\b)"
)
_LINE_RE = re.compile(
    r"\b(over|under|mas de|menos de|mais de|more than|less than|fewer than|alta|baja|acima de|abaixo de)"
    r"\s*(\d+(?:[.,]\d+)?)(?!\s*(?:\$|€|£|euros?|dolares|dollars?|reais|bucks|pesos))"
)
# "I'm over 18", "tengo más de 18 años": words about the person, not a betting line.
_ABOUT_PERSON_BEFORE_RE = re.compile(
    r"\b(?:i'?m|i am|im|i'?ve been|i was|age|aged|soy|tengo|estoy|edad|sou|tenho|estou|idade|ja tenho|eu sou)"
    r"\s*(?:well |just |already |ya |ja )?$"
)
_ABOUT_PERSON_AFTER_RE = re.compile(r"^\s*(?:years?|yrs?|yo|anos|años|y/?o)\b")
_OVER_WORDS = {"over", "mas de", "mais de", "more than", "alta", "acima de"}
_HANDICAP_RE = re.compile(r"\b(?:handicap|spread|point spread|hcp|asian|puck ?line|run ?line)\b")
_SIGNED_LINE_RE = re.compile(r"(?<![\w.])([+-]\s?\d+(?:[.,]\d+)?)(?![\w.,]|\s?(?:\$|€|£))")
_MONEYLINE_RE = re.compile(
    r"\b(?:moneyline|money line|1x2|match result|full[ -]?time result|match winner|who (?:will )?wins?"
    r"|winner|to win|to beat|ganador|vencedor|resultado(?: final)?|result)\b"
)
# The draw as a noun or as what the teams do ("y si empatan?", "e se empatar?", "ends level").
_DRAW_RE = re.compile(
    r"\b(?:draw|tie|empate|empates|stalemate|empatan|empaten|empatar|empatarem|empatam|empatem|empatando"
    r"|ends? (?:in a )?(?:draw|level|tied)|all square)\b"
)
_HOME_RE = re.compile(r"\b(?:home (?:win|side|team)|the home|victoria local|gana (?:el )?local|mandante)\b")
_AWAY_RE = re.compile(r"\b(?:away (?:win|side|team)|the away|visitante|visitors)\b")
# The side the prices favour, or the other one, named by its role ("15 on the underdog", "20 al
# favorito", "50 no azarão"). A negated favourite is the underdog ("el que no es favorito").
_FAVOURITE = r"(?:favou?rites?|faves?|favs?|favorit[oa]s?)"
_UNDERDOG_RE = re.compile(
    r"\b(?:underdogs?|the dogs?|outsiders?|long ?shots?|weaker (?:side|team)|the weaker one"
    r"|(?:not|isn'?t|non|no es|nao e|menos)[ -](?:(?:the|el|o|la|a)\s+)?"
    + _FAVOURITE
    + r"|(?:el|al|la|a la|o|no|na|a) (?:mas |mais )?(?:debil|fraco|fraca)|(?:equipo|time|lado) (?:mas |mais )?"
    r"(?:debil|fraco)|azar(?:ao|oes)|zebra|la sorpresa)\b"
)
_FAVOURITE_RE = re.compile(r"\b(?:" + _FAVOURITE + r"|the chalk|(?:el|al|o|no) (?:mas|mais) fuerte)\b")
# "my favourite team", "mi equipo favorito", "meu time favorito": a liking, not a side of a match.
_LIKING_BEFORE_RE = re.compile(
    r"\b(?:my|your|our|his|her|their|mi|tu|su|nuestro|meu|minha|seu|sua|nosso|equipo|club|time|clube"
    r"|jugador|jogador|team|player|sport|deporte|esporte)\s+$"
)
_LIKING_AFTER_RE = re.compile(r"^\s+(?:team|club|player|sport|equipo|club|jugador|time|clube|jogador)\b")


def _role_outcome(folded: str) -> str | None:
    """ "underdog" or "favourite" when the message backs or prices a side by its role."""
    for outcome, pattern in (("underdog", _UNDERDOG_RE), ("favourite", _FAVOURITE_RE)):
        for found in pattern.finditer(folded):
            liking = _LIKING_BEFORE_RE.search(folded[: found.start()]) or _LIKING_AFTER_RE.match(
                folded[found.end() :]
            )
            if not liking:
                return outcome
    return None


@dataclass(frozen=True, slots=True)
class MarketInfo:
    market: str | None
    outcome: str | None
    line: Decimal | None
    # Character spans of numbers that are lines, not stakes.
    line_spans: tuple[tuple[int, int], ...]
    # Spans of words about the person ("I'm over 18"): neither a line nor a stake.
    person_spans: tuple[tuple[int, int], ...] = ()


# One side of a two-sided market already on the table, named bare in a short follow-up ("y el menos?",
# "and the under?", "e o não?"): that side of the same market.
_SIDE_WORDS: dict[str, dict[str, re.Pattern[str]]] = {
    "over_under": {
        "over": re.compile(r"\b(?:over|overs|the over|el mas|la alta|las altas|alta|altas|o mais|acima)\b"),
        "under": re.compile(
            r"\b(?:under|unders|the under|el menos|menos|la baja|las bajas|baja|bajas|o menos|abaixo)\b"
        ),
    },
    # A bare "yes"/"no" is an answer to a question; put after a stake word it is the side ("10 on
    # yes", "ponle 5 al si", "20 no sim").
    "both_teams_to_score": {
        "yes": re.compile(
            r"\b(?:the yes|el si|o sim|on yes|al si|en el si|no sim|pro sim|pra sim|pelo sim)\b"
        ),
        "no": re.compile(r"\b(?:the no|el no|o nao|on no|al no|en el no|no nao|pro nao|pra nao|pelo nao)\b"),
    },
}


# "al under", "10 on the over", "pro over", "over it is, 25 on it": the over or the under backed bare
# (no line said), a side of the totals market ("over 18", "under 2.5" are the person or a line).
_BACKED_TOTAL_RE = re.compile(
    r"\b(?:on|al|a|no|pro|pra|pelo|el|the|o|en el|ao)\s+(?:the\s+)?(over|under)\b(?!\s*\d)"
    r"|^\W*(?:the\s+)?(over|under)(?:\s+(?:it is|it|then|pls|please|por favor|entao|then))?\s*(?:[,.!]|$)"
)


# The match's plain odds, then another market joined to them ("odds + btts", "cuotas del Boca River y
# el hándicap", "odds do jogo e ambas marcam"): the result market is asked too.
_PLAIN_ODDS = r"(?:odds|prices?|cuotas|momios|odd|cotacao|cotacoes|1x2|moneyline|match result|resultado)"
_JOINED_RE = r"\s*(?:\+|&|,|\band\b|\bplus\b|\by\b|\be\b|\balso\b|\btambien\b|\btambem\b)\s*"
_MARKET_NAMES = (
    ("handicap", _HANDICAP_RE),
    ("over_under", _OVER_UNDER_RE),
    ("both_teams_to_score", _BTTS_RE),
    ("double_chance", _DOUBLE_CHANCE_RE),
    ("half_time_result", _HALF_TIME_RE),
)


def named_markets(folded: str) -> tuple[str, ...]:
    """Every market the message names, in the order named ("the handicap and the total points"):
    two or more are asked together. Plain "odds" count as the result market only when joined to
    another market ("odds + btts")."""
    found: list[tuple[int, str]] = []
    for market, pattern in _MARKET_NAMES:
        match = pattern.search(folded)
        if match:
            found.append((match.start(), market))
    if found:
        first = min(start for start, _ in found)
        plain = re.search(rf"\b{_PLAIN_ODDS}\b", folded[:first])
        joined = re.search(rf"{_JOINED_RE}(?:(?:the|el|la|los|o|a|os|as)\s+)?$", folded[:first])
        if plain and joined:
            found.append((plain.start(), "1x2"))
    return tuple(market for _, market in sorted(found))


# Odds asked in another format ("moneyline in american odds", "lyon's price as a fraction",
# "momios americanos", "odd americana", "en fracciones"); "decimal" goes back to the default.
_ODDS_FORMAT_RES = (
    ("american", re.compile(r"\b(?:american|americanos|americanas|americana|us odds|us format)\b")),
    (
        "fractional",
        re.compile(r"\b(?:fractions?|fractional|fraccion\w*|fracao|fracoes|fracionari\w*|fracionad\w*)\b"),
    ),
    (
        "decimal",
        re.compile(
            r"\b(?:in decimal|decimal odds|en decimal\w*|cuotas decimales|em decimal|odds decimais)\b"
        ),
    ),
)


def asked_odds_format(folded: str) -> str | None:
    """The odds format the message asks its prices in, or None."""
    return next((name for name, pattern in _ODDS_FORMAT_RES if pattern.search(folded)), None)


def side_of(folded: str, market: str | None) -> str | None:
    """The one side of `market` a follow-up names bare, or None (none or both named)."""
    sides = [side for side, pattern in _SIDE_WORDS.get(market or "", {}).items() if pattern.search(folded)]
    return sides[0] if len(sides) == 1 else None


def double_chance_span(folded: str) -> tuple[int, int] | None:
    """Where the double-chance market is named by its name (not by a 1X/X2 code)."""
    found = _DOUBLE_CHANCE_NAME_RE.search(folded)
    return found.span() if found else None


def signed_line(folded: str) -> tuple[Decimal | None, tuple[int, int] | None]:
    match = _SIGNED_LINE_RE.search(folded)
    return (_decimal(match.group(1)), match.span()) if match else (None, None)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        return None


def extract_market(folded: str, *, language: str | None = None) -> MarketInfo:
    line_spans: list[tuple[int, int]] = []
    line: Decimal | None = None
    outcome: str | None = None
    market: str | None = None

    person_spans: list[tuple[int, int]] = []
    line_match = None
    for match in _LINE_RE.finditer(folded):
        if _ABOUT_PERSON_BEFORE_RE.search(folded[: match.start()]) or _ABOUT_PERSON_AFTER_RE.search(
            folded[match.end() :]
        ):
            person_spans.append(match.span())
        elif line_match is None:
            line_match = match
    if line_match:
        line = _decimal(line_match.group(2))
        line_spans.append(line_match.span(2))
    signed = list(_SIGNED_LINE_RE.finditer(folded))
    handicap_named = bool(_HANDICAP_RE.search(folded))

    or_draw = (_OR_DRAW_PT_RE if language == "pt" else _OR_DRAW_RE).search(folded)
    if _HALF_TIME_RE.search(folded):
        market = "half_time_result"
    elif _DOUBLE_CHANCE_RE.search(folded) or (or_draw and not _BTTS_RE.search(folded)):
        market = "double_chance"
        code = re.search(r"(?<![\w.])(1x|x2|12)(?![\w.])", folded)
        if code:
            outcome = {"1x": "home_or_draw", "x2": "away_or_draw", "12": "home_or_away"}[code.group(1)]
            line_spans.append(code.span())
        elif or_draw:
            outcome = "team_or_draw"
        elif _NO_DRAW_RE.search(folded):
            outcome = "home_or_away"
    elif _BTTS_RE.search(folded):
        market = "both_teams_to_score"
        outcome = "no" if _BTTS_NO_RE.search(folded) else "yes"
    elif line_match or _OVER_UNDER_RE.search(folded) or _TOTALS_COUNT_RE.search(folded):
        market = "over_under"
        if line_match:
            outcome = "over" if line_match.group(1) in _OVER_WORDS else "under"
        elif backed := _BACKED_TOTAL_RE.search(folded):
            outcome = backed.group(1) or backed.group(2)
    elif backed := _BACKED_TOTAL_RE.search(folded):
        market, outcome = "over_under", backed.group(1) or backed.group(2)
    elif handicap_named or (signed and re.search(r"\b(?:line|linea|linha)\b", folded)):
        market = "handicap"
        if signed:
            line = _decimal(signed[0].group(1))
            line_spans.append(signed[0].span())
    elif _MONEYLINE_RE.search(folded):
        market = "1x2"

    if market in (None, "1x2", "half_time_result") and outcome is None:
        if _DRAW_RE.search(folded):
            outcome = "draw"
            market = market or "1x2"
        elif _HOME_RE.search(folded):
            outcome = "home"
        elif _AWAY_RE.search(folded):
            outcome = "away"
        else:
            outcome = _role_outcome(folded)
    if market == "handicap" and signed and line is None:
        line = _decimal(signed[0].group(1))
        line_spans.append(signed[0].span())
    return MarketInfo(
        market=market,
        outcome=outcome,
        line=line,
        line_spans=tuple(line_spans),
        person_spans=tuple(person_spans),
    )
