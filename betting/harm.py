"""Responsible-gambling text rules (en/es/pt): harm signals and RG requests in user messages,
promotional phrases that must never reach users, and help resources per language.
Matching runs on an accent- and case-folded copy that keeps character positions. Harm patterns are
first-person on purpose: "Barcelona lost everything" is sports talk, "I lost everything" is not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

HarmSignal = Literal["chasing_losses", "borrowing", "desperation", "loss_of_control", "underage"]
Severity = Literal["none", "medium", "high"]
RgRequest = Literal["self_exclusion", "set_limit", "time_out", "help"]

HARM_SIGNALS: tuple[HarmSignal, ...] = (
    "chasing_losses",
    "borrowing",
    "desperation",
    "loss_of_control",
    "underage",
)


@dataclass(frozen=True, slots=True)
class HarmAssessment:
    """What a message says about the user's wellbeing.

    ``self_harm`` is set for suicidal language (always with the "desperation" signal and high
    severity): the reply should lead with crisis lines, not betting help. ``rg_request`` is an
    explicit responsible-gambling request (self-exclusion, limits, a time-out, help).
    """

    signals: tuple[HarmSignal, ...] = ()
    severity: Severity = "none"
    self_harm: bool = False
    rg_request: RgRequest | None = None

    @property
    def detected(self) -> bool:
        return bool(self.signals) or self.rg_request is not None


@dataclass(frozen=True, slots=True)
class HelpResource:
    name: str
    url: str
    phone: str | None = None


# --- text folding ------------------------------------------------------------------------------

_PUNCTUATION_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}
)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return (base if len(base) == 1 else char).lower()[:1] or char


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, one output character per input character.

    Callers that need positions must fold the NFC form of the text they slice.
    """
    text = text.translate(_PUNCTUATION_FOLD)
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


