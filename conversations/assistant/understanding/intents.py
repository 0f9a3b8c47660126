"""Intent cues in en/es/pt, scored on accent-folded text.

Each cue has a weight: 3 names the request outright ("odds", "simulate", "saldo"), 2 is a clear
hint, 1 a weak one (a market word alone). An intent scores its best cue plus a little for each
further cue; ties go to the intent listed first in PRIORITY.
"""

from __future__ import annotations

import re

INTENTS = (
    "greeting", "help_request", "match_schedule_query", "tournament_info", "odds_information_query",
    "team_comparison", "betting_recommendation", "bet_simulation", "place_bet", "user_balance_query",
    "general_betting_info", "general_sports_query", "responsible_gambling", "unclear",
)  # fmt: skip

PRIORITY = (
    "responsible_gambling", "bet_simulation", "place_bet", "user_balance_query", "general_betting_info",
    "betting_recommendation", "team_comparison", "odds_information_query", "general_sports_query",
    "tournament_info", "match_schedule_query", "help_request", "greeting",
)  # fmt: skip

_TERMS = (
    r"(?:odds|decimal odds|fractional odds|american odds|parlay|parlays|accumulator|acca|combo|combinada|multipla"
    r"|handicap|asian handicap|spread|double chance|doble oportunidad|dupla chance|btts|both teams to score"
    r"|over ?/ ?under|over|under|moneyline|money line|1x2|stake|bankroll|cash ?out|vig|juice|margin|overround"
    r"|value bet|each way|push|void|implied probability|payout|cuota|cuotas|momio|cotacao|banca|apuesta simple"
    r"|apuesta combinada|aposta simples|aposta multipla|hedge|hedging|arbitrage|surebet|prop bet|futures"
    r"|live betting|in-play|apuestas en vivo|over 2.5|under 2.5|a bet|an? \w+ bet|ambos marcan|ambas marcam)"
)

# A definition question ends at the term: "what are odds?", not "what are the odds for X?".
_END = r"(?=\s*(?:[?.!]|$|mean|in betting|en (?:las )?apuestas|nas apostas|exactly|exactamente|exatamente))"

