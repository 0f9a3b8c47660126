"""Folding shared by the harm rules: lower case, no accents, one output character per input one."""

from __future__ import annotations

import functools
import re
import unicodedata

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


def family(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