def _family(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


# Shared pieces; text is folded first, so no accents and lower case only.
_I_AM = r"\b(?:i'?m|i\s+am|im)"
_CANT = r"(?:can'?t|cannot|can\s+not|am\s+unable\s+to|am\s+not\s+able\s+to)"
_BET_VERB = r"(?:bet|betting|gamble|gambling|wager)"

# --- harm signals ------------------------------------------------------------------------------

_HARM_PATTERNS: dict[HarmSignal, re.Pattern[str]] = {
    "chasing_losses": _family(
        # en
        r"\bwin\s+(?:it|that|this|them|(?:it\s+)?all|(?:all\s+)?(?:of\s+)?(?:my|the)\s+(?:money|losses|cash|rent|savings))\s+back\b",
        r"\bwin\s+back\s+(?:my|what\s+i|everything|all)\b",
        r"\bchas(?:e|ed|es|ing)\s+(?:my\s+|the\s+|all\s+my\s+)?loss(?:es)?\b",
        r"\b(?:recover|recoup|make\s+up\s+for)\s+(?:all\s+)?(?:my\s+losses|what\s+i\s+(?:have\s+|'ve\s+)?lost|the\s+money\s+i\s+lost)",
        # es
        r"\brecuper(?:ar|o|e|arme)\s+(?:todo\s+)?(?:lo\s+que\s+(?:he\s+|ya\s+)?perd(?:i|ido)|lo\s+perdido|(?:las\s+|mis\s+)perdidas|mi\s+(?:dinero|plata|sueldo))",
        r"\bganar\s+(?:de\s+nuevo\s+)?lo\s+que\s+(?:he\s+)?perd(?:i|ido)",
        # pt
        r"\brecuper(?:ar|o|ei)\s+(?:tudo\s+)?(?:o\s+que\s+(?:eu\s+)?(?:perdi|tinha\s+perdido)|o\s+preju[iz]+o|(?:as\s+|minhas\s+)perdas|o\s+perdido|(?:o\s+)?meu\s+dinheiro)",
        r"\bganhar\s+de\s+volta\b",
    ),
    "borrowing": _family(
        # en
        r"\bborrow(?:ed|ing|s)?\s+(?:some\s+|more\s+|the\s+)?(?:money|cash|\$?\d+)",
        r"\bborrow(?:ed|ing)?\b.{0,30}\bto\s+" + _BET_VERB + r"\b",
        r"\b(?:take|took|taking|get|got|getting)\s+(?:out\s+)?(?:a|another|one\s+more)\s+(?:payday\s+|quick\s+|small\s+|personal\s+|bank\s+)?loan\b",
        r"\bpayday\s+loans?\b",
        r"\bloans?\s+(?:to|for)\s+(?:" + _BET_VERB + r"|my\s+bets?)\b",
        r"\b(?:lend|loan)\s+me\b",
        r"\bcredit\s+card\s+to\s+(?:" + _BET_VERB + r"|deposit)\b",
        r"\bmax(?:ed)?\s+out\s+my\s+credit",
        # es
        r"\b(?:ped(?:ir|i|ire|iendo|imos)|pido|pidio)\s+(?:(?:dinero|plata|algo)\s+)?prestad[oa]s?\b",
        r"\bprestamos?\b",
        r"\bme\s+prest(?:as|an|aron|aste|a)\b",
        r"\bpresta(?:me|nme)\b",
        r"\bendeud(?:arme|e|ado|ada)\b",
        # pt
        r"\b(?:peg(?:ar|uei|ando|o)|ped(?:ir|i))\s+(?:(?:dinheiro|grana)\s+)?emprestad[oa]s?\b",
        r"\bemprestimos?\b",
        r"\bme\s+empresta(?:r|m|ram)?\b",
    ),
    "desperation": _family(
        # en
        _I_AM + r"\s+(?:so\s+|really\s+|very\s+|completely\s+|getting\s+|becoming\s+)?desperate\b",
        r"\bfeel(?:ing)?\s+(?:so\s+)?desperate\b",
        r"\b(?:my|(?:it'?s|this\s+is|this'?s)\s+(?:my\s+)?)(?:very\s+)?last\s+(?:chance|hope|shot)\b",
        r"\blast\s+chance\s+(?:for\s+me|to\s+(?:recover|win\s+it\s+back|pay|save\s+my|fix\s+my))\b",
        r"\bi(?:'ve|\s+have)?(?:\s+just|\s+already)?\s+lost\s+(?:absolutely\s+)?(?:everything|it\s+all|all\s+my\s+(?:money|savings)"
        r"|(?:all\s+)?(?:my|the)\s+(?:rent|savings|salary|paycheck|wages|house|mortgage|pension)(?:\s+money)?)",
        r"\b(?:i\s+)?(?:have|'ve|got)\s+nothing\s+left\b",
        r"\b(?:i\s+)?"
        + _CANT
        + r"\s+(?:afford\s+to\s+)?(?:pay|afford)\s+(?:my\s+|the\s+)?(?:rent|bills|mortgage|debts?|food)\b",
        # es
        r"\b(?:estoy|me\s+siento|ando)\s+(?:muy\s+|tan\s+)?desesperad[oa]\b",
        r"\b(?:mi|es\s+mi)\s+ultima\s+(?:oportunidad|chance|esperanza)\b",
        r"\b(?:lo\s+)?perdi\s+todo\b|\b(?:lo\s+)?he\s+perdido\s+todo\b",
        r"\bperdi\s+(?:todo\s+)?(?:mis\s+ahorros|mi\s+(?:sueldo|salario|quincena|casa)|el\s+(?:dinero|pago)\s+del?\s+(?:alquiler|arriendo|renta)|el\s+alquiler|el\s+arriendo|la\s+renta)",
        r"\bno\s+(?:tengo\s+para|puedo)\s+pagar\s+(?:el\s+alquiler|la\s+renta|el\s+arriendo|mis\s+deudas|las\s+cuentas)",
        # pt
        r"\b(?:estou|to|tou|me\s+sinto|ando)\s+(?:muito\s+|tao\s+)?desesperad[oa]\b",
        r"\b(?:minha|e\s+a\s+minha)\s+ultima\s+(?:chance|oportunidade|esperanca)\b",
        r"\bperdi\s+(?:tudo|todo\s+(?:o\s+)?(?:meu\s+)?dinheiro|(?:o\s+)?(?:meu\s+)?(?:salario|aluguel)|o\s+dinheiro\s+do\s+aluguel|(?:as\s+)?minhas\s+economias)",
        r"\bnao\s+(?:tenho\s+mais\s+nada|(?:consigo|tenho\s+como)\s+pagar\s+(?:o\s+aluguel|as\s+contas|minhas\s+dividas))",
    ),
    "loss_of_control": _family(
        # en
        r"\bi\s+"
        + _CANT
        + r"\s+(?:seem\s+to\s+)?(?:stop|quit|control)(?!\s+(?:watching|laughing|smiling|thinking\s+about\s+th(?:at|e)\s+(?:goal|game|match)))",
        r"\b(?:gambling|betting)\s+(?:problem|addiction|habit\s+is\s+out\s+of\s+control)\b",
        r"\bproblem\s+with\s+(?:gambling|betting)\b",
        r"\bproblem\s+gambler\b",
        _I_AM + r"\s+(?:so\s+|really\s+|totally\s+|completely\s+)?addicted\b",
        r"\bhooked\s+on\s+(?:betting|gambling|bets?)\b",
        r"\baddicted\s+to\s+(?:gambling|betting|bets?)\b",
        r"\b(?:it'?s|my\s+(?:gambling|betting)\s+is)\s+out\s+of\s+control\b",
        # es
        r"\bno\s+(?:puedo|consigo|logro)\s+(?:parar|dejarlo|dejar\s+de\s+(?:apostar|jugar)|controlarme|detenerme)\b",
        r"\bno\s+me\s+puedo\s+(?:controlar|detener|parar)\b",
        r"\btengo\s+(?:un\s+)?problema\s+(?:con|de)\s+(?:el\s+juego|las\s+apuestas|juego|apuestas|ludopatia)",
        r"\bsoy\s+(?:un\s+|una\s+)?(?:adict[oa]|ludopata)\b",
        r"\badiccion\s+(?:al\s+juego|a\s+las\s+apuestas)\b|\bludopatia\b",
        # pt
        r"\bnao\s+(?:consigo|posso|sei)\s+(?:mais\s+)?(?:parar|largar|me\s+controlar|controlar\s+(?:o\s+)?(?:jogo|vicio|as\s+apostas))\b",
        r"\btenho\s+(?:um\s+)?problema\s+com\s+(?:o\s+)?(?:jogo|apostas?)\b",
        r"\b(?:sou|estou|to|tou|fiquei)\s+viciad[oa]\b",
        r"\bvici(?:o|ad[oa])\s+em\s+(?:jogos?|apostas?)\b",
    ),
    "underage": _family(
        # en: "I'm 16", "I am 17 years old"; not "I'm 10 euros down".
        _I_AM
        + r"\s+(?:only\s+|just\s+)?(?:1[0-7]|[1-9])(?:\s*(?:years?\s*old|yrs?\s*old|y/?o)\b|(?=\s*(?:[.,!?;](?!\d)|$))"
        r"|(?=\s+(?:and|but|so|can|is|am|will|though)\b))",
        _I_AM + r"\s+(?:a\s+minor|underage|under\s*(?:age|18|eighteen)|not\s+(?:18|eighteen)(?:\s+yet)?)\b",
        r"\bi\s+(?:don'?t|do\s+not)\s+turn\s+18\s+until\b",
        # es
        r"\btengo\s+(?:solo\s+|solamente\s+)?(?:1[0-7]|[1-9])\s+anos\b",
        r"\bsoy\s+menor(?:\s+de\s+edad)?\b",
        r"\btengo\s+menos\s+de\s+(?:18|dieciocho)\b",
        r"\b(?:aun|todavia)\s+no\s+tengo\s+(?:18|dieciocho)\b",
        # pt
        r"\btenho\s+(?:so\s+|apenas\s+)?(?:1[0-7]|[1-9])\s+anos\b",
        r"\bsou\s+(?:de\s+)?menor(?:\s+de\s+idade)?\b",
        r"\btenho\s+menos\s+de\s+(?:18|dezoito)\b",
        r"\bainda\s+nao\s+tenho\s+(?:18|dezoito)\b",
    ),
}

_SELF_HARM = _family(
    r"\bkill(?:ing)?\s+myself\b",
    r"\bend\s+(?:my\s+life|it\s+all)\b",
    r"\bsuicid",
    r"\b(?:don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive)\b",
    r"\bwant\s+to\s+die\b",
    r"\bmatarme\b|\bquitarme\s+la\s+vida\b|\bno\s+quiero\s+(?:seguir\s+)?vivir\b|\bquiero\s+morir",
    r"\bme\s+matar\b|\btirar\s+(?:a\s+)?minha\s+(?:propria\s+)?vida\b|\bnao\s+quero\s+mais\s+viver\b|\bquero\s+morrer\b",
)

_SEVERE: frozenset[HarmSignal] = frozenset({"desperation", "loss_of_control", "underage", "borrowing"})

_RG_REQUEST_PATTERNS: dict[RgRequest, re.Pattern[str]] = {
    "self_exclusion": _family(
        r"\bself[\s-]?exclu",
        r"\bexclude\s+me\b",
        r"\b(?:block|ban|lock)\s+(?:me|my\s+account)\b",
        r"\bclose\s+my\s+account\b",
        r"\bautoexclu",
        r"\bexcluirme\b|\bme\s+excluy",
        r"\b(?:bloquea(?:r|me|n)?|cierra|cerrar)\s+(?:mi\s+cuenta)\b|\bbloqueame\b",
        r"\bme\s+excluir\b|\b(?:bloquear|bloqueie|encerrar|encerre|fechar|feche)\s+(?:a\s+)?minha\s+conta\b|\bme\s+bloque(?:ar|ie)\b",
    ),
    "set_limit": _family(
        r"\b(?:deposit|stake|betting|spending|loss|wager(?:ing)?)\s+limits?\b",
        r"\blimit\s+(?:my|how\s+much\s+i)\s+(?:bets?|betting|deposits?|spending|stakes?|spend|deposit|bet)\b",
        r"\blimites?\s+de\s+(?:deposito|apuesta|gasto|perdida|aposta|perda)s?\b",
        r"\blimitar\s+(?:mis\s+|minhas\s+|meus\s+|o\s+que\s+|lo\s+que\s+)?(?:apuestas|depositos|gastos|apostas|gasto|aposto|apuesto)\b",
        r"\b(?:poner(?:me)?|establecer|fijar|colocar|definir|por)\s+(?:un\s+|um\s+)?limite\b",
    ),
    "time_out": _family(
        r"\b(?:take|need|want|give\s+me|set|start)\s+(?:a\s+)?(?:time[\s-]?out|break|cool(?:ing)?[\s-]?off(?:\s+period)?)\s+from\s+"
        + _BET_VERB,
        r"\b(?:i\s+(?:need|want)|let\s+me\s+take|set\s+(?:up\s+)?|start)\s+(?:a\s+)?(?:time[\s-]?out|cool(?:ing)?[\s-]?off(?:\s+period)?)\b",
        r"\bcool(?:ing)?[\s-]?off\s+period\b",
        r"\bpause\s+my\s+account\b",
        r"\b(?:tomar(?:me)?|necesito|quiero)\s+(?:un\s+)?(?:descanso|tiempo\s+fuera|pausa)\s+(?:de\s+(?:las\s+)?apuestas|de\s+apostar)",
        r"\bperiodo\s+de\s+(?:enfriamiento|pausa|reflexion)\b|\bpausar\s+mi\s+cuenta\b",
        r"\b(?:dar\s+um\s+tempo|fazer\s+uma\s+pausa)\s+(?:das?\s+apostas|de\s+apostar)\b",
        r"\bpausar\s+(?:a\s+)?minha\s+conta\b|\bperiodo\s+de\s+pausa\b",
    ),
    "help": _family(
        r"\b(?:need|want|get|find)\s+(?:some\s+)?help\s+(?:with|for)\s+(?:my\s+)?(?:gambling|betting|addiction)\b",
        r"\bresponsible\s+gambling\b|\bgamblers\s+anonymous\b",
        r"\bayuda\s+(?:con|para|por)\s+(?:el\s+juego|las\s+apuestas|mi\s+adiccion|la\s+ludopatia)\b",
        r"\bjuego\s+responsable\b|\bjugadores\s+anonimos\b",
        r"\bajuda\s+(?:com|para)\s+(?:o\s+jogo|as\s+apostas|o\s+vicio|meu\s+vicio)\b",
        r"\bjogo\s+responsavel\b|\bjogadores\s+anonimos\b",
    ),
}


def harm_signals(text: str) -> HarmAssessment:
    """Assess one user message; pure and cheap enough to run on every message."""
    folded = fold(unicodedata.normalize("NFC", text))
    signals = tuple(signal for signal in HARM_SIGNALS if _HARM_PATTERNS[signal].search(folded))
    self_harm = _SELF_HARM.search(folded) is not None
    if self_harm and "desperation" not in signals:
        signals = tuple(s for s in HARM_SIGNALS if s in signals or s == "desperation")
    rg_request = next(
        (kind for kind, pattern in _RG_REQUEST_PATTERNS.items() if pattern.search(folded)), None
    )
    severity: Severity = "none"
    if signals:
        # Chasing alone is a warning sign; anything else, or several signs together, is acute.
        severity = "high" if self_harm or len(signals) > 1 or _SEVERE.intersection(signals) else "medium"
    return HarmAssessment(signals=signals, severity=severity, self_harm=self_harm, rg_request=rg_request)


# --- banned promotional phrases ----------------------------------------------------------------

_BANNED = _family(
    # en
    r"\brisk[\s-]*free\b",
    r"\b(?:zero|no)[\s-]risk\s+(?:bets?|wagers?|picks?|tips?|offers?)\b",
    r"\bsure[\s-]?(?:win|winner|bet|fire)s?\b",
    r"\bguarantee(?:d|s)?\s+(?:a\s+|to\s+)?(?:win|wins|winner|winnings|profits?|returns?|money|payouts?|income|results?)\b",
    r"\b(?:wins?|profits?|returns?|payouts?)\s+(?:is\s+|are\s+)?guaranteed\b",
    r"\b(?:can'?t|cannot|can\s+not|won'?t|will\s+not)\s+lose\b(?!\s+(?:more|over|beyond|than|anything\s+more))",
    r"\bwin\s+(?:it|them|that|(?:all\s+)?(?:of\s+)?your\s+(?:money|losses|stake))\s+back\b",
    r"\bwin\s+back\s+(?:your|what\s+you)\b",
    r"\bfree\s+money\b",
    r"\beasy\s+(?:money|cash|profits?|wins?)\b",
    r"\b100\s*%\s*(?:safe|sure|certain|guaranteed|risk[\s-]*free|win)\b",
    r"\bhundred\s+percent\s+(?:safe|sure|certain|guaranteed)\b",
    r"\block\s+of\s+the\s+(?:day|week|night|weekend|century|year)\b",
    r"\b(?:mortal|stone[\s-]?cold)\s+lock\b",
    # es
    r"\bsin\s+(?:ningun\s+)?riesgos?\b",
    r"\b(?:apuestas?|pronosticos?|ganancias?|beneficios?|victorias?|premios?|resultados?)\s+"
    r"(?:(?:es|son|esta|estan|sera|seran)\s+)?(?:100\s*%\s*)?(?:segur|garantizad)[ao]s?\b",
    r"\b(?:ganar|victoria|triunfo)\s+(?:asegurad|garantizad)[ao]s?\b",
    r"\bdinero\s+(?:facil|gratis|regalado)\b",
    r"\bno\s+(?:puedes|podes|puede|pueden|vas\s+a|van\s+a|hay\s+forma\s+de|hay\s+manera\s+de)\s+perder\b(?!\s+mas\s+(?:de|que|alla))",
    r"\bimposible\s+perder\b",
    # pt
    r"\bsem\s+(?:nenhum\s+)?riscos?\b",
    r"\b(?:apostas?|palpites?|lucros?|ganhos?|vitorias?|premios?|resultados?)\s+"
    r"(?:(?:e|eh|sao|esta|estao|sera|serao)\s+)?(?:100\s*%\s*)?(?:cert|segur|garantid)[ao]s?\b",
    r"\b(?:dinheiro|grana)\s+(?:facil|garantid[oa]|gratis)\b",
    r"\bnao\s+(?:tem|ha|da)\s+como\s+perder\b",
    r"\b(?:voce|vc|tu)\s+nao\s+(?:vai|pode)\s+perder\b(?!\s+mais\s+(?:do\s+)?que)",
    r"\bimpossivel\s+perder\b",
)

_NEGATIONS = frozenset(
    {
        # en
        "no", "not", "never", "none", "nothing", "neither", "nor", "isn't", "aren't", "wasn't",
        "weren't", "don't", "doesn't", "won't", "can't", "cannot", "shouldn't", "isnt", "arent",
        "dont", "doesnt", "nobody", "without",
        # es
        "nunca", "ninguna", "ninguno", "ningun", "ni", "jamas", "nada", "nadie", "sin",
        # pt
        "nao", "nenhuma", "nenhum", "nem", "jamais", "ninguem",
    }
)  # fmt: skip

# Words that may sit between a negation and the phrase without undoing it: "no bet is ever truly
# risk-free" is a caveat, "don't miss this sure win" is not ("miss" is not filler).
_NEGATION_FILLER = frozenset(
    {
        # en
        "is", "are", "was", "be", "been", "ever", "really", "truly", "such", "thing", "as", "a", "an",
        "the", "there", "there's", "theres", "bet", "bets", "wager", "wagers", "pick", "picks", "tip",
        "tips", "odds", "outcome", "outcomes", "result", "results", "market", "markets", "prediction",
        "predictions", "it", "it's", "its", "this", "that", "that's", "thats", "which", "completely",
        "totally", "entirely", "always", "and", "or", "here", "quite",
        "recommendation", "recommendations", "selection", "selections", "combo", "parlay", "single",
        # es
        "es", "son", "hay", "existe", "existen", "una", "un", "la", "el", "las", "los", "apuesta",
        "apuestas", "realmente", "del", "todo", "completamente", "cosa", "como", "tal", "totalmente",
        "que", "sea", "cuota", "cuotas", "pronostico", "pronosticos", "recomendacion",
        "o", "y", "esta", "combinada", "multiple",
        # pt
        "e", "sao", "ha", "existem", "uma", "um", "os", "aposta", "apostas", "coisa",
        "palpite", "palpites", "odd", "recomendacao", "seja", "multipla",
    }
)  # fmt: skip

_NEGATION_WINDOW = 6
_TOKEN = re.compile(r"[\w']+|\d+\s*%")
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n()\[\]\"]")


