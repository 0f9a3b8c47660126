"""Seed content for the assistant's knowledge base: short help articles in English, Spanish and Portuguese.

Each topic has one slug and one article per language. Tags carry the odds API's market keys
("1x2", "over_under", ...) so a market can be explained from its key. Pure data, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["en", "es", "pt"]
LANGUAGES: tuple[Language, ...] = ("en", "es", "pt")


@dataclass(frozen=True, slots=True)
class SeedArticle:
    slug: str
    language: Language
    title: str
    body: str
    tags: tuple[str, ...]


def _topic(
    slug: str,
    tags: tuple[str, ...],
    *,
    en: tuple[str, str],
    es: tuple[str, str],
    pt: tuple[str, str],
) -> tuple[SeedArticle, ...]:
    texts = {"en": en, "es": es, "pt": pt}
    return tuple(
        SeedArticle(
            slug=slug, language=language, title=texts[language][0], body=texts[language][1].strip(), tags=tags
        )
        for language in LANGUAGES
    )


_ODDS_FORMATS: tuple[SeedArticle, ...] = (
    *_topic(
        "decimal-odds",
        ("odds_format", "decimal"),
        en=(
            "Decimal odds",
            """
Decimal odds show the **total return for each 1 unit staked**, including your stake.

- Odds **2.50** with a stake of 10 return **25** if the bet wins: 15 profit plus your 10 back.
- Odds **1.40** with a stake of 10 return 14: a profit of 4.

The formula is simple: **return = stake × odds** and **profit = return − stake**. Lower odds mean the
bookmaker sees the outcome as more likely; higher odds mean less likely. Odds of 2.00 mean roughly a
50% chance before the bookmaker's margin. ChatBet shows decimal odds by default and can also show
fractional or American odds if you ask.
""",
        ),
        es=(
            "Cuotas decimales",
            """
Las cuotas decimales muestran el **retorno total por cada unidad apostada**, incluida tu apuesta.

- Con cuota **2.50** y 10 apostados recibes **25** si aciertas: 15 de ganancia más tus 10.
- Con cuota **1.40** y 10 apostados recibes 14: una ganancia de 4.

La fórmula es sencilla: **retorno = importe × cuota** y **ganancia = retorno − importe**. Una cuota baja
indica que la casa ve el resultado como más probable; una alta, menos probable. Una cuota de 2.00
equivale a cerca de un 50% antes del margen de la casa. ChatBet usa cuotas decimales por defecto y
también puede mostrarlas en formato fraccionario o americano si lo pides.
""",
        ),
        pt=(
            "Odds decimais",
            """
As odds decimais mostram o **retorno total para cada unidade apostada**, incluindo o valor apostado.

- Com odd **2.50** e 10 apostados você recebe **25** se ganhar: 15 de lucro mais os seus 10.
- Com odd **1.40** e 10 apostados você recebe 14: um lucro de 4.

A fórmula é simples: **retorno = valor × odd** e **lucro = retorno − valor**. Odds baixas indicam que a
casa vê o resultado como mais provável; odds altas, menos provável. Uma odd de 2.00 equivale a cerca
de 50% antes da margem da casa. O ChatBet usa odds decimais por padrão e também pode mostrá-las em
formato fracionário ou americano se você pedir.
""",
        ),
    ),
    *_topic(
        "fractional-odds",
        ("odds_format", "fractional"),
        en=(
            "Fractional odds",
            """
Fractional odds, common in the UK and Ireland, show the **profit relative to the stake**.

- **5/2** means you win 5 for every 2 staked: a stake of 10 returns **35** (25 profit plus your 10).
  In decimal that is **3.50**.
- **1/2** ("odds-on") means you win 1 for every 2 staked; decimal **1.50**.
- **1/1** is called **evens**; decimal **2.00**.

To convert: **decimal = numerator ÷ denominator + 1**. Bookmakers round fractional prices to a
familiar ladder (4/5, 10/11, 11/10, 6/4...), so a fraction shown by ChatBet can be slightly rounded;
calculations always use the exact decimal price.
""",
        ),
        es=(
            "Cuotas fraccionarias",
            """
Las cuotas fraccionarias, habituales en Reino Unido e Irlanda, muestran la **ganancia en relación con
lo apostado**.

- **5/2** significa que ganas 5 por cada 2 apostados: con 10 recibes **35** (25 de ganancia más tus 10).
  En decimal es **3.50**.
- **1/2** significa que ganas 1 por cada 2 apostados; en decimal **1.50**.
- **1/1** se llama **evens** (a la par); en decimal **2.00**.

Para convertir: **decimal = numerador ÷ denominador + 1**. Las casas redondean las fracciones a valores
habituales (4/5, 10/11, 11/10, 6/4...), así que una fracción mostrada por ChatBet puede estar
ligeramente redondeada; los cálculos siempre usan la cuota decimal exacta.
""",
        ),
        pt=(
            "Odds fracionárias",
            """
As odds fracionárias, comuns no Reino Unido e na Irlanda, mostram o **lucro em relação ao valor
apostado**.

- **5/2** significa ganhar 5 para cada 2 apostados: com 10 você recebe **35** (25 de lucro mais os seus 10).
  Em decimal é **3.50**.
- **1/2** significa ganhar 1 para cada 2 apostados; em decimal **1.50**.
- **1/1** é chamada de **evens**; em decimal **2.00**.

Para converter: **decimal = numerador ÷ denominador + 1**. As casas arredondam as frações para valores
habituais (4/5, 10/11, 11/10, 6/4...), então uma fração mostrada pelo ChatBet pode estar levemente
arredondada; os cálculos sempre usam a odd decimal exata.
""",
        ),
    ),
    *_topic(
        "american-odds",
        ("odds_format", "american", "moneyline"),
        en=(
            "American odds",
            """
American (moneyline) odds are common in the US and use a **plus or minus sign** around 100.

- **+150**: a stake of 100 makes a profit of **150**. Decimal **2.50**.
- **−200**: you must stake **200** to make a profit of 100. Decimal **1.50**.
- **+100** is even money, decimal **2.00**.

Converting: for a plus price, **decimal = 1 + odds ÷ 100**; for a minus price,
**decimal = 1 + 100 ÷ |odds|**. A minus sign marks the favourite, a plus sign the underdog. ChatBet
rounds American odds to whole numbers for display, while every calculation uses the exact decimal
price.
""",
        ),
        es=(
            "Cuotas americanas",
            """
Las cuotas americanas (moneyline) son habituales en Estados Unidos y usan un **signo más o menos**
alrededor de 100.

- **+150**: apostando 100 obtienes **150** de ganancia. En decimal, **2.50**.
- **−200**: debes apostar **200** para ganar 100. En decimal, **1.50**.
- **+100** equivale a la par, decimal **2.00**.

Conversión: con signo más, **decimal = 1 + cuota ÷ 100**; con signo menos,
**decimal = 1 + 100 ÷ |cuota|**. El signo menos indica al favorito y el más al no favorito. ChatBet
redondea las cuotas americanas a números enteros al mostrarlas, pero todos los cálculos usan la cuota
decimal exacta.
""",
        ),
        pt=(
            "Odds americanas",
            """
As odds americanas (moneyline) são comuns nos Estados Unidos e usam um **sinal de mais ou de menos**
em torno de 100.

- **+150**: apostando 100 você tem **150** de lucro. Em decimal, **2.50**.
- **−200**: você precisa apostar **200** para lucrar 100. Em decimal, **1.50**.
- **+100** equivale a evens, decimal **2.00**.

Conversão: com sinal de mais, **decimal = 1 + odd ÷ 100**; com sinal de menos,
**decimal = 1 + 100 ÷ |odd|**. O sinal de menos indica o favorito e o de mais o azarão. O ChatBet
arredonda as odds americanas para números inteiros na exibição, mas todos os cálculos usam a odd
decimal exata.
""",
        ),
    ),
    *_topic(
        "implied-probability",
        ("odds_format", "probability"),
        en=(
            "Implied probability",
            """
Every price hides a probability. For decimal odds, **implied probability = 1 ÷ odds**.

- Odds 2.00 → 50%
- Odds 4.00 → 25%
- Odds 1.25 → 80%

This is the bookmaker's view **plus its margin**, so the implied probabilities of all outcomes in a
market add up to more than 100%. Removing the margin gives a "fair" estimate. Implied probability is
not a prediction of what will happen: an outcome priced at 80% still fails one time in five. ChatBet
uses these numbers to explain how the market sees a match, never to promise a result.
""",
        ),
        es=(
            "Probabilidad implícita",
            """
Cada cuota esconde una probabilidad. En cuotas decimales, **probabilidad implícita = 1 ÷ cuota**.

- Cuota 2.00 → 50%
- Cuota 4.00 → 25%
- Cuota 1.25 → 80%

Es la visión de la casa **más su margen**, por eso las probabilidades implícitas de todos los
resultados de un mercado suman más del 100%. Al quitar el margen se obtiene una estimación "justa". La
probabilidad implícita no es una predicción: un resultado con un 80% sigue fallando una de cada cinco
veces. ChatBet usa estas cifras para explicar cómo ve el mercado un partido, nunca para prometer un
resultado.
""",
        ),
        pt=(
            "Probabilidade implícita",
            """
Toda odd esconde uma probabilidade. Em odds decimais, **probabilidade implícita = 1 ÷ odd**.

- Odd 2.00 → 50%
- Odd 4.00 → 25%
- Odd 1.25 → 80%

