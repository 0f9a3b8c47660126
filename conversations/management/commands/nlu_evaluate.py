"""Cross-validate the intent classifier on its training data (Rasa's `rasa test nlu` shape):
per-intent precision/recall/F1, per language, macro-F1, the confusion pairs, and how accuracy
moves with the confidence threshold the assistant asks a clarifying question below."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from conversations.assistant.understanding.evaluation import cross_validate
from conversations.assistant.understanding.intents import DATA_PATH, load_examples


class Command(BaseCommand):
    help = "Stratified k-fold cross-validation of the intent classifier on data/nlu/*.yml."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data", type=Path, default=DATA_PATH, help="The training data: a file or a folder of files."
        )
        parser.add_argument("--folds", type=int, default=5)
        parser.add_argument("--confusions", type=int, default=15, help="How many confusion pairs to list.")
        parser.add_argument(
            "--curve",
            type=lambda text: [float(share) for share in text.split(",")],
            help="Only the learning curve: macro-F1 with each fold's training data cut to these shares, "
            "e.g. 0.25,0.5,0.75,1",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        examples = load_examples(options["data"])
        if options["curve"]:
            for share in options["curve"]:
                curve = cross_validate(examples, folds=options["folds"], share=share)
                trained = int(len(examples) * (options["folds"] - 1) / options["folds"] * share)
                self.stdout.write(
                    f"training share {share:.2f} (~{trained} examples per fold): macro-F1 {curve.macro_f1:.3f}"
                )
            return
        started = time.perf_counter()
        report = cross_validate(examples, folds=options["folds"])
        elapsed = time.perf_counter() - started
        out = self.stdout.write
        out(f"{len(examples)} examples, {len(report.per_intent)} intents, {report.folds}-fold stratified CV "
            f"by intent and language ({elapsed:.1f} s)\n")  # fmt: skip
        out(f"{'intent':26} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}")
        for intent, scores in report.per_intent.items():
            out(
                f"{intent:26} {scores.precision:9.3f} {scores.recall:7.3f} {scores.f1:6.3f} {scores.support:8d}"
            )
        out(f"\nmacro-F1 {report.macro_f1:.3f}   accuracy {report.accuracy:.3f}\n")
        out(f"{'language':10} {'accuracy':>8} {'macro-F1':>8} {'n':>6}")
        for language, (accuracy, f1, n) in report.per_language.items():
            out(f"{language:10} {accuracy:8.3f} {f1:8.3f} {n:6d}")
        out("\nconfidence   share at or above   accuracy there")
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            share, accuracy = report.above(threshold)
            out(f"{threshold:10.1f} {share:19.3f} {accuracy:16.3f}")
        out(f"\nconfusion pairs (truth -> predicted, count, first example), top {options['confusions']}:")
        for truth, predicted, count, example in report.confusions[: options["confusions"]]:
            out(f"  {truth} -> {predicted}: {count}   e.g. {example!r}")
