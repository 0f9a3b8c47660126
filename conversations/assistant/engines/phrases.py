"""Localized formatting for replies: numbers exactly as stored, dates, and the fixed phrases.

Numbers are printed from Decimals without rounding away digits the data has (2.1 -> "2.10",
1.785 -> "1.785"), so every figure in a reply can be traced to a tool result.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

LANGS = ("en", "es", "pt")

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


def t(key: str, language: str, **values: object) -> str:
    """The phrase `key` in `language` (English when missing), formatted with `values`."""
    table = PHRASES[key]
    return table.get(lang(language), table["en"]).format(**values)


PHRASES: dict[str, dict[str, str]] = {
    "greeting": {
        "en": "Hi! I'm ChatBet. I can tell you when teams play, show odds for a match, compare teams, "
        "work out what a bet would pay and check your balance. What would you like to know?",
        "es": "¡Hola! Soy ChatBet. Puedo decirte cuándo juega un equipo, mostrar las cuotas de un partido, "
        "comparar equipos, calcular lo que pagaría una apuesta y consultar tu saldo. ¿Qué quieres saber?",
        "pt": "Olá! Eu sou o ChatBet. Posso dizer quando um time joga, mostrar as odds de uma partida, "
        "comparar times, calcular quanto uma aposta pagaria e consultar seu saldo. O que você quer saber?",
    },
    "help": {
        "en": "Here is what I can do:\n\n"
        "- **Schedules**: “When does {team} play?”, “What matches are on tomorrow?”\n"
        "- **Tournaments**: “Which teams play in {tournament}?”\n"
        "- **Odds**: “Odds for {home} vs {away}?”, “And the draw?”\n"
        "- **Comparisons**: “Who is the favourite, {home2} or {away2}?”\n"
        "- **Simulations**: “What would 20 on {away} pay?”\n"
        "- **Bets and balance**: “What's my balance?” — I always ask before placing anything.\n"
        "- **Betting terms**: “What does double chance mean?”\n\n"
        "You can also set limits or take a break from betting at any time.",
        "es": "Esto es lo que puedo hacer:\n\n"
        "- **Calendario**: “¿Cuándo juega {team}?”, “¿Qué partidos hay mañana?”\n"
        "- **Torneos**: “¿Qué equipos juegan {tournament}?”\n"
        "- **Cuotas**: “¿Cuotas del {home} vs {away}?”, “¿Y el empate?”\n"
        "- **Comparaciones**: “¿Quién es favorito, {home2} o {away2}?”\n"
        "- **Simulaciones**: “¿Cuánto pagarían 20 a {away}?”\n"
        "- **Apuestas y saldo**: “¿Cuál es mi saldo?” — siempre te pido confirmación antes de apostar.\n"
        "- **Términos**: “¿Qué significa doble oportunidad?”\n\n"
        "También puedes poner límites o tomarte un descanso cuando quieras.",
        "pt": "Veja o que eu posso fazer:\n\n"
        "- **Agenda**: “Quando joga {team}?”, “Quais jogos tem amanhã?”\n"
        "- **Torneios**: “Quais times jogam {tournament}?”\n"
        "- **Odds**: “Odds de {home} x {away}?”, “E o empate?”\n"
        "- **Comparações**: “Quem é o favorito, {home2} ou {away2}?”\n"
        "- **Simulações**: “Quanto pagariam 20 em {away}?”\n"
        "- **Apostas e saldo**: “Qual é o meu saldo?” — sempre peço confirmação antes de apostar.\n"
        "- **Termos**: “O que é dupla chance?”\n\n"
        "Você também pode definir limites ou fazer uma pausa quando quiser.",
    },
    "help_no_fixtures": {
        "en": "Here is what I can do:\n\n"
        "- **Schedules**: when a team plays, what matches are on a day or in a tournament\n"
        "- **Odds**: the prices of a match and its markets, and what they imply\n"
        "- **Comparisons and simulations**: who the market favours, what a stake would return\n"
        "- **Bets and balance**: “What's my balance?” — I always ask before placing anything.\n"
        "- **Betting terms**: “What does double chance mean?”\n\n"
        "There are no upcoming matches in my data right now. You can set limits or take a break at any time.",
        "es": "Esto es lo que puedo hacer:\n\n"
        "- **Calendario**: cuándo juega un equipo, qué partidos hay un día o en un torneo\n"
        "- **Cuotas**: las cuotas de un partido y sus mercados, y lo que implican\n"
        "- **Comparaciones y simulaciones**: a quién favorece el mercado, cuánto devolvería un importe\n"
        "- **Apuestas y saldo**: “¿Cuál es mi saldo?” — siempre te pido confirmación antes de apostar.\n"
        "- **Términos**: “¿Qué significa doble oportunidad?”\n\n"
        "Ahora mismo no tengo partidos próximos en mis datos. Puedes poner límites o tomarte un descanso "
        "cuando quieras.",
        "pt": "Veja o que eu posso fazer:\n\n"
        "- **Agenda**: quando um time joga, quais jogos tem num dia ou num torneio\n"
        "- **Odds**: as odds de uma partida e seus mercados, e o que elas indicam\n"
        "- **Comparações e simulações**: quem o mercado favorece, quanto um valor retornaria\n"
        "- **Apostas e saldo**: “Qual é o meu saldo?” — sempre peço confirmação antes de apostar.\n"
        "- **Termos**: “O que é dupla chance?”\n\n"
        "No momento não há jogos próximos nos meus dados. Você pode definir limites ou fazer uma pausa "
        "quando quiser.",
    },
    "unclear": {
        "en": "Sorry, I didn't quite get that. You can ask me things like “When does {team} play?”, "
        "“Odds for {home} vs {away}” or “What's my balance?”.",
        "es": "Perdona, no te he entendido. Puedes preguntarme cosas como “¿Cuándo juega {team}?”, "
        "“Cuotas del {home} vs {away}” o “¿Cuál es mi saldo?”.",
        "pt": "Desculpe, não entendi. Você pode me perguntar coisas como “Quando joga {team}?”, "
        "“Odds de {home} x {away}” ou “Qual é o meu saldo?”.",
    },
    "unclear_no_fixtures": {
        "en": "Sorry, I didn't quite get that. You can ask me when a team plays, the odds of a match, "
        "or “What's my balance?”.",
        "es": "Perdona, no te he entendido. Puedes preguntarme cuándo juega un equipo, las cuotas de un "
        "partido o “¿Cuál es mi saldo?”.",
        "pt": "Desculpe, não entendi. Você pode me perguntar quando um time joga, as odds de uma partida "
        "ou “Qual é o meu saldo?”.",
    },
    "general_sports": {
        "en": "I answer from the fixtures and odds ChatBet has, so I can't reliably answer general sports "
        "trivia. I can tell you who plays next, in which tournament, and what the odds are.",
        "es": "Respondo con los partidos y cuotas que tiene ChatBet, así que no puedo responder con "
        "fiabilidad preguntas generales de deporte. Sí puedo decirte quién juega, en qué torneo y con qué cuotas.",
        "pt": "Eu respondo com os jogos e odds que o ChatBet tem, então não consigo responder com segurança "
        "perguntas gerais de esporte. Posso dizer quem joga, em qual torneio e quais são as odds.",
    },
    "fixtures_header": {
        "en": "Here are the matches I found{scope}:",
        "es": "Estos son los partidos que encontré{scope}:",
        "pt": "Estes são os jogos que encontrei{scope}:",
    },
    "fixtures_more": {
        "en": "…and {count} more.",
        "es": "…y {count} más.",
        "pt": "…e mais {count}.",
    },
    "no_fixtures": {
        "en": "I couldn't find any matches{scope}.",
        "es": "No encontré partidos{scope}.",
        "pt": "Não encontrei jogos{scope}.",
    },
    "team_not_found": {
        "en": "I couldn't find {names} in the fixtures I cover.",
        "es": "No encontré a {names} en los partidos que cubro.",
        "pt": "Não encontrei {names} nos jogos que eu cubro.",
    },
    "did_you_mean": {
        "en": "Did you mean {options}?",
        "es": "¿Quisiste decir {options}?",
        "pt": "Você quis dizer {options}?",
    },
    "which_team": {
        "en": "Which one do you mean: {options}?",
        "es": "¿A cuál te refieres: {options}?",
        "pt": "Qual deles você quer dizer: {options}?",
    },
    "or": {"en": "or", "es": "o", "pt": "ou"},
    "which_match": {
        "en": "Which match do you mean? Tell me a team, for example “odds for {home} vs {away}”.",
        "es": "¿Qué partido? Dime un equipo, por ejemplo “cuotas del {home} vs {away}”.",
        "pt": "Qual jogo? Diga um time, por exemplo “odds de {home} x {away}”.",
    },
    "which_match_no_fixtures": {
        "en": "Which match do you mean? Tell me the two teams.",
        "es": "¿Qué partido? Dime los dos equipos.",
        "pt": "Qual jogo? Diga os dois times.",
    },
    "no_match_between": {
        "en": "I don't have an upcoming match between {home} and {away}.",
        "es": "No tengo un próximo partido entre {home} y {away}.",
        "pt": "Não tenho um próximo jogo entre {home} e {away}.",
    },
    "no_upcoming": {
        "en": "I don't have an upcoming match for {team}.",
        "es": "No tengo un próximo partido de {team}.",
        "pt": "Não tenho um próximo jogo de {team}.",
    },
    "odds_header": {
        "en": "**{home} vs {away}** — {tournament}, {kickoff}",
        "es": "**{home} vs {away}** — {tournament}, {kickoff}",
        "pt": "**{home} x {away}** — {tournament}, {kickoff}",
    },
    "odds_inactive": {
        "en": "Odds for this match aren't available right now (the market is inactive). Try again closer to kickoff.",
        "es": "Las cuotas de este partido no están disponibles ahora mismo (mercado inactivo). Vuelve a consultar más cerca del inicio.",
        "pt": "As odds desta partida não estão disponíveis agora (mercado inativo). Tente de novo mais perto do início.",
    },
    "no_draw": {
        "en": "There is no draw in {sport}: every {home} vs {away} game ends with a winner, so there is no price "
        "for a draw.",
        "es": "En {sport} no hay empate: el {home} vs {away} siempre termina con un ganador, así que no hay cuota "
        "de empate.",
        "pt": "No {sport} não existe empate: {home} x {away} sempre termina com um vencedor, então não há odd "
        "de empate.",
    },
    "market_missing_sport": {
        "en": "There is no {market} market for {home} vs {away} ({sport}).",
        "es": "No hay mercado de {market} para el {home} vs {away} ({sport}).",
        "pt": "Não há mercado de {market} para {home} x {away} ({sport}).",
    },
    "market_missing": {
        "en": "There's no {market} market for this match right now.",
        "es": "Ahora mismo no hay mercado de {market} para este partido.",
        "pt": "No momento não há mercado de {market} para esta partida.",
    },
    "odds_age": {
        "en": "Odds as of {time} UTC.",
        "es": "Cuotas de las {time} UTC.",
        "pt": "Odds das {time} UTC.",
    },
    "odds_stale": {
        "en": "Note: I couldn't refresh these odds; they are from {time} UTC ({minutes} min ago) and may have changed.",
        "es": "Nota: no pude actualizar estas cuotas; son de las {time} UTC (hace {minutes} min) y pueden haber cambiado.",
        "pt": "Obs.: não consegui atualizar estas odds; são das {time} UTC ({minutes} min atrás) e podem ter mudado.",
    },
    "selection_pays": {
        "en": "{selection} pays **{odds}** (implied probability {probability}).",
        "es": "{selection} paga **{odds}** (probabilidad implícita {probability}).",
        "pt": "{selection} paga **{odds}** (probabilidade implícita {probability}).",
    },
    "table_head": {
        "en": "| Selection | Odds |\n|---|---|",
        "es": "| Selección | Cuota |\n|---|---|",
        "pt": "| Seleção | Odd |\n|---|---|",
    },
    "no_bet_is_safe": {
        "en": "Odds reflect the bookmaker's view, not certainty: no bet is safe.",
        "es": "Las cuotas reflejan la visión de la casa, no una certeza: ninguna apuesta es segura.",
        "pt": "As odds refletem a visão da casa, não uma certeza: nenhuma aposta é segura.",
    },
}

MARKET_NAMES: dict[str, dict[str, str]] = {
    "1x2": {"en": "Match result (1X2)", "es": "Resultado (1X2)", "pt": "Resultado (1X2)"},
    "double_chance": {"en": "Double chance", "es": "Doble oportunidad", "pt": "Dupla chance"},
    "both_teams_to_score": {"en": "Both teams to score", "es": "Ambos marcan", "pt": "Ambas marcam"},
    "over_under": {"en": "Total goals (over/under)", "es": "Más/menos goles", "pt": "Mais/menos gols"},
    "handicap": {"en": "Handicap", "es": "Hándicap", "pt": "Handicap"},
    "half_time_result": {
        "en": "Half-time result",
        "es": "Resultado al descanso",
        "pt": "Resultado do intervalo",
    },
}

SELECTION_NAMES: dict[str, dict[str, str]] = {
    "draw": {"en": "Draw", "es": "Empate", "pt": "Empate"},
    "yes": {"en": "Yes", "es": "Sí", "pt": "Sim"},
    "no": {"en": "No", "es": "No", "pt": "Não"},
    "home_or_draw": {
        "en": "{home} or draw (1X)",
        "es": "{home} o empate (1X)",
        "pt": "{home} ou empate (1X)",
    },
    "away_or_draw": {
        "en": "{away} or draw (X2)",
        "es": "{away} o empate (X2)",
        "pt": "{away} ou empate (X2)",
    },
    "home_or_away": {
        "en": "{home} or {away} (12)",
        "es": "{home} o {away} (12)",
        "pt": "{home} ou {away} (12)",
    },
}


# What a sport's totals count, by the sport's English name or alias as synced (lower case).
SCORE_UNITS: dict[str, str] = {
    "football": "goals", "soccer": "goals", "ice hockey": "goals", "hockey": "goals", "handball": "goals",
    "basketball": "points", "american football": "points", "rugby": "points", "volleyball": "points",
    "baseball": "runs", "tennis": "games", "cricket": "runs",
}  # fmt: skip
UNIT_NAMES: dict[str, dict[str, str]] = {
    "goals": {"en": "goals", "es": "goles", "pt": "gols"},
    "points": {"en": "points", "es": "puntos", "pt": "pontos"},
    "runs": {"en": "runs", "es": "carreras", "pt": "corridas"},
    "games": {"en": "games", "es": "juegos", "pt": "games"},
}
TOTALS_NAME = {"en": "Total {unit} (over/under)", "es": "Más/menos {unit}", "pt": "Mais/menos {unit}"}
TOTALS_PLAIN = {"en": "Totals (over/under)", "es": "Más/menos", "pt": "Mais/menos"}
MONEYLINE_NAME = {"en": "Winner (moneyline)", "es": "Ganador del partido", "pt": "Vencedor da partida"}


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
            return TOTALS_PLAIN[language]
        return TOTALS_NAME[language].format(unit=UNIT_NAMES[unit][language])
    if label == "1x2" and not has_draw:
        return MONEYLINE_NAME[language]
    names = MARKET_NAMES.get(label)
    return names.get(language, names["en"]) if names else label


def selection_name(
    selection: str, api_name: str, home: str, away: str, language: str, *, with_line: bool = False
) -> str:
    """A readable selection label in the reader's language; lines keep the API's name ("Barcelona -1")."""
    if selection in ("home", "away") and not with_line:
        return home if selection == "home" else away
    names = SELECTION_NAMES.get(selection)
    if names is None:
        return api_name or selection
    return names.get(lang(language), names["en"]).format(home=home, away=away)
