"""Dialogue acts read against the frame: confirm, cancel, edit the stake, add a selection, correct,
and references back to what was shown ("the third match", "the later game", "the other one").

The phrases are data (one table per act and language, matched on accent-folded text at word
boundaries); what an act *does* depends on the frame: "no, 40" edits a waiting slip's stake, while
"no" alone drops it; "the second one" indexes the last list shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from conversations.assistant.understanding.context import DialogueContext, ListedFixture

# Whole-message answers to "shall I place it?" (the message starts with one of them).
CONFIRM_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "yes", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "confirm", "confirmed", "i confirm",
        "do it", "go ahead", "go for it", "go on", "go on then", "place it", "place the bet", "let's do it",
        "lets do it", "let's go", "lets go", "send it", "lock it in", "deal", "absolutely", "of course",
        "please do", "sounds good", "alright", "all right", "fine", "why not", "perfect", "great", "book it",
        "put it on", "make it so", "yes please", "affirmative",
    ),
    "es": (
        "si", "sip", "sii", "claro", "dale", "hazlo", "adelante", "de acuerdo", "vale", "listo", "metele",
        "confirmo", "confirma", "confirmala", "confirmado", "confirmar", "confirmarla", "confirmada",
        "confirmalo", "confirmen", "va", "vamos", "orale", "sale", "hagale", "de una",
        "perfecto", "mandala", "ponla", "apuntala", "hecho", "venga", "por supuesto", "obvio", "eso",
        "ok", "okey", "esta bien", "bueno",
    ),
    "pt": (
        "sim", "pode", "pode mandar", "pode fazer", "manda", "manda ver", "bora", "fechado", "fechou", "isso",
        "certo", "beleza", "confirmo", "confirma", "confirmado", "confirmar", "confirmada", "pode confirmar",
        "vai", "vamos", "demorou", "partiu", "show",
        "perfeito", "ta bom", "ta", "com certeza", "claro", "faz", "faz ai", "ok", "uhum", "aham", "valeu",
    ),
}  # fmt: skip

CANCEL_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "no", "nope", "nah", "cancel", "cancel it", "don't", "dont", "do not", "stop", "never mind", "nevermind",
        "forget it", "leave it", "scrap it", "drop it", "not now", "changed my mind", "hold off", "skip it",
        "no thanks", "no thank you", "not anymore", "wait",
    ),
    "es": (
        "no", "mejor no", "cancela", "cancelala", "cancelar", "olvidalo", "dejalo", "dejala", "ni loco", "nada",
        "para", "quitala", "borrala", "no la hagas", "no gracias", "espera", "ya no",
    ),
    "pt": (
        "nao", "deixa", "deixa pra la", "esquece", "cancela", "cancelar", "desisti", "desiste", "para",
        "melhor nao", "nem pensar", "tira", "nao obrigado", "espera", "agora nao",
    ),
}  # fmt: skip

# Thanks and goodbyes: a greeting-intent message that says one of these gets an answer to it, not
# the opening introduction ("obrigado, valeu!" -> "de nada").
THANKS_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "thanks", "thank you", "thank u", "thanx", "thx", "ty", "tysm", "cheers", "much appreciated",
        "appreciate it", "appreciated", "many thanks",
    ),
    "es": ("gracias", "muchas gracias", "mil gracias", "grax", "te agradezco", "muy amable", "se agradece"),
    "pt": (
        "obrigado", "obrigada", "brigado", "brigada", "obg", "valeu", "vlw", "agradeco", "muito obrigado",
        "muito obrigada",
    ),
}  # fmt: skip
FAREWELL_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "bye", "goodbye", "good bye", "bye bye", "see you", "see ya", "cya", "catch you later", "later",
        "laters", "take care", "ttyl", "farewell", "signing off", "gotta go", "got to go", "good night", "gn",
        "nite",
    ),
    "es": (
        "adios", "chao", "chau", "hasta luego", "hasta pronto", "hasta manana", "nos vemos", "me voy",
        "me despido", "cuidate", "que descanses", "bye",
    ),
    "pt": (
        "tchau", "tchauzinho", "ate logo", "ate mais", "ate amanha", "ate a proxima", "falou", "flw",
        "fui", "se cuida", "adeus", "bye",
    ),
}  # fmt: skip

# Dropping what is on the table anywhere in the message, after a filler ("hold on, forget the bet",
# "actually no, cancel that", "pensándolo bien, olvida la apuesta"): each names the bet or "that"
# as the thing dropped, so a new selection or a stake said alongside it is read first.
CANCEL_CLAUSES: dict[str, tuple[str, ...]] = {
    "en": (
        "forget the bet", "forget that bet", "forget about the bet", "forget about it", "forget that",
        "forget the slip", "cancel the bet", "cancel that", "cancel this", "cancel the slip", "cancel my bet",
        "scrap that", "scrap the bet", "drop the bet", "drop that", "don't place it", "dont place it",
        "do not place it", "don't place the bet", "dont place the bet", "don't place that", "don't want it",
        "dont want it", "don't want that", "don't want the bet", "don't want to bet", "dont want to bet",
        "not placing it", "changed my mind", "change of plan", "no bet", "no bet for now",
        "call it off", "call off the bet", "kill the bet", "ditch it", "ditch the bet",
    ),
    "es": (
        "olvida la apuesta", "olvidate de la apuesta", "olvida eso", "olvidate de eso", "cancela la apuesta",
        "cancela el boleto", "cancela eso", "cancelala", "cancelalo", "anula la apuesta", "anulala",
        "borra la apuesta", "no la hagas", "no la pongas", "no la metas", "no quiero apostar",
        "no quiero la apuesta", "no quiero esa apuesta", "ya no quiero", "cambie de opinion", "cambie de idea",
        "mejor lo dejamos", "dejemoslo", "no apuestes",
    ),
    "pt": (
        "esquece a aposta", "esquece essa aposta", "esquece isso", "cancela a aposta", "cancela o bilhete",
        "cancela isso", "cancela essa", "anula a aposta", "tira a aposta", "nao faz a aposta",
        "nao faca a aposta", "nao quero mais", "nao quero apostar", "nao quero essa aposta", "desisti",
        "mudei de ideia", "deixa pra la", "deixa quieto", "nao aposta", "nao aposte",
    ),
}  # fmt: skip
# Fillers a cancellation or a yes may open with ("hold on,", "actually", "pensándolo bien").
OPENING_FILLERS = (
    "actually", "hold on", "hang on", "wait", "hmm", "hm", "oh", "uh", "um", "sorry", "oops", "whoops", "ups",
    "on second thought",
    "on second thoughts", "second thoughts", "you know what", "ok", "okay", "well",
    "pensandolo bien", "pensandolo mejor", "espera", "perdon", "mira", "bueno", "pues", "uy", "eh",
    "pensando bem", "pensando melhor", "pera", "perai", "desculpa", "olha", "opa", "ah", "e",
)  # fmt: skip
# A question about cancelling ("can I cancel a bet?") asks how, it drops nothing.
_ASKS_HOW_RE = re.compile(
    r"^\W*(?:can|could|how|what|when|is it|do you|como|puedo|puede|se puede|cuando|posso|pode|da pra|"
    r"quando|tem como)\b"
)

# A new stake for what is on the table ("change it to 25", "que sean 40", "troca pra 30").
STAKE_EDIT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "change it", "change the stake", "change that", "make it", "make that", "instead", "actually",
        "switch it", "up it", "raise it", "lower it", "bump it", "rather", "put", "stake", "only",
    ),
    "es": (
        "cambia", "cambialo", "cambiala", "que sean", "que sea", "mejor", "en vez", "en lugar", "pon", "ponle",
        "mete", "metele", "sube", "baja", "solo", "mejor ponle", "dejalo en", "dejala en",
        # tú and vos imperatives with the slip as object ("súbele a 40", "bajale a 10", "ponele 30")
        "subele", "subile", "subela", "subila", "subelo", "subilo", "bajale", "bajala", "bajalo", "bajele",
        "ponele", "pone", "cambiale", "cambiele", "dejale", "dejale en", "dejalo", "subir a", "bajar a",
    ),
    "pt": (
        "troca", "troca pra", "troca para", "muda", "muda pra", "muda para", "coloca", "poe", "bota", "melhor",
        "em vez", "so", "deixa em", "aumenta", "diminui", "faz",
    ),
}  # fmt: skip

# Another selection for the slip or simulation ("add Porto to it", "súmale el Milan").
ADD_LEG_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("add", "also", "too", "as well", "plus", "throw in", "include", "along with", "with it"),
    "es": ("agrega", "agregale", "añade", "anade", "añadele", "anadele", "suma", "sumale", "tambien", "mete tambien",
           "incluye", "junto con", "con eso"),
    "pt": ("adiciona", "acrescenta", "coloca tambem", "bota tambem", "tambem", "inclui", "junta", "soma",
           "poe tambem", "mais o", "mais a"),
}  # fmt: skip

# "I meant X", "not Y": a correction replaces what it names instead of adding to it.
CORRECTION_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("i meant", "i mean", "meant", "sorry", "correction", "not", "no,", "rather", "wrong"),
    "es": ("quise decir", "quiero decir", "me referia", "me refiero", "perdon", "digo", "no,", "equivoque",
           "no el", "no la", "no es"),
    "pt": ("quis dizer", "quero dizer", "eu quis", "me referia", "desculpa", "digo", "nao,", "errei", "nao o",
           "nao a", "nao e"),
}  # fmt: skip

# A message that opens by correcting itself ("sorry, I meant: what's on tomorrow?", "perdón, quise
# decir el Betis"): the request is what follows, and only that is classified.
CORRECTION_LEADS = (
    "i meant", "i mean", "what i meant was", "what i meant is", "i meant to say", "i wanted to say",
    "quise decir", "quiero decir", "lo que quise decir es", "me referia a", "me refiero a",
    "quis dizer", "quero dizer", "o que eu quis dizer", "eu quis dizer", "me referia a", "estou falando de",
)  # fmt: skip

# "Same for tomorrow", "lo mismo para el sábado": repeat the last question with what changed.
SAME_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("same for", "same but", "same thing for", "same on", "the same for", "ditto for", "same with",
           "same thing with", "same goes for", "same in", "same question for", "same again for"),
    "es": ("lo mismo para", "lo mismo pero", "igual para", "igual pero", "lo mismo el", "lo mismo en",
           "lo mismo con", "lo mismo del", "lo mismo de", "la misma para", "mismo para", "igual con"),
    "pt": ("o mesmo para", "o mesmo pra", "o mesmo pro", "o mesmo pros", "mesma coisa para", "mesma coisa pra",
           "mesma coisa pro", "igual para", "igual pra", "igual pro", "o mesmo no", "o mesmo na", "o mesmo com",
           "mesma coisa no", "mesma coisa na", "mesmo pro", "mesmo pra"),
}  # fmt: skip
# Words a message may open with before the act itself ("and the same for...", "y lo mismo...").
LEADING_WORDS = frozenset(
    ("and", "ok", "okay", "then", "now", "also", "so", "y", "e", "entonces", "ahora", "tambien", "entao",
     "agora", "tambem", "hmm", "hm", "vale", "beleza")
)  # fmt: skip

# A competition named by its kind ("the cup game", "el partido de liga", "o jogo do campeonato"):
# another match of the team under discussion, in a competition of that kind.
COMPETITION_KIND_PHRASES: dict[str, tuple[str, ...]] = {
    "cup": ("cup game", "cup match", "cup tie", "the cup", "in the cup", "cup one", "european game",
            "european match", "european one", "in europe", "continental", "partido de copa", "el de copa",
            "la copa", "de copa", "partido europeo", "el europeo", "en europa", "jogo da copa", "o da copa",
            "pela copa", "na copa", "jogo europeu", "o europeu", "na europa"),
    "league": ("league game", "league match", "the league", "in the league", "league one", "domestic",
               "partido de liga", "el de liga", "la liga local", "de liga", "en la liga", "del campeonato",
               "jogo do campeonato", "o do campeonato", "pelo campeonato", "no campeonato", "jogo da liga",
               "o da liga", "na liga", "pela liga"),
}  # fmt: skip
# Words in a tournament's names that make it a cup (a knockout or continental competition); any
# other tournament is a league.
CUP_TOURNAMENT_WORDS = (
    "cup", "copa", "coppa", "taca", "pokal", "coupe", "trophy", "shield", "champions", "libertadores",
    "sudamericana", "europa", "conference", "supercopa", "supercup",
)  # fmt: skip

# A combination of selections on different matches.
COMBO_WORDS = (
    "parlay", "parley", "acca", "accumulator", "combo", "multi", "multiple", "combinada", "combinadas",
    "combinar", "combina", "acumulada", "parlei", "multipla", "multiplas", "dupla", "tripla", "both",
    "ambos", "los dos", "las dos", "os dois", "as duas", "together", "juntos", "juntas",
)  # fmt: skip

# The person lost money ("I just lost 200", "perdí 150", "tô perdendo"): a limit raise right after
# one is answered with care, never applied at once.
LOSS_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("lost", "losing", "i'm down", "im down", "down by", "blew", "wiped out", "lose"),
    "es": ("perdi", "perdido", "perdiendo", "perdimos", "acabo de perder", "me quede sin", "pierdo"),
    "pt": ("perdi", "perdido", "perdendo", "perdemos", "acabei de perder", "fiquei sem", "perco"),
}  # fmt: skip

# Asking for a higher limit (or none).
RAISE_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("raise", "increase", "up my", "higher", "bigger", "lift", "remove my limit", "remove the limit",
           "more room", "bump"),
    "es": ("sube", "subir", "subeme", "subirme", "aumenta", "aumentar", "aumentame", "ampliar", "amplia",
           "mas alto", "quitar el limite", "quitame el limite", "quita el limite"),
    "pt": ("aumenta", "aumentar", "aumente", "sobe", "subir", "suba", "maior", "tira o limite", "tirar o limite",
           "remover o limite", "ampliar"),
}  # fmt: skip

# Position in the last list shown. Negative = from the end.
ORDINALS: dict[str, int] = {
    "first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "fifth": 4,
    "5th": 4, "sixth": 5, "6th": 5, "seventh": 6, "7th": 6, "eighth": 7, "8th": 7, "last": -1, "former": 0,
    "latter": 1,
    "primero": 0, "primer": 0, "primera": 0, "segundo": 1, "segunda": 1, "tercero": 2, "tercer": 2,
    "tercera": 2, "cuarto": 3, "cuarta": 3, "quinto": 4, "quinta": 4, "sexto": 5, "sexta": 5, "septimo": 6,
    "octavo": 7, "ultimo": -1, "ultima": -1,
    "primeiro": 0, "terceiro": 2, "terceira": 2, "oitavo": 7, "derradeiro": -1,
    "1o": 0, "2o": 1, "3o": 2, "4o": 3, "5o": 4, "1a": 0, "2a": 1, "3a": 2, "4a": 3,
}  # fmt: skip

LATER_PHRASES = (
    "later", "the later", "later one", "later game", "later match", "after that", "the next one", "next one",
    "mas tarde", "el de despues", "el siguiente", "el proximo", "mais tarde", "o de depois", "o seguinte",
    "o proximo", "depois desse",
)  # fmt: skip
EARLIER_PHRASES = (
    "earlier", "the earlier", "earlier one", "sooner", "the one before", "mas temprano", "el de antes",
    "el anterior", "mais cedo", "o de antes", "o anterior",
)  # fmt: skip
OTHER_PHRASES = (
    "the other", "other one", "another one", "other match", "other game", "el otro", "la otra", "o outro",
    "a outra",
)  # fmt: skip
THAT_PHRASES = (
    "that one", "that match", "that game", "this match", "this game", "that fixture", "the same match",
    "ese partido", "este partido", "ese juego", "esse jogo", "este jogo", "nesse jogo", "essa partida",
    # The match on the table pointed at by its opponent ("the one against Palmeiras").
    "the one against", "the one with", "the one vs", "the game against", "the match against",
    "el partido contra", "el que juega contra", "el de contra", "el juego contra",
    "o jogo contra", "a partida contra", "o que joga contra", "aquele contra",
)  # fmt: skip

# Asking what a term means, not its price ("what is over/under?" vs "over/under?").
EXPLAIN_PHRASES = (
    "what is", "what's", "whats", "what are", "what does", "mean", "meaning", "explain", "how does",
    "how do", "tell me about", "definition",
    "que es", "que son", "que significa", "significa", "explica", "como funciona", "cuentame",
    "o que e", "o que sao", "que e", "explique", "como funciona", "me fala", "me explica",
)  # fmt: skip


@cache
def _pattern(phrases: tuple[str, ...], anchored: bool) -> re.Pattern[str]:
    alternatives = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True)
    )
    if anchored:
        return re.compile(rf"^\W*(?:{alternatives})(?![\w'])")
    return re.compile(rf"(?<![\w']){'(?:' + alternatives + ')'}(?![\w'])")


def _all(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(p for phrases in table.values() for p in phrases)


def _has(folded: str, phrases: Iterable[str], *, anchored: bool = False) -> bool:
    return bool(_pattern(tuple(phrases), anchored).search(folded))


# "what's the handicap?" with a match on the table asks for its line and prices; "what's a
# handicap?", "what does handicap mean?" ask what it is.
_SPECIFIC_WHAT_RE = re.compile(r"\bwhat(?:'s|s|\s+is|\s+are)\s+(?:the|that|this|their|its|his|her)\b")


def asks_explanation(folded: str) -> bool:
    return _has(_SPECIFIC_WHAT_RE.sub(" ", folded), EXPLAIN_PHRASES)


# A reply that only takes an answer in ("nice", "ok cool", "perfecto", "show de bola"): nothing asked.
ACK_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "ok", "okay", "k", "kk", "cool", "nice", "nice one", "great", "perfect", "got it", "gotcha", "alright",
        "all right", "sweet", "awesome", "good", "very good", "fine", "fair enough", "sounds good",
        "good to know", "noted", "i see", "understood", "lovely", "brilliant", "excellent", "wow",
    ),
    "es": (
        "ok", "okey", "vale", "perfecto", "genial", "bien", "muy bien", "bueno", "listo", "entendido",
        "chevere", "buenisimo", "joya", "de acuerdo", "ya veo", "excelente", "barbaro", "buenazo", "ah ok",
    ),
    "pt": (
        "ok", "beleza", "blz", "show", "show de bola", "massa", "top", "perfeito", "legal", "entendi",
        "tranquilo", "suave", "certo", "entendido", "otimo", "bacana", "da hora", "ah ta", "saquei",
    ),
}  # fmt: skip
# One or more of them (or thanks) from the start of a message, with what separates them.
_ACK_LEAD_RE = re.compile(
    r"^\W*(?:(?:"
    + "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted({*_all(ACK_PHRASES), *_all(THANKS_PHRASES)}, key=len, reverse=True)
    )
    + r")(?![\w'])\W*)+"
)


def social_kind(folded: str) -> str | None:
    """ "farewell" or "thanks" when the message says goodbye or thanks (a goodbye wins), else None."""
    if _has(folded, _all(FAREWELL_PHRASES)):
        return "farewell"
    if _has(folded, _all(THANKS_PHRASES)):
        return "thanks"
    return None


def is_acknowledgement(folded: str) -> bool:
    """Only words that take an answer in, or thanks ("nice", "ok cool", "perfecto gracias")."""
    found = _ACK_LEAD_RE.match(folded)
    return found is not None and found.end() == len(folded)


# Acknowledgements that are a yes only on their own: with thanks or a goodbye ("ok thanks", "tá bom,
# obrigado", "vale, gracias", "valeu") they close the talk, and a bet needs an unmistakable yes.
_ACKNOWLEDGEMENTS = frozenset(
    ("ok", "okay", "k", "alright", "all right", "fine", "great", "perfect", "sounds good", "cool", "vale",
     "bueno", "esta bien", "perfecto", "listo", "okey", "eso", "ta bom", "ta", "valeu", "beleza", "certo",
     "show", "perfeito", "isso", "uhum", "aham")
)  # fmt: skip


def is_confirmation(folded: str) -> bool:
    if not _has(folded, _all(CONFIRM_PHRASES), anchored=True) or is_cancellation(folded):
        return False
    if social_kind(folded) is None:
        return True
    return _has(folded, tuple(p for p in _all(CONFIRM_PHRASES) if p not in _ACKNOWLEDGEMENTS))


def is_cancellation(folded: str) -> bool:
    if _ASKS_HOW_RE.search(folded):
        return False
    return _has(_without_fillers(folded), _all(CANCEL_PHRASES), anchored=True) or _has(
        folded, _all(CANCEL_CLAUSES)
    )


_BET_NOUN_RE = re.compile(r"\b(?:bet|bets|slip|apuesta|apuestas|boleto|aposta|apostas|bilhete)\b")


def drops_a_bet(folded: str) -> bool:
    """The message says to drop a bet in so many words ("cancel my bet", "cancela la apuesta",
    "esquece a aposta"), not only "no" or "forget that": with nothing waiting, the answer is that
    nothing was."""
    return (
        not _ASKS_HOW_RE.search(folded)
        and _BET_NOUN_RE.search(folded) is not None
        and _has(folded, _all(CANCEL_CLAUSES))
    )


def _without_fillers(folded: str) -> str:
    """The message without the fillers it opens with ("hold on, no" -> "no")."""
    filler = _pattern(OPENING_FILLERS, True)
    rest = folded
    while (found := filler.match(rest)) is not None and found.end() < len(rest):
        rest = rest[found.end() :].lstrip(" ,.!-")
    return rest


def correction_lead_end(folded: str) -> int:
    """Where the request starts after fillers and a self-correction lead ("sorry, I meant: ..."),
    0 when the message does not open with one or nothing follows it."""
    filler = _pattern(OPENING_FILLERS, True)
    lead = _pattern(CORRECTION_LEADS, True)
    position = 0
    while (found := filler.match(folded[position:])) is not None:
        position = _skip_marks(folded, position + found.end())
    found = lead.match(folded[position:])
    if found is None:
        return 0
    end = _skip_marks(folded, position + found.end())
    return end if end < len(folded) else 0


def acknowledgement_lead_end(folded: str) -> int:
    """Where the request starts after the words taking the last answer in ("beleza, e o Palmeiras?",
    "perfecto gracias, y mañana?"); 0 when there are none or nothing follows them."""
    found = _ACK_LEAD_RE.match(folded)
    if found is None or found.end() >= len(folded):
        return 0
    return found.end()


def _skip_marks(text: str, position: int) -> int:
    while position < len(text) and text[position] in " ,.!-:":
        position += 1
    return position


def is_stake_edit_wording(folded: str) -> bool:
    return _has(folded, _all(STAKE_EDIT_PHRASES))


def is_add_leg(folded: str) -> bool:
    return _has(folded, _all(ADD_LEG_PHRASES))


# The slip just dropped, asked for again ("actually put it back on", "ponela de nuevo", "refaz a aposta").
_RESTORE_RE = re.compile(
    r"\b(?:put (?:it|that|the bet) back(?: on)?|back on|(?:place|put|do|make) (?:it|that|the bet) again|"
    r"re-?place it|redo (?:it|that|the bet)|undo (?:that|the cancel\w*)|restore (?:it|that|the bet)|"
    r"de nuevo|otra vez|nuevamente|vuelve a poner\w*|volve a poner\w*|rehac\w*|"
    r"de novo|outra vez|refaz\w*|refaca\w*|volta a aposta|de volta|recoloca\w*|reativa\w*)\b"
)


def is_restore(folded: str) -> bool:
    return bool(_RESTORE_RE.search(folded))


def is_correction(folded: str) -> bool:
    return _has(folded, _all(CORRECTION_PHRASES))


# A later or earlier match of the team(s) under discussion, said with a word for a match ("the later
# game", "el siguiente", "o anterior"); a bare "later" or "mas tarde" is a goodbye or a time of day.
_BARE_TIME_WORDS = frozenset(
    {"later", "earlier", "sooner", "mas tarde", "mais tarde", "mas temprano", "mais cedo"}
)
_LATER_MATCH = tuple(p for p in LATER_PHRASES if p not in _BARE_TIME_WORDS)
_EARLIER_MATCH = tuple(p for p in EARLIER_PHRASES if p not in _BARE_TIME_WORDS)


def time_shift(folded: str) -> str | None:
    """ "later" or "earlier" when the message points at the team's later or earlier match."""
    if _has(folded, _LATER_MATCH):
        return "later"
    if _has(folded, _EARLIER_MATCH):
        return "earlier"
    return None


