"""Harm signals in a user's message (en/es/pt): under-18 disclosures, borrowing or essential money,
chasing losses, despair, loss of control, and suicidal language.

Patterns are first-person on purpose: "Barcelona lost everything" is sports talk, "I lost
everything" is not. Recall matters more than precision: a false alarm costs one supportive
sentence, a miss serves a minor or feeds a crisis.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from betting.harm.requests import RgRequest, rg_request
from betting.harm.text import family as _family
from betting.harm.text import fold

HarmSignal = Literal["chasing_losses", "borrowing", "desperation", "loss_of_control", "underage"]
Severity = Literal["none", "medium", "high"]

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
    explicit responsible-gambling request (self-exclusion, a break, limits, a reality check, help).
    ``underage`` (also in ``signals``) means the person said they are under 18.
    """

    signals: tuple[HarmSignal, ...] = ()
    severity: Severity = "none"
    self_harm: bool = False
    rg_request: RgRequest | None = None

    @property
    def detected(self) -> bool:
        return bool(self.signals) or self.rg_request is not None

    @property
    def underage(self) -> bool:
        return "underage" in self.signals


# Shared pieces; text is folded first, so no accents and lower case only.
_I_AM = r"\b(?:i'?m|i\s+am|im)"
# The person among others: "we're 16", "me and my mates are in year 11", "my friend and I are 15".
_WE_ARE = r"\b(?:we'?re|we\s+are|we\s+r|(?:me|i)\s+and\s+(?:my\s+)?\w+(?:\s+\w+)?\s+are|(?:my\s+)?\w+\s+and\s+(?:i|me)\s+are)"
_SUBJECT_BE = r"(?:" + _I_AM + "|" + _WE_ARE + ")"
_CANT = r"(?:can'?t|cannot|can\s+not|couldn'?t|am\s+unable\s+to|am\s+not\s+able\s+to)"
_BET_VERB = r"(?:bet|betting|gamble|gambling|wager)"
_APOSTAR = r"(?:apostar|jugar|apuesta|apuestas|jogar|aposta|apostas)"
# An age under 18 in digits or words, in any of the three languages.
_AGE = (
    r"(?:1[0-7]|[1-9]|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|diez|once|doce|trece|catorce|quince|dieci\s?seis|diez\s+y\s+seis|dieci\s?siete|diez\s+y\s+siete"
    r"|dez|onze|doze|treze|catorze|quatorze|quinze|dez[ae]s+eis|dez[ae]s+ete)"
)
_EIGHTEEN = r"(?:18|eighteen|dieciocho|dezoito)"
# An age about to be turned: under 18 up to and including 18 itself ("I'm turning 18 next week").
_AGE_OR_18 = r"(?:" + _AGE + "|" + _EIGHTEEN + r")"
# What may follow a bare age for it to be an age and not money ("I'm 10 euros up").
_AGE_END = (
    r"(?:\s*(?:years?\s*old|yrs?\s*old|y/?o|yo|anos|anitos|aninhos)\b|(?=\s*(?:[.,!?;)](?!\d)|$))"
    r"|(?=\s+(?:and|but|so|can|is|am|will|though|lol|haha|y|pero|asi|puedo|e|mas|posso|entao)\b))"
)
# The people close to someone, for betting kept from them ("my wife doesn't know I bet").
_FAMILY = r"\b(?:my\s+|the\s+)(?:wife|husband|partner|family|parents|mum|mom|dad|girlfriend|boyfriend|gf|bf|fiancee?|kids)"
_FAMILIA = (
    r"\b(?:mi|mis|minha|meu|meus|a\s+minha|o\s+meu|la|el|a|o)\s+(?:esposa|mujer|marido|pareja|familia|padres|viejos|mama|papa"
    r"|novia|novio|mulher|esposo|namorada|namorado|pais|mae|pai|familia)"
)
_SCHOOL_YEAR = r"(?:[5-9]|1[01])(?:st|nd|rd|th)?"
# An age turned or about to be ("I turned 16 last month", "fiz 16 ontem", "vou fazer 18 mês que vem")
# is an age when "years", the end of the clause or a word of time follows; "I turned 10 into 50",
# "fiz 5 apostas", "vou fazer 10 apostas" are not.
_TURNED_END = (
    r"(?:"
    + _AGE_END
    + r"|(?=\s+(?:last|yesterday|today|tomorrow|this|next|soon|on|in|recently|ago|a\s+(?:week|month)"
    r"|now|ayer|hoy|manana|hace|este|esta|proximo|pronto|recien|ahora|ya|ontem|hoje|amanha|semana|mes|agora|ja|logo"
    r"|(?:el|la|en|no|na|em)\s+(?:\w+\s+)?(?:mes|semana|ano|dia|finde|fin\s+de\s+semana|verano|ferias|vacaciones"
    r"|lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro))\b))"
)
_ORDINAL_AGE = r"(?:1[0-7]th|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth)"

