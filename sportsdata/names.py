"""Name normalization shared by the alias tables: accents folded, lowercase, one space between words."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD_RE = re.compile(r"[^a-z0-9]+")


def name_normalized(name: str) -> str:
    """ "Barça" -> "barca", "Newell's Old Boys" -> "newells old boys", "Atlético-MG" -> "atletico mg"."""
    decomposed = unicodedata.normalize("NFKD", name.replace("'", "").replace("’", ""))
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD_RE.sub(" ", base).strip()