def is_same_for(folded: str) -> bool:
    """ "Same for the cup game", also after an opening word ("and the same for...", "e o mesmo pro...")."""
    words = folded.split()
    while words and words[0].strip(",.!?¿¡") in LEADING_WORDS:
        words = words[1:]
    return _has(" ".join(words), _all(SAME_PHRASES), anchored=True)


def competition_kind(folded: str) -> str | None:
    """ "cup" or "league" when the message names a competition by its kind."""
    for kind, phrases in COMPETITION_KIND_PHRASES.items():
        if _has(folded, phrases):
            return kind
    return None


def tournament_kind(names: Iterable[str]) -> str:
    """A tournament's kind from its names and aliases (folded): "cup" or "league"."""
    return "cup" if any(_has(name, CUP_TOURNAMENT_WORDS) for name in names) else "league"


# A word for a match ("the Sixers game", "o jogo do Flamengo", "el partido del Boca").
MATCH_WORDS = (
    "game",
    "match",
    "fixture",
    "clash",
    "partido",
    "juego",
    "encuentro",
    "jogo",
    "partida",
    "confronto",
)


# "the third match", "the second one": a list position is followed by a word for a match or "one".
_ORDINAL_NOUNS = (*MATCH_WORDS, "one")


# The team under discussion by a pronoun ("their Libertadores game", "o jogo deles na Copa").
TEAM_PRONOUNS = (
    "their", "they", "them", "his", "its", "su", "sus", "ellos", "ellas", "deles", "delas", "dele", "dela",
    "seu", "sua", "seus", "suas",
)  # fmt: skip
# One match pointed at with an article ("the Libertadores game", "el de la Copa", "o da Libertadores").
_ONE_MATCH_RE = re.compile(
    r"\b(?:the|that|el|del|al|ese|la|o|do|no|esse|desse|nesse|a|da|na)\s+(?:\w+\s+){0,3}?(?:"
    + "|".join(_ORDINAL_NOUNS)
    + r")\b|\b(?:el|la|o|a)\s+(?:de|del|da|do)\s"
)