É a visão da casa **mais a sua margem**, por isso as probabilidades implícitas de todos os resultados
de um mercado somam mais de 100%. Tirando a margem chega-se a uma estimativa "justa". A probabilidade
implícita não é uma previsão: um resultado com 80% ainda falha uma em cada cinco vezes. O ChatBet usa
esses números para explicar como o mercado vê uma partida, nunca para prometer um resultado.
""",
        ),
    ),
    *_topic(
        "bookmaker-margin",
        ("odds_format", "probability", "margin"),
        en=(
            "Bookmaker margin (overround)",
            """
Bookmakers build a margin into their prices, also called the **overround** or **vig**.

Add up the implied probabilities of every outcome in a market (1 ÷ odds for each) and subtract 100%.
For a match priced **2.10 / 3.40 / 3.50**: 47.6% + 29.4% + 28.6% = 105.6%, so the margin is about
**5.6%**.

What it means for you:
- Over many bets, the margin works against the bettor.
- Lower margins mean better value for the same outcome.
- ChatBet can show the margin of a market and the "fair" probabilities with the margin removed
  (each implied probability divided by the total).
""",
        ),
        es=(
            "Margen de la casa (overround)",
            """
Las casas incluyen un margen en sus cuotas, también llamado **overround** o **vig**.

Suma las probabilidades implícitas de todos los resultados de un mercado (1 ÷ cuota en cada uno) y
resta 100%. Para un partido con cuotas **2.10 / 3.40 / 3.50**: 47,6% + 29,4% + 28,6% = 105,6%, así
que el margen es de aproximadamente **5,6%**.

Qué significa para ti:
- A lo largo de muchas apuestas, el margen juega en tu contra.
- Un margen menor significa mejor valor por el mismo resultado.
- ChatBet puede mostrarte el margen de un mercado y las probabilidades "justas" sin margen (cada
  probabilidad implícita dividida por el total).
""",
        ),
        pt=(
            "Margem da casa (overround)",
            """
As casas embutem uma margem nas odds, também chamada de **overround** ou **vig**.

Some as probabilidades implícitas de todos os resultados de um mercado (1 ÷ odd de cada um) e subtraia
100%. Para uma partida com odds **2.10 / 3.40 / 3.50**: 47,6% + 29,4% + 28,6% = 105,6%, então a
margem é de cerca de **5,6%**.

O que isso significa para você:
- Ao longo de muitas apostas, a margem joga contra o apostador.
- Margem menor significa mais valor pelo mesmo resultado.
- O ChatBet pode mostrar a margem de um mercado e as probabilidades "justas" sem a margem (cada
  probabilidade implícita dividida pelo total).
""",
        ),
    ),
)

_MARKETS: tuple[SeedArticle, ...] = (
    *_topic(
        "match-result-1x2",
        ("markets", "1x2", "result", "football"),
        en=(
            "Match result (1X2)",
            """
The **1X2** market is a bet on the result of a match after regular time:

- **1** – the home team wins
- **X** – a draw
- **2** – the away team wins

Regular time means 90 minutes plus stoppage time; **extra time and penalties do not count** unless the
market says so. Because there are three outcomes, even a clear favourite rarely has odds far below
1.30. Example: Barcelona 2.10, Draw 3.40, Real Madrid 3.50. In ChatBet's odds data this market appears
as the match result, with home, draw ("tie") and away prices.
""",
        ),
        es=(
            "Resultado del partido (1X2)",
            """
El mercado **1X2** es una apuesta al resultado del partido al final del tiempo reglamentario:

- **1** – gana el equipo local
- **X** – empate
- **2** – gana el equipo visitante

El tiempo reglamentario son 90 minutos más el descuento; **la prórroga y los penaltis no cuentan**
salvo que el mercado lo indique. Al haber tres resultados, incluso un claro favorito rara vez tiene
una cuota muy inferior a 1.30. Ejemplo: Barcelona 2.10, Empate 3.40, Real Madrid 3.50. En los datos de
ChatBet este mercado aparece como resultado del partido, con cuotas de local, empate y visitante.
""",
        ),
        pt=(
            "Resultado da partida (1X2)",
            """
O mercado **1X2** é uma aposta no resultado da partida ao fim do tempo regulamentar:

- **1** – vitória do time da casa
- **X** – empate
- **2** – vitória do time visitante

O tempo regulamentar são 90 minutos mais os acréscimos; **prorrogação e pênaltis não contam**, a
menos que o mercado diga o contrário. Como há três resultados, mesmo um favorito claro raramente tem
odd muito abaixo de 1.30. Exemplo: Barcelona 2.10, Empate 3.40, Real Madrid 3.50. Nos dados do ChatBet
este mercado aparece como resultado da partida, com odds de casa, empate e visitante.
""",
        ),
    ),
    *_topic(
        "double-chance",
        ("markets", "double_chance", "football"),
        en=(
            "Double chance",
            """
A **double chance** bet covers **two of the three** match results at once:

- **1X** – home win or draw
- **X2** – away win or draw
- **12** – home win or away win (anything but a draw)

Covering two outcomes makes the bet more likely to win, so the odds are **lower** than for either
result alone. For example, if the home team is 2.10 and the draw 3.40, the 1X price might be around
1.34. It suits people who want to back a team while allowing for a draw, but the lower odds also mean
a smaller return. Regular time only.
""",
        ),
        es=(
            "Doble oportunidad",
            """
La **doble oportunidad** cubre **dos de los tres** resultados del partido a la vez:

- **1X** – gana el local o empate
- **X2** – gana el visitante o empate
- **12** – gana cualquiera de los dos (todo menos el empate)

Al cubrir dos resultados la apuesta tiene más probabilidades de acertarse, así que la cuota es
**menor** que la de cada resultado por separado. Por ejemplo, si el local paga 2.10 y el empate 3.40,
el 1X puede rondar 1.34. Sirve para apoyar a un equipo contemplando el empate, pero con un retorno
menor. Solo cuenta el tiempo reglamentario.
""",
        ),
        pt=(
            "Dupla chance",
            """
A **dupla chance** cobre **dois dos três** resultados da partida ao mesmo tempo:

- **1X** – vitória da casa ou empate
- **X2** – vitória do visitante ou empate
- **12** – vitória de qualquer um dos dois (tudo menos empate)

Como cobre dois resultados, a aposta tem mais chance de ganhar, por isso a odd é **menor** do que a
de cada resultado sozinho. Por exemplo, se a casa paga 2.10 e o empate 3.40, o 1X pode ficar perto de
1.34. Serve para apoiar um time admitindo o empate, mas com retorno menor. Vale apenas o tempo
regulamentar.
""",
        ),
    ),
    *_topic(
        "both-teams-to-score",
        ("markets", "both_teams_to_score", "football"),
        en=(
            "Both teams to score (BTTS)",
            """
**Both teams to score** asks one question: will **each team score at least one goal**?

- **Yes** wins if the final score is 1-1, 2-1, 3-2 and so on.
- **No** wins if at least one team fails to score: 0-0, 1-0, 3-0...

The winner of the match does not matter, only whether both teams find the net. Own goals count for
the team credited with the goal. The market is settled on regular time. Example prices: Yes 1.65,
No 2.15. Attacking teams with weak defences tend to push "Yes" shorter, but nothing about a single
match is certain.
""",
        ),
        es=(
            "Ambos equipos marcan",
            """
**Ambos equipos marcan** plantea una sola pregunta: ¿**cada equipo marcará al menos un gol**?

- **Sí** gana si el resultado final es 1-1, 2-1, 3-2, etc.
- **No** gana si al menos un equipo no marca: 0-0, 1-0, 3-0...

No importa quién gane el partido, solo que los dos equipos marquen. Los goles en propia puerta
cuentan para el equipo al que se le asigna el gol. Se liquida con el tiempo reglamentario. Cuotas de
ejemplo: Sí 1.65, No 2.15. Equipos ofensivos con defensas débiles suelen bajar la cuota del "Sí",
pero nada en un partido concreto es seguro.
""",
        ),
        pt=(
            "Ambas as equipes marcam",
            """
**Ambas marcam** faz uma única pergunta: **cada time vai marcar pelo menos um gol**?

- **Sim** ganha se o placar final for 1-1, 2-1, 3-2 etc.
- **Não** ganha se pelo menos um time não marcar: 0-0, 1-0, 3-0...

Não importa quem vence a partida, só se os dois times marcam. Gols contra contam para o time ao qual
o gol é atribuído. O mercado é liquidado no tempo regulamentar. Odds de exemplo: Sim 1.65, Não 2.15.
Times ofensivos com defesas frágeis costumam ter o "Sim" mais baixo, mas nada numa partida é
garantido.
""",
        ),
    ),
    *_topic(
        "over-under",
        ("markets", "over_under", "totals", "football"),
        en=(
            "Over/under (totals)",
            """
An **over/under** bet is on the **total number of goals** (or points) in a match compared with a line.

- **Over 2.5** wins with 3 or more goals; **Under 2.5** wins with 2 or fewer.
- Half-goal lines (1.5, 2.5, 3.5) always produce a winner and a loser.
- On whole-number lines (for example 2.0), an exact total usually means the stake is **returned**
  (a "push"). Quarter lines such as 2.25 split the stake between two lines.

Both teams' goals count, in regular time only. ChatBet shows the main line, normally the one where
over and under are priced closest to each other, for example Over 2.5 at 1.78 and Under 2.5 at 2.02.
""",
        ),
        es=(
            "Más/menos (totales)",
            """
Una apuesta de **más/menos** (over/under) se basa en el **total de goles** (o puntos) del partido
frente a una línea.