def _is_negated(folded: str, start: int) -> bool:
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(folded, 0, start)), default=0)
    tokens = _TOKEN.findall(folded, clause_start, start)
    for token in reversed(tokens[-_NEGATION_WINDOW:]):
        if token in _NEGATIONS:
            return True
        if token not in _NEGATION_FILLER:
            return False
    return False


def _banned_spans(text: str) -> list[tuple[int, int]]:
    folded = fold(text)
    return [match.span() for match in _BANNED.finditer(folded) if not _is_negated(folded, match.start())]


def _has_caveat(text: str) -> bool:
    folded = fold(text)
    return any(_is_negated(folded, match.start()) for match in _BANNED.finditer(folded))


def banned_phrases(text: str) -> list[str]:
    """Promotional phrases in ``text`` ("risk-free", "apuesta segura", ...), as written.

    A phrase negated within its clause ("no bet is risk-free", "ninguna apuesta es segura") is a
    caveat, not a promise, and is not reported.
    """
    text = unicodedata.normalize("NFC", text)
    return [text[start:end] for start, end in _banned_spans(text)]


_CAVEAT = {
    "en": "No bet is risk-free: only stake what you can afford to lose.",
    "es": "Ninguna apuesta es segura: apuesta solo lo que puedas permitirte perder.",
    "pt": "Nenhuma aposta é garantida: aposte apenas o que você pode perder.",
}