def names_team_pronoun(folded: str) -> bool:
    return _has(folded, TEAM_PRONOUNS)


def points_at_team_match(folded: str) -> bool:
    """ "their Libertadores game", "el de la Libertadores": one match of the team(s) under discussion."""
    return _has(folded, TEAM_PRONOUNS) or bool(_ONE_MATCH_RE.search(folded))


def points_at_opponent(folded: str) -> bool:
    """ "the one against Palmeiras", "el de contra River", "vs Benfica": a team named as the opponent."""
    return _has(folded, THAT_PHRASES) or _has(folded, ("against", "contra", "vs", "versus", "v", "x", "ante"))


def names_a_match(folded: str) -> bool:
    return _has(folded, MATCH_WORDS)


def asks_combo(folded: str) -> bool:
    return _has(folded, COMBO_WORDS)


def mentions_loss(folded: str) -> bool:
    return _has(folded, _all(LOSS_PHRASES))


def asks_raise(folded: str) -> bool:
    return _has(folded, _all(RAISE_PHRASES))


def ordinal_position(words: list[str]) -> int | None:
    """The list position a message points at ("the third match", "el segundo", "o 1o jogo")."""
    for index, word in enumerate(words):
        position = ORDINALS.get(word)
        if position is None:
            continue
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        if _names_no_position(word, before, after):
            continue
        # "first" alone is usually "first half"/"first goal"; an ordinal needs a noun or a short message.
        if after in _ORDINAL_NOUNS or after in ("", "?") or len(words) <= 4:
            return position
    return None