_HARM_PATTERNS: dict[HarmSignal, re.Pattern[str]] = {
    "chasing_losses": _family(
        # en
        r"\bwin\s+(?:it|that|this|them|everything|(?:it\s+)?all|(?:all\s+|some\s+)?(?:of\s+)?(?:it|my|the)\s*(?:money|losses|cash|rent|savings)?)\s+back\b",
        r"\bwin\s+back\s+(?:my|what\s+i|everything|all)\b",
        r"\bget\s+(?:it|my\s+money|my\s+losses|my\s+cash|what\s+i\s+lost)\s+back\b",
        r"\bchas(?:e|ed|es|ing)\s+(?:my\s+|the\s+|all\s+my\s+)?loss(?:es)?\b",
        r"\b(?:recover|recoup|make\s+up\s+for)\s+(?:all\s+)?(?:my\s+(?:losses|money)|what\s+i\s+(?:have\s+|'ve\s+)?lost|the\s+money\s+i\s+lost)",
        r"\b(?:need|have|got)\s+to\s+(?:make|win)\s+(?:back|up)\s+(?:the|my|what)\b",
        # one win to fix a loss: "I need one big win to sort it", "a last win to pay the rent"
        r"\b(?:one|a|1|just\s+one|one\s+more)\s+(?:big|huge|massive|last|good|decent)\s+win\b.{0,30}?\bto\s+"
        r"(?:sort|fix|pay|cover|get|make|save|clear|square|settle)\b",
        # es
        r"\brecuper(?:ar|o|e|arme)\s+(?:todo\s+)?(?:lo\s+que\s+(?:he\s+|ya\s+)?perd(?:i|ido)|lo\s+perdido|(?:las\s+|mis\s+)perdidas|mi\s+(?:dinero|plata|sueldo)|la\s+plata|el\s+dinero|todo)",
        r"\b(?:tengo\s+que|necesito|quiero|voy\s+a|debo)\s+recuperar(?:me)?\b",
        r"\bganar\s+(?:de\s+nuevo\s+)?lo\s+que\s+(?:he\s+)?perd(?:i|ido)",
        r"\brecuperar\s+lo\s+(?:de\s+(?:ayer|anoche|hoy|antes|la\s+semana|esta\s+semana|este\s+mes|la\s+quincena)"
        r"|que\s+(?:llevo|voy)\s+perdido)",
        r"\bllevo\s+(?:toda\s+la\s+semana|todo\s+el\s+(?:mes|dia)|(?:\w+\s+)?(?:dias|semanas|meses))\s+perdiendo\b",
        # pt
        r"\brecuper(?:ar|o|ei)\s+(?:tudo\s+)?(?:o\s+que\s+(?:eu\s+)?(?:perdi|tinha\s+perdido)|o\s+preju[iz]+o|(?:as\s+|minhas\s+)perdas|o\s+perdido|(?:o\s+)?meu\s+dinheiro|a\s+grana|o\s+dinheiro|tudo)",
        r"\b(?:preciso|tenho\s+que|quero|vou)\s+recuperar\b",
        r"\bganhar\s+de\s+volta\b",
        r"\brecuperar\s+o\s+(?:de\s+(?:ontem|hoje|antes|semana\s+passada)|que\s+(?:eu\s+)?(?:perdi|to\s+perdendo))",
        r"\b(?:to|tou|estou|venho)\s+perdendo\s+(?:a\s+semana|o\s+mes|o\s+dia|faz\s+\w+\s+dias|ha\s+\w+\s+dias)",
        r"\b(?:ir|correr|vou|indo)\s+atras\s+do\s+preju[iz]+o\b",
    ),
    "borrowing": _family(
        # en
        r"\bborrow(?:ed|ing|s)?\s+(?:some\s+|more\s+|the\s+)?(?:money|cash|\$?\d+)",
        r"\bborrow(?:ed|ing)?\b.{0,30}\b(?:to|so\s+i\s+can)\s+" + _BET_VERB + r"\b",
        r"\b(?:take|took|taking|get|got|getting)\s+(?:out\s+)?(?:a|another|one\s+more)\s+(?:payday\s+|quick\s+|small\s+|personal\s+|bank\s+)?loan\b",
        r"\bpayday\s+loans?\b",
        r"\bloans?\s+(?:to|for)\s+(?:" + _BET_VERB + r"|my\s+bets?)\b",
        r"\b(?:lend|loan)\s+me\b",
        r"\bcredit\s+card\s+(?:to|for)\s+(?:" + _BET_VERB + r"|deposit)\b",
        r"\bmax(?:ed)?\s+out\s+my\s+credit",
        r"\b(?:i'?m|i\s+am)\s+(?:deep\s+|so\s+|really\s+)?in\s+debt\b|\bi\s+owe\s+(?:money|a\s+lot|people)\b",
        r"\b(?:my|the)\s+(?:rent|mortgage|grocery|food|bills?)\s+money\b.{0,30}\b" + _BET_VERB,
        r"\b(?:use|using|used|bet|betting|put|putting)\s+(?:my|the)\s+(?:rent|mortgage|grocery|food|bills?)\s+(?:money)?",
        r"\bsell(?:ing)?\s+my\s+\w+(?:\s+\w+)?\s+to\s+" + _BET_VERB,
        # es
        r"\b(?:ped(?:ir|i|ire|iendo|imos)|pido|pidio)\s+(?:(?:dinero|plata|algo)\s+)?prestad[oa]s?\b",
        r"\bprestamos?\b",
        r"\bme\s+prest(?:as|an|aron|aste|a)\b",
        r"\bpresta(?:me|nme)\b",
        r"\bendeud(?:arme|e|ado|ada)\b|\b(?:tengo|lleno\s+de)\s+deudas\b",
        r"\b(?:plata|dinero)\s+del?\s+(?:alquiler|arriendo|renta|mercado|la\s+comida)\b",
        r"\bvender\s+(?:mi|el)\s+\w+\s+(?:para|pa)\s+" + _APOSTAR,
        # pt
        r"\b(?:peg(?:ar|uei|ando|o)|ped(?:ir|i))\s+(?:(?:dinheiro|grana)\s+)?emprestad[oa]s?\b",
        r"\bemprestimos?\b",
        r"\bme\s+empresta(?:r|m|ram)?\b",
        r"\bendividad[oa]\b|\b(?:tenho|cheio\s+de)\s+dividas\b",
        r"\b(?:dinheiro|grana)\s+d[oa]s?\s+(?:aluguel|contas|mercado|comida)\b",
        r"\bvender\s+(?:o\s+)?meu\s+\w+\s+(?:para|pra)\s+" + _APOSTAR,
    ),
    "desperation": _family(
        # en
        _I_AM + r"\s+(?:so\s+|really\s+|very\s+|completely\s+|getting\s+|becoming\s+)?desperate\b",
        r"\bfeel(?:ing)?\s+(?:so\s+)?desperate\b",
        r"\b(?:my|(?:it'?s|this\s+is|this'?s)\s+(?:my\s+)?)(?:very\s+)?last\s+(?:chance|hope|shot)\b",
        r"\blast\s+chance\s+(?:for\s+me|to\s+(?:recover|win\s+it\s+back|pay|save\s+my|fix\s+my))\b",
        r"(?:\bi(?:'ve|\s+have)?(?:\s+just|\s+already)?\s+|^\W*(?:just\s+|already\s+)?)lost\s+(?:absolutely\s+)?(?:everything|it\s+all|all\s+my\s+(?:money|savings)"
        r"|(?:all\s+)?(?:my|the)\s+(?:rent|savings|salary|paycheck|wages|house|mortgage|pension|job)(?:\s+money)?)",
        r"\b(?:i\s+)?(?:have|'ve|got)\s+nothing\s+left\b",
        r"\b(?:i\s+)?"
        + _CANT
        + r"\s+(?:afford\s+to\s+)?(?:pay|afford)\s+(?:my\s+|the\s+)?(?:rent|bills|mortgage|debts?|food)\b",
        # es
        r"\b(?:estoy|me\s+siento|ando)\s+(?:muy\s+|tan\s+)?desesperad[oa]\b",
        r"\b(?:mi|es\s+mi)\s+ultima\s+(?:oportunidad|chance|esperanza)\b",
        r"\b(?:lo\s+)?perdi\s+todo\b|\b(?:lo\s+)?he\s+perdido\s+todo\b",
        r"\bperdi\s+(?:todo\s+)?(?:mis\s+ahorros|todos\s+mis|mi\s+(?:sueldo|salario|quincena|casa)|el\s+(?:dinero|pago)\s+del?\s+(?:alquiler|arriendo|renta)|el\s+alquiler|el\s+arriendo|la\s+renta)",
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
        r"\b(?:can'?t|cannot|couldn'?t|unable\s+to)\s+stop\s+(?:betting|gambling|placing\s+bets|chasing)\b",
        r"\b(?:gambling|betting)\s+(?:problem|addiction|habit\s+is\s+out\s+of\s+control)\b",
        r"\bi\s+(?:have|got)\s+a\s+(?:serious\s+|real\s+)?(?:gambling\s+|betting\s+)?problem(?=\s*(?:[.,!?]|$|with\s+(?:gambling|betting)))",
        r"\bproblem\s+with\s+(?:gambling|betting)\b",
        r"\bproblem\s+gambler\b",
        _I_AM + r"\s+(?:so\s+|really\s+|totally\s+|completely\s+)?addicted\b",
        r"\bhooked\s+on\s+(?:betting|gambling|bets?)\b",
        r"\baddicted\s+to\s+(?:gambling|betting|bets?)\b|\bgambling\s+addiction\b",
        r"\b(?:it'?s|my\s+(?:gambling|betting)\s+is|i'?m)\s+out\s+of\s+control\b",
        # The other signs of the Problem Gambling Severity Index and of GamCare's list, in all three
        # languages below: betting hidden from the people close to you, a promise to stop that is
        # already a bet ("one last bet, I promise"), guilt about betting, bigger bets for the same buzz.
        r"\b(?:hid(?:e|es|ing|den)?|hiding|keep(?:s|ing)?\s+(?:it|my\s+bets?|my\s+betting|this)\s+(?:a\s+)?secret"
        r"|li(?:e|ed|es)\s+(?:to\s+\w+(?:\s+\w+)?\s+)?about|lying\s+(?:to\s+\w+(?:\s+\w+)?\s+)?about)\b.{0,30}"
        r"\b(?:bets?|betting|gambling|losses)\b",
        _FAMILY
        + r"\s+(?:doesn'?t|don'?t|does\s+not|do\s+not|can'?t|can\s+not|mustn'?t|must\s+not|won'?t|never)\s+"
        r"(?:know|find\s+out|see)\b.{0,25}\b(?:bet|gambl)",
        r"\b(?:last|final|one\s+more)\s+bet\b.{0,40}\b(?:i\s+(?:promise|swear)|promise|swear|then\s+i(?:'ll|\s+will)?\s+(?:stop|quit))\b",
        r"\bi\s+(?:promise|swear)\b.{0,30}\b(?:last\s+(?:bet|time\s+i\s+bet)|stop\s+(?:betting|gambling)|quit\s+(?:betting|gambling)"
        r"|never\s+bet\s+again)\b",
        r"\bi\s+(?:said|told\s+\w+(?:\s+\w+)?|promised(?:\s+\w+(?:\s+\w+)?)?)\s+(?:i'?d|i\s+would|to)\s+(?:stop|quit)\s+"
        r"(?:betting|gambling)\b",
        r"\bi\s+feel\s+(?:so\s+|really\s+|very\s+)?(?:guilty|ashamed)\b.{0,30}\b(?:bet|betting|gambl\w*)\b"
        r"|\bashamed\s+of\s+(?:my\s+)?(?:betting|gambling|bets)\b",
        r"\b(?:need|have)\s+to\s+bet\s+(?:more|bigger|higher)\b.{0,30}\b(?:feel|buzz|excit\w*|rush|thrill|kick)\b",
        # es
        r"\bno\s+(?:puedo|consigo|logro)\s+(?:parar|dejarlo|dejar\s+de\s+(?:apostar|jugar)|controlarme|detenerme)\b",
        r"\bno\s+me\s+puedo\s+(?:controlar|detener|parar)\b",
        r"\btengo\s+(?:un\s+)?problema\s+(?:con|de)\s+(?:el\s+juego|las\s+apuestas|juego|apuestas|apostar|ludopatia)",
        r"\bsoy\s+(?:un\s+|una\s+)?(?:adict[oa]|ludopata)\b",
        r"\badiccion\s+(?:al\s+juego|a\s+las\s+apuestas)\b|\bludopat(?:ia|a)\b|\badicto\s+a\s+las\s+apuestas\b",
        r"\b(?:escond\w*|ocult\w*|miento|mintiendo|mentirle|le\s+miento|les\s+miento)\b.{0,30}\b(?:apuestas?|apostar|apuesto|juego)\b",
        # "mi familia no sabe que apuesto", "mi mujer no puede saber de mis apuestas"
        _FAMILIA
        + r"\s+no\s+(?:sabe|saben|se\s+entera|se\s+enteran|puede\s+saber|pueden\s+saber|debe\s+saber)\b"
        r".{0,25}\b(?:apuest\w*|apost\w*)\b",
        r"\b(?:ultima|ultimita)\s+(?:apuesta|vez\s+que\s+apuesto)\b.{0,40}\b(?:lo\s+|te\s+lo\s+)?(?:prometo|juro)\b",
        r"\b(?:prometo|juro|te\s+lo\s+juro)\b.{0,30}\b(?:(?:es\s+)?la\s+ultima(?:\s+(?:apuesta|vez))?(?=\s*(?:[.,!?]|$|y\s))|dejo\s+de\s+(?:apostar|jugar)|no\s+vuelvo\s+a\s+apostar)\b",
        r"\buna\s+(?:mas|ultima)\s+y\s+(?:ya\s+)?(?:lo\s+)?(?:dejo|paro|me\s+retiro)\b",
        r"\bme\s+siento\s+(?:muy\s+|tan\s+)?(?:culpable|avergonzad[oa]|mal)\b.{0,30}\b(?:apost\w*|apuest\w*|juego)\b",
        # pt
        r"\bnao\s+(?:consigo|posso|sei)\s+(?:mais\s+)?(?:parar|largar|me\s+controlar|controlar\s+(?:o\s+)?(?:jogo|vicio|as\s+apostas))\b",
        r"\btenho\s+(?:um\s+)?problema\s+com\s+(?:o\s+)?(?:jogo|apostas?)\b",
        r"\b(?:sou|estou|to|tou|fiquei)\s+viciad[oa]\b",
        r"\bvici(?:o|ad[oa])\s+(?:em|no|nas?)\s+(?:jogos?|apostas?|bet)\b",
        r"\b(?:escond\w*|minto|mentindo|mentir)\b.{0,30}\b(?:apostas?|apostar|aposto|jogo|bets?)\b",
        # "minha mãe não sabe que eu aposto", "minha esposa não pode saber dessas apostas"
        _FAMILIA + r"\s+nao\s+(?:sabe|sabem|pode\s+saber|podem\s+saber|desconfia|sonha)\b.{0,25}"
        r"\b(?:apost\w*|bets?|jogo\b(?!\s+(?:bola|futebol|fut|videogame|games?|no\s+time)))",
        r"\bultima\s+(?:aposta|vez\s+que\s+(?:eu\s+)?aposto)\b.{0,40}\b(?:prometo|juro)\b",
        r"\b(?:prometo|juro)\b.{0,30}\b(?:(?:e\s+)?a\s+ultima(?:\s+(?:aposta|vez))?(?=\s*(?:[.,!?]|$|e\s))|paro\s+de\s+apostar|nunca\s+mais\s+aposto|largo\s+(?:as\s+apostas|o\s+jogo))\b",
        r"\bmais\s+uma\s+e\s+(?:eu\s+)?(?:paro|largo|saio)\b",
        r"\bme\s+sinto\s+(?:muito\s+|tao\s+)?(?:culpad[oa]|envergonhad[oa]|mal)\b.{0,30}\b(?:apost\w*|jogo)\b",
    ),
    "underage": _family(
        # en: "I'm 16", "I am only fifteen", "im 17 years old"; not "I'm 10 euros up".
        _SUBJECT_BE + r"\s+(?:only\s+|just\s+|still\s+|both\s+|all\s+)?" + _AGE + _AGE_END,
        r"\b(?:i|i'?ve|i\s+have|just)(?:\s+just|\s+only)?\s+turned\s+" + _AGE + r"\b" + _TURNED_END,
        _I_AM
        + r"\s+(?:about\s+to\s+turn|turning|going\s+to\s+turn|gonna\s+turn)\s+"
        + _AGE_OR_18
        + r"\b"
        + _TURNED_END,
        r"\bmy\s+" + _ORDINAL_AGE + r"\s+(?:birthday|bday|b-day)\b",
        _I_AM
        + r"\s+(?:a\s+minor|underage|under\s*(?:age|18|eighteen)|not\s+(?:18|eighteen|old\s+enough)|too\s+young\s+to)",
        r"\bi\s+(?:don'?t|do\s+not|won'?t|will\s+not)\s+turn\s+" + _EIGHTEEN + r"\s+(?:until|till|before)\b",
        r"\bi\s+(?:haven'?t|have\s+not|didn'?t|did\s+not)\s+turn(?:ed)?\s+" + _EIGHTEEN + r"\b",
        r"\bi(?:\s+turn|'ll\s+be|\s+will\s+be)\s+" + _EIGHTEEN + r"\s+(?:next|in|on|this|soon|tomorrow)\b",
        # an age still to be reached is a younger age now: "I turn 17 next month", "I'll be 16 in May"
        r"\bi(?:\s+turn|'ll\s+(?:be|turn)|\s+will\s+(?:be|turn)|\s+become)\s+" + _AGE + r"\b" + _TURNED_END,
        r"\bwhen\s+i\s+turn\s+" + _EIGHTEEN + r"\b|\bnot\s+" + _EIGHTEEN + r"\s+yet\b",
        _SUBJECT_BE
        + r"\s+(?:both\s+|all\s+)?(?:in\s+)?(?:year\s+(?:[7-9]|1[0-2])|grade\s+(?:[5-9]|1[01])|"
        + _SCHOOL_YEAR
        + r"\s+grade)\b",
        r"\b(?:freshman|sophomore|junior)\s+(?:year\s+)?(?:in|at|of)\s+high\s+school\b",
        _SUBJECT_BE + r"\s+(?:still\s+|both\s+|all\s+)?in\s+(?:middle|high|secondary)\s+school\b",
        # es
        r"\b(?:tengo|tenemos)\s+(?:solo\s+|solamente\s+|apenas\s+|nomas\s+|recien\s+)?" + _AGE + _AGE_END,
        r"\b(?:cumpli|acabo\s+de\s+cumplir)\s+(?:los\s+)?" + _AGE + r"\b" + _TURNED_END,
        r"\b(?:voy\s+a|estoy\s+por|a\s+punto\s+de)\s+cumplir\s+(?:los\s+)?"
        + _AGE_OR_18
        + r"\b"
        + _TURNED_END,
        r"\bcon\s+" + _AGE + r"\s+anos\s+(?:puedo|se\s+puede|me\s+dejan)\b",
        r"\bsoy\s+(?:un\s+|una\s+)?menor(?:\s+de\s+edad)?\b",
        r"\btengo\s+menos\s+de\s+" + _EIGHTEEN,
        r"\b(?:aun|todavia)\s+no\s+(?:tengo|cumplo|he\s+cumplido|cumpli)\s+(?:los\s+)?" + _EIGHTEEN,
        r"\bno\s+(?:he\s+cumplido|cumplo|tengo)\s+(?:los\s+)?" + _EIGHTEEN + r"\s+(?:aun|todavia)\b",
        r"\bno\s+he\s+cumplido\s+(?:los\s+)?" + _EIGHTEEN,
        r"\b(?:cumplo|cuando\s+cumpla)\s+(?:los\s+)?" + _EIGHTEEN + r"\b",
        # ("cumplo 10 años de casado" is an anniversary)
        r"\b(?:cumplo|voy\s+a\s+tener|tendre)\s+(?:los\s+)?" + _AGE + r"\b(?!\s+anos\s+de\b)" + _TURNED_END,
        r"\bme\s+falta(?:n)?\b.{0,25}\bpara\s+(?:cumplir\s+)?(?:los\s+)?" + _EIGHTEEN,
        r"\b(?:estoy|voy|ando|curso|estamos|vamos|andamos|cursamos)\s+en\s+(?:el\s+|la\s+)?(?:\w+\s+)?(?:de\s+)?(?:la\s+)?(?:eso|secundaria|secundario|secu|prepa|preparatoria|colegio|cole|liceo|bachillerato)\b",
        # pt
        r"\b(?:tenho|temos)\s+(?:so\s+|apenas\s+|somente\s+)?" + _AGE + _AGE_END,
        r"\b(?:fiz|acabei\s+de\s+(?:fazer|completar)|completei)\s+" + _AGE + r"\b" + _TURNED_END,
        r"\b(?:vou|to\s+pra|estou\s+para|prestes\s+a)\s+(?:fazer|completar)\s+"
        + _AGE_OR_18
        + r"\b"
        + _TURNED_END,
        r"\bcom\s+" + _AGE + r"\s+anos\s+(?:posso|pode|da\s+pra|consigo)\b",
        r"\bsou\s+(?:de\s+)?menor(?:\s+de\s+idade)?\b",
        r"\btenho\s+menos\s+de\s+" + _EIGHTEEN,
        r"\bainda\s+nao\s+(?:tenho|fiz|completei|faco)\s+" + _EIGHTEEN,
        r"\bnao\s+(?:fiz|completei|tenho)\s+" + _EIGHTEEN + r"\s+(?:anos\s+)?ainda\b",
        r"\b(?:faco|quando\s+(?:eu\s+)?(?:fizer|completar))\s+" + _EIGHTEEN + r"\b",
        r"\b(?:faco|completo|vou\s+ter|terei)\s+" + _AGE + r"\b(?!\s+anos\s+de\b)" + _TURNED_END,
        r"\b(?:estou|to|tou|estudo|estamos|tamo|estudamos)\s+n[oa]\s+(?:"
        + _SCHOOL_YEAR
        + r"|[5-9]o|sexto|setimo|oitavo|nono|primeiro|segundo)\s+ano\b",
        r"\b(?:estou|to|tou|estudo|estamos|tamo|estudamos)\s+no\s+(?:ensino\s+(?:medio|fundamental)|colegial|colegio|fundamental)\b",
    ),
}

