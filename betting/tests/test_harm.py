"""Harm signals, RG requests, banned promotional phrases and help resources, in en/es/pt."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betting.harm import (
    HARM_SIGNALS,
    HelpResource,
    age_spans,
    banned_phrases,
    caveat,
    fold,
    harm_signals,
    help_resources,
    scrub_banned,
)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        # chasing losses
        ("I need to win it back tonight", "chasing_losses"),
        ("Gotta win all my money back after yesterday", "chasing_losses"),
        ("how do I chase my losses smartly?", "chasing_losses"),
        ("I'm chasing losses again", "chasing_losses"),
        ("quiero recuperar lo que perdí ayer", "chasing_losses"),
        ("Necesito RECUPERAR LO QUE PERDI", "chasing_losses"),
        ("tengo que recuperar mis pérdidas", "chasing_losses"),
        ("preciso recuperar o que perdi", "chasing_losses"),
        ("quero recuperar o prejuízo", "chasing_losses"),
        # borrowing
        ("Should I borrow money to bet on the final?", "borrowing"),
        ("I borrowed 200 from my brother to gamble", "borrowing"),
        ("thinking of taking out a payday loan", "borrowing"),
        ("I could take a loan and go all in", "borrowing"),
        ("voy a pedir prestado para apostar", "borrowing"),
        ("¿me das un préstamo para apostar?", "borrowing"),
        ("vou pegar emprestado com meu pai", "borrowing"),
        ("fiz um empréstimo pra apostar", "borrowing"),
        # desperation
        ("I'm desperate, give me a winner", "desperation"),
        ("this is my last chance", "desperation"),
        ("I lost everything", "desperation"),
        ("I've lost my rent money on this", "desperation"),
        ("lo perdí todo", "desperation"),
        ("estoy desesperada", "desperation"),
        ("es mi última oportunidad", "desperation"),
        ("perdi tudo", "desperation"),
        ("Estou desesperado", "desperation"),
        ("perdi o dinheiro do aluguel", "desperation"),
        # loss of control
        ("I can't stop", "loss_of_control"),
        ("i cant stop betting", "loss_of_control"),
        ("I cannot control my betting", "loss_of_control"),
        ("I have a gambling problem", "loss_of_control"),
        ("I think I'm addicted", "loss_of_control"),
        ("no puedo parar", "loss_of_control"),
        ("No puedo dejar de apostar", "loss_of_control"),
        ("tengo un problema con el juego", "loss_of_control"),
        ("creo que soy ludópata", "loss_of_control"),
        ("não consigo parar", "loss_of_control"),
        ("Nao consigo parar de apostar", "loss_of_control"),
        ("tenho um problema com jogo", "loss_of_control"),
        ("acho que sou viciado", "loss_of_control"),
        # ... and the other signs of the PGSI / GamCare lists: secrecy, promises, guilt, escalation
        ("I've been hiding my bets from my husband", "loss_of_control"),
        ("my parents don't know I gamble", "loss_of_control"),
        ("last bet tonight, I swear", "loss_of_control"),
        ("I promise this is my last bet", "loss_of_control"),
        ("I told my girlfriend I'd quit gambling", "loss_of_control"),
        ("honestly I'm ashamed of my betting", "loss_of_control"),
        ("I have to bet more every week just to feel the buzz", "loss_of_control"),
        ("le oculto a mi pareja lo que apuesto", "loss_of_control"),
        ("mis viejos no saben que sigo apostando", "loss_of_control"),
        ("última apuesta, te lo prometo", "loss_of_control"),
        ("una última y me retiro", "loss_of_control"),
        ("me siento mal por todo lo que apuesto", "loss_of_control"),
        ("tô mentindo pra minha namorada sobre as apostas", "loss_of_control"),
        ("meus pais não sabem que eu jogo", "loss_of_control"),
        ("juro que nunca mais aposto depois dessa", "loss_of_control"),
        ("me sinto envergonhado do quanto aposto", "loss_of_control"),
        ("mi mujer no puede saber de mis apuestas", "loss_of_control"),
        ("minha esposa não pode saber dessas apostas", "loss_of_control"),
        ("todavía estoy en el secundario", "underage"),
        # underage
        ("I'm 16, can I bet?", "underage"),
        ("i am 17 years old", "underage"),
        ("I'm under 18", "underage"),
        ("tengo 16 años", "underage"),
        ("soy menor de edad", "underage"),
        ("tenho 15 anos", "underage"),
        ("sou menor de idade", "underage"),
    ],
)
def test_signal_detected(text: str, signal: str) -> None:
    assessment = harm_signals(text)
    assert signal in assessment.signals
    assert assessment.severity in {"medium", "high"}
    assert assessment.detected


@pytest.mark.parametrize(
    "text",
    [
        "Barcelona lost everything last season?",
        "Real Madrid won it back in the second half",
        "What are the odds for Barcelona vs Real Madrid?",
        "Is this Liverpool's last chance to qualify?",
        "Can the Lakers stop Jokic?",
        "I can't stop watching these highlights",
        "I'm 10 euros up this week",
        "I'm 2 for 2 today",
        "Sim 1.65, Não 2.15",
        "Victim 1. Claim 5.",
        "El Barcelona lo perdió todo",
        "¿Cuál es la cuota del empate?",
        "no puedo controlar el resultado, ya lo sé",
        "O Flamengo perdeu tudo no ano passado",
        "Qual é a odd do Palmeiras?",
        "Quero apostar 10 reais no over 2.5",
        "Show me a 3-leg combo for tonight",
        "the last time I bet on Boca they lost",
        "I promise I'll look at the odds later",
        "my dad doesn't know the Lakers score yet",
        "hide the odds for the draw",
        "te juro que es la última pregunta",
        "la última vez que aposté al Napoli perdí",
        "prometo que é a última pergunta",
        "minha mãe não sabe o placar",
        "minha mulher não sabe que eu jogo bola",
        "",
    ],
)
def test_sports_talk_not_detected(text: str) -> None:
    assessment = harm_signals(text)
    assert assessment.signals == ()
    assert assessment.severity == "none"
    assert not assessment.self_harm


def test_severity_and_self_harm() -> None:
    assert harm_signals("I want to win it back").severity == "medium"
    several = harm_signals("I lost everything and I need to win it back")
    assert set(several.signals) == {"desperation", "chasing_losses"}
    assert several.severity == "high"
    for text in ("I want to kill myself", "quiero quitarme la vida", "não quero mais viver"):
        crisis = harm_signals(text)
        assert crisis.self_harm
        assert "desperation" in crisis.signals
        assert crisis.severity == "high"
    # Signals come back in the documented order, whatever the order in the message.
    ordered = harm_signals("i cant stop and i need to borrow money to bet")
    assert ordered.signals == tuple(s for s in HARM_SIGNALS if s in ordered.signals)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Please self-exclude me", "self_exclude"),
        ("close my account for good", "self_exclude"),
        ("quiero autoexcluirme", "self_exclude"),
        ("bloqueie minha conta", "self_exclude"),
        ("I want to set a deposit limit", "set_limit"),
        ("quiero poner un límite de depósito", "set_limit"),
        ("quero colocar um limite", "set_limit"),
        ("I need a break from betting", "cooling_off"),
        ("set a cooling-off period", "cooling_off"),
        ("necesito un descanso de las apuestas", "cooling_off"),
        ("quero dar um tempo das apostas", "cooling_off"),
        ("I need help with my gambling", "info"),
        ("ayuda con el juego", "info"),
        ("jogadores anônimos", "info"),
    ],
)
def test_rg_requests(text: str, kind: str) -> None:
    request = harm_signals(text).rg_request
    assert request is not None
    assert request.action == kind


def test_no_rg_request_in_sports_talk() -> None:
    assert harm_signals("The Lakers called a timeout").rg_request is None
    assert harm_signals("odds for over 2.5 please").rg_request is None


def test_fold_keeps_length_and_strips_accents() -> None:
    assert fold("Não PERDÍ — ¿Qué?") == "nao perdi - ¿que?"
    assert fold("I can’t") == "i can't"


@given(st.text())
def test_fold_is_length_preserving(text: str) -> None:
    import unicodedata

    normalized = unicodedata.normalize("NFC", text)
    assert len(fold(normalized)) == len(normalized)


@given(st.text(max_size=200))
def test_harm_signals_never_crash(text: str) -> None:
    assessment = harm_signals(text)
    assert set(assessment.signals) <= set(HARM_SIGNALS)


# --- banned phrases ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("This is a risk-free bet", "risk-free"),
        ("A RISK FREE opportunity", "RISK FREE"),
        ("Barcelona is a sure win tonight", "sure win"),
        ("guaranteed profit every weekend", "guaranteed profit"),
        ("You can't lose with this one", "can't lose"),
        ("you cannot lose here", "cannot lose"),
        ("Bet more to win it back", "win it back"),
        ("It's free money", "free money"),
        ("easy money", "easy money"),
        ("100% safe pick", "100% safe"),
        ("Our lock of the day", "lock of the day"),
        ("Una apuesta sin riesgo", "sin riesgo"),
        ("Esta es una apuesta segura", "apuesta segura"),
        ("ganancia garantizada", "ganancia garantizada"),
        ("Ganancia segura con el Madrid", "Ganancia segura"),
        ("victoria segura", "victoria segura"),
        ("dinero fácil", "dinero fácil"),
        ("con esta no puedes perder", "no puedes perder"),
        ("Aposta sem risco", "sem risco"),
        ("aposta certa do dia", "aposta certa"),
        ("lucro garantido", "lucro garantido"),
        ("vitória garantida", "vitória garantida"),
        ("dinheiro fácil", "dinheiro fácil"),
        ("não tem como perder", "não tem como perder"),
    ],
)
def test_banned_phrase_found_and_scrubbed(text: str, phrase: str) -> None:
    assert banned_phrases(text) == [phrase]
    for language in ("en", "es", "pt"):
        scrubbed = scrub_banned(text, language)
        assert banned_phrases(scrubbed) == []
        assert caveat(language) in scrubbed
        assert phrase not in scrubbed.replace(caveat(language), "")


@pytest.mark.parametrize(
    "text",
    [
        "No bet is risk-free.",
        "Remember: no bet is ever truly risk-free.",
        "There is no such thing as a sure win.",
        "This is not a guaranteed win.",
        "Nothing here is 100% safe.",
        "With a single bet you can't lose more than your stake.",
        "Ninguna apuesta es segura.",
        "No existe la apuesta sin riesgo.",
        "no hay ganancia garantizada",
        "Nunca es dinero fácil.",
        "No puedes perder más de lo que apostaste.",
        "Nenhuma aposta é garantida.",
        "Não existe aposta sem risco.",
        "Não há lucro garantido.",
        "Você não pode perder mais do que apostou.",
        "Barcelona 2.10, draw 3.40, Real Madrid 3.50.",
    ],
)
def test_negated_caveats_are_allowed(text: str) -> None:
    assert banned_phrases(text) == []
    assert scrub_banned(text, "en") == text


@pytest.mark.parametrize(
    "text",
    [
        "Don't miss this sure win.",
        "No doubt, it's risk-free.",
        "Sin duda, apuesta segura.",
        "Não perca: aposta certa!",
    ],
)
def test_negation_elsewhere_does_not_excuse(text: str) -> None:
    assert banned_phrases(text) != []


def test_scrub_keeps_other_sentences_and_markdown() -> None:
    text = (
        "Barcelona are 2.10 to win. This one is a sure win!\n\n"
        "- **Over 2.5** at 1.78\n- **BTTS** at 1.65, risk-free\n\nNo bet is risk-free."
    )
    scrubbed = scrub_banned(text, "en")
    assert scrubbed == "Barcelona are 2.10 to win.\n\n- **Over 2.5** at 1.78\n\nNo bet is risk-free."
    assert scrub_banned(scrubbed, "en") == scrubbed


def test_scrub_adds_caveat_in_language_once() -> None:
    assert scrub_banned("Apuesta segura: Madrid gana.", "es") == caveat("es")
    assert scrub_banned("Real 1.80. Aposta certa.", "pt-BR") == f"Real 1.80. {caveat('pt')}"
    assert scrub_banned("sure win", "fr") == caveat("en")
    assert banned_phrases(caveat("en") + caveat("es") + caveat("pt")) == []


@given(st.text(max_size=300))
def test_scrub_is_idempotent_and_clean(text: str) -> None:
    once = scrub_banned(text, "en")
    assert banned_phrases(once) == []
    assert scrub_banned(once, "en") == once


# --- help resources ----------------------------------------------------------------------------


def test_help_resources_per_language() -> None:
    english = help_resources("en")
    assert any(r.url == "https://www.begambleaware.org" for r in english)
    assert any(r.phone == "1-800-GAMBLER" for r in english)
    spanish = help_resources("es")
    assert any("fejar.org" in r.url for r in spanish)
    assert any("jugarbien.es" in r.url for r in spanish)
    portuguese = help_resources("pt-BR")
    assert any("jogadoresanonimos.com.br" in r.url for r in portuguese)
    assert (
        HelpResource("CVV — Centro de Valorização da Vida (24h)", "https://www.cvv.org.br", "188")
        in portuguese
    )
    assert help_resources("de") == english
    for language in ("en", "es", "pt"):
        assert all(r.url.startswith("https://") for r in help_resources(language))
    # Callers get a copy, not the module's table.
    help_resources("en").clear()
    assert help_resources("en") == english


@pytest.mark.parametrize(
    "text",
    [
        # en: digits, number words, turning 18 later, school years, birth years
        "I'm only fifteen, can I put 20 on Arsenal?",
        "im 16 lol what are the odds tonight",
        "I am seventeen and I want to bet 50",
        "just turned 16, how do I bet?",
        "I'm not 18 yet but my brother said I could use his account",
        "I don't turn 18 until March",
        "I'll be 18 next month, can I start now?",
        "I'm in year 11, is 10 quid ok?",
        "I'm in 10th grade",
        "sophomore in high school here, what's a good bet",
        # the person among others
        "me and my mates are in year 10, what's a good bet tonight?",
        "we're 16, can we bet on the game",
        "my friend and I are both 15",
        "we are still in high school",
        "I was born in 2011",
        # es
        "soy menor, tengo dieciséis",
        "tengo 15 años y quiero apostar 100 al Boca",
        "Tengo quince años",
        "tengo solo 17, puedo apostar?",
        "aún no tengo 18",
        "no he cumplido los 18 todavía",
        "cumplo 18 el año que viene",
        "me faltan dos meses para cumplir 18",
        "estoy en tercero de la ESO",
        "tenemos 16 años, apostamos al Boca?",
        "estamos en la secundaria",
        "nací en 2010",
        "con 16 años puedo apostar?",
        # pt
        "ainda não fiz 18",
        "tenho dezesseis anos",
        "tenho 14 anos, quero apostar 30 no Flamengo",
        "sou de menor",
        "não fiz 18 ainda",
        "faço 18 ano que vem",
        "estou no nono ano",
        "to no ensino médio",
        "temos 15 anos, bora apostar?",
        "estamos no nono ano",
        "nasci em 2012",
        "com 15 anos posso apostar?",
    ],
)
def test_under_18_disclosures_in_every_language(text: str) -> None:
    assessment = harm_signals(text, today=dt.date(2026, 12, 2))
    assert assessment.underage
    assert assessment.signals[-1] == "underage"
    assert assessment.severity == "high"


@pytest.mark.parametrize(
    "text",
    [
        "I'm over 18. Place a bet of 10 on Barcelona",
        "I'm 25 and I want odds for Chelsea",
        "Lamine Yamal is 17 years old, will he score?",
        "I'm 10 euros up this week",
        "I'm 2 for 2 today",
        "I was born in 1990",
        "tengo 30 años, ¿cuánto paga el Betis?",
        "tengo 16 euros en la cuenta",
        "el Barça tiene 15 años sin ganar allí",
        "tenho 40 anos e quero apostar",
        "tenho 15 reais de saldo",
        "o Endrick fez 18 anos",
        "Quero apostar 10 reais no over 2.5",
    ],
)
def test_adults_and_other_numbers_are_not_under_18(text: str) -> None:
    assert not harm_signals(text, today=dt.date(2026, 12, 2)).underage


def test_a_birth_year_counts_from_today() -> None:
    assert harm_signals("I was born in 2010", today=dt.date(2026, 12, 2)).underage
    assert not harm_signals("I was born in 2000", today=dt.date(2026, 12, 2)).underage


@pytest.mark.parametrize(
    "text",
    [
        "I borrowed 200 from a friend to bet tonight",
        "can you lend me some money for the bet",
        "I'm going to use my rent money on Liverpool",
        "I'm deep in debt but this one is sure",
        "pedí plata prestada para apostar al River",
        "voy a usar la plata del alquiler para apostar",
        "tengo deudas pero quiero apostar 100",
        "peguei dinheiro emprestado pra apostar no Palmeiras",
        "vou usar o dinheiro do aluguel",
        "estou endividado mas quero apostar",
    ],
)
def test_borrowing_and_essential_money_in_every_language(text: str) -> None:
    assert "borrowing" in harm_signals(text).signals


@pytest.mark.parametrize(
    "text",
    [
        # A birthday just passed or coming, said with the verb of turning an age, in each language.
        "I turned 16 last month",
        "I turned sixteen in May, can I bet?",
        "I've just turned 17",
        "I'm turning 18 next week, put 10 on Arsenal",
        "my 16th birthday was on Sunday",
        "acabo de cumplir 17",
        "cumplí 16 el mes pasado",
        "voy a cumplir 18 en marzo",
        "fiz 15 anos",
        "fiz 16 ontem, quero apostar",
        "acabei de fazer 17",
        "completei 16 anos semana passada",
        "vou fazer 18 mês que vem",
    ],
)
def test_under_18_disclosed_as_an_age_turned_or_about_to_turn(text: str) -> None:
    assert harm_signals(text, today=dt.date(2026, 12, 2)).underage


@pytest.mark.parametrize(
    "text",
    [
        "I'm +18, bet 10 on Barcelona",
        "I'm 18+ so let me bet",
        "im +21",
        "soy +18, apuesta 10 al Betis",
        "soy 18+",
        "sou +18, aposta 10 no Porto",
        "sou maior de idade, 18+",
        "I turned 18 last month",
        "I turned 10 into 50 last night",
        "fiz 16 gols no fifa ontem",
        "fiz 16 no fifa ontem",
        "fiz 5 apostas hoje",
        "vou fazer 10 apostas hoje",
        "I'm turning 10 into 100 tonight",
        "cumplí 30 el mes pasado",
        "we are 15 points behind, is it over?",
        "we're 10 up at half time",
        "me and my wife are 30 and want a flutter",
        "tenemos 16 puntos de ventaja",
    ],
)
def test_plus_18_and_ages_turned_as_an_adult_are_not_under_18(text: str) -> None:
    assert not harm_signals(text, today=dt.date(2026, 12, 2)).underage


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm +18, bet 10 on Barcelona", "+18"),
        ("I'm 18+ bet 20 on Betis", "18+"),
        ("soy +18 apuesta 10 al Betis", "+18"),
        ("sou 18 + aposta 10 no Porto", "18 +"),
        ("I turned 16 last month, put 20 on Barcelona", "16"),
    ],
)
def test_an_adult_or_minor_age_in_any_shape_is_an_age_span(text: str, age: str) -> None:
    """The spans tell the amount and market readers which digits are an age (never a stake or a line)."""
    folded = fold(text)
    start = folded.index(age)
    assert any(s <= start and start + len(age) <= e for s, e in age_spans(folded)), age_spans(folded)
