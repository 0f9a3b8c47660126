"""The language of each message (lingua-language-detector): a full message says its own, a short
or mixed one keeps the conversation's."""

from __future__ import annotations

import pytest

from conversations.tests.test_understanding_catalog import read
from conversations.tests.test_understanding_context import talk


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("When does Arsenal play next weekend?", "en"),
        ("¿Cuándo juega el Betis este fin de semana?", "es"),
        ("cuando juega el betis este finde", "es"),
        ("Quando joga o Porto neste fim de semana?", "pt"),
        ("quanto paga o empate no jogo do Benfica", "pt"),
        ("e o empate?", "pt"),
        ("y el empate?", "es"),
    ],
)
def test_each_message_says_its_language(text, language):
    assert read(text).language == language


@pytest.mark.parametrize(
    ("text", "language"), [("Hello!", "en"), ("hola", "es"), ("olá!", "pt"), ("oi", "pt"), ("buenas", "es")]
)
def test_an_opening_too_short_for_the_detector_is_told_by_the_words_only_one_language_uses(text, language):
    # lingua alone reads "Hello!" as Spanish (0.54) and "olá" as Spanish (0.51).
    understood = read(text)
    assert (understood.language, understood.language_decided) == (language, True)


def test_a_full_message_in_another_language_switches_the_reply_language():
    first, second = talk("¿Cuándo juega el Betis?", "What are the odds for that match?")
    assert (first.language, second.language) == ("es", "en")
    assert second.language_decided


@pytest.mark.parametrize(
    ("opening", "language"), [("Quando joga o Porto?", "pt"), ("¿Cuándo juega el Betis?", "es")]
)
def test_a_short_reply_keeps_the_conversations_language(opening, language):
    _, second = talk(opening, "ok")
    assert second.language == language
    assert not second.language_decided


@pytest.mark.parametrize(
    ("opening", "follow_up", "language"),
    [
        ("Quando joga o Porto?", "e as odds?", "pt"),
        ("Quando joga o Porto?", "e as odds do jogo?", "pt"),
        ("¿Cuándo juega el Betis?", "y las odds del partido?", "es"),
    ],
)
def test_a_betting_loan_word_does_not_switch_a_message_its_own_words_place(opening, follow_up, language):
    # lingua reads "e as odds?" as English: "odds" is English, but "e" and "as" are only Portuguese.
    _, second = talk(opening, follow_up)
    assert second.language == language


@pytest.mark.parametrize(
    ("text", "language"),
    [("fixture de la Serie A", "es"), ("odds hoy", "es")],
)
def test_a_short_opening_with_a_loan_word_is_told_by_the_word_only_one_language_uses(text, language):
    # lingua hears English in "fixture de la" (0.83); only Spanish says "la".
    assert read(text).language == language


def test_one_such_word_later_in_the_conversation_keeps_its_language():
    first, second = talk("What are the odds for Arsenal vs Chelsea?", "vamos")
    assert (first.language, second.language) == ("en", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("odds do Barcelona x Real Madrid", "pt"),
        ("what are the odds, Barcelona x Real Madrid?", "en"),
        ("odds Barcelona vs Real Madrid", "en"),
    ],
)
def test_a_match_written_with_x_is_a_portuguese_cue(text, language):
    # "x" between two clubs is how Portuguese writes a match; an English word of its own still wins.
    assert read(text).language == language