- **Más de 2.5** gana con 3 goles o más; **Menos de 2.5** gana con 2 o menos.
- Las líneas de medio gol (1.5, 2.5, 3.5) siempre tienen un ganador y un perdedor.
- En líneas enteras (por ejemplo 2.0), si el total coincide se suele **devolver** el importe.
  Las líneas de cuarto, como 2.25, reparten el importe entre dos líneas.

Cuentan los goles de ambos equipos, solo en tiempo reglamentario. ChatBet muestra la línea principal,
normalmente aquella en la que las dos cuotas están más parejas, por ejemplo Más de 2.5 a 1.78 y Menos
de 2.5 a 2.02.
""",
        ),
        pt=(
            "Mais/menos (over/under)",
            """
Uma aposta de **mais/menos** (over/under) é sobre o **total de gols** (ou pontos) da partida em
relação a uma linha.

- **Mais de 2.5** ganha com 3 gols ou mais; **Menos de 2.5** ganha com 2 ou menos.
- Linhas de meio gol (1.5, 2.5, 3.5) sempre têm um vencedor e um perdedor.
- Em linhas inteiras (por exemplo 2.0), se o total for exato o valor costuma ser **devolvido**.
  Linhas de quarto, como 2.25, dividem o valor entre duas linhas.

Contam os gols dos dois times, apenas no tempo regulamentar. O ChatBet mostra a linha principal,
normalmente aquela em que as duas odds estão mais próximas, por exemplo Mais de 2.5 a 1.78 e Menos de
2.5 a 2.02.
""",
        ),
    ),
    *_topic(
        "handicap",
        ("markets", "handicap", "spread", "football", "basketball"),
        en=(
            "Handicap and spread",
            """
A **handicap** (called the **spread** in US sports) gives one team a virtual head start to balance an
uneven match. The handicap is added to that team's score at the end.

- **Barcelona −1** wins only if Barcelona win by **2 or more** goals.
- **Real Madrid +1** wins if Real Madrid win or draw; a one-goal defeat depends on the type:

**European handicap** has three outcomes, including a "handicap draw" (Barcelona winning by exactly
one). **Asian handicap** removes the draw: with whole lines an exact result returns the stake, and
quarter lines (−0.75) split it. In basketball, a spread of −5.5 means winning by 6 or more.
""",
        ),
        es=(
            "Hándicap",
            """
El **hándicap** (en deportes de EE. UU., **spread**) da a un equipo una ventaja virtual para
equilibrar un partido desigual. Se suma al marcador de ese equipo al final.

- **Barcelona −1** gana solo si el Barcelona vence por **2 goles o más**.
- **Real Madrid +1** gana si el Real Madrid gana o empata; si pierde por un gol depende del tipo:

El **hándicap europeo** tiene tres resultados, incluido el "empate con hándicap" (Barcelona gana por
exactamente un gol). El **hándicap asiático** elimina el empate: en líneas enteras un resultado exacto
devuelve el importe y las líneas de cuarto (−0.75) lo dividen. En baloncesto, un spread de −5.5
significa ganar por 6 o más.
""",
        ),
        pt=(
            "Handicap",
            """
O **handicap** (nos esportes americanos, **spread**) dá a um time uma vantagem virtual para equilibrar
uma partida desigual. Ele é somado ao placar desse time no final.

- **Barcelona −1** só ganha se o Barcelona vencer por **2 gols ou mais**.
- **Real Madrid +1** ganha se o Real Madrid vencer ou empatar; perder por um gol depende do tipo:

O **handicap europeu** tem três resultados, incluindo o "empate no handicap" (Barcelona vence por
exatamente um gol). O **handicap asiático** elimina o empate: em linhas inteiras um resultado exato
devolve o valor e as linhas de quarto (−0.75) o dividem. No basquete, um spread de −5.5 significa
vencer por 6 ou mais.
""",
        ),
    ),
    *_topic(
        "half-time-result",
        ("markets", "half_time_result", "football"),
        en=(
            "Half-time result",
            """
The **half-time result** market works like 1X2 but is settled on the score **at the end of the first
half**, not the full match.

- **Home** – the home team leads at half-time
- **Draw** – the score is level at half-time (0-0 counts)
- **Away** – the away team leads at half-time

Draws are much more common at half-time than at full time, so the draw is usually priced shorter here
(for example 2.20 instead of 3.40). What happens in the second half has no effect on this bet. The
first half includes its stoppage time.
""",
        ),
        es=(
            "Resultado al descanso",
            """
El mercado de **resultado al descanso** funciona como el 1X2, pero se liquida con el marcador **al
final de la primera parte**, no del partido completo.

- **Local** – el local va ganando al descanso
- **Empate** – el marcador está igualado al descanso (el 0-0 cuenta)
- **Visitante** – el visitante va ganando al descanso

Los empates son mucho más frecuentes al descanso que al final, por eso aquí el empate suele tener una
cuota más baja (por ejemplo 2.20 en lugar de 3.40). Lo que ocurra en la segunda parte no afecta a esta
apuesta. La primera parte incluye su tiempo de descuento.
""",
        ),
        pt=(
            "Resultado do intervalo",
            """
O mercado de **resultado do intervalo** funciona como o 1X2, mas é liquidado com o placar **no fim do
primeiro tempo**, não da partida inteira.

- **Casa** – o time da casa vence no intervalo
- **Empate** – o placar está igual no intervalo (0-0 conta)
- **Visitante** – o visitante vence no intervalo

Empates são bem mais frequentes no intervalo do que no fim, por isso aqui o empate costuma ter odd
mais baixa (por exemplo 2.20 em vez de 3.40). O que acontece no segundo tempo não afeta esta aposta.
O primeiro tempo inclui os seus acréscimos.
""",
        ),
    ),
    *_topic(
        "draw-no-bet",
        ("markets", "draw_no_bet", "football"),
        en=(
            "Draw no bet",
            """
**Draw no bet** lets you back a team to win, with the **stake returned if the match ends in a draw**.

- Your team wins → you are paid at the draw-no-bet odds.
- Draw → your stake comes back, no profit and no loss.
- Your team loses → the stake is lost.

Because the draw is removed as a losing outcome, the odds are **lower** than the plain 1X2 price for
the same team (for example 1.55 instead of 2.10). It is similar to an Asian handicap of 0. Regular time
only. Not every match offers this market.
""",
        ),
        es=(
            "Empate no válido (draw no bet)",
            """
**Empate no válido** te permite apostar a que un equipo gana, con **devolución del importe si el
partido termina en empate**.

- Tu equipo gana → cobras a la cuota de empate no válido.
- Empate → recuperas tu importe, sin ganancia ni pérdida.
- Tu equipo pierde → pierdes el importe.

Como el empate deja de ser un resultado perdedor, la cuota es **menor** que la del 1X2 para el mismo
equipo (por ejemplo 1.55 en lugar de 2.10). Es equivalente a un hándicap asiático de 0. Solo tiempo
reglamentario. No todos los partidos ofrecen este mercado.
""",
        ),
        pt=(
            "Empate anula aposta",
            """
**Empate anula aposta** permite apostar na vitória de um time, com **devolução do valor se a partida
terminar empatada**.

- Seu time vence → você recebe pela odd do empate anula.
- Empate → o valor apostado volta, sem lucro nem prejuízo.
- Seu time perde → o valor é perdido.

Como o empate deixa de ser um resultado perdedor, a odd é **menor** que a do 1X2 para o mesmo time
(por exemplo 1.55 em vez de 2.10). Equivale a um handicap asiático 0. Vale só o tempo regulamentar.
Nem toda partida oferece este mercado.
""",
        ),
    ),
    *_topic(
        "moneyline",
        ("markets", "moneyline", "basketball", "win"),
        en=(
            "Moneyline (basketball)",
            """
The **moneyline** is the simplest basketball bet: **which team wins the game**.

- There is **no draw**: if the game is tied after regulation, **overtime counts** and is played until
  there is a winner.
- The favourite has lower odds (for example 1.45 or −222 in American format), the underdog higher
  (for example 2.75 or +175).

If you want a closer contest with similar odds on both sides, look at the **spread** (handicap)
instead, where the favourite has to win by a set number of points. In ChatBet the basketball moneyline
appears as the winner market.
""",
        ),
        es=(
            "Moneyline (baloncesto)",
            """
El **moneyline** es la apuesta más sencilla del baloncesto: **qué equipo gana el partido**.

- **No hay empate**: si el partido termina igualado, **la prórroga cuenta** y se juega hasta que haya
  un ganador.
- El favorito tiene cuota más baja (por ejemplo 1.45, o −222 en formato americano) y el no favorito
  más alta (por ejemplo 2.75, o +175).

Si prefieres cuotas parecidas en ambos lados, mira el **spread** (hándicap), donde el favorito debe
ganar por un número determinado de puntos. En ChatBet el moneyline de baloncesto aparece como el
mercado de ganador.
""",
        ),
        pt=(
            "Moneyline (basquete)",
            """
O **moneyline** é a aposta mais simples do basquete: **qual time vence o jogo**.

- **Não existe empate**: se o jogo terminar igual no tempo normal, **a prorrogação conta** e segue até
  haver um vencedor.
- O favorito tem odd mais baixa (por exemplo 1.45, ou −222 no formato americano) e o azarão mais alta
  (por exemplo 2.75, ou +175).

Se quiser odds parecidas dos dois lados, veja o **spread** (handicap), em que o favorito precisa vencer
por um número definido de pontos. No ChatBet o moneyline de basquete aparece como o mercado de
vencedor.
""",
        ),
    ),
)

_BETTING: tuple[SeedArticle, ...] = (
    *_topic(
        "combo-bets",
        ("combo", "accumulator", "parlay", "odds_format"),
        en=(
            "Combos, accumulators and parlays",
            """