def _names_no_position(word: str, before: str, after: str) -> bool:
    if word == "second" and (before in ("a", "one", "just", "sec") or after in ("thought", "thoughts")):
        return True  # "wait a second", "on second thought": time, not a list position
    # "e na segunda?", "sexta-feira": a Portuguese weekday, not a position
    return word in ("segunda", "quarta", "quinta", "sexta") and (
        before in ("na", "de", "nesta", "proxima", "ate", "pra", "para", "dia") or after == "feira"
    )


def _ordinal_before_break(folded: str) -> int | None:
    """ "el último, cuánto paga el local?", "o segundo, quanto paga o empate?": an ordinal after an
    article and before a clause break points into the list whatever words follow the break."""
    for found in _ORDINAL_CLAUSE_RE.finditer(folded):
        before = folded[: found.start(1)].split()
        if not _names_no_position(found.group(1), before[-1] if before else "", ""):
            return ORDINALS[found.group(1)]
    return None


_ORDINAL_CLAUSE_RE = re.compile(
    r"(?:^|\b(?:the|el|la|lo|o|a)\s+)("
    + "|".join(re.escape(word) for word in sorted(ORDINALS, key=len, reverse=True))
    + r")\s*(?:[,;:!?.]|-\s|$)"
)


def _by_kickoff(listed: tuple[ListedFixture, ...]) -> list[ListedFixture]:
    return sorted(listed, key=lambda item: item.starts_at)


