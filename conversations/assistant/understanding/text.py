"""Text normalisation shared by every understanding rule: accent folding, tokens, language.

Folding keeps one character per input character, so spans found in the folded text index the
original text too (used to tell "Real" the team from "real" the adjective).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


def _words(text: str) -> list[str]:
    return text.split()


LANGUAGES = ("en", "es", "pt")

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;¿¡\n])\W*$")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if len(base) == 1:
        return base.lower()
    # "ß", ligatures and the like would change the length: keep the character as it is.
    return char.lower() if len(char.lower()) == 1 else char


def fold(text: str) -> str:
    """Lowercase and strip accents, keeping len(fold(text)) == len(text)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded
    original: str
    start: int
    end: int
    sentence_start: bool

    @property
    def capitalized(self) -> bool:
        return self.original[:1].isupper()


def tokenize(original: str, folded: str) -> list[Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(folded):
        start, end = match.span()
        tokens.append(
            Token(
                text=match.group(),
                original=original[start:end],
                start=start,
                end=end,
                sentence_start=bool(_SENTENCE_START_RE.search(folded[:start])),
            )
        )
    return tokens


def fold_phrase(text: str) -> str:
    """A name or alias as the index keys it: folded tokens joined by single spaces."""
    folded = fold(text.replace("'", ""))
    return " ".join(_TOKEN_RE.findall(folded))


# Words that mark a language. Accents matter ("sí" vs "si"), so these are matched on the
# lowercase text before folding; the folded spellings are listed too for people who skip accents.
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        _words(
            """
        the what when who whom which is are does do did odds how much my me and for on of to bet
        play plays playing match game games today tomorrow tonight weekend can you i please hi
        hello hey help balance about will win team show give want if put there any next this it
        yes with would should could between favourite favorite instead confirm cancel place
        simulate draw week what's whats i'm im tell your previous from have has been lost back
        need sure safest much many long won who's which's
            """
        )
    ),
    "es": frozenset(
        _words(
            """
        qué cuándo quién cuánto cuánta cuál dónde cómo juega juegan partido partidos hoy mañana
        apuesta apuestas apostar apuesto el los las del al y es hay mi mis saldo tengo puedes
        ayudar hola buenas buenos para con por favor sí quiero cuotas cuota ganar ganaría fin
        semana pasado equipos equipo puedo parar problema juego contra gana tarde noche dime
        dame cuanto cuando quien cual donde como manana ganaria tambien también pero entonces
        mejor favorito empate confírmala confirmala confirmo perdí perdi todo necesito recuperar
        dinero una un ¿ ¡ esta este próxima proxima días dias qué tal sábado domingo lunes
        martes miércoles jueves viernes si eres ayuda dónde muy más menos ambos marcan deberia
        debería
            """
        )
    ),
    "pt": frozenset(
        _words(
            """
        você voce vocês quando joga jogam jogo jogos hoje amanhã amanha aposta apostas apostar
        aposto quanto quanta o os as do da dos das no na nos nas e é tem há meu minha saldo olá
        ola oi obrigado obrigada com sim quero ganhar ganharia fim semana depois times time
        equipe qual onde posso não nao um uma mais ambas marcam preciso recuperar perdi tudo
        dinheiro isso essa esse próximo proxima próxima dias sábado domingo segunda terça quarta
        quinta sexta ajuda ajudar pode fazer também tambem mas então entao melhor favorito
        confirma cancela vai vence quem está esta estou meus minhas
            """
        )
    ),
}
# Markers spelled the same in two languages only count for those languages' tie-break.
_STRONG_CHARS = {"es": "ñ¿¡", "pt": "ãõç"}


def detect_language(text: str, previous: str | None) -> tuple[str, bool]:
    """Return (language, decided): decided is False when the text carries no language signal."""
    lowered = text.lower()
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for language, chars in _STRONG_CHARS.items():
        if any(c in lowered for c in chars):
            scores[language] += 2.0
    words = re.findall(r"[\w'’]+|[¿¡]", lowered)
    for word in words:
        word = word.replace("’", "'")
        hits = [language for language in LANGUAGES if word in _MARKERS[language]]
        for language in hits:
            scores[language] += 1.0 / len(hits)
    best = max(scores.values())
    if best <= 0.0:
        return (previous or "en"), False
    leaders = [language for language in LANGUAGES if scores[language] == best]
    if len(leaders) > 1:
        if previous in leaders:
            return previous, True
        # A tie with a previous language outside it: English is the safer default only for "en".
        return leaders[0], True
    leader = leaders[0]
    # One shared word ("no", "a") is too weak to switch away from the conversation's language.
    if previous and previous != leader and best < 1.0 and len(words) <= 2:
        return previous, False
    return leader, True