A **combo** (accumulator in the UK, parlay in the US) joins several selections into one bet. **Every
leg must win**; if one loses, the whole bet loses.

The odds **multiply**: legs at 2.10 and 1.78 give combo odds of 2.10 × 1.78 = **3.738**, so a stake of
10 returns **37.38**.

The risk compounds the same way. The implied probabilities multiply too (about 48% × 56% ≈ 27%), and
so do the bookmaker's margins, so each extra leg makes the bet less likely to win and usually worse
value. Bigger potential returns come from taking on much more risk. ChatBet shows the combined odds
and return before you confirm.
""",
        ),
        es=(
            "Combinadas (acumuladas, parlays)",
            """
Una **combinada** (acumulada, o parlay en EE. UU.) une varias selecciones en una sola apuesta. **Todas
las selecciones deben acertarse**; si una falla, se pierde toda la apuesta.

Las cuotas **se multiplican**: selecciones a 2.10 y 1.78 dan una cuota combinada de 2.10 × 1.78 =
**3.738**, así que 10 apostados devuelven **37.38**.

El riesgo crece de la misma forma. Las probabilidades implícitas también se multiplican (cerca de
48% × 56% ≈ 27%), igual que los márgenes de la casa: cada selección extra hace la apuesta menos
probable y normalmente de peor valor. Un retorno potencial mayor implica asumir mucho más riesgo.
ChatBet muestra la cuota y el retorno combinados antes de que confirmes.
""",
        ),
        pt=(
            "Apostas múltiplas (combinadas, parlays)",
            """
Uma **múltipla** (combinada, ou parlay nos EUA) junta várias seleções numa só aposta. **Todas as
seleções precisam ganhar**; se uma perder, a aposta inteira é perdida.

As odds **se multiplicam**: seleções a 2.10 e 1.78 dão odd combinada de 2.10 × 1.78 = **3.738**, então
10 apostados retornam **37.38**.

O risco cresce da mesma forma. As probabilidades implícitas também se multiplicam (cerca de
48% × 56% ≈ 27%), assim como as margens da casa: cada seleção extra torna a aposta menos provável e
normalmente de pior valor. Um retorno potencial maior vem de assumir muito mais risco. O ChatBet
mostra a odd e o retorno combinados antes de você confirmar.
""",
        ),
    ),
    *_topic(
        "single-vs-combo",
        ("combo", "single", "bet_types"),
        en=(
            "Single bets vs combos",
            """
A **single** is one selection with one stake: it wins or loses on its own. A **combo** links several
selections and pays only if all of them win.

| | Single | Combo |
|---|---|---|
| Odds | one price | prices multiplied |
| Wins if | the selection wins | every leg wins |
| Risk | lower | grows with each leg |

Singles are easier to understand and track, and one bad result costs only that stake. Combos offer
larger potential returns from a small stake, but lose far more often. If you are unsure, singles with
small stakes are the simpler choice. ChatBet can price both before you decide.
""",
        ),
        es=(
            "Apuesta simple o combinada",
            """
Una **simple** es una sola selección con un importe: se gana o se pierde por sí misma. Una
**combinada** enlaza varias selecciones y solo paga si todas se aciertan.

| | Simple | Combinada |
|---|---|---|
| Cuota | una sola | cuotas multiplicadas |
| Gana si | acierta la selección | aciertan todas |
| Riesgo | menor | crece con cada selección |

Las simples son más fáciles de entender y seguir, y un mal resultado solo cuesta ese importe. Las
combinadas ofrecen retornos potenciales mayores con poco importe, pero se pierden con mucha más
frecuencia. Si tienes dudas, las simples con importes pequeños son la opción más sencilla. ChatBet
puede calcular ambas antes de que decidas.
""",
        ),
        pt=(
            "Aposta simples ou múltipla",
            """
Uma **simples** é uma seleção com um valor: ganha ou perde sozinha. Uma **múltipla** liga várias
seleções e só paga se todas ganharem.

| | Simples | Múltipla |
|---|---|---|
| Odd | uma só | odds multiplicadas |
| Ganha se | a seleção ganhar | todas ganharem |
| Risco | menor | cresce a cada seleção |

As simples são mais fáceis de entender e acompanhar, e um resultado ruim custa só aquele valor. As
múltiplas oferecem retornos potenciais maiores com pouco valor, mas perdem com muito mais frequência.
Se estiver em dúvida, simples com valores pequenos são a opção mais fácil. O ChatBet pode calcular as
duas antes de você decidir.
""",
        ),
    ),
    *_topic(
        "stake-return-profit",
        ("basics", "stake", "return", "profit"),
        en=(
            "Stake, return and profit",
            """
Three words you will see on every bet:

- **Stake** – the amount you bet. It leaves your balance when the bet is placed.
- **Return** (potential win) – what you receive if the bet wins: **stake × odds**. It **includes your
  stake**.
- **Profit** – what you gain on top of your stake: **return − stake**.

Example: 10 at odds 2.10 returns **21.00**, a profit of **11.00**. If the bet loses, you lose the
10 stake and nothing more. ChatBet rounds money to the cent (half up) and always computes from the
exact odds. Note that some sportsbook screens label the full return as "profit"; ChatBet keeps the two
apart.
""",
        ),
        es=(
            "Importe, retorno y ganancia",
            """
Tres palabras que verás en cada apuesta:

- **Importe** (stake) – lo que apuestas. Sale de tu saldo al realizar la apuesta.
- **Retorno** (ganancia potencial) – lo que recibes si aciertas: **importe × cuota**. **Incluye tu
  importe**.
- **Ganancia neta** – lo que ganas además de tu importe: **retorno − importe**.

Ejemplo: 10 a cuota 2.10 devuelve **21.00**, una ganancia neta de **11.00**. Si la apuesta falla,
pierdes los 10 y nada más. ChatBet redondea el dinero al céntimo (mitad hacia arriba) y siempre calcula
con la cuota exacta. Algunas pantallas de casas llaman "ganancia" al retorno total; ChatBet separa los
dos conceptos.
""",
        ),
        pt=(
            "Valor, retorno e lucro",
            """
Três palavras que você verá em toda aposta:

- **Valor apostado** (stake) – quanto você aposta. Sai do seu saldo quando a aposta é feita.
- **Retorno** (ganho potencial) – o que você recebe se ganhar: **valor × odd**. **Inclui o valor
  apostado**.
- **Lucro** – o que você ganha além do valor apostado: **retorno − valor**.

Exemplo: 10 a odd 2.10 retornam **21.00**, um lucro de **11.00**. Se a aposta perder, você perde os
10 e nada mais. O ChatBet arredonda o dinheiro ao centavo (metade para cima) e sempre calcula com a odd
exata. Algumas telas de casas chamam o retorno total de "lucro"; o ChatBet separa os dois conceitos.
""",
        ),
    ),
    *_topic(
        "odds-movement",
        ("odds", "odds_movement", "data"),
        en=(
            'What "the odds moved" means',
            """
Odds are not fixed: bookmakers **change prices** as new information and money arrive. Team news,
injuries, line-ups, weather and the amount bet on each side can all move a price.

- **Odds shortening** (for example 2.40 → 2.10): the outcome is now seen as more likely.
- **Odds drifting** (2.10 → 2.40): it is seen as less likely.

A bet is settled at the odds **accepted when it was placed**, so later moves do not change it. If the
price changes between preparing your bet slip and confirming it, ChatBet shows you the new odds and
asks again. A moving price is not a tip: it reflects the market, not certainty.
""",
        ),
        es=(
            'Qué significa que "la cuota se movió"',
            """
Las cuotas no son fijas: las casas **cambian los precios** a medida que llega información y dinero.
Noticias de los equipos, lesiones, alineaciones, el clima y lo apostado a cada lado pueden moverlas.

- **La cuota baja** (por ejemplo 2.40 → 2.10): el resultado se ve ahora más probable.
- **La cuota sube** (2.10 → 2.40): se ve menos probable.

Una apuesta se liquida a la cuota **aceptada al realizarla**, así que los cambios posteriores no la
afectan. Si el precio cambia entre preparar el boleto y confirmarlo, ChatBet te muestra la nueva
cuota y te pregunta de nuevo. Un movimiento de cuota no es un pronóstico: refleja el mercado, no una
certeza.
""",
        ),
        pt=(
            'O que significa "a odd mudou"',
            """
As odds não são fixas: as casas **mudam os preços** conforme chegam informações e dinheiro. Notícias
dos times, lesões, escalações, o clima e o volume apostado em cada lado podem mexer numa odd.

- **Odd caindo** (por exemplo 2.40 → 2.10): o resultado agora é visto como mais provável.
- **Odd subindo** (2.10 → 2.40): é visto como menos provável.

Uma aposta é liquidada pela odd **aceita quando foi feita**, então mudanças posteriores não a afetam.
Se o preço mudar entre preparar o bilhete e confirmar, o ChatBet mostra a nova odd e pergunta de novo.
Uma odd em movimento não é um palpite: ela reflete o mercado, não uma certeza.
""",
        ),
    ),
    *_topic(
        "pre-match-vs-live",
        ("live", "pre_match", "data"),
        en=(
            "Pre-match vs live betting",
            """
**Pre-match** bets are placed before kick-off, at prices that usually move slowly. **Live** (in-play)
bets are placed while the match is being played, and prices change within seconds as goals, cards and
time on the clock shift the probabilities.

Things to know:
- Live prices can be suspended or changed just before you confirm.
- Fast decisions make it easier to bet more than planned; limits and breaks help.
- Information you see may lag behind the real match.

