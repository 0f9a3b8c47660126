"""`manage.py nlu_evaluate`: cross-validation of the intent classifier and its learning curve, run
here on a small data file of its own."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from conversations.assistant.understanding.evaluation import cross_validate
from conversations.assistant.understanding.intents import load_examples

_BLOCKS = {
    "greeting": ["hello there", "hi", "good morning", "hey, how are you", "hiya", "morning all", "yo",
                 "good evening", "hey there", "howdy"],
    "user_balance_query": ["what's my balance", "how much money do i have", "balance please",
                           "how much is in my account", "show my funds", "my balance?", "what do i have left",
                           "check my balance", "how much can i bet", "account balance"],
    "match_schedule_query": ["when do [Arsenal](team) play", "next [Chelsea](team) game",
                             "what games are on today", "fixtures this weekend", "who plays tomorrow",
                             "when is the derby", "matches tonight?", "is there a game on sunday",
                             "when's the next one", "kickoff time for [Napoli](team)"],
}  # fmt: skip


def _data(tmp_path: Path) -> Path:
    lines = ['version: "3.1"', "nlu:"]
    for intent, examples in _BLOCKS.items():
        lines += [f"- intent: {intent}", "  language: en", "  examples: |"]
        lines += [f"    - {example}" for example in examples]
    path = tmp_path / "en.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cross_validation_predicts_every_example_once(tmp_path: Path):
    examples = load_examples(_data(tmp_path))
    report = cross_validate(examples, folds=5)
    assert sorted(p.example.plain for p in report.predictions) == sorted(e.plain for e in examples)
    assert set(report.per_intent) == set(_BLOCKS)
    assert 0.0 <= report.macro_f1 <= 1.0
    assert report.per_language["en"][2] == len(examples)


def test_the_learning_curve_trains_on_a_share_and_tests_on_everything(tmp_path: Path):
    examples = load_examples(_data(tmp_path))
    whole = cross_validate(examples, folds=5)
    part = cross_validate(examples, folds=5, share=0.5)
    assert len(part.predictions) == len(whole.predictions) == len(examples)

    out = StringIO()
    call_command("nlu_evaluate", data=tmp_path, curve=[0.5, 1.0], stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(" (")[0] for line in lines] == ["training share 0.50", "training share 1.00"]
    assert lines[1].endswith(f"macro-F1 {whole.macro_f1:.3f}")
    assert lines[0].endswith(f"macro-F1 {part.macro_f1:.3f}")