def referenced_fixture(folded: str, words: list[str], frame: DialogueContext) -> ListedFixture | None:
    """The fixture of the last list a message points at: by position, later/earlier, or "the other"."""
    listed = frame.listed
    if not listed:
        return None
    position = ordinal_position(words)
    if position is None:
        position = _ordinal_before_break(folded)
    if position is not None and len(listed) > 1 and -len(listed) <= position < len(listed):
        return listed[position]
    current = next((item for item in listed if item.fixture_id == frame.fixture_id), None)
    ordered = _by_kickoff(listed)
    if _has(folded, LATER_PHRASES):
        if current is None:
            return ordered[-1] if len(ordered) > 1 else None
        later = [item for item in ordered if item.starts_at > current.starts_at]
        return later[0] if later else None
    if _has(folded, EARLIER_PHRASES):
        if current is None:
            return ordered[0] if len(ordered) > 1 else None
        earlier = [item for item in ordered if item.starts_at < current.starts_at]
        return earlier[-1] if earlier else None
    if _has(folded, OTHER_PHRASES) and current is not None:
        others = [item for item in listed if item.fixture_id != current.fixture_id]
        return others[0] if len(others) == 1 else None
    return None


def refers_back(folded: str, words: list[str], frame: DialogueContext | None) -> bool:
    """The message points at something already shown (a list position, "the later game", "that one")."""
    if frame is None or not (frame.listed or frame.last_teams):
        return False
    if referenced_fixture(folded, words, frame) is not None:
        return True
    return _has(folded, THAT_PHRASES) and len(words) <= 8