_CUES: dict[str, tuple[tuple[int, str], ...]] = {
    "greeting": (
        (
            2,
            r"^\W*(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|hola|buenas"
            r"|buenos dias|buen dia|saludos|ola|oi|bom dia|boa tarde|boa noite|e ai|salut)\b",
        ),
        (2, r"\b(?:how are you|how's it going|como estas|como esta|que tal|como vai|tudo bem|tudo bom)\b"),
        (1, r"^\W*(?:thanks?|thank you|gracias|obrigad[oa]|valeu|cheers)\W*$"),
    ),
    "help_request": (
        (
            3,
            r"\b(?:what (?:can|could) you do|what do you do|what are you|who are you|how (?:does|do) (?:this|it|you)"
            r" work|how (?:do i|to) use (?:this|you|it)|what (?:can|could|should) i ask|what can i do here"
            r"|what are your (?:features|options|commands)|show me (?:the )?(?:menu|options))\b",
        ),
        (
            3,
            r"\b(?:en que (?:me )?(?:puedes|podes|puede|pueden) ayudar|que (?:puedes|sabes|podes) hacer"
            r"|como (?:funciona esto|te uso|funcionas)|quien eres|que eres|para que sirves)\b",
        ),
        (
            3,
            r"\b(?:em que (?:voce )?(?:pode|podes) (?:me )?ajudar|o que (?:voce )?(?:pode|sabe|consegue) fazer"
            r"|como (?:isso|voce) funciona|quem e voce|como te uso|pra que (?:voce )?serve)\b",
        ),
        (2, r"^\W*(?:help|ayuda|ajuda|menu|options|opciones|opcoes|help me|ayudame|me ajuda)\W*$"),
        (1, r"\b(?:help|ayuda|ajuda)\b"),
    ),
    "match_schedule_query": (
        (3, r"\bwhen (?:does|do|is|are|will|'s)\b.{0,40}\b(?:play|playing|match|game|kick|next|on)\b"),
        (
            3,
            r"\b(?:cuando (?:juega|juegan|es el partido|sera el partido|jugara)|a que hora (?:juega|es|empieza)"
            r"|quando (?:joga|jogam|e o jogo|sera o jogo|vai jogar)|que horas (?:joga|e o jogo|comeca))\b",
        ),
        (
            2,
            r"\b(?:what|which|any) (?:matches|games|fixtures)\b|\bwho (?:plays|is playing|are playing|play)\b",
        ),
        (
            2,
            r"\b(?:what'?s on|what is on|whats on|next (?:match|game|fixture)|fixtures?|schedule|kick ?-?off"
            r"|calendar|line-?up of games)\b",
        ),
        (2, r"\b(?:que|cuales|hay) (?:partidos|juegos)\b|\bquien juega\b|\bproximo partido\b|\bcalendario\b"),
        (2, r"\b(?:que|quais|tem|ha) (?:jogos|partidas)\b|\bquem joga\b|\bproximo jogo\b|\btem jogo\b"),
        (1, r"\b(?:matches|games|partidos|jogos|partidas|play|plays|playing|juega|juegan|joga|jogam)\b"),
    ),
    "tournament_info": (
        (3, r"\b(?:which|what) (?:teams|clubs|sides) (?:play|are|compete|take part)\b"),
        (
            3,
            r"\b(?:que|cuales|quais) (?:equipos|clubes|times|equipes) (?:juegan|hay|estan|participan|jogam|tem|estao)\b",
        ),
        (3, r"\b(?:what|which) (?:competitions|leagues|tournaments|sports|championships)\b"),
        (
            3,
            r"\b(?:que|cuales|quais) (?:competiciones|ligas|torneos|deportes|competicoes|torneios|esportes"
            r"|campeonatos)\b",
        ),
        (
            2,
            r"\b(?:competitions|leagues|tournaments|torneos|torneios|competiciones|competicoes|ligas"
            r"|standings|table|tabla|clasificacion|classificacao|posiciones)\b",
        ),
        (2, r"\bdo you (?:cover|have|offer|support)\b|\b(?:cubren|cubres|ofrecen|tienen|cobrem|oferecem)\b"),
    ),
    "odds_information_query": (
        (3, r"\b(?:odds?|cuotas?|momios?|cotacao|cotacoes|cotizacion|prices?|lines?)\b"),
        (
            3,
            r"\b(?:how much (?:does|do|would|will) (?:a |an |the )?[\w ]{0,25}pay|what (?:does|do) [\w ]{0,25}pay"
            r"|cuanto (?:paga|pagan|se paga|esta pagando)|quanto (?:paga|pagam|esta pagando))\b",
        ),
        (2, r"\b(?:pays?|paying|paga|pagan|pagam)\b"),
        (
            1,
            r"\b(?:moneyline|money line|spread|handicap|over ?/ ?under|btts|both teams to score|double chance"
            r"|half[ -]?time|doble oportunidad|dupla chance|ambos marcan|ambas marcam|1x2)\b",
        ),
    ),
    "team_comparison": (
        (
            3,
            r"\b(?:favou?rites?|compare|comparison|compared|head[ -]to[ -]head|h2h|who is better|who'?s better"
            r"|which (?:team |one |side )?is (?:better|stronger)|better team|stronger)\b",
        ),
        (
            3,
            r"\bwho (?:will|would|is going to|gonna|do you think will) win\b|\bwho do you think (?:wins|will win)\b",
        ),
        (2, r"\bwho wins\b"),
        (
            3,
            r"\b(?:favorit[oa]s?|comparar|comparacion|compara|comparacao|quien es mejor|quem e melhor"
            r"|mejor equipo|melhor time|cara a cara|confronto direto)\b",
        ),
        (3, r"\b(?:quien (?:va a )?ganar?a?|quien gana|quem (?:vai )?ganhar?a?|quem ganha)\b"),
        (1, r"\b(?:form|forma|stats|statistics|estadisticas|estatisticas)\b"),
    ),
    "betting_recommendation": (
        (
            3,
            r"\b(?:should i bet|what (?:should|do you think) i (?:bet|back)|recommend\w*|suggest\w*|advice|advise"
            r"|tips?|best bets?|safest bets?|safe bets?|value bets?|good bets?|smart bets?|what to bet|where (?:should i|to)"
            r" (?:put|bet)|which bets?|sure (?:bet|win|thing)|predictions?|picks? (?:for|of))\b",
        ),
        (
            3,
            r"\b(?:most (?:competitive|even|balanced|likely)|closest (?:game|match)|(?:lowest|highest|best|shortest)"
            r" odds?|mas (?:igualado|parejo|reñido|renido|competitivo)|cuota mas (?:baja|alta)|mejores cuotas"
            r"|mais (?:equilibrad[oa]|disputad[oa]|competitiv[oa])|menor odd|maior odd|melhores odds)\b",
        ),
        (
            3,
            r"\b(?:recomienda\w*|recomendacion\w*|recomendar|recomiendas|sugiere\w*|sugerencia\w*|consejos?"
            r"|(?:en )?que (?:deberia|debo) apostar|mejor apuesta|apuesta (?:mas )?segura|pronosticos?|a que le apuesto)\b",
        ),
        (
            3,
            r"\b(?:recomenda\w*|sugere\w*|sugestao|sugestoes|dicas?|conselhos?|(?:em )?que (?:devo|deveria) apostar"
            r"|melhor aposta|aposta (?:mais )?segura|palpites?)\b",
        ),
    ),
    "bet_simulation": (
        (
            4,
            r"\b(?:simulat\w*|simul[ae]\w*|if i (?:bet|put|wager|stake|place|play|risk|back)"
            r"|what if i|si (?:apuesto|apostara|apostase|pongo|pusiera|juego|meto|le meto|le pongo)"
            r"|se (?:eu )?(?:apostar|aposto|apostasse|colocar|coloco|botar|jogar))\b",
        ),
        (
            3,
            r"\b(?:(?:what|how much) (?:would|will|could|do|can) i (?:win|get|make|earn|receive|collect)"
            r"|potential (?:win|winnings|payout|return|profit)s?|payout|possible win\w*"
            r"|cuanto (?:ganaria|gano|ganare|me (?:daria|darian|pagarian|pagaria|tocaria))"
            r"|quanto (?:eu )?(?:ganharia|ganho|vou ganhar|receberia|recebo|levo))\b",
        ),
        (1, r"\b(?:returns?|retorno|ganancia|ganho|would pay)\b"),
    ),
    "place_bet": (
        (3, r"\b(?:place|make|book|put in) (?:a |an |the |my |this |that )?(?:\w+ )?bets?\b"),
        (
            3,
            r"\b(?:bet|wager|stake|put|back|place) (?:\$|€|£|r\$|us\$)?\s?\d+(?:[.,]\d+)?\s?\w{0,8} (?:on|in)\b",
        ),
        (
            3,
            r"(?:^|[.!?:;])\W*(?:(?:ok(?:ay)?|fine|alright|actually|then|so|yes|now|just|please|great)\W+)*"
            r"(?:bet|wager|stake|put|back|place)\b",
        ),
        (
            3,
            r"\b(?:i (?:want|wanna|would like|'d like|d like) to (?:bet|wager|put|place|back)|let'?s bet|i'?ll bet"
            r"|put (?:everything|it all|all|all of it|my)|go all in|all[ -]in)\b",
        ),
        (
            3,
            r"\b(?:(?:quiero|quisiera|voy a) (?:apostar|poner|meter|jugar)|apuesta(?:me|le)? (?:\d+|\$|por|al|a)|apostar \d+"
            r"|(?:haz|hazme|realiza|coloca|pon|ponme|mete|metele|hacer) (?:una |la )?apuesta|ponle|pon \d+)\b",
        ),
        (
            3,
            r"\b(?:(?:quero|queria|vou) (?:apostar|colocar|botar|por|jogar)|aposte|aposta \d+|apostar \d+"
            r"|(?:faz|faca|fazer|coloca|colocar|coloque|bota|bote) (?:uma |a )?aposta|bota \d+|coloca \d+)\b",
        ),
    ),
    "user_balance_query": (
        (
            3,
            r"\b(?:balance|how much (?:money )?(?:do i have|have i got|is (?:in|on) my account|i have left|is left)"
            r"|saldo|cuanto (?:dinero |plata )?(?:tengo|me queda)|quanto (?:dinheiro )?(?:eu )?(?:tenho|me resta))\b",
        ),
        (
            2,
            r"\b(?:my (?:account|funds|wallet|money)|funds|mi cuenta|mis fondos|minha conta|meus fundos|cartera"
            r"|carteira)\b",
        ),
    ),
    "general_betting_info": (
        (
            3,
            rf"\b(?:what(?: does| do| is|'s| are) (?:an? |the )?{_TERMS}{_END}"
            rf"|what (?:does|do) .{{1,40}} mean|meaning of|definition of|define|explain (?:me )?(?:what )?"
            rf"|how (?:do|does) (?:an? |the )?{_TERMS} work|how to read (?:the )?odds)\b",
        ),
        (
            3,
            rf"\b(?:que (?:significa|quiere decir)|que (?:es|son) (?:una?|el|la|los|las)? ?{_TERMS}{_END}"
            rf"|como funcionan? (?:las?|los?|el|una?)? ?{_TERMS}|explica(?:me)?)\b",
        ),
        (
            3,
            rf"\b(?:o que (?:significa|quer dizer)|o que (?:e|sao) (?:uma?|o|a|os|as)? ?{_TERMS}{_END}"
            rf"|como funcionam? (?:as?|os?|uma?)? ?{_TERMS}|explica|me explica)\b",
        ),
    ),
    "general_sports_query": (
        (
            3,
            r"\b(?:who won|who has won|who holds|how long (?:is|does|are|do)|how many (?:players|minutes|quarters"
            r"|periods|halves|sets|innings|times|titles|goals did)|rules? of|what are the rules)\b",
        ),
        (
            3,
            r"\b(?:quien gano|quien ha ganado|cuanto dura|cuantos (?:jugadores|minutos|cuartos|tiempos|titulos)"
            r"|reglas|quem ganhou|quanto tempo dura|quanto dura|quantos (?:jogadores|minutos|quartos|tempos"
            r"|titulos)|regras)\b",
        ),
        (
            2,
            r"\b(?:world cup|olympics|ballon d'?or|mvp|top scorer|record|history|offside|mundial|copa del mundo"
            r"|balon de oro|maximo goleador|goleador|fuera de juego|copa do mundo|bola de ouro|artilheiro"
            r"|impedimento|historia)\b",
        ),
    ),
}

COMPILED: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple(
    (intent, weight, re.compile(pattern)) for intent, cues in _CUES.items() for weight, pattern in cues
)


def score_intents(folded: str) -> dict[str, float]:
    best: dict[str, int] = {}
    extra: dict[str, int] = {}
    for intent, weight, pattern in COMPILED:
        if pattern.search(folded):
            if intent in best:
                extra[intent] = extra.get(intent, 0) + 1
                best[intent] = max(best[intent], weight)
            else:
                best[intent] = weight
    return {intent: weight + 0.25 * extra.get(intent, 0) for intent, weight in best.items()}


def ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    order = {intent: position for position, intent in enumerate(PRIORITY)}
    return sorted(scores.items(), key=lambda item: (-item[1], order.get(item[0], 99)))
