"""Everyday words in en/es/pt that are never read as a misspelt or unknown team name.

The list is general vocabulary plus every word the understanding rules themselves look for
(taken from their patterns), so "matches" never becomes a typo of some club called "Matches".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BASE = """
a about above after again against all almost also always am an and another any anyone anything are
around as ask asked at available away back bad be because been before being best better between big
both but buy by call can cannot could day days did do does doing done down each either else enough
even ever every everything exactly far few find first for from full game games gave get give given
go going gonna good got great had half happen has have having he hello her here him his how however
i if in into is it its just keep kind know last later least left less let like likely little long
look looking looks lot lots love made make many match matches may maybe me mean meant mind mine more
most much must my myself need never new next nice no none nor not nothing now of off often ok okay on
once one only or other others our out over own people perhaps place play played player players please
plus point points pretty probably put quite rather really right same say see seem seems she should
show since so some someone something soon sorry start still such sure take tell than thank thanks that
the their them then there these they thing things think this those though through time times to today
together tomorrow tonight too top try two under until up upon us use very want wanted was way we week
weekend well were what whatever when where whether which while who whole why will win with without
won word would yeah year years yes yet you your yours team teams club clubs league cup world final
finals season round group stage leg goal goals score scored scores player coach manager stadium home
away fan fans odds bet bets betting wager stake money cash account balance dollars euros reais pesos
bucks quid pounds spend spent deposit withdraw winnings profit payout parlay accumulator combo lineup
injury injured news result results table standings ranking instead actually fine then first second
third latter former everything nothing anything someone really basically seriously honestly
january february march april june july august september october november december monday tuesday
wednesday thursday friday saturday sunday morning afternoon evening night tonight
el la los las un una unos unas de del al y o u que quien quienes cual cuales como cuando donde cuanto
cuanta cuantos cuantas por para con sin sobre entre hasta desde hacia es son fue era ser estar esta
este esto estos estas ese esa eso esos esas aqui alli hay tengo tienes tiene tenemos tienen quiero
quieres puedo puedes puede podemos mi mis tu tus su sus me te se nos le les lo muy mas menos tambien
pero porque pues entonces ahora hoy manana ayer semana fin mes ano dia dias noche tarde bueno buena
buenos buenas malo mejor peor gracias hola partido partidos juego juegos equipo equipos liga copa gol
goles apuesta apuestas apostar apuesto dinero plata saldo cuenta cuota cuotas ganar gana ganador
empate perder perdi todo nada algo alguien siempre nunca otro otra otros otras primero primera segundo
segunda tercero ultimo ultima proximo proxima favor claro vale listo dale solo ya aun todavia
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes
miercoles jueves viernes sabado domingo
o os as um uma uns umas do da dos das no na nos nas e ou que quem qual quais como quando onde quanto
quanta quantos quantas por para com sem sobre entre ate desde e sao foi era ser estar esta este isto
esse essa isso aquele aquela tem temos tenho quero pode posso podemos meu minha meus minhas seu sua
voce voces ele ela eles elas muito mais menos tambem mas porque entao agora hoje amanha ontem semana
mes ano dia dias noite tarde bom boa bons boas melhor pior obrigado obrigada ola oi jogo jogos time
times equipe equipes campeonato gol gols aposta apostas apostar aposto dinheiro saldo conta odd odds
ganhar ganha vencedor empate perder perdi tudo nada algo alguem sempre nunca outro outra outros outras
primeiro primeira segundo segunda terceiro ultimo ultima proximo proxima sim nao claro certo beleza
janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro segunda terca quarta
quinta sexta sabado domingo feira
"""


def build_common_words(patterns: Iterable[str]) -> frozenset[str]:
    words = set(_BASE.split())
    for pattern in patterns:
        words.update(re.findall(r"[a-z]{3,}", pattern))
    return frozenset(words)
