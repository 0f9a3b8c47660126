"""Stakes and money in en/es/pt. Everything is Decimal.

Digits are read the way the message's language writes them (Babel: "2.500" es/pt = 2500, "7,50" =
7.50, "1,500" en = 1500; money has at most two decimals, so "2.500" is 2500 in English too);
number words become digits with text2num ("veinte mil", "mil e quinhentos"). Currency names,
money slang ("quid", "lucas", "paus"), multipliers ("3k", "15 mil") and fixed sums ("a tenner")
are data (data/money.yaml). An age (the harm module's `age_spans`) is never a stake.

`currency` is an ISO-like code when the text names one, None when only a bare number is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import alpha2digit

from betting import harm

_DATA_FILE = Path(__file__).parent / "data" / "money.yaml"
_LANGUAGES = ("en", "es", "pt")
_LOCALES = {"en": "en", "es": "es", "pt": "pt_BR"}
_DIGITS = r"\d+(?:[.,]\d+)*"
_MONEY_DECIMALS = 2

_MONEY_CONTEXT_RE = re.compile(
    r"\b(?:bet|bets|betting|put|putting|stick|chuck|punt|stake|wager|place|spend|spending|have|got|risk|budget|"
    r"apost\w*|apuest\w*|pon|ponle|ponme|ponele|ponela|poneme|poner|meter|mete|metele|jugar|juega|jugale|tirale|"
    r"gastar|tengo|tenho|"
    r"coloca\w*|bota\w*|limit\w*|deposit\w*|invest\w*|invertir|investir|simul\w*|"
    # "how much would I win with 25 on Arsenal?": asking a payout names a stake too
    r"win|winnings|payout|pays?|return|profit|ganar\w*|gano|ganhar\w*|ganho|paga\w*|retorno|lucro)\b"
)
# "100 al Porto", "50 no Benfica", "15 on Monaco": a bare number put on a team is a stake.
_STAKE_ON_RE = re.compile(r"\s+(?:on|al|no|na|pro|pra|pelo|pela|por el|por la)\b")
_NOT_MONEY_AFTER_RE = re.compile(
    r"\s*(?:goals?|goles|gols|points?|puntos|pontos|minutes?|minutos|players?|jugadores|jogadores|"
    r"times|veces|vezes|days?|dias?|weeks?|semanas?|months?|mes|meses|years?|anos?|hours?|horas?|"
    r"teams?|equipos|games?|matches|partidos|jogos|legs?|selections?|%|º|ª|x\b|st\b|nd\b|rd\b|th\b)"
)
_NOT_MONEY_BEFORE_RE = re.compile(r"(?:\bat|@|\bodds? of|\bodds|\bcuota(?: de)?|\bcotacao(?: de)?|\bodd(?: de)?|"
                                  r"\bin|\bthe|\bsince|\bdesde|\btop|\bnumber|\bno\.|"
                                  # a number after these is an age ("I turned 16", "cumplí 17", "fiz 18")
                                  r"\bturn(?:ed|ing|s)?|\baged?|\bcumpl\w*|\bfiz|\bfaco|\bfazer)\s*$")  # fmt: skip
# Small number words text2num leaves alone (they are articles and pronouns far more often), read as
# numbers before a money word: "dos lucas", "three grand", "cinco conto", "two quid".
_SMALL_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "dois": 2, "duas": 2, "quatro": 4, "sete": 7, "oito": 8, "nove": 9, "dez": 10,
}  # fmt: skip
# Ordinal words stay words: "the third match" picks from a list, "cuartos de final" is a round,
# "quinta" is a weekday in Portuguese.
_ORDINAL_WORDS_RE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last"
    r"|primer[oa]?s?|segund[oa]s?|tercer[oa]?s?|cuart[oa]s?|quint[oa]s?|sext[oa]s?|septim[oa]s?|octav[oa]s?"
    r"|terceir[oa]s?|quart[oa]s?|setim[oa]s?|oitav[oa]s?|non[oa]s?|decim[oa]s?)\b"
)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The money words one language reads: its own, then the other languages' where they differ."""

    currencies: dict[str, str | None]
    multipliers: dict[str, Decimal]
    fixed: dict[str, tuple[Decimal, str | None]]
    prefix_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    multiplied_re: re.Pattern[str]
    fixed_re: re.Pattern[str]
    cents_re: re.Pattern[str]
    small_re: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _lexicon(language: str, data: dict[str, Any]) -> _Lexicon:
    currencies: dict[str, str | None] = {}
    multipliers: dict[str, Decimal] = {}
    fixed: dict[str, tuple[Decimal, str | None]] = {}
    # The other languages first, so the message's own language overwrites a word they share.
    for other in (*(lang for lang in _LANGUAGES if lang != language), language):
        words = data["languages"].get(other) or {}
        currencies.update(words.get("units") or {})
        multipliers.update({w: Decimal(str(f)) for w, f in (words.get("multipliers") or {}).items()})
        for phrase, value in (words.get("fixed") or {}).items():
            fixed[phrase] = (Decimal(str(value["amount"])), value.get("currency"))
    symbols: dict[str, str] = dict(data["currencies"])
    currencies.update(symbols)
    money = _alternation(currencies)
    multiplier = rf"\s?(?:{_alternation(multipliers)})(?![a-z])"
    not_money_next = rf"(?![.,]\d|\d|\s?(?:{money}|{_alternation(multipliers)})(?![a-z]))"
    return _Lexicon(
        currencies=currencies,
        multipliers=multipliers,
        fixed=fixed,
        small_re=re.compile(
            rf"\b({_alternation(_SMALL_NUMBERS)})\s+(?=(?:{money}|{_alternation(multipliers)})(?![a-z]))"
        ),
        prefix_re=re.compile(rf"(?<![\w$])({_alternation(symbols)})\s?({_DIGITS})"),
        suffix_re=re.compile(rf"(?<![\w.,])({_DIGITS})\s?({money})(?![\w$])"),
        multiplied_re=re.compile(rf"(?<![\w.,])({_DIGITS})({multiplier})"),
        fixed_re=re.compile(rf"\b(?:{_alternation(fixed)})\b"),
        # "doce euros con cincuenta" -> 12.50 euros
        cents_re=re.compile(
            rf"(?<![\w.,])(\d+)(\s?(?:{money}))\s+(?:con|e|and)\s+(\d{{1,2}})"
            rf"(?:\s+(?:centavos|centimos|cents|pence))?\b{not_money_next}"
        ),
    )


