"""The learned intent classifier: its training data, the disk cache keyed by the data's hash, and
what low confidence does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from conversations.assistant.understanding import INTENTS
from conversations.assistant.understanding.intents import (
    DATA_PATH,
    data_hash,
    data_signature,
    features_text,
    load_examples,
    load_or_train,
    model,
    model_texts,
)
from conversations.tests.test_understanding_catalog import read


def test_every_intent_has_forty_examples_in_every_language():
    counts = Counter((e.intent, e.language) for e in load_examples())
    for intent in INTENTS:
        for language in ("en", "es", "pt"):
            assert counts[(intent, language)] >= 40, (intent, language)


def test_no_two_examples_of_a_language_read_the_same_to_the_classifier():
    # A repeated line lands in both folds of the cross-validation and flatters its score.
    seen: dict[tuple[str, str], str] = {}
    for example in load_examples():
        key = (example.language, features_text(example.text).strip())
        assert key not in seen, (example.plain, seen[key])
        seen[key] = example.plain


def test_annotated_names_are_placeholders_for_the_classifier():
    examples = load_examples()
    assert all("[" not in e.text and "](" not in e.text for e in examples)
    assert any("_team_" in e.text for e in examples)
    assert any("_comp_" in e.text for e in examples)
    assert features_text("Holaaaa, apuesta 2.500 al Bétis") == "holaa, apuesta 0 al betis"


def test_the_model_is_cached_by_the_data_hash_and_retrained_when_the_data_changes(tmp_path: Path):
    data = tmp_path / "nlu"
    shutil.copytree(DATA_PATH, data)
    cache = tmp_path / "cache"
    first = load_or_train(data, cache)
    stored = list(cache.glob("intents-*.pkl"))
    assert [p.name for p in stored] == [f"intents-{data_hash(data)}.pkl"]

    again = load_or_train(data, cache)  # from disk: same numbers, no second file
    assert again is not first
    assert all((a == b).all() for (_, a, _), (_, b, _) in zip(again.blocks, first.blocks, strict=True))
    assert list(cache.glob("intents-*.pkl")) == stored

    english = data / "en.yml"
    english.write_text(english.read_text(encoding="utf-8") + "    - what odds do you have for the derby\n")
    changed = load_or_train(data, cache)
    assert [p.name for p in cache.glob("intents-*.pkl")] == [f"intents-{data_hash(data)}.pkl"]
    assert changed.features("word").vocabulary.keys() >= first.features("word").vocabulary.keys()


def test_the_data_signature_changes_with_any_data_file_and_only_then(tmp_path: Path):
    # model() re-checks this on every message instead of hashing the files' bytes.
    data = tmp_path / "nlu"
    shutil.copytree(DATA_PATH, data)
    before = data_signature(data)
    assert data_signature(data) == before
    spanish = data / "es.yml"
    spanish.write_text(spanish.read_text(encoding="utf-8") + "    - que cuotas hay para el clasico\n")
    after_edit = data_signature(data)
    assert after_edit != before
    (data / "fr.yml").write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    assert data_signature(data) not in (before, after_edit)


def test_predictions_are_probabilities_over_every_intent():
    result = read("What are the odds for Barcelona vs Real Madrid?")
    assert result.intent == "odds_information_query"
    assert 0.45 <= result.confidence <= 0.99


def test_low_confidence_asks_between_the_two_likeliest_requests():
    # Nothing here says which request it is: the assistant asks instead of guessing.
    result = read("tell me about Barcelona")
    assert result.intent == "unclear"
    assert result.confidence < 0.45
    assert len(result.alternatives) == 2
    assert len(set(result.alternatives)) == 2
    assert set(result.alternatives) <= set(INTENTS) - {"unclear"}
    assert result.teams == ["t-barca"]


def test_names_alone_leave_the_intent_to_the_conversation():
    result = read("Barcelona")
    assert result.intent == "match_schedule_query"
    assert result.alternatives == ()


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("10 on Barcelona", 10),
        ("ok, 25 on Real Madrid then", 25),
        ("20 al Barça", 20),
        ("15 no Real Madrid", 15),
    ],
)
def test_a_stake_and_a_name_alone_are_a_bet(text: str, amount: int):
    # Names and function words alone leave the intent to the conversation; a stake does not.
    result = read(text)
    assert result.intent == "place_bet"
    assert result.amount == amount


def test_the_models_own_tfidf_gives_scikit_learns_numbers():
    # The model predicts without scikit-learn: its analyzers and TF-IDF must be sklearn's exactly.
    from sklearn.feature_extraction.text import TfidfVectorizer

    examples = load_examples()
    both = [model_texts(e.text) for e in examples]
    fitted = model()
    assert [(f.kind, f.ngram_range) for f, _, _ in fitted.blocks] == [
        ("char_wb", (2, 5)),
        ("char", (2, 6)),
        ("word", (1, 2)),
    ]
    for features, _, source in fitted.blocks:
        analyzer, ngrams, texts = features.kind, features.ngram_range, [t[source] for t in both]
        reference = TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True).fit(texts)
        assert features.vocabulary == reference.vocabulary_
        assert np.allclose(features.idf, reference.idf_)
        analyze = reference.build_analyzer()
        probe = np.zeros((len(features.vocabulary), 3))  # the first three features' weights
        probe[:3] = np.eye(3)
        for text in [*texts[::25], "zzzz qqqq", "a", "  odds   for _team_ vs _team_ ?? "]:
            assert features.grams(text) == analyze(text)
            vector = reference.transform([text]).toarray()[0]
            assert np.allclose(features.dot(probe, text), vector[:3] if vector.any() else np.zeros(3))


def test_loading_the_model_imports_no_scikit_learn(tmp_path: Path):
    # About 100 MB per process: the model is numpy arrays and dicts once trained.
    cache = tmp_path / "cache"
    load_or_train(DATA_PATH, cache)
    code = (
        "import pickle, sys; from pathlib import Path; "
        f"model = pickle.loads(next(Path({str(cache)!r}).glob('intents-*.pkl')).read_bytes()); "
        "model.predict('odds for _team_ vs _team_'); "
        "print(any(name.startswith('sklearn') or name.startswith('scipy') for name in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "chatbet_site.settings"},
    )
    assert done.stdout.strip() == "False", done.stderr
