"""The intent classifier's lookup tables (data/lexicon.yaml): loading, whole-word matching, and the
same featurization at training and at prediction."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conversations.assistant.understanding import intents
from conversations.assistant.understanding.intents import (
    Example,
    IntentModel,
    Lexicon,
    data_hash,
    data_signature,
    lexicon,
    model_texts,
)


def _tokens(text: str) -> list[str]:
    return [t for _, _, tokens in lexicon().found(intents.fold(text)) for t in tokens]


def test_the_lexicon_loads_every_category_in_three_languages():
    terms = lexicon().terms
    tokens = {t for found in terms.values() for t in found}
    assert {"_sport_", "_sportword_", "_athlete_", "_comp_", "_betword_"} <= tokens
    for written in ("basketball", "baloncesto", "basquete", "arbitro", "referee", "lionel messi"):
        assert written in terms
    assert sum("_athlete_" in found for found in terms.values()) >= 300
    # A missing comma glues two terms into one that never matches ("type of bet accumulator").
    assert lexicon().longest <= 5


def test_a_term_maps_to_its_categorys_token_after_accent_folding():
    assert _tokens("quién es el árbitro") == ["_sportword_"]
    assert _tokens("Mbappé or Vinícius?") == ["_athlete_", "_athlete_"]
    assert _tokens("o que é handicap asiático") == []  # a market: left to its own n-grams
    assert _tokens("qué es el rollover de un bono") == ["_betword_"]
    assert _tokens("how does a marathon work") == ["_sportword_"]
    assert _tokens("who is the best painter") == []


def test_multi_word_terms_match_whole_and_longest_first():
    assert _tokens("how do you get a red card") == ["_sportword_"]
    assert _tokens("can I cash-out now") == ["_betword_"]
    assert _tokens("what's a treble in football") == ["_betword_", "_sport_"]
    # "red" alone, or the words apart, are not the term
    assert _tokens("a red pen and a card") == []


def test_a_term_inside_a_longer_word_does_not_fire():
    assert _tokens("nbafan") == []
    assert _tokens("the teamwork of the golfers' wives") == []
    assert _tokens("messianic") == []
    # placeholders are one word: the classifier's _team_ is never a term
    assert _tokens("odds for _team_ vs _team_") == []


def test_the_tokens_are_appended_to_the_word_text_only():
    # Character n-grams of "_athlete_" would swamp a short message's own.
    assert model_texts("Neymar marcó 2 goles en el fútbol") == (
        "neymar marco 0 goles en el futbol",
        "neymar marco 0 goles en el futbol _athlete_ _sport_",
    )
    assert model_texts("Holaaaa, apuesta 2.500 al Bétis") == ("holaa, apuesta 0 al betis",) * 2


def test_the_models_prediction_featurizes_as_its_training_did(monkeypatch: pytest.MonkeyPatch):
    examples = [
        Example(text=text, intent=intent, language="en", plain=text)
        for intent, texts in {
            "general_sports_query": ["who is messi", "what is offside", "how long is a marathon"] * 3,
            "unclear": ["what is yoga", "who painted this", "how long is a river"] * 3,
            "greeting": ["hello there", "hi, how are you", "good morning"] * 3,
        }.items()
        for text in texts
    ]
    fitted = IntentModel(examples)
    assert "_athlete_" in fitted.features("word").vocabulary
    assert not any("_at" in gram for gram in fitted.features("char_wb").vocabulary)
    assert not any("_at" in gram for gram in fitted.features("char").vocabulary)
    seen: list[tuple[str, Lexicon | None]] = []
    real = intents.model_texts

    def spy(text: str, lookup: Lexicon | None = None) -> tuple[str, str]:
        seen.append((text, lookup))
        return real(text, lookup)

    monkeypatch.setattr(intents, "model_texts", spy)
    fitted.predict("who is haaland")
    # The same function with the tables the model was trained with (kept in the model, so a later
    # edit of the file cannot change how it reads a message).
    assert seen == [("who is haaland", fitted.lexicon)]
    assert fitted.lexicon is lexicon()
    assert real("who is haaland", fitted.lexicon)[1] == "who is haaland _athlete_"


def test_the_lexicon_is_part_of_the_models_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    copy = tmp_path / "lexicon.yaml"
    shutil.copy(intents.LEXICON_PATH, copy)
    data = tmp_path / "nlu"
    shutil.copytree(intents.DATA_PATH, data)
    before_hash, before_signature = data_hash(data), data_signature(data)
    monkeypatch.setattr(intents, "LEXICON_PATH", copy)
    assert data_hash(data) == before_hash
    copy.write_text(copy.read_text(encoding="utf-8") + "extra:\n  token: _extra_\n  en: curling stone\n")
    assert data_hash(data) != before_hash
    assert data_signature(data) != before_signature
    assert lexicon(copy).terms["curling stone"] == ("_extra_",)