ChatBet focuses on **pre-match** markets. Where live prices are shown, treat them as a snapshot with
a timestamp, and check the bet slip before confirming.
""",
        ),
        es=(
            "Apuestas antes del partido y en vivo",
            """
Las apuestas **prepartido** se hacen antes del inicio, con cuotas que suelen moverse despacio. Las
apuestas **en vivo** se hacen durante el partido, y las cuotas cambian en segundos con los goles, las
tarjetas y el tiempo que queda.

Conviene saber:
- Las cuotas en vivo pueden suspenderse o cambiar justo antes de confirmar.
- Decidir rápido facilita apostar más de lo previsto; los límites y las pausas ayudan.
- La información que ves puede ir con retraso respecto al partido real.

ChatBet se centra en mercados **prepartido**. Si ves cuotas en vivo, tómalas como una foto con su
hora, y revisa el boleto antes de confirmar.
""",
        ),
        pt=(
            "Apostas pré-jogo e ao vivo",
            """
As apostas **pré-jogo** são feitas antes do início, com odds que costumam mudar devagar. As apostas
**ao vivo** são feitas durante a partida, e as odds mudam em segundos com gols, cartões e o tempo que
resta.

Bom saber:
- Odds ao vivo podem ser suspensas ou mudar logo antes de confirmar.
- Decidir rápido facilita apostar mais do que o planejado; limites e pausas ajudam.
- A informação que você vê pode estar atrasada em relação ao jogo real.

O ChatBet se concentra em mercados **pré-jogo**. Se aparecerem odds ao vivo, trate-as como uma foto
com horário, e confira o bilhete antes de confirmar.
""",
        ),
    ),
    *_topic(
        "cash-out",
        ("cash_out", "bet_types"),
        en=(
            "Cash-out",
            """
**Cash-out** is a feature some sportsbooks offer to **settle a bet early**, before the event has
finished, for an amount based on the current odds.

- If your selection is doing well, the offer can be below the full return but above your stake.
- If it is doing badly, the offer is usually below your stake.
- Offers include the bookmaker's margin, so on average cashing out costs you value.

Cash-out can limit a loss or lock in part of a return, but it is not free insurance. **ChatBet does
not currently offer cash-out**: once placed, a bet stays open until the sportsbook settles it.
""",
        ),
        es=(
            "Cash-out (cerrar apuesta)",
            """
El **cash-out** es una función que algunas casas ofrecen para **liquidar una apuesta antes de tiempo**,
antes de que termine el evento, por un importe basado en las cuotas del momento.

- Si tu selección va bien, la oferta puede ser menor que el retorno completo pero mayor que tu importe.
- Si va mal, la oferta suele ser menor que tu importe.
- Las ofertas incluyen el margen de la casa, así que de media cerrar la apuesta te cuesta valor.

El cash-out puede limitar una pérdida o asegurar parte del retorno, pero no es un seguro gratuito.
**ChatBet no ofrece cash-out por ahora**: una vez realizada, la apuesta sigue abierta hasta que la
casa la liquida.
""",
        ),
        pt=(
            "Cash-out (encerrar aposta)",
            """
O **cash-out** é um recurso que algumas casas oferecem para **liquidar uma aposta antes do fim** do
evento, por um valor baseado nas odds do momento.

- Se a sua seleção vai bem, a oferta pode ser menor que o retorno completo, mas maior que o valor
  apostado.
- Se vai mal, a oferta costuma ser menor que o valor apostado.
- As ofertas incluem a margem da casa, então em média encerrar a aposta custa valor.

O cash-out pode limitar uma perda ou garantir parte do retorno, mas não é um seguro gratuito. **O
ChatBet não oferece cash-out no momento**: depois de feita, a aposta fica aberta até a casa liquidá-la.
""",
        ),
    ),
    *_topic(
        "bet-slip",
        ("chatbet", "bet_slip", "confirmation"),
        en=(
            "Your bet slip and confirmation in ChatBet",
            """
ChatBet never places a bet from a chat message alone. Every bet goes through a **bet slip**:

1. You ask for a bet, for example "10 on Barcelona to win".
2. ChatBet prepares a slip showing the match, market, selection, **odds**, **stake** and **potential
   return**.
3. You review it and press **Confirm** (or cancel). Nothing is placed before that.
4. After confirmation you get a bet reference and your balance goes down by the stake.

A slip is refused if it breaks one of your limits, exceeds your balance, or if you are on a break or
self-excluded. If the odds change before you confirm, ChatBet shows the new price first.
""",
        ),
        es=(
            "Tu boleto y la confirmación en ChatBet",
            """
ChatBet nunca realiza una apuesta solo a partir de un mensaje. Cada apuesta pasa por un **boleto**:

1. Pides una apuesta, por ejemplo "10 al Barcelona".
2. ChatBet prepara un boleto con el partido, el mercado, la selección, la **cuota**, el **importe** y
   el **retorno potencial**.
3. Lo revisas y pulsas **Confirmar** (o cancelas). No se realiza nada antes.
4. Tras confirmar recibes una referencia y tu saldo baja en el importe apostado.

El boleto se rechaza si supera uno de tus límites o tu saldo, o si estás en una pausa o autoexcluido.
Si la cuota cambia antes de confirmar, ChatBet te muestra primero el nuevo precio.
""",
        ),
        pt=(
            "Seu bilhete e a confirmação no ChatBet",
            """
O ChatBet nunca faz uma aposta só a partir de uma mensagem. Toda aposta passa por um **bilhete**:

1. Você pede uma aposta, por exemplo "10 no Barcelona".
2. O ChatBet prepara um bilhete com a partida, o mercado, a seleção, a **odd**, o **valor** e o
   **retorno potencial**.
3. Você confere e toca em **Confirmar** (ou cancela). Nada é feito antes disso.
4. Depois de confirmar você recebe uma referência e o seu saldo diminui no valor apostado.

O bilhete é recusado se ultrapassar um dos seus limites ou o seu saldo, ou se você estiver em pausa ou
autoexcluído. Se a odd mudar antes da confirmação, o ChatBet mostra o novo preço primeiro.
""",
        ),
    ),
    *_topic(
        "how-recommendations-work",
        ("chatbet", "recommendations", "probability", "responsible_gambling"),
        en=(
            "How ChatBet recommendations work",
            """
When you ask ChatBet what looks interesting, it **explains the market**; it does not predict the
future. Its suggestions are built from:

- the **current odds** from the sportsbook,
- the **implied probabilities** of those odds, with the bookmaker's margin removed,
- simple facts such as which side is favoured and how large the margin is.

ChatBet has no inside information and no model that beats the market. A favourite is only more
likely to win, and favourites lose regularly. **No bet is safe**, and past results do not predict
future ones. Use recommendations as an explanation, decide for yourself, and only stake what you can
afford to lose.
""",
        ),
        es=(
            "Cómo funcionan las recomendaciones de ChatBet",
            """
Cuando preguntas a ChatBet qué parece interesante, **explica el mercado**; no predice el futuro. Sus
sugerencias se basan en:

- las **cuotas actuales** de la casa,
- las **probabilidades implícitas** de esas cuotas, sin el margen de la casa,
- datos sencillos como quién es el favorito y qué margen tiene el mercado.

ChatBet no tiene información privilegiada ni un modelo que supere al mercado. Un favorito solo tiene
más probabilidades de ganar, y los favoritos pierden con frecuencia. **Ninguna apuesta es segura**, y
los resultados pasados no predicen los futuros. Usa las recomendaciones como explicación, decide tú y
apuesta solo lo que puedas permitirte perder.
""",
        ),
        pt=(
            "Como funcionam as recomendações do ChatBet",
            """
Quando você pergunta ao ChatBet o que parece interessante, ele **explica o mercado**; não prevê o
futuro. As sugestões se baseiam em:

- as **odds atuais** da casa,
- as **probabilidades implícitas** dessas odds, sem a margem da casa,
- fatos simples, como quem é o favorito e qual é a margem do mercado.

O ChatBet não tem informação privilegiada nem um modelo que supere o mercado. Um favorito só tem mais
chance de ganhar, e favoritos perdem com frequência. **Nenhuma aposta é garantida**, e resultados
passados não preveem os futuros. Use as recomendações como explicação, decida você e aposte apenas o
que pode perder.
""",
        ),
    ),
)

_SAFER_GAMBLING: tuple[SeedArticle, ...] = (
    *_topic(
        "bankroll-management",
        ("responsible_gambling", "bankroll", "stake"),
        en=(
            "Bankroll management",
            """
Your **bankroll** is the money you have set aside for betting: an amount you could lose without it
affecting rent, bills or savings.

Simple habits that keep it under control:
- **Decide the amount in advance** and never top it up after a loss.
- **Keep stakes small**, for example 1–2% of the bankroll per bet.
- **Never raise stakes to recover losses.** A losing run is normal and can last a long time.
- **Keep a record** of every bet, and review it honestly.
- Avoid betting when tired, upset or drinking.

Good bankroll management does not make betting profitable; it keeps losses to a size you have chosen.
ChatBet's stake limits can enforce these rules for you.
""",
        ),
        es=(
            "Gestión del bankroll",
            """
Tu **bankroll** es el dinero que reservas para apostar: una cantidad que podrías perder sin que afecte
al alquiler, a las facturas ni a tus ahorros.

Hábitos sencillos para mantenerlo bajo control:
- **Decide la cantidad de antemano** y no la recargues después de perder.
- **Usa importes pequeños**, por ejemplo un 1–2% del bankroll por apuesta.
- **Nunca subas los importes para recuperar pérdidas.** Las rachas negativas son normales y pueden
  durar mucho.
- **Anota cada apuesta** y revísalas con honestidad.
- Evita apostar cansado, alterado o bebiendo.

