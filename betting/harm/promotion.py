"""Banned promotional phrases ("risk-free", "apuesta segura", "dinheiro fácil") in en/es/pt: found,
told apart from negated caveats, and scrubbed from replies sentence by sentence.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import get_supported_language_variant, override, pgettext_lazy

from betting.harm.text import family as _family
from betting.harm.text import fold

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


_CAVEAT = pgettext_lazy("caveat", "No bet is risk-free: only stake what you can afford to lose.")

_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n")


def caveat(language: str) -> str:
    """The caveat in `language` ("es", "pt-BR", ...; English for any other) from the catalogs."""
    try:
        code = get_supported_language_variant(language[:2].lower())
    except LookupError:
        code = "en"
    with override(code):
        return str(_CAVEAT)


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