@lru_cache(maxsize=1)
def _lexicons() -> dict[str, _Lexicon]:
    data = yaml.safe_load(_DATA_FILE.read_text(encoding="utf-8"))
    return {language: _lexicon(language, data) for language in _LANGUAGES}


def _words_for(language: str | None) -> _Lexicon:
    lexicons = _lexicons()
    return lexicons.get(language or "en") or lexicons["en"]


def _decimal_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def locale_decimal(digits: str, *, language: str | None) -> Decimal | None:
    """Digits with separators as `language` writes them; the other convention when that one cannot
    be money ("12.50" in a Spanish message, "2.500" in an English one)."""
    primary = _LOCALES.get(language or "en", "en")
    for locale in (primary, "es" if primary == "en" else "en"):
        try:
            value = parse_decimal(digits, locale=locale, strict=True)
        except NumberFormatError:
            continue
        if _decimal_places(value) <= _MONEY_DECIMALS:
            return value
    return None


def parse_number(text: str, *, language: str | None = None) -> Decimal | None:
    """A number written with digits and an optional multiplier word: "2.500", "7,50", "3k", "15 mil"."""
    words = _words_for(language)
    text = text.strip()
    match = words.multiplied_re.fullmatch(text)
    if match:
        value = locale_decimal(match.group(1), language=language)
        return value * words.multipliers[match.group(2).strip()] if value is not None else None
    return locale_decimal(text, language=language)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def words_to_digits(folded: str, *, language: str | None = None) -> str:
    """Number words and multiplied numbers as plain digits: 'veinte mil' -> '20000', '3k' -> '3000'.

    Ordinal words are kept ("the third match"); isolated small numbers ("one", "dos", "um") stay
    words, as text2num leaves them: they are articles or pronouns far more often than stakes.
    """
    words = _words_for(language)

    def multiplied(match: re.Match[str]) -> str:
        value = parse_number(match.group(0), language=language)
        return _plain(value) if value is not None else match.group(0)

    text = words.small_re.sub(lambda match: f"{_SMALL_NUMBERS[match.group(1)]} ", folded)
    text = words.multiplied_re.sub(multiplied, text)
    order = (language, *(lang for lang in _LANGUAGES if lang != language)) if language else _LANGUAGES
    pieces: list[str] = []
    cursor = 0
    for match in (*_ORDINAL_WORDS_RE.finditer(text), None):
        end = match.start() if match else len(text)
        piece = text[cursor:end]
        if any(c.isalpha() for c in piece):
            for lang in order:
                piece = alpha2digit(piece, lang)
        pieces.append(piece)
        if match:
            pieces.append(match.group(0))
            cursor = match.end()
    # Number words text2num turned to digits may come before a multiplier: "veinte lucas" -> 20000.
    return words.multiplied_re.sub(multiplied, "".join(pieces))


def fixed_sums_as_digits(folded: str, *, language: str | None = None) -> str:
    """Fixed sums written as their amount ("a fiver on the underdog" -> "5 on the underdog"), for
    rules that read a stake by its digits."""
    words = _words_for(language)
    return words.fixed_re.sub(lambda match: _plain(words.fixed[match.group(0)][0]), folded)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def parse_amount_text(
    folded: str, *, require_context: bool, language: str | None = None
) -> tuple[Decimal | None, str | None]:
    """The stake in `folded` (dates, lines and durations already blanked out by the caller)."""
    words = _words_for(language)
    text = words_to_digits(_blank(folded, harm.age_spans(folded)), language=language)
    text = words.cents_re.sub(lambda m: f"{m[1]}.{int(m[3]):02d}{m[2]}", text)
    for match in words.prefix_re.finditer(text):
        amount = parse_number(match.group(2), language=language)
        if amount:
            return amount, words.currencies[match.group(1)]
    for match in words.suffix_re.finditer(text):
        amount = parse_number(match.group(1), language=language)
        if amount:
            return amount, words.currencies[match.group(2)]
    fixed = words.fixed_re.search(text)
    if fixed:
        return words.fixed[fixed.group(0)]
    context = not require_context or bool(_MONEY_CONTEXT_RE.search(text))
    for match in re.finditer(rf"(?<![\w.,+\-/:$€£])({_DIGITS})(?![\w%:/º]|[.,]\d)", text):
        if not context and not _STAKE_ON_RE.match(text, match.end()):
            continue
        if _NOT_MONEY_AFTER_RE.match(text, match.end()) or _NOT_MONEY_BEFORE_RE.search(text[: match.start()]):
            continue
        amount = parse_number(match.group(1), language=language)
        if amount:
            return amount, None
    return None, None


@lru_cache(maxsize=1)
def money_words() -> frozenset[str]:
    """Every one-word currency, money-slang or multiplier word, in any language ("lucas", "quid")."""
    words: set[str] = set()
    for lexicon in _lexicons().values():
        words.update(lexicon.currencies)
        words.update(lexicon.multipliers)
    return frozenset(word for word in words if word.isalpha())
