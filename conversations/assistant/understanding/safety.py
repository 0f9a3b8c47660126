"""Harm signals, responsible-gambling requests and prompt-injection markers (en/es/pt).

Rules run on accent-folded lowercase text. Harm wording wins over any betting request in the same
message; an injection marker is only flagged here, the engine decides what to do with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from conversations.assistant.understanding.numbers import parse_amount_text

_HARM_RE = re.compile(
    r"\b(?:"
    # chasing losses
    r"win (?:it|that|this|them|my (?:money|losses|cash)|everything|all of it|some of it) back"
    r"|get (?:it|my money|my losses) back|chas(?:e|ing) (?:my |the )?loss(?:es)?|make up (?:for )?my losses"
    r"|recover (?:my (?:losses|money)|what i lost)"
    r"|recuperar(?:me)? (?:lo perdido|lo que perdi|mi dinero|mis perdidas|las perdidas|o que perdi|o prejuizo"
    r"|meu dinheiro|minhas perdas|as perdas|o dinheiro|todo|tudo)"
    r"|(?:preciso|tengo que|necesito|quiero|quero|tenho que|vou|voy a) recuperar"
    # lost it all
    r"|lost (?:everything|it all|all my|my (?:savings|rent|salary|paycheck|house|job))"
    r"|(?:lo )?perdi (?:todo|todos mis|mi sueldo|mis ahorros|el alquiler|el arriendo)"
    r"|perdi (?:tudo|todo o|meu salario|minhas economias|o aluguel)"
    # borrowing / debt
    r"|borrow(?:ed|ing)? (?:some |the )?(?:money|cash)?\s?(?:to|for|so i can) (?:bet|gamble|play)"
    r"|(?:loan|credit card|payday loan) (?:to|for) (?:bet|gamble)|in debt|owe (?:money|a lot)"
    r"|(?:pedir|pedi|pido|pedire) (?:dinero |plata )?prestad[oa]|prestamo para apostar|deudas|endeudad[oa]"
    r"|(?:pegar|peguei|pego) (?:dinheiro )?emprestado|emprestimo para apostar|dividas|endividad[oa]"
    # loss of control
    r"|can'?t stop|cannot stop|can not stop|unable to stop|couldn'?t stop|out of control|addict(?:ed|ion)"
    r"|gambling problem|problem with (?:gambling|betting)|i have a (?:gambling |betting )?problem"
    r"|no (?:puedo|consigo) (?:parar|dejar(?:lo)?|controlar(?:me)?)|problema con (?:el juego|las apuestas|apostar)"
    r"|adicto|adiccion|ludopat\w*"
    r"|nao (?:consigo|posso) (?:parar|largar|controlar)|problema com (?:o jogo|jogo|apostas|aposta)"
    r"|viciad[oa]|vicio em|vicio no"
    # distress
    r"|desperate|desesperad[oa]|rent money|dinero del (?:alquiler|arriendo)|dinheiro do aluguel"
    r"|kill myself|suicid\w*|matarme|me matar"
    r")"
)

_RG_REQUEST_RE = re.compile(
    r"\b(?:responsible (?:gambling|gaming|betting)|gamble responsibly|juego responsable|jogo responsavel"
    r"|aposta responsavel|gambling (?:help|support)|help (?:with|for) (?:my )?gambling|ayuda con (?:el juego|las apuestas)"
    r"|ajuda com (?:o jogo|apostas)|helpline|linea de ayuda)\b"
)

_SELF_EXCLUDE_RE = re.compile(
    r"\b(?:self[- ]?exclu\w*|exclude (?:me|myself)|auto[- ]?exclu\w*|excluirme|me excluir|excluir minha conta"
    r"|block (?:me|my account)|ban me|bloquea(?:r)? (?:mi cuenta|me)|bloqueame|bloquear (?:minha conta|me)"
    r"|close my account|cierra(?:r)? mi cuenta|fechar? minha conta|don'?t let me (?:bet|gamble)"
    r"|no me dejes apostar|nao me deixe apostar)\b"
)
_COOLING_OFF_RE = re.compile(
    r"\b(?:cool(?:ing)?[- ]?off|take a break|time[- ]?out|pause my account|need a break"
    r"|(?:tomar|tomarme|necesito|quiero) (?:un )?(?:descanso|pausa)|pausar (?:mi cuenta|las apuestas)"
    r"|dar um tempo|(?:fazer|preciso de|quero) uma pausa|pausar (?:minha conta|as apostas))\b"
)
_REALITY_CHECK_RE = re.compile(
    r"\b(?:reality check|how (?:much|long) (?:have i|did i) (?:lost|spent|been (?:playing|betting|gambling))"
    r"|remind me every|cuanto (?:he|llevo) (?:perdido|gastado|apostado)|recordatorio"
    r"|quanto (?:eu )?(?:perdi|gastei|ja apostei)|lembrete)\b"
)
_LIMIT_RE = re.compile(
    r"\b(?:(?:deposit|loss|losing|stake|betting|spending|wager|daily|weekly|monthly) limits?"
    r"|limit (?:my|me|to|of|on)|(?:set|put|add|change|lower|reduce) (?:a |my |the )?(?:\w+ )?limits?"
    r"|limite (?:de|diario|semanal|mensual|mensal)|(?:poner|pon|ponme|establecer|fijar|definir|colocar|por|"
    r"estabelecer|quero|quiero) (?:un |um |uma )?limite|limitar)\b"
)
_DURATION_RE = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|twelve|un|una|uno|dos|tres|seis|um|uma|dois|duas)\s+"
    r"(days?|weeks?|months?|years?|dias?|semanas?|mes|meses|anos?)\b"
)
_PERMANENT_RE = re.compile(
    r"\b(?:permanent(?:ly)?|forever|para siempre|permanente(?:mente)?|pra sempre|para sempre)\b"
)
_PERIOD_RE = re.compile(
    r"\b(?:(?:per|a|each|every|por|al|a la|cada|ao|a cada) (day|week|month|dia|semana|mes)"
    r"|(daily|weekly|monthly|diari[oa]|semanal|mensual|mensal))\b"
)
_LIMIT_KIND_RE = re.compile(r"\b(deposit\w*|deposito\w*|loss\w*|losing|perdida\w*|perda\w*|stake|wager)\b")

_INJECTION_RE = re.compile(
    r"(?:\b(?:ignore|disregard|forget|override|bypass)\b.{0,30}\b(?:instructions?|rules|prompts?|guidelines|"
    r"guardrails|restrictions|safety|limits)\b"
    r"|(?:^|[\n.!?]\s*)(?:system|developer|assistant|admin)\s*:"
    r"|\b(?:developer|dev|god|admin|debug|jailbreak|dan) mode\b|\bjailbreak\w*"
    r"|\bno confirmation (?:needed|required|necessary)|\bwithout (?:asking (?:for )?|any |a )?confirm\w*"
    r"|\bskip (?:the )?confirm\w*|\bdon'?t ask (?:me )?(?:for )?confirm\w*"
    r"|\bsin (?:pedir )?confirma\w*|\bno (?:me )?pidas confirma\w*|\bsem (?:pedir )?confirma\w*"
    r"|\bignora\w* (?:tus|las|todas|suas|as|todas as) (?:instrucciones|instrucoes|reglas|regras)"
    r"|\b(?:you are now|from now on you are|pretend (?:to be|you are)|act as (?:an? )?(?:unrestricted|unfiltered))"
    r"|\b(?:reveal|show|print) (?:me )?(?:your |the )?(?:system )?prompt|\bsystem prompt"
    r"|<\|im_start\|>|\[/?inst\]|<<sys>>)"
)

_UNIT_DAYS = {"day": 1, "dia": 1, "week": 7, "semana": 7, "month": 30, "mes": 30, "year": 365, "ano": 365}
_PERIODS = {
    "day": "day", "dia": "day", "daily": "day", "diario": "day", "diaria": "day",
    "week": "week", "semana": "week", "weekly": "week", "semanal": "week",
    "month": "month", "mes": "month", "monthly": "month", "mensual": "month", "mensal": "month",
}  # fmt: skip
_SMALL = {"a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1, "um": 1, "uma": 1, "two": 2, "dos": 2,
          "dois": 2, "duas": 2, "three": 3, "tres": 3, "four": 4, "five": 5, "six": 6, "seis": 6, "twelve": 12}  # fmt: skip


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


def injection_suspected(folded: str) -> bool:
    return bool(_INJECTION_RE.search(folded))


def harm_signal(folded: str) -> bool:
    return bool(_HARM_RE.search(folded))


def rg_request(folded: str) -> RgRequest | None:
    duration_days, duration_text = _duration(folded)
    permanent = bool(_PERMANENT_RE.search(folded))
    if _SELF_EXCLUDE_RE.search(folded):
        return RgRequest("self_exclude", duration_days, duration_text, permanent)
    if _COOLING_OFF_RE.search(folded):
        return RgRequest("cooling_off", duration_days, duration_text, permanent)
    if _LIMIT_RE.search(folded):
        period_match = _PERIOD_RE.search(folded)
        period = _PERIODS.get(next(g for g in period_match.groups() if g)) if period_match else None
        kind_match = _LIMIT_KIND_RE.search(folded)
        kind = None
        if kind_match:
            word = kind_match.group(1)
            kind = (
                "deposit" if word.startswith("deposit") else "stake" if word in ("stake", "wager") else "loss"
            )
        amount, _currency = parse_amount_text(folded, require_context=False)
        return RgRequest("set_limit", amount=amount, period=period, limit_kind=kind)
    if _REALITY_CHECK_RE.search(folded):
        return RgRequest("reality_check")
    if _RG_REQUEST_RE.search(folded):
        return RgRequest("info")
    return None


def duration_spans(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DURATION_RE.finditer(folded)]


def _duration(folded: str) -> tuple[int | None, str | None]:
    match = _DURATION_RE.search(folded)
    if not match:
        return None, None
    count_text, unit_text = match.groups()
    count = int(count_text) if count_text.isdigit() else _SMALL.get(count_text, 1)
    unit = unit_text.rstrip("s") if unit_text not in ("mes", "meses") else "mes"
    return count * _UNIT_DAYS.get(unit, 1), match.group(0)