Gestionar bien el bankroll no hace rentable apostar; mantiene las pérdidas en el tamaño que tú
eliges. Los límites de importe de ChatBet pueden aplicar estas reglas por ti.
""",
        ),
        pt=(
            "Gestão de banca",
            """
A sua **banca** é o dinheiro separado para apostar: um valor que você poderia perder sem afetar o
aluguel, as contas ou as economias.

Hábitos simples para mantê-la sob controle:
- **Defina o valor antes** e não reponha depois de perder.
- **Use valores pequenos**, por exemplo 1–2% da banca por aposta.
- **Nunca aumente os valores para recuperar perdas.** Sequências negativas são normais e podem durar
  muito.
- **Anote cada aposta** e revise com honestidade.
- Evite apostar cansado, chateado ou bebendo.

Uma boa gestão de banca não torna as apostas lucrativas; ela mantém as perdas no tamanho que você
escolheu. Os limites de valor do ChatBet podem aplicar essas regras por você.
""",
        ),
    ),
    *_topic(
        "responsible-gambling",
        ("responsible_gambling", "help"),
        en=(
            "Responsible gambling basics",
            """
Betting should be **entertainment you pay for**, not a way to make money or solve money problems.

- Only bet with money you can afford to lose, and set a budget before you start.
- Set time and stake limits, and take regular breaks.
- Don't chase losses: accept a loss as the cost of the entertainment.
- Don't bet when stressed, low, or under the influence of alcohol.
- Keep betting balanced with family, work and other interests.

ChatBet offers **stake limits**, **breaks (cooling-off)**, **self-exclusion** and **reality checks**.
Ask for any of them at any time, for example "set a daily limit of 20". If betting stops being fun,
ask ChatBet where to get help.
""",
        ),
        es=(
            "Juego responsable: lo básico",
            """
Apostar debe ser **un entretenimiento que pagas**, no una forma de ganar dinero ni de resolver
problemas económicos.

- Apuesta solo dinero que puedas permitirte perder y fija un presupuesto antes de empezar.
- Pon límites de tiempo y de importe, y haz pausas con regularidad.
- No persigas las pérdidas: acepta una pérdida como el coste del entretenimiento.
- No apuestes con estrés, tristeza o bajo los efectos del alcohol.
- Mantén el equilibrio con la familia, el trabajo y otras aficiones.

ChatBet ofrece **límites de importe**, **pausas**, **autoexclusión** y **recordatorios de tiempo**.
Pídelos cuando quieras, por ejemplo "pon un límite diario de 20". Si apostar deja de ser divertido,
pregunta a ChatBet dónde pedir ayuda.
""",
        ),
        pt=(
            "Jogo responsável: o básico",
            """
Apostar deve ser **um entretenimento pelo qual você paga**, não uma forma de ganhar dinheiro nem de
resolver problemas financeiros.

- Aposte apenas o que pode perder e defina um orçamento antes de começar.
- Defina limites de tempo e de valor, e faça pausas regulares.
- Não corra atrás das perdas: aceite uma perda como o custo do entretenimento.
- Não aposte estressado, triste ou sob efeito de álcool.
- Mantenha o equilíbrio com família, trabalho e outros interesses.

O ChatBet oferece **limites de valor**, **pausas**, **autoexclusão** e **lembretes de tempo**. Peça
quando quiser, por exemplo "coloque um limite diário de 20". Se apostar deixar de ser divertido,
pergunte ao ChatBet onde buscar ajuda.
""",
        ),
    ),
    *_topic(
        "stake-limits",
        ("responsible_gambling", "limits", "chatbet"),
        en=(
            "Setting stake limits in ChatBet",
            """
ChatBet lets you cap how much you bet. You can set three kinds of **stake limit**:

- **Per bet** – the largest stake on a single bet.
- **Daily** – the total you can stake in a day.
- **Weekly** – the total you can stake in a week.

Just ask, for example "set a weekly limit of 50". **Lowering** a limit, or setting your first one,
takes effect **immediately**. **Raising or removing** a limit only takes effect **after 24 hours**,
so a decision made in the heat of the moment has time to cool. A bet slip that would go over a limit
is refused. Deposits are managed by your sportsbook account, which may offer its own deposit limits.
""",
        ),
        es=(
            "Límites de importe en ChatBet",
            """
ChatBet te permite poner un tope a lo que apuestas. Hay tres tipos de **límite de importe**:

- **Por apuesta** – el importe máximo de una sola apuesta.
- **Diario** – el total que puedes apostar en un día.
- **Semanal** – el total que puedes apostar en una semana.

Basta con pedirlo, por ejemplo "pon un límite semanal de 50". **Bajar** un límite, o fijar el
primero, tiene efecto **inmediato**. **Subirlo o quitarlo** solo tiene efecto **después de 24 horas**,
para que una decisión tomada en caliente tenga tiempo de enfriarse. Un boleto que supere un límite se
rechaza. Los depósitos se gestionan en tu cuenta de la casa de apuestas, que puede ofrecer sus propios
límites de depósito.
""",
        ),
        pt=(
            "Limites de valor no ChatBet",
            """
O ChatBet permite limitar quanto você aposta. Há três tipos de **limite de valor**:

- **Por aposta** – o valor máximo de uma única aposta.
- **Diário** – o total que você pode apostar num dia.
- **Semanal** – o total que você pode apostar numa semana.

É só pedir, por exemplo "coloque um limite semanal de 50". **Reduzir** um limite, ou definir o
primeiro, vale **na hora**. **Aumentar ou remover** um limite só vale **depois de 24 horas**, para que
uma decisão tomada no impulso tenha tempo de esfriar. Um bilhete que ultrapasse um limite é recusado.
Os depósitos são geridos na sua conta da casa de apostas, que pode oferecer os próprios limites de
depósito.
""",
        ),
    ),
    *_topic(
        "self-exclusion",
        ("responsible_gambling", "self_exclusion", "chatbet", "help"),
        en=(
            "Self-exclusion in ChatBet",
            """
**Self-exclusion** stops you from betting through ChatBet for a period you choose, for example **six
months** or longer.

- It starts **immediately** when you confirm it.
- It **cannot be shortened or cancelled** before it ends; you can only extend it.
- During the exclusion ChatBet will not prepare bet slips or place bets. You can still ask general
  questions and find help resources.

To start, say "I want to self-exclude" and choose the length. Consider also excluding from other
sites, for example through **GAMSTOP** in the UK or the national register where you live, and talking
to a support organisation. Self-exclusion works best alongside support.
""",
        ),
        es=(
            "Autoexclusión en ChatBet",
            """
La **autoexclusión** te impide apostar a través de ChatBet durante el periodo que elijas, por ejemplo
**seis meses** o más.

- Empieza **de inmediato** al confirmarla.
- **No se puede acortar ni cancelar** antes de que termine; solo se puede ampliar.
- Mientras dure, ChatBet no preparará boletos ni realizará apuestas. Puedes seguir haciendo preguntas
  generales y consultar recursos de ayuda.

Para empezar, di "quiero autoexcluirme" y elige la duración. Plantéate también excluirte de otras
webs, por ejemplo en el **RGIAJ** (registro de autoprohibición de España) o el registro nacional de tu
país, y hablar con una organización de apoyo. La autoexclusión funciona mejor acompañada.
""",
        ),
        pt=(
            "Autoexclusão no ChatBet",
            """
A **autoexclusão** impede você de apostar pelo ChatBet durante o período que escolher, por exemplo
**seis meses** ou mais.

- Começa **imediatamente** quando você confirma.
- **Não pode ser encurtada nem cancelada** antes de terminar; só pode ser prolongada.
- Durante a exclusão o ChatBet não prepara bilhetes nem faz apostas. Você ainda pode fazer perguntas
  gerais e consultar recursos de ajuda.

Para começar, diga "quero me autoexcluir" e escolha a duração. Considere também se excluir de outros
sites, pelas ferramentas de autoexclusão das casas ou do seu país, e conversar com uma organização de
apoio. A autoexclusão funciona melhor com apoio.
""",
        ),
    ),
    *_topic(
        "cooling-off",
        ("responsible_gambling", "cooling_off", "time_out", "chatbet"),
        en=(
            "Cooling-off and time-outs",
            """
A **cooling-off period** (or time-out) is a **short break** from betting, from a few hours up to six
weeks. It is useful when you want to step back without a long self-exclusion.

- It starts **immediately**.
- It **cannot be cancelled early**, even if you change your mind.
- While it runs, ChatBet will not prepare bet slips or place bets; you can still chat about sport
  and check your settings.

Ask, for example, "I need a 24-hour break" or "pause my betting for a week". If you find yourself
taking breaks often, or wanting to end one early, consider self-exclusion and talking to a support
service.
""",
        ),
        es=(
            "Pausas (periodo de enfriamiento)",
            """
Un **periodo de enfriamiento** (o pausa) es un **descanso corto** de las apuestas, desde unas horas
hasta seis semanas. Es útil si quieres tomar distancia sin una autoexclusión larga.

- Empieza **de inmediato**.
- **No se puede cancelar antes de tiempo**, aunque cambies de opinión.
- Mientras dura, ChatBet no preparará boletos ni realizará apuestas; puedes seguir hablando de deporte
  y revisar tus ajustes.

Pídelo, por ejemplo, "necesito un descanso de 24 horas" o "pausa mis apuestas una semana". Si te
encuentras haciendo pausas a menudo, o quieres terminarlas antes, plantéate la autoexclusión y hablar
con un servicio de apoyo.
""",
        ),
        pt=(
            "Pausas (período de reflexão)",
            """
