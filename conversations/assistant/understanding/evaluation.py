"""Cross-validation of the intent classifier on its training data (what `nlu_evaluate` prints).

Stratified k-fold by intent and language. The examples are written one by one, not generated
from templates, so there are no template groups to keep together; conversations nobody wrote for
the classifier (the evaluation sets) remain the real yardstick.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold

from conversations.assistant.understanding.intents import Example, IntentModel


@dataclass(frozen=True, slots=True)
class Prediction:
    example: Example
    intent: str
    probability: float


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(slots=True)
class Report:
    folds: int
    predictions: list[Prediction]
    per_intent: dict[str, Scores] = field(default_factory=dict)
    per_language: dict[str, tuple[float, float, int]] = field(default_factory=dict)  # accuracy, macro-F1, n
    macro_f1: float = 0.0
    accuracy: float = 0.0
    confusions: list[tuple[str, str, int, str]] = field(
        default_factory=list
    )  # truth, predicted, count, example

    def above(self, threshold: float) -> tuple[float, float]:
        """(share of messages at or above `threshold`, accuracy among them)."""
        kept = [p for p in self.predictions if p.probability >= threshold]
        if not kept:
            return 0.0, 0.0
        right = sum(p.intent == p.example.intent for p in kept)
        return len(kept) / len(self.predictions), right / len(kept)


def cross_validate(examples: list[Example], *, folds: int = 5, seed: int = 0, share: float = 1.0) -> Report:
    """`share` < 1 trains each fold on that share of its training examples (drawn at random, the
    test folds unchanged): a point of the learning curve."""
    strata = [f"{e.intent}/{e.language}" for e in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    predictions: list[Prediction] = []
    for train_index, test_index in splitter.split(examples, strata):
        if share < 1.0:
            drawn = np.random.default_rng(seed).permutation(train_index)
            train_index = drawn[: int(len(drawn) * share)]
        model = IntentModel([examples[i] for i in train_index])
        for i in test_index:
            intent, probability = model.predict(examples[i].text)[0]
            predictions.append(Prediction(examples[i], intent, probability))
    report = Report(folds=folds, predictions=predictions)
    truth = [p.example.intent for p in predictions]
    guessed = [p.intent for p in predictions]
    labels = sorted(set(truth))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, guessed, labels=labels, zero_division=0
    )
    report.per_intent = {
        label: Scores(float(precision[i]), float(recall[i]), float(f1[i]), int(support[i]))
        for i, label in enumerate(labels)
    }
    report.macro_f1 = float(f1.mean())
    report.accuracy = sum(t == g for t, g in zip(truth, guessed, strict=True)) / len(truth)
    for language in sorted({p.example.language for p in predictions}):
        subset = [p for p in predictions if p.example.language == language]
        sub_truth = [p.example.intent for p in subset]
        sub_guess = [p.intent for p in subset]
        _, _, sub_f1, _ = precision_recall_fscore_support(
            sub_truth, sub_guess, labels=sorted(set(sub_truth)), zero_division=0
        )
        accuracy = sum(t == g for t, g in zip(sub_truth, sub_guess, strict=True)) / len(subset)
        report.per_language[language] = (accuracy, float(sub_f1.mean()), len(subset))
    pairs = Counter((p.example.intent, p.intent) for p in predictions if p.example.intent != p.intent)
    first_example: dict[tuple[str, str], str] = {}
    for p in predictions:
        first_example.setdefault((p.example.intent, p.intent), p.example.plain)
    report.confusions = [(t, g, n, first_example[(t, g)]) for (t, g), n in pairs.most_common()]
    return report
