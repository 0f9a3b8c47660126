"""Text normalisation shared by every understanding rule: accent folding, tokens, and the
message's language (lingua-language-detector, built for English, Spanish and Portuguese).

Folding keeps one character per input character, so spans found in the folded text index the
original text too (used to tell "Real" the team from "real" the adjective).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

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


_LINGUA = {Language.ENGLISH: "en", Language.SPANISH: "es", Language.PORTUGUESE: "pt"}
# Below these, a message is too short or too mixed to switch the conversation's language:
# measured, "e o empate?" reads Spanish 0.41 / Portuguese 0.40, "sim" Portuguese 0.46.
_MIN_OWN_WORDS = 2  # words only one language uses that outvote the detector
# In a first message this short one such word does ("fixture de la <competition>": the detector
# hears English in "fixture", but only Spanish says "la"); later the conversation's language stays.
_FEW_WORDS = 3
_MIN_WORDS = 3
_MIN_CONFIDENCE = 0.6
_MIN_MARGIN = 0.25
_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    # Built for the three languages only; each language model loads on first use (lazy).
    return LanguageDetectorBuilder.from_languages(*_LINGUA).build()


def detect_language(
    text: str, previous: str | None, words_of: Mapping[str, str] | None = None, *, cues: Sequence[str] = ()
) -> tuple[str, bool]:
    """The message's language and whether the message decided it (lingua-language-detector).

    A short or low-confidence message keeps the conversation's language (`previous`). Without one,
    the words only one language uses (`words_of`, learned from the training data) settle it
    ("hola", "olá", "hello": lingua alone reads "Hello!" as Spanish); when they do not, it is the
    detector's best guess, undecided, English when there is no word at all.
    """
    if not _WORD_RE.search(text):
        return (previous or "en"), False
    values = _detector().compute_language_confidence_values(text)
    best, runner_up = values[0], values[1]
    language = _LINGUA[best.language]
    confident = best.value >= _MIN_CONFIDENCE or best.value - runner_up.value >= _MIN_MARGIN
    words = _WORD_RE.findall(fold(text))
    votes = Counter(words_of[w] for w in words if words_of and w in words_of)
    votes.update(cues)  # signs other than words, one vote each (a match written "A x B" is Portuguese)
    ranked = votes.most_common(2)
    if (
        ranked
        and votes[language] == 0
        and ranked[0][1] >= (1 if previous is None and len(words) <= _FEW_WORDS else _MIN_OWN_WORDS)
        and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
    ):
        # The detector's language has no word of its own here and another has several: a loan word
        # misled it ("e as odds?" is Portuguese around an English betting word).
        return ranked[0][0], True
    if len(words) >= _MIN_WORDS and confident:
        return language, True
    if previous:
        return previous, False
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0], True
    return language, False


def warm_up() -> None:
    """Load the three language models now (about a second), not in the first chat turn."""
    for sample in ("where is the match", "dónde es el partido", "onde é o jogo"):
        _detector().compute_language_confidence_values(sample)