Um **período de pausa** é um **intervalo curto** nas apostas, de algumas horas até seis semanas. É útil
quando você quer se afastar sem uma autoexclusão longa.

- Começa **imediatamente**.
- **Não pode ser cancelado antes do fim**, mesmo que você mude de ideia.
- Enquanto durar, o ChatBet não prepara bilhetes nem faz apostas; você ainda pode conversar sobre
  esporte e ver as suas configurações.

Peça, por exemplo, "preciso de uma pausa de 24 horas" ou "pause minhas apostas por uma semana". Se
estiver fazendo pausas com frequência, ou querendo encerrá-las antes, considere a autoexclusão e
conversar com um serviço de apoio.
""",
        ),
    ),
    *_topic(
        "reality-checks",
        ("responsible_gambling", "reality_check", "chatbet"),
        en=(
            "Reality checks",
            """
A **reality check** is a reminder that appears while you use ChatBet, showing **how long your session
has lasted** and how much you have staked in it.

It is easy to lose track of time and money, especially when matches follow one another. A reality
check gives you a moment to ask: am I still enjoying this, and am I within my budget?

- Reminders appear every **60 minutes** by default.
- You can ask ChatBet to change the interval, for example "remind me every 30 minutes".
- When a reminder appears you can carry on, take a break, or stop for the day.
""",
        ),
        es=(
            "Recordatorios de tiempo",
            """
Un **recordatorio de tiempo** (reality check) es un aviso que aparece mientras usas ChatBet y muestra
**cuánto dura tu sesión** y cuánto has apostado en ella.

Es fácil perder la noción del tiempo y del dinero, sobre todo cuando los partidos se suceden. El
recordatorio te da un momento para preguntarte: ¿sigo disfrutando?, ¿estoy dentro de mi presupuesto?

- Los avisos aparecen cada **60 minutos** por defecto.
- Puedes pedir a ChatBet que cambie el intervalo, por ejemplo "avísame cada 30 minutos".
- Cuando aparece un aviso puedes seguir, hacer una pausa o dejarlo por hoy.
""",
        ),
        pt=(
            "Lembretes de tempo",
            """
Um **lembrete de tempo** (reality check) é um aviso que aparece enquanto você usa o ChatBet e mostra
**há quanto tempo dura a sua sessão** e quanto você apostou nela.

É fácil perder a noção do tempo e do dinheiro, principalmente quando um jogo emenda no outro. O
lembrete dá um momento para perguntar: ainda estou me divertindo? Estou dentro do meu orçamento?

- Os avisos aparecem a cada **60 minutos** por padrão.
- Você pode pedir ao ChatBet para mudar o intervalo, por exemplo "me avise a cada 30 minutos".
- Quando um aviso aparece, você pode continuar, fazer uma pausa ou parar por hoje.
""",
        ),
    ),
    *_topic(
        "problem-gambling-signs",
        ("responsible_gambling", "help", "problem_gambling"),
        en=(
            "Signs of problem gambling",
            """
Gambling can become a problem gradually. Warning signs include:

- **Chasing losses**: betting more, or more often, to recover money you lost.
- Betting with money meant for rent, bills or food, or **borrowing** to bet.
- Spending more time or money than you planned, again and again.
- Feeling restless or irritable when trying to cut down.
- Hiding or lying about your betting.
- Betting to escape stress, sadness or boredom.
- Neglecting work, study, family or friends.

If some of these sound familiar, you are not alone and help is free and confidential. Take a break,
set limits or self-exclude in ChatBet, and talk to a support service.
""",
        ),
        es=(
            "Señales de un problema con el juego",
            """
El juego puede convertirse en un problema poco a poco. Algunas señales de alerta:

- **Perseguir pérdidas**: apostar más, o más a menudo, para recuperar lo perdido.
- Apostar dinero del alquiler, las facturas o la comida, o **pedir prestado** para apostar.
- Gastar más tiempo o dinero del previsto, una y otra vez.
- Sentirte inquieto o irritable al intentar reducirlo.
- Ocultar o mentir sobre tus apuestas.
- Apostar para escapar del estrés, la tristeza o el aburrimiento.
- Descuidar el trabajo, los estudios, la familia o los amigos.

Si algo de esto te resulta familiar, no estás solo y la ayuda es gratuita y confidencial. Haz una
pausa, pon límites o autoexclúyete en ChatBet, y habla con un servicio de apoyo.
""",
        ),
        pt=(
            "Sinais de problema com o jogo",
            """
O jogo pode virar um problema aos poucos. Alguns sinais de alerta:

- **Correr atrás das perdas**: apostar mais, ou com mais frequência, para recuperar o que perdeu.
- Apostar o dinheiro do aluguel, das contas ou da comida, ou **pegar emprestado** para apostar.
- Gastar mais tempo ou dinheiro do que o planejado, de novo e de novo.
- Ficar inquieto ou irritado ao tentar diminuir.
- Esconder ou mentir sobre as apostas.
- Apostar para fugir do estresse, da tristeza ou do tédio.
- Deixar de lado trabalho, estudos, família ou amigos.

Se algo disso parece familiar, você não está sozinho e a ajuda é gratuita e confidencial. Faça uma
pausa, defina limites ou se autoexclua no ChatBet, e converse com um serviço de apoio.
""",
        ),
    ),
    *_topic(
        "getting-help",
        ("responsible_gambling", "help"),
        en=(
            "Where to get help",
            """
If gambling is causing you or someone close to you problems, free and confidential support is
available:

- **BeGambleAware** (UK) – begambleaware.org, National Gambling Helpline **0808 8020 133**
- **National Council on Problem Gambling** (US) – ncpgambling.org, **1-800-GAMBLER**
- **Gamblers Anonymous** – gamblersanonymous.org, peer support meetings worldwide
- **GAMSTOP** (UK) – gamstop.co.uk, free self-exclusion from UK gambling sites

In ChatBet you can also take a break or self-exclude right away. If you are in crisis or thinking
about harming yourself, contact your local emergency number now.
""",
        ),
        es=(
            "Dónde pedir ayuda",
            """
Si el juego te está causando problemas a ti o a alguien cercano, hay apoyo gratuito y confidencial:

- **FEJAR** (Federación Española de Jugadores de Azar Rehabilitados) – fejar.org, teléfono
  **900 200 225**
- **Jugar Bien** – jugarbien.es, información y autoevaluación de la Dirección General de Ordenación
  del Juego
- **Jugadores Anónimos** – grupos de apoyo entre iguales (gamblersanonymous.org)

En ChatBet también puedes hacer una pausa o autoexcluirte al momento. Si estás en crisis o piensas en
hacerte daño, llama ahora al número de emergencias de tu país (112 en España).
""",
        ),
        pt=(
            "Onde buscar ajuda",
            """
Se o jogo está causando problemas para você ou para alguém próximo, há apoio gratuito e
confidencial:

- **Jogadores Anônimos** – jogadoresanonimos.com.br, grupos de apoio mútuo
- **CVV – Centro de Valorização da Vida** – cvv.org.br, ligue **188**, 24 horas, gratuito
- Os serviços públicos de saúde, como os **CAPS** do SUS, também atendem pessoas com problemas com
  o jogo.

No ChatBet você também pode fazer uma pausa ou se autoexcluir na hora. Se estiver em crise ou
pensando em se machucar, ligue agora para o CVV (188) ou para o serviço de emergência da sua região.
""",
        ),
    ),
    *_topic(
        "age-requirement",
        ("responsible_gambling", "age", "account"),
        en=(
            "Age requirement: 18+",
            """
Betting with ChatBet is only for people aged **18 or over**, or older where local law sets a higher
age (for example 21 in some US states).

- Your sportsbook account must be verified as belonging to an adult.
- ChatBet will not help anyone who says they are under age to place bets, and will end the betting
  conversation.
- Using someone else's account, or letting a minor use yours, is not allowed.

If you are a parent, keep accounts and payment details private and consider blocking software on
shared devices. Young people worried about gambling can talk to a trusted adult or a support service.
""",
        ),
        es=(
            "Edad mínima: 18 años",
            """
Apostar con ChatBet es solo para personas de **18 años o más**, o de más edad si la ley local lo exige.

- Tu cuenta de la casa de apuestas debe estar verificada como de una persona adulta.
- ChatBet no ayudará a apostar a nadie que diga ser menor de edad, y terminará la conversación sobre
  apuestas.
- No está permitido usar la cuenta de otra persona ni dejar que un menor use la tuya.

Si eres padre o madre, mantén las cuentas y los datos de pago en privado y plantéate usar programas
de bloqueo en los dispositivos compartidos. Los jóvenes preocupados por el juego pueden hablar con un
adulto de confianza o con un servicio de apoyo.
""",
        ),
        pt=(
            "Idade mínima: 18 anos",
            """
Apostar com o ChatBet é só para pessoas com **18 anos ou mais**, ou mais velhas se a lei local exigir.

- A sua conta na casa de apostas precisa ser verificada como de um adulto.
- O ChatBet não ajuda a apostar quem diz ser menor de idade, e encerra a conversa sobre apostas.
- Não é permitido usar a conta de outra pessoa nem deixar um menor usar a sua.

Se você é mãe ou pai, mantenha contas e dados de pagamento em sigilo e considere programas de
bloqueio nos aparelhos compartilhados. Jovens preocupados com o jogo podem conversar com um adulto de
confiança ou com um serviço de apoio.
""",
        ),
    ),
)

_CHATBET: tuple[SeedArticle, ...] = (
    *_topic(
        "using-chatbet",
        ("chatbet", "getting_started"),
        en=(
            "How to use ChatBet",
            """
