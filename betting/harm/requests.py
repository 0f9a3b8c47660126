"""Responsible-gambling requests in a user's message (en/es/pt): self-exclusion, a break, a limit,
a reality check, or help, with the duration and period they name.

Runs on folded text (see `betting.harm.text.fold`). The limit's amount is read by the caller with
its locale-aware number parser; this module knows no number formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from betting.harm.text import family as _family

_BET_VERB = r"(?:bet|betting|gamble|gambling|wager)"

_SELF_EXCLUDE = _family(
    r"\bself[\s-]?exclu",
    r"\bexclude\s+(?:me|myself)\b",
    r"\b(?:block|ban|lock)\s+(?:me|my\s+account)\b",
    r"\bclose\s+my\s+account\b",
    r"\bdon'?t\s+let\s+me\s+(?:bet|gamble)\b",
    r"\bauto[\s-]?exclu",
    r"\bexcluirme\b|\bme\s+excluy|\bme\s+excluir\b|\bexcluir\s+minha\s+conta\b",
    r"\b(?:bloquea(?:r|me|n)?|cierra|cerrar)\s+(?:mi\s+cuenta|me)\b|\bbloqueame\b",
    r"\bno\s+me\s+dejes\s+apostar\b|\bnao\s+me\s+deixe?\s+apostar\b",
    r"\b(?:bloquear|bloqueie|encerrar|encerre|fechar|feche)\s+(?:a\s+)?minha\s+conta\b|\bme\s+bloque(?:ar|ie)\b",
)
_COOLING_OFF = _family(
    r"\b(?:take|need|want|give\s+me|set|start)\s+(?:a\s+)?(?:time[\s-]?out|break|cool(?:ing)?[\s-]?off(?:\s+period)?)\s+from\s+"
    + _BET_VERB,
    r"\b(?:i\s+(?:need|want)|let\s+me\s+take|set\s+(?:up\s+)?|start|give\s+me)\s+(?:a\s+)?(?:time[\s-]?out|cool(?:ing)?[\s-]?off(?:\s+period)?)\b",
    r"\bcool(?:ing)?[\s-]?off\b|\btake\s+a\s+break\b|\bneed\s+a\s+break\b",
    r"\bpause\s+my\s+account\b",
    r"\b(?:tomar(?:me)?|necesito|quiero)\s+(?:un\s+)?(?:descanso|tiempo\s+fuera|pausa)\b",
    r"\bperiodo\s+de\s+(?:enfriamiento|pausa|reflexion)\b|\bpausar\s+(?:mi\s+cuenta|las\s+apuestas)\b",
    r"\b(?:dar\s+um\s+tempo|fazer\s+uma\s+pausa)\b|\b(?:preciso\s+de|quero)\s+uma\s+pausa\b",
    r"\bpausar\s+(?:a\s+)?(?:minha\s+conta|as\s+apostas)\b|\bperiodo\s+de\s+pausa\b",
)
_LIMIT = _family(
    r"\b(?:deposit|loss|losing|stake|betting|spending|wager(?:ing)?|daily|weekly|monthly)\s+limits?\b",
    r"\blimit\s+(?:my|me|to|of|on|how\s+much\s+i)\b",
    r"\b(?:set|put|add|change|lower|reduce|raise|increase)\s+(?:a\s+|my\s+|the\s+)?(?:\w+\s+)?limits?\b",
    r"\blimites?\s+(?:de|diario|semanal|mensual|mensal)\b",
    r"\b(?:poner(?:me)?|pon|ponme|establecer|fijar|definir|colocar|por|estabelecer|quero|quiero)\s+(?:un\s+|um\s+|uma\s+)?limite\b",
    r"\blimitar\b",
)
_REALITY_CHECK = _family(
    r"\breality\s+check\b",
    r"\bhow\s+(?:much|long)\s+(?:have\s+i|did\s+i)\s+(?:lost|spent|been\s+(?:playing|betting|gambling))",
    r"\bremind\s+me\s+every\b",
    r"\bcuanto\s+(?:he|llevo)\s+(?:perdido|gastado|apostado)\b|\brecordatorio\b",
    r"\bquanto\s+(?:eu\s+)?(?:perdi|gastei|ja\s+apostei)\b|\blembrete\b",
)
_HELP = _family(
    r"\bresponsible\s+(?:gambling|gaming|betting)\b|\bgamble\s+responsibly\b|\bgamblers\s+anonymous\b",
    r"\bgambling\s+(?:help|support)\b|\bhelpline\b",
    r"\b(?:need|want|get|find)\s+(?:some\s+)?help\s+(?:with|for)\s+(?:my\s+)?(?:gambling|betting|addiction)\b",
    r"\bhelp\s+(?:with|for)\s+(?:my\s+)?gambling\b",
    r"\bayuda\s+(?:con|para|por)\s+(?:el\s+juego|las\s+apuestas|mi\s+adiccion|la\s+ludopatia)\b",
    r"\bjuego\s+responsable\b|\bjugadores\s+anonimos\b|\blinea\s+de\s+ayuda\b",
    r"\bajuda\s+(?:com|para)\s+(?:o\s+jogo|as\s+apostas|apostas|o\s+vicio|meu\s+vicio)\b",
    r"\bjogo\s+responsavel\b|\baposta\s+responsavel\b|\bjogadores\s+anonimos\b",
)
_DURATION = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|twelve|un|una|uno|dos|tres|seis|um|uma|dois|duas)\s+"
    r"(days?|weeks?|months?|years?|dias?|semanas?|mes|meses|anos?)\b"
)
_PERMANENT = re.compile(
    r"\b(?:permanent(?:ly)?|forever|for\s+good|para\s+siempre|permanente(?:mente)?|pra\s+sempre|para\s+sempre)\b"
)
_PERIOD = re.compile(
    r"\b(?:per|a|each|every|por|al|a la|cada|ao|a cada)\s+(day|week|month|dia|semana|mes)\b"
    r"|\b(daily|weekly|monthly|diari[oa]|semanal|mensual|mensal)\b"
)
_LIMIT_KIND = re.compile(r"\b(deposit\w*|deposito\w*|loss\w*|losing|perdida\w*|perda\w*|stake|wager)\b")

_UNIT_DAYS = {"day": 1, "dia": 1, "week": 7, "semana": 7, "month": 30, "mes": 30, "year": 365, "ano": 365}
_PERIODS = {
    "day": "day", "dia": "day", "daily": "day", "diario": "day", "diaria": "day",
    "week": "week", "semana": "week", "weekly": "week", "semanal": "week",
    "month": "month", "mes": "month", "monthly": "month", "mensual": "month", "mensal": "month",
}  # fmt: skip
_SMALL = {"a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1, "um": 1, "uma": 1, "two": 2, "dos": 2,
          "dois": 2, "duas": 2, "three": 3, "tres": 3, "four": 4, "five": 5, "six": 6, "seis": 6, "twelve": 12}  # fmt: skip

PATTERNS: tuple[re.Pattern[str], ...] = (
    _SELF_EXCLUDE, _COOLING_OFF, _LIMIT, _REALITY_CHECK, _HELP, _DURATION, _PERMANENT, _PERIOD, _LIMIT_KIND
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RgRequest:
    """A responsible-gambling action the user asked for.

    `action`: self_exclude | cooling_off | set_limit | reality_check | info. Durations are in days
    (months count 30, years 365); `permanent` for "forever". A limit has `amount` per `period`
    (day | week | month) and `limit_kind` (deposit | loss | stake).
    """

    action: str
    duration_days: int | None = None
    duration_text: str | None = None
    permanent: bool = False
    amount: Decimal | None = None
    period: str | None = None
    limit_kind: str | None = None

    def with_amount(self, amount: Decimal | None) -> RgRequest:
        return replace(self, amount=amount)


def rg_request(folded: str) -> RgRequest | None:
    """The request in `folded` text, if any; a limit's `amount` is left to the caller."""
    duration_days, duration_text = _duration(folded)
    permanent = bool(_PERMANENT.search(folded))
    if _SELF_EXCLUDE.search(folded):
        return RgRequest("self_exclude", duration_days, duration_text, permanent)
    if _COOLING_OFF.search(folded):
        return RgRequest("cooling_off", duration_days, duration_text, permanent)
    if _LIMIT.search(folded):
        period_match = _PERIOD.search(folded)
        period = _PERIODS.get(next(g for g in period_match.groups() if g)) if period_match else None
        kind_match = _LIMIT_KIND.search(folded)
        kind = None
        if kind_match:
            word = kind_match.group(1)
            kind = (
                "deposit" if word.startswith("deposit") else "stake" if word in ("stake", "wager") else "loss"
            )
        return RgRequest("set_limit", period=period, limit_kind=kind)
    if _REALITY_CHECK.search(folded):
        return RgRequest("reality_check")
    if _HELP.search(folded):
        return RgRequest("info")
    return None


def duration_spans(folded: str) -> list[tuple[int, int]]:
    """Where `folded` names a duration ("6 months"): those numbers are never amounts."""
    return [m.span() for m in _DURATION.finditer(folded)]


def _duration(folded: str) -> tuple[int | None, str | None]:
    match = _DURATION.search(folded)
    if not match:
        return None, None
    count_text, unit_text = match.groups()
    count = int(count_text) if count_text.isdigit() else _SMALL.get(count_text, 1)
    unit = unit_text.rstrip("s") if unit_text not in ("mes", "meses") else "mes"
    return count * _UNIT_DAYS.get(unit, 1), match.group(0)