_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n")


def caveat(language: str) -> str:
    return _CAVEAT.get(language[:2].lower(), _CAVEAT["en"])


def scrub_banned(text: str, language: str) -> str:
    """Drop every sentence that carries a banned phrase and, if any was dropped, end with a caveat.

    Whole sentences go because a phrase cut out of one ("this is a ___ bet") still reads as a
    promise. Negated caveats are kept, so scrubbing the output again changes nothing.
    """
    text = unicodedata.normalize("NFC", text)
    spans = _banned_spans(text)
    if not spans:
        return text
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        next_end = _SENTENCE_END.search(text, end)
        if next_end is None:
            sentence_end = len(text)
        elif next_end.group() == "\n":
            sentence_end = next_end.start()  # a Markdown line ends here; keep the newline
        else:
            sentence_end = next_end.end()
        cut.append((sentence_start, sentence_end))
    kept: list[str] = []
    position = 0
    for start, end in sorted(cut):
        if start > position:
            kept.append(text[position:start])
        position = max(position, end)
    kept.append(text[position:])
    remaining = re.sub(r"[ \t]{2,}", " ", "".join(kept))
    remaining = re.sub(r"[ \t]+\n", "\n", remaining)
    remaining = re.sub(r"\n{3,}", "\n\n", remaining).strip()
    note = caveat(language)
    if _has_caveat(remaining):
        return remaining
    if not remaining:
        return note
    return f"{remaining}\n\n{note}" if "\n" in remaining else f"{remaining} {note}"