ChatBet is a chat assistant for sports betting. Write the way you would talk, in English, Spanish or
Portuguese. Things you can ask:

- **Fixtures**: "What LaLiga matches are on this weekend?"
- **Odds**: "Odds for Barcelona vs Real Madrid" or "show them as fractions".
- **Explanations**: "What does double chance mean?"
- **Combos**: "Price a combo of Barcelona and over 2.5 for 10".
- **Your account**: "What's my balance?"
- **Bets**: "Put 5 on the draw"; you always confirm a bet slip first.
- **Safer gambling**: "Set a daily limit of 20", "I need a break".

ChatBet explains markets and prices; it does not know results in advance, and no bet is safe.
""",
        ),
        es=(
            "Cómo usar ChatBet",
            """
ChatBet es un asistente de chat para apuestas deportivas. Escribe como hablarías, en español, inglés o
portugués. Puedes preguntar:

- **Partidos**: "¿Qué partidos de LaLiga hay este fin de semana?"
- **Cuotas**: "Cuotas del Barcelona - Real Madrid" o "muéstralas en fracciones".
- **Explicaciones**: "¿Qué es la doble oportunidad?"
- **Combinadas**: "Calcula una combinada de Barcelona y más de 2.5 con 10".
- **Tu cuenta**: "¿Cuál es mi saldo?"
- **Apuestas**: "Pon 5 al empate"; siempre confirmas antes un boleto.
- **Juego responsable**: "Pon un límite diario de 20", "necesito una pausa".

ChatBet explica mercados y cuotas; no conoce los resultados de antemano y ninguna apuesta es segura.
""",
        ),
        pt=(
            "Como usar o ChatBet",
            """
O ChatBet é um assistente de chat para apostas esportivas. Escreva como você falaria, em português,
inglês ou espanhol. Você pode perguntar:

- **Jogos**: "Quais jogos do Brasileirão tem neste fim de semana?"
- **Odds**: "Odds de Barcelona x Real Madrid" ou "mostre em frações".
- **Explicações**: "O que é dupla chance?"
- **Múltiplas**: "Calcule uma múltipla com Barcelona e mais de 2.5 com 10".
- **Sua conta**: "Qual é o meu saldo?"
- **Apostas**: "Coloque 5 no empate"; você sempre confirma um bilhete antes.
- **Jogo responsável**: "Coloque um limite diário de 20", "preciso de uma pausa".

O ChatBet explica mercados e odds; não conhece resultados antecipadamente e nenhuma aposta é garantida.
""",
        ),
    ),
    *_topic(
        "data-freshness",
        ("chatbet", "data", "odds_movement"),
        en=(
            "How fresh is the data?",
            """
Fixtures and odds come from the sportsbook's data feed. ChatBet refreshes them regularly, but **odds
can change at any moment**, especially close to kick-off.

- Prices in a chat answer show **when they were fetched**. An answer from an hour ago may be out of
  date.
- Before a bet is placed, ChatBet checks the price again and shows it on the bet slip. The odds on the
  confirmed slip are the ones that count.
- Some matches show no odds: the market may be closed or not yet open ("inactive").

If something looks stale, ask ChatBet to refresh the odds for that match.
""",
        ),
        es=(
            "¿Qué tan actuales son los datos?",
            """
Los partidos y las cuotas vienen del sistema de datos de la casa de apuestas. ChatBet los actualiza
con regularidad, pero **las cuotas pueden cambiar en cualquier momento**, sobre todo cerca del inicio.

- Las cuotas de una respuesta indican **cuándo se obtuvieron**. Una respuesta de hace una hora puede
  estar desactualizada.
- Antes de realizar una apuesta, ChatBet vuelve a comprobar la cuota y la muestra en el boleto. Lo que
  cuenta es la cuota del boleto confirmado.
- Algunos partidos no muestran cuotas: el mercado puede estar cerrado o aún no abierto ("inactivo").

Si algo parece antiguo, pide a ChatBet que actualice las cuotas de ese partido.
""",
        ),
        pt=(
            "Quão atualizados são os dados?",
            """
Os jogos e as odds vêm do sistema de dados da casa de apostas. O ChatBet os atualiza com frequência,
mas **as odds podem mudar a qualquer momento**, principalmente perto do início.

- As odds de uma resposta mostram **quando foram obtidas**. Uma resposta de uma hora atrás pode estar
  desatualizada.
- Antes de fazer uma aposta, o ChatBet confere a odd de novo e a mostra no bilhete. O que vale é a odd
  do bilhete confirmado.
- Algumas partidas não mostram odds: o mercado pode estar fechado ou ainda não aberto ("inativo").

Se algo parecer antigo, peça ao ChatBet para atualizar as odds daquela partida.
""",
        ),
    ),
    *_topic(
        "privacy",
        ("chatbet", "privacy", "account"),
        en=(
            "Privacy of your data",
            """
ChatBet stores what it needs to run the service and keep betting safe:

- your **conversations**, so you can return to them;
- your **bet slips and bets**, which the sportsbook also records;
- your **safer-gambling settings** (limits, breaks, self-exclusion) and any messages flagged for a
  wellbeing review by a person.

Your data is used to answer you, place the bets you confirm, and apply your limits. It is not used to
push you to bet more. Messages that suggest gambling harm may be reviewed by a trained person so they
can offer support. You can delete a conversation at any time; bet records may have to be kept for
legal reasons.
""",
        ),
        es=(
            "Privacidad de tus datos",
            """
ChatBet guarda lo necesario para prestar el servicio y que apostar sea más seguro:

- tus **conversaciones**, para que puedas volver a ellas;
- tus **boletos y apuestas**, que la casa de apuestas también registra;
- tus **ajustes de juego responsable** (límites, pausas, autoexclusión) y los mensajes marcados para
  una revisión de bienestar por una persona.

Tus datos se usan para responderte, realizar las apuestas que confirmas y aplicar tus límites. No se
usan para empujarte a apostar más. Los mensajes que sugieren un problema con el juego pueden ser
revisados por una persona formada para ofrecerte apoyo. Puedes borrar una conversación cuando
quieras; los registros de apuestas pueden tener que conservarse por motivos legales.
""",
        ),
        pt=(
            "Privacidade dos seus dados",
            """
O ChatBet guarda o necessário para funcionar e para que apostar seja mais seguro:

- as suas **conversas**, para você poder voltar a elas;
- os seus **bilhetes e apostas**, que a casa de apostas também registra;
- as suas **configurações de jogo responsável** (limites, pausas, autoexclusão) e mensagens marcadas
  para uma revisão de bem-estar por uma pessoa.

Os seus dados são usados para responder, fazer as apostas que você confirma e aplicar os seus limites.
Não são usados para incentivar você a apostar mais. Mensagens que sugerem problemas com o jogo podem
ser revisadas por uma pessoa preparada para oferecer apoio. Você pode apagar uma conversa quando
quiser; os registros de apostas podem precisar ser mantidos por motivos legais.
""",
        ),
    ),
    *_topic(
        "balance",
        ("chatbet", "balance", "account"),
        en=(
            "How your balance works",
            """
Your balance lives in your **sportsbook account**; ChatBet reads it when you ask ("what's my
balance?") and before placing a bet.

- **Placing a bet** takes the stake from your balance straight away.
- **Winnings** (the full return, stake included) are credited when the sportsbook settles the bet.
- A **losing bet** has already been paid for by the stake; nothing more is taken.
- Your account may show separate amounts, such as **playable**, **withdrawable** and **bonus**
  balance. Bonus money may come with conditions set by the sportsbook.

A bet slip is refused if the stake is more than your balance. Deposits and withdrawals are made in
your sportsbook account, not in the chat.
""",
        ),
        es=(
            "Cómo funciona tu saldo",
            """
Tu saldo está en tu **cuenta de la casa de apuestas**; ChatBet lo consulta cuando lo pides ("¿cuál es
mi saldo?") y antes de realizar una apuesta.

- **Al realizar una apuesta**, el importe sale de tu saldo al instante.
- **Las ganancias** (el retorno completo, importe incluido) se abonan cuando la casa liquida la
  apuesta.
- Una **apuesta perdida** ya se pagó con el importe; no se descuenta nada más.
- Tu cuenta puede mostrar importes separados, como saldo **jugable**, **retirable** y de **bono**. El
  dinero de bono puede tener condiciones fijadas por la casa.

Un boleto se rechaza si el importe supera tu saldo. Los depósitos y retiros se hacen en tu cuenta de
la casa de apuestas, no en el chat.
""",
        ),
        pt=(
            "Como funciona o seu saldo",
            """
O seu saldo fica na sua **conta da casa de apostas**; o ChatBet o consulta quando você pede ("qual é o
meu saldo?") e antes de fazer uma aposta.

- **Ao fazer uma aposta**, o valor sai do seu saldo na hora.
- **Os ganhos** (o retorno completo, valor apostado incluído) são creditados quando a casa liquida a
  aposta.
- Uma **aposta perdida** já foi paga com o valor apostado; nada mais é descontado.
- A sua conta pode mostrar valores separados, como saldo **jogável**, **sacável** e de **bônus**. O
  dinheiro de bônus pode ter condições definidas pela casa.

Um bilhete é recusado se o valor for maior que o seu saldo. Depósitos e saques são feitos na sua conta
da casa de apostas, não no chat.
""",
        ),
    ),
)

SEED_ARTICLES: tuple[SeedArticle, ...] = (*_ODDS_FORMATS, *_MARKETS, *_BETTING, *_SAFER_GAMBLING, *_CHATBET)


def seed_articles() -> tuple[SeedArticle, ...]:
    return SEED_ARTICLES