# A birth year says the age too: "born in 2010", "nací en 2011", "nasci em 2009", "soy del 2010".
_BIRTH_YEAR = re.compile(
    r"\b(?:born\s+in|born\s+(?:on\s+)?(?:\w+\s+){1,2}|naci\s+en(?:\s+el)?(?:\s+ano)?|naci\s+el\s+\d{1,2}\s+de\s+\w+\s+de"
    r"|nasci\s+em|nasci\s+no\s+ano\s+de|soy\s+del(?:\s+ano)?|sou\s+de)\s+((?:19|20)\d\d)\b"
)

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

# Ages in any message ("I'm over 18", "tengo 30 años"): never a stake.
_ANY_AGE = re.compile(
    # "I'm +18", "soy 18+", "sou maior de idade, 18+": an adult's age, never a stake or a line.
    r"\b(?:i'?m|i\s+am|im|soy|sou|tengo|tenho|idade|edad|age)[\s,:]+(?:\+\s?(?:18|21)\b|\b(?:18|21)\s?\+(?!\s?\d))"
    r"|\b(?:i'?m|i\s+am|im)\s+(?:over|above|only|just|still)?\s*\d{1,2}(?:\s*(?:years?\s*old|yrs?\s*old|y/?o))?"
    r"(?=\s*(?:[.,!?;)](?!\d)|$|years|yrs|y/?o|and|but|so|can|is))"
    r"|\b(?:over|under|above|mayor\s+de|menor\s+de|maior\s+de|menos\s+de|mais\s+de)\s+(?:18|21)\b"
    r"|\b(?:tengo|tenho|cumpli|fiz)\s+\d{1,2}\s+anos\b|\b\d{1,2}\s*(?:years?\s*old|yrs?\s*old|y/?o)\b"
)