def corrected_teams(folded: str, named: list[str], frame: DialogueContext) -> list[str] | None:
    """Teams after a correction ("I meant Newcastle, not Chelsea"): the named team replaces the one
    it corrects in the match under discussion; None when this is not a correction of that match."""
    current = list(frame.last_teams)
    if len(current) != 2 or not named or not is_correction(folded):
        return None
    fresh = [team for team in named if team not in current]
    if len(fresh) == 2:
        return fresh  # "I meant Sporting vs Braga, not Benfica": a whole new match
    if len(fresh) != 1 or len(named) > 2:
        return None
    kept = [team for team in named if team in current]
    # The team that stays is the one named again (as "not Y" names the replaced one, keep the other).
    negated = _negated(folded, kept, frame)
    if negated:
        survivor = next(team for team in current if team != negated)
    elif kept:
        survivor = kept[0]
    else:
        survivor = current[0]
    if survivor == negated:
        return None
    return [survivor, fresh[0]]


def _negated(folded: str, kept: list[str], frame: DialogueContext) -> str | None:
    """The kept team the message negates ("not Chelsea", "no el Milan"), if any."""
    if not kept or not re.search(r"\b(?:not|no|nao|instead of|en vez de|em vez de|en lugar de)\b", folded):
        return None
    # The team named after the negation word is the replaced one; it is the last kept team named.
    return kept[-1]
