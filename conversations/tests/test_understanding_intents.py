"""Intent classification of single messages in English, Spanish and Portuguese."""

from __future__ import annotations

import pytest

from conversations.assistant.understanding import INTENTS
from conversations.tests.test_understanding_catalog import read

CASES = {
    "greeting": [
        "Hello!",
        "hey there",
        "Good evening",
        "Hola",
        "Buenos días",
        "buenas noches",
        "Olá, tudo bem?",
        "Oi",
        "Bom dia!",
    ],
    "help_request": [
        "help",
        "What can you do?",
        "How does this work?",
        "what can I ask you?",
        "ayuda",
        "¿Qué puedes hacer?",
        "¿En qué me puedes ayudar?",
        "ajuda",
        "O que você pode fazer?",
        "Em que você pode me ajudar?",
    ],
    "match_schedule_query": [
        "When does Arsenal play next?",
        "What games are on tonight?",
        "Who plays on Saturday?",
        "fixtures for tomorrow",
        "¿Cuándo juega el Betis?",
        "¿Qué partidos hay mañana?",
        "¿A qué hora juega el Sevilla?",
        "Quando joga o Porto?",
        "Que jogos tem hoje?",
        "Quem joga no domingo?",
        "what's on this weekend?",
    ],
    "tournament_info": [
        "Which teams play in the Premier League?",
        "What leagues do you cover?",
        "What competitions do you have?",
        "¿Qué equipos juegan la Serie A?",
        "¿Qué ligas tienen?",
        "Quais times jogam a Liga dos Campeões?",
        "Quais campeonatos vocês cobrem?",
        "Is there any basketball?",
    ],
    "odds_information_query": [
        "What are the odds for Chelsea vs Everton?",
        "Give me the price on Lazio vs Roma",
        "How much does Girona pay against Valencia?",
        "odds Lakers Celtics",
        "¿Cuáles son las cuotas del Barça?",
        "¿Cuánto paga el Villarreal?",
        "Quais são as odds de Benfica x Porto?",
        "Quanto paga o empate no Juventus x Lazio?",
        "Lakers vs Bulls moneyline?",
        "btts Arsenal vs Chelsea?",
    ],
    "team_comparison": [
        "Who is the favourite, Liverpool or Arsenal?",
        "Compare Bayern and Dortmund",
        "Who will win, Juventus or Napoli?",
        "Which team is stronger, Heat or Knicks?",
        "¿Quién es mejor, el Betis o el Sevilla?",
        "Compara al Inter con el Milan",
        "Quem é o favorito entre Benfica e Porto?",
        "Who do you think wins Juventus vs Lazio?",
        "Quem vai ganhar, Lakers ou Celtics?",
    ],
    "betting_recommendation": [
        "What should I bet on tonight?",
        "Any tips for the weekend?",
        "What's the best bet today?",
        "Recommend me a bet",
        "¿Cuál es la apuesta más segura de hoy?",
        "¿Qué me recomiendas apostar hoy?",
        "¿Cuál es la mejor apuesta del fin de semana?",
        "Alguma dica de aposta para hoje?",
        "Qual a melhor aposta do dia?",
        "Tenho 50 reais, o que você recomenda?",
    ],
    "bet_simulation": [
        "Simulate a 20 euro bet on Chelsea",
        "If I bet 50 on Arsenal how much would I win?",
        "What would I get if I put 10 on the draw in Roma vs Lazio?",
        "Simula una apuesta de 30 al Sevilla",
        "Si apuesto 100 al Madrid, ¿cuánto ganaría?",
        "Se eu apostar 40 no Benfica, quanto ganharia?",
        "Simule uma aposta de 25 reais no Porto",
    ],
    "place_bet": [
        "Place a bet of 25 on Chelsea to win",
        "Bet 15 on Lazio",
        "I want to bet 30 on the Lakers",
        "Put 10 on Juventus to beat Roma",
        "Quiero apostar 20 al Betis",
        "Apuesta 50 al Barcelona contra el Girona",
        "Haz una apuesta de 10 al empate del Sevilla",
        "Quero apostar 30 no Porto",
        "Aposte 20 reais no Benfica",
        "Faça uma aposta de 15 no Flamengo",
        "Quiero poner 20 al Betis",
        "Quero colocar 50 reais no empate do Benfica x Porto",
        "can you place 25 on Lakers -5.5?",
    ],
    "user_balance_query": [
        "What's my balance?",
        "How much money do I have?",
        "show me my account funds",
        "¿Cuál es mi saldo?",
        "¿Cuánto dinero tengo?",
        "Qual é o meu saldo?",
        "Quanto dinheiro eu tenho?",
    ],
    "general_betting_info": [
        "What does handicap mean?",
        "What is a parlay?",
        "How do decimal odds work?",
        "Explain double chance",
        "¿Qué significa doble oportunidad?",
        "¿Qué es una apuesta combinada?",
        "¿Cómo funcionan las cuotas?",
        "O que significa dupla chance?",
        "O que é handicap?",
        "Como funcionam as odds?",
    ],
    "general_sports_query": [
        "Who won the 2018 World Cup?",
        "How long is a football match?",
        "How many players are on a basketball team?",
        "¿Quién ganó el Mundial de 2014?",
        "¿Cuánto dura un partido de la NBA?",
        "Quem ganhou a Copa do Mundo de 2002?",
        "Quantos jogadores tem um time de basquete?",
        "What are the rules of offside?",
    ],
    "responsible_gambling": [
        "I want to self-exclude",
        "Please set a deposit limit of 100 per week",
        "I need a break from betting",
        "I can't stop betting",
        "Quiero autoexcluirme por 30 días",
        "Pon un límite de 50 euros al mes",
        "Tengo un problema con el juego",
        "Quero me autoexcluir",
        "Não consigo parar de apostar",
        "Preciso recuperar o que perdi",
    ],
    "unclear": ["asdkjh qwe", "zzzz", "???", "banana", "lorem ipsum dolor"],
}


def test_every_intent_is_covered():
    assert set(CASES) == set(INTENTS)


@pytest.mark.parametrize(
    ("text", "intent"), [(text, intent) for intent, texts in CASES.items() for text in texts]
)
def test_intent(text, intent):
    result = read(text)
    assert result.intent == intent
    assert 0.0 < result.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What are the odds for Barça vs Real Madrid?", "en"),
        ("¿Cuándo juega el Barça?", "es"),
        ("Quando joga o Barça?", "pt"),
        ("Quanto paga o empate?", "pt"),
        ("cuánto paga el empate", "es"),
        ("Which teams play in São Paulo?", "en"),
        ("hola", "es"),
        ("obrigado", "pt"),
    ],
)
def test_language(text, language):
    assert read(text).language == language


def test_confident_when_explicit_and_less_when_guessing():
    assert read("What are the odds for Chelsea vs Everton?").confidence >= 0.8
    assert read("asdkjh qwe").confidence < 0.5