PATTERNS: tuple[re.Pattern[str], ...] = (*_HARM_PATTERNS.values(), _SELF_HARM, _BIRTH_YEAR)


def harm_signals(text: str, *, today: dt.date | None = None) -> HarmAssessment:
    """Assess one user message; pure and cheap enough to run on every message.

    ``today`` dates a disclosed birth year (default: the current UTC date).
    """
    folded = fold(unicodedata.normalize("NFC", text))
    found = {signal for signal in HARM_SIGNALS if _HARM_PATTERNS[signal].search(folded)}
    if "underage" not in found and _minor_by_birth_year(folded, today):
        found.add("underage")
    self_harm = _SELF_HARM.search(folded) is not None
    if self_harm:
        found.add("desperation")
    signals = tuple(signal for signal in HARM_SIGNALS if signal in found)
    severity: Severity = "none"
    if signals:
        # Chasing alone is a warning sign; anything else, or several signs together, is acute.
        severity = "high" if self_harm or len(signals) > 1 or _SEVERE.intersection(signals) else "medium"
    return HarmAssessment(
        signals=signals, severity=severity, self_harm=self_harm, rg_request=rg_request(folded)
    )


def age_spans(folded: str) -> list[tuple[int, int]]:
    """Where `folded` (see `fold`) states someone's age: those numbers are never amounts."""
    spans = [m.span() for m in _ANY_AGE.finditer(folded)]
    spans += [m.span() for m in _HARM_PATTERNS["underage"].finditer(folded)]
    spans += [m.span() for m in _BIRTH_YEAR.finditer(folded)]
    return spans


def _minor_by_birth_year(folded: str, today: dt.date | None) -> bool:
    year = (today or dt.datetime.now(dt.UTC).date()).year
    # Born 18 years ago this year may still be 17: high recall counts that year too.
    return any(int(m.group(1)) >= year - 18 for m in _BIRTH_YEAR.finditer(folded) if int(m.group(1)) <= year)