# --- help resources ----------------------------------------------------------------------------

_HELP_RESOURCES: dict[str, tuple[HelpResource, ...]] = {
    "en": (
        HelpResource("BeGambleAware (National Gambling Helpline, UK)", "https://www.begambleaware.org", "0808 8020 133"),
        HelpResource("National Council on Problem Gambling (US)", "https://www.ncpgambling.org", "1-800-GAMBLER"),
        HelpResource("Gamblers Anonymous", "https://www.gamblersanonymous.org"),
        HelpResource("GAMSTOP (UK self-exclusion)", "https://www.gamstop.co.uk"),
    ),
    "es": (
        HelpResource("FEJAR (Federación Española de Jugadores de Azar Rehabilitados)", "https://www.fejar.org", "900 200 225"),
        HelpResource("Jugar Bien (Dirección General de Ordenación del Juego)", "https://www.jugarbien.es"),
        HelpResource("Jugadores Anónimos (Gamblers Anonymous)", "https://www.gamblersanonymous.org"),
    ),
    "pt": (
        HelpResource("Jogadores Anônimos", "https://www.jogadoresanonimos.com.br"),
        HelpResource("CVV — Centro de Valorização da Vida (24h)", "https://www.cvv.org.br", "188"),
    ),
}  # fmt: skip


def help_resources(language: str) -> list[HelpResource]:
    """Help organisations for ``language`` ("es", "pt-BR", ...); English ones for anything else."""
    return list(_HELP_RESOURCES.get(language[:2].lower(), _HELP_RESOURCES["en"]))
