"""Numbers and money in en/es/pt: digits with either decimal separator, "10k", "mil", number
words ("cien", "fifty", "cinquenta"), currency symbols and words. Everything is Decimal.

`currency` is an ISO-like code when the text names one: USD ($, dollars, bucks), EUR, BRL (R$,
reais), GBP (£, pounds, quid, a tenner), COP (pesos), MXN; None when only a bare number is given.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_UNITS = {
    # en
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    # es
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veinticinco": 25,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800,
    "novecientos": 900,
    # pt
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "quatro": 4, "sete": 7, "oito": 8, "nove": 9, "dez": 10,
    "onze": 11, "doze": 12, "treze": 13, "quatorze": 14, "dezesseis": 16, "dezessete": 17,
    "dezoito": 18, "dezenove": 19, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
    "sessenta": 60, "oitenta": 80, "cem": 100, "cento": 100, "duzentos": 200, "trezentos": 300,
    "quatrocentos": 400, "quinhentos": 500, "seiscentos": 600, "setecentos": 700, "oitocentos": 800,
    "novecentos": 900,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "mil": 1000, "grand": 1000}
_JOINERS = {"and", "y", "e"}
_SMALL_ONLY_BEFORE_CURRENCY = 10

_CURRENCY_WORDS = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "dolar": "USD",
    "dolares": "USD", "bucks": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "r$": "BRL", "brl": "BRL", "reais": "BRL", "£": "GBP", "gbp": "GBP", "pound": "GBP",
    "pounds": "GBP", "quid": "GBP", "libras": "GBP", "cop": "COP", "peso": "COP", "pesos": "COP",
    "mxn": "MXN",
}  # fmt: skip
_CURRENCY_ALT = "|".join(sorted((re.escape(w) for w in _CURRENCY_WORDS), key=len, reverse=True))
_NUMBER = r"\d+(?:[.,]\d+)*(?:\s?k\b)?(?:\s(?:mil|thousand|grand)\b)?"
_PREFIX_RE = re.compile(rf"(?<![\w$])({_CURRENCY_ALT})\s?({_NUMBER})")
_SUFFIX_RE = re.compile(rf"(?<![\w.,])({_NUMBER})\s?({_CURRENCY_ALT})(?!\w)")
_SLANG_RE = re.compile(r"\b(?:a (tenner|fiver|grand|pony|monkey))\b")
_SLANG = {"tenner": ("10", "GBP"), "fiver": ("5", "GBP"), "grand": ("1000", None),
          "pony": ("25", "GBP"), "monkey": ("500", "GBP")}  # fmt: skip
_PLAIN_RE = re.compile(rf"(?<![\w.,+\-/:$€£])({_NUMBER})(?![\w%:/]|[.,]\d)")
_MONEY_CONTEXT_RE = re.compile(
    r"\b(?:bet|bets|betting|put|putting|stake|wager|place|spend|spending|have|got|risk|budget|"
    r"apost\w*|apuest\w*|pon|ponle|ponme|poner|meter|mete|metele|jugar|juega|gastar|tengo|tenho|"
    r"coloca\w*|bota\w*|limit\w*|deposit\w*|invest\w*|invertir|investir|"
    # "how much would I win with 25 on Arsenal?": asking a payout names a stake too
    r"win|winnings|payout|pays?|return|profit|ganar\w*|gano|ganhar\w*|ganho|paga\w*|retorno|lucro)\b"
)
_NOT_MONEY_AFTER_RE = re.compile(
    r"\s*(?:goals?|goles|gols|points?|puntos|pontos|minutes?|minutos|players?|jugadores|jogadores|"
    r"times|veces|vezes|days?|dias?|weeks?|semanas?|months?|mes|meses|years?|anos?|hours?|horas?|"
    r"teams?|equipos|games?|matches|partidos|jogos|legs?|selections?|%|x\b|st\b|nd\b|rd\b|th\b)"
)
_NOT_MONEY_BEFORE_RE = re.compile(r"(?:\bat|@|\bodds? of|\bodds|\bcuota(?: de)?|\bcotacao(?: de)?|\bodd(?: de)?|"
                                  r"\bin|\bthe|\bsince|\bdesde|\btop|\bnumber|\bno\.)\s*$")  # fmt: skip
_WORD_RE = re.compile(r"[a-z]+")


def parse_number(text: str) -> Decimal | None:
    """'1.000' and '1,000' are thousands; '12.50' and '12,5' are decimals; 'k' and 'mil' multiply."""
    text = text.strip()
    multiplier = Decimal(1)
    for suffix, factor in ((" mil", 1000), (" thousand", 1000), (" grand", 1000)):
        if text.endswith(suffix):
            text, multiplier = text[: -len(suffix)].strip(), multiplier * factor
    if text.endswith("k"):
        text, multiplier = text[:-1].strip(), multiplier * 1000
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        text = re.sub(r"[.,]", "", text)
    else:
        text = text.replace(",", ".")
        if text.count(".") > 1:
            return None
    try:
        return Decimal(text) * multiplier
    except InvalidOperation:
        return None


def words_to_digits(folded: str) -> str:
    """Replace runs of number words with digits: 'cien dolares' -> '100 dolares'.

    Values under ten are replaced only before a currency word: 'una', 'um' and 'one' are articles
    or pronouns far more often than stakes.
    """
    matches = list(_WORD_RE.finditer(folded))
    if not any(m.group() in _UNITS or m.group() in _SCALES for m in matches):
        return folded
    pieces: list[str] = []
    cursor = 0
    index = 0
    while index < len(matches):
        run_end, value = _number_run(matches, index, folded)
        if run_end == index:
            index += 1
            continue
        start, end = matches[index].start(), matches[run_end - 1].end()
        following = folded[end:].lstrip()
        next_word = following.split(" ", 1)[0] if following else ""
        if value >= _SMALL_ONLY_BEFORE_CURRENCY or next_word in _CURRENCY_WORDS:
            pieces.append(folded[cursor:start])
            pieces.append(str(value))
            cursor = end
        index = run_end
    pieces.append(folded[cursor:])
    return "".join(pieces)


def _number_run(matches: list[re.Match[str]], index: int, folded: str) -> tuple[int, int]:
    total, current, position, seen = 0, 0, index, False
    while position < len(matches):
        word = matches[position].group()
        gap = folded[matches[position - 1].end() : matches[position].start()] if position > index else ""
        if gap.strip():
            break
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES and (seen or word == "mil"):
            scale = _SCALES[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        elif (
            word == "a"
            and position + 1 < len(matches)
            and matches[position + 1].group() in ("hundred", "thousand")
        ):
            current = 1
        elif (
            word in _JOINERS
            and seen
            and position + 1 < len(matches)
            and matches[position + 1].group() in _UNITS
        ):
            pass
        else:
            break
        seen = True
        position += 1
    return position, total + current


def parse_amount_text(folded: str, *, require_context: bool) -> tuple[Decimal | None, str | None]:
    """The stake in `folded` (dates, lines and durations already blanked out by the caller)."""
    text = words_to_digits(folded)
    for match in _PREFIX_RE.finditer(text):
        amount = parse_number(match.group(2))
        if amount:
            return amount, _CURRENCY_WORDS[match.group(1)]
    for match in _SUFFIX_RE.finditer(text):
        amount = parse_number(match.group(1))
        if amount:
            return amount, _CURRENCY_WORDS[match.group(2)]
    slang = _SLANG_RE.search(text)
    if slang:
        value, currency = _SLANG[slang.group(1)]
        return Decimal(value), currency
    if require_context and not _MONEY_CONTEXT_RE.search(text):
        return None, None
    for match in _PLAIN_RE.finditer(text):
        if _NOT_MONEY_AFTER_RE.match(text, match.end()) or _NOT_MONEY_BEFORE_RE.search(text[: match.start()]):
            continue
        amount = parse_number(match.group(1))
        if amount:
            return amount, None
    return None, None
