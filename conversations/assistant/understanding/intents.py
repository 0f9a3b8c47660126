"""Intent classification learned from training data (`data/nlu/<language>.yml`, Rasa-style).

Pipeline: TF-IDF over character n-grams within words (2-5), character n-grams across words (2-6)
and word n-grams (1-2), each sublinear and normalised on its own, into a linear SVM (one-vs-rest,
classes unweighted); its margins become probabilities through a softmax
with one temperature fitted on held-out examples. The fitted model is cached on disk keyed by the data files' hash and the
scikit-learn version, and retrained (a few seconds) when either changes. Teams and competitions are
placeholders on both sides, so the model learns the request and not the club; the lookup tables
(`data/lexicon.yaml`: sports, their vocabulary, athletes, competitions, betting terms) add a token per
term found, so the model learns "an athlete" and not each athlete.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml

from conversations.assistant.understanding.text import fold

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

logger = logging.getLogger(__name__)

INTENTS = (
    "greeting", "help_request", "match_schedule_query", "tournament_info", "odds_information_query",
    "team_comparison", "betting_recommendation", "bet_simulation", "place_bet", "user_balance_query",
    "general_betting_info", "general_sports_query", "responsible_gambling", "unclear",
)  # fmt: skip

DATA_PATH = Path(__file__).resolve().parent / "data" / "nlu"
LEXICON_PATH = Path(__file__).resolve().parent / "data" / "lexicon.yaml"
TEAM, COMPETITION = "_team_", "_comp_"
PLACEHOLDERS = {"team": TEAM, "competition": COMPETITION}

_ENTITY_RE = re.compile(r"\[([^\]]+)\]\((team|competition)\)")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_REPEAT_RE = re.compile(r"(\w)\1{2,}")
_WORD_RE = re.compile(r"[a-z]{3,}")
_LEXICON_WORD_RE = re.compile(r"\w+")  # "_team_" is one word, never the term "team"
# Measured with 5-fold CV on ~4,300 examples: LinearSVC C=1 scored the logistic regression's
# macro-F1 (0.899 vs 0.896) and fits in about 1 s instead of 20 s on this 2-core machine.
_C = 1.0
# Bump when IntentModel changes shape, so cached models from older code are not reused.
_MODEL_VERSION = 8
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Example:
    text: str  # entities replaced by placeholders
    intent: str
    language: str
    plain: str  # as written, without the annotation marks


def data_files(path: Path = DATA_PATH) -> list[Path]:
    """The training-data files: `path` itself, or every `*.yml` in that folder, by name."""
    return sorted(path.glob("*.yml")) if path.is_dir() else [path]


def load_examples(path: Path = DATA_PATH) -> list[Example]:
    """Every example of the training data at `path` (a file, or a folder of files)."""
    examples = []
    for file in data_files(path):
        examples.extend(_file_examples(file))
    return examples


def _file_examples(path: Path) -> list[Example]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    examples = []
    for block in data["nlu"]:
        intent, language = block["intent"], block["language"]
        if intent not in INTENTS:
            raise ValueError(f"{path}: unknown intent {intent!r}")
        for line in block["examples"].splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            written = line[2:].strip()
            examples.append(
                Example(
                    text=_ENTITY_RE.sub(lambda m: PLACEHOLDERS[m.group(2)], written),
                    intent=intent,
                    language=language,
                    plain=_ENTITY_RE.sub(lambda m: m.group(1), written),
                )
            )
    return examples


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The lookup tables (`data/lexicon.yaml`): folded term -> its categories' tokens."""

    terms: dict[str, tuple[str, ...]]
    first_words: frozenset[str]
    longest: int  # words in the longest term

    def found(self, folded: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, tokens) of each term in `folded`, whole words only, longest term first."""
        words = list(_LEXICON_WORD_RE.finditer(folded))
        spans = []
        i = 0
        while i < len(words):
            if words[i].group() in self.first_words:
                for n in range(min(self.longest, len(words) - i), 0, -1):
                    tokens = self.terms.get(" ".join(w.group() for w in words[i : i + n]))
                    if tokens:
                        spans.append((words[i].start(), words[i + n - 1].end(), tokens))
                        i += n - 1
                        break
            i += 1
        return spans

    def tokens(self, text: str) -> str:
        """The tokens of the lexicon terms in `text`, space-separated: "how long is a marathon" ->
        "_sportword_"."""
        return " ".join(t for _, _, tokens in self.found(fold(text)) for t in tokens)


def lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The lookup tables at `path`, read again when the file changes."""
    status = path.stat()
    return _read_lexicon(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=2)
def _read_lexicon(path: Path, mtime_ns: int, size: int) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms: dict[str, tuple[str, ...]] = {}
    for category, table in data.items():
        token = table["token"]
        for key, written in table.items():
            if key == "token":
                continue
            for term in str(written).split(","):
                folded = " ".join(_LEXICON_WORD_RE.findall(fold(term)))
                if not folded:
                    raise ValueError(f"{path.name}: empty term in {category}/{key}")
                if token not in terms.get(folded, ()):
                    terms[folded] = (*terms.get(folded, ()), token)
    return Lexicon(
        terms=terms,
        first_words=frozenset(term.split()[0] for term in terms),
        longest=max(len(term.split()) for term in terms),
    )


def features_text(text: str) -> str:
    """What the vectorizers see: folded, numbers as "0", letters repeated 3+ times kept twice."""
    return _REPEAT_RE.sub(r"\1\1", _NUMBER_RE.sub("0", fold(text)))


def model_texts(text: str, lookup: Lexicon | None = None) -> tuple[str, str]:
    """(character text, word text): `features_text`, and for the word n-grams the same with the
    lexicon's tokens appended. Character n-grams of "_athlete_" would only outweigh the message's
    own in a short one ("moneyline?"); appending kept every example distinct, and putting each
    token after its term, or in its place, scored the same (macro-F1 within 0.001, see README)."""
    plain = features_text(text)
    tokens = (lookup or lexicon()).tokens(text)
    return plain, f"{plain} {tokens}" if tokens else plain


# (analyzer, n-gram range, which of `model_texts`' two texts it reads). Character n-grams across
# word boundaries ("s a p", "e un ") carry the phrase's shape the other two split apart: measured
# with 5-fold CV on 10,083 examples, adding them moved macro-F1 0.922 -> 0.928, where weighting the
# word-bounded block twice instead moved it 0.001 (see README).
BLOCKS: tuple[tuple[str, tuple[int, int], int], ...] = (
    ("char_wb", (2, 5), 0),
    ("char", (2, 6), 0),
    ("word", (1, 2), 1),
)
_WHITE_SPACES_RE = re.compile(r"\s\s+")
_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True, slots=True)
class Features:
    """A fitted TF-IDF vectorizer reduced to what a prediction needs (vocabulary and idf), with its
    analyzer written out: loading the model imports no scikit-learn (about 100 MB per process).
    A test checks the analyzers against scikit-learn's own."""

    kind: str  # "char_wb" | "char" | "word"
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: np.ndarray

    def grams(self, text: str) -> list[str]:
        low, high = self.ngram_range
        text = text.lower()
        if self.kind == "char_wb":
            found: list[str] = []
            for word in _WHITE_SPACES_RE.sub(" ", text).split():
                padded = f" {word} "
                for n in range(low, high + 1):
                    found.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
                    if len(padded) <= n:
                        break  # a short word counts once
            return found
        if self.kind == "char":
            text = _WHITE_SPACES_RE.sub(" ", text)
            return [
                text[i : i + n]
                for n in range(low, min(high, len(text)) + 1)
                for i in range(len(text) - n + 1)
            ]
        tokens = _TOKEN_RE.findall(text)
        found = list(tokens) if low == 1 else []
        for n in range(max(low, 2), min(high, len(tokens)) + 1):
            found.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        return found

    def dot(self, coef: np.ndarray, text: str) -> np.ndarray:
        """coef-weighted sum of the L2-normalised, sublinear TF-IDF vector of `text`."""
        vocabulary = self.vocabulary
        counts: dict[int, int] = {}
        for gram in self.grams(text):
            index = vocabulary.get(gram)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return np.zeros(coef.shape[1])
        indices = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * (
            self.idf[indices]
        )
        weights /= np.sqrt(weights @ weights)
        return np.asarray(weights @ coef[indices])


def _vectorizers() -> list[TfidfVectorizer]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [
        TfidfVectorizer(analyzer=kind, ngram_range=ngrams, sublinear_tf=True) for kind, ngrams, _ in BLOCKS
    ]


def _matrix(vectorizers: list[TfidfVectorizer], texts: list[tuple[str, str]], *, fit: bool) -> Any:
    """The blocks' TF-IDF matrices side by side (fitting the vectorizers first when `fit`)."""
    from scipy import sparse

    blocks = []
    for vectorizer, (_, _, source) in zip(vectorizers, BLOCKS, strict=True):
        column = [text[source] for text in texts]
        blocks.append(vectorizer.fit_transform(column) if fit else vectorizer.transform(column))
    return sparse.hstack(blocks).tocsr()


def _features(vectorizer: TfidfVectorizer) -> Features:
    return Features(
        kind=str(vectorizer.analyzer),
        ngram_range=vectorizer.ngram_range,
        vocabulary={str(gram): int(index) for gram, index in vectorizer.vocabulary_.items()},
        idf=np.asarray(vectorizer.idf_, dtype=np.float64),
    )


class IntentModel:
    """A fitted classifier. `predict` is the per-message path: TF-IDF on the fitted vocabularies and
    a dot product with the SVM's weights, in numpy (scikit-learn is needed only to train)."""

    def __init__(self, examples: list[Example], lookup: Lexicon | None = None) -> None:
        from threadpoolctl import threadpool_limits

        # The model keeps the tables it was trained with: prediction featurizes as training did.
        self.lexicon = lookup or lexicon()

        # One BLAS thread: on a shared 2-core machine more threads made a 2 s fit take 12 s.
        with threadpool_limits(limits=1):
            self._fit(examples)

    def _fit(self, examples: list[Example]) -> None:
        texts = [model_texts(e.text, self.lexicon) for e in examples]
        labels = [e.intent for e in examples]
        vectorizers = _vectorizers()
        self.temperature = _fit_temperature(texts, labels)
        classifier = _classifier().fit(_matrix(vectorizers, texts, fit=True), labels)
        self.classes: tuple[str, ...] = tuple(str(c) for c in classifier.classes_)
        coef = np.asarray(classifier.coef_, dtype=np.float64)
        # Per block: its features, its slice of the SVM's weights (features x classes), its text.
        self.blocks: list[tuple[Features, np.ndarray, int]] = []
        start = 0
        for vectorizer, (_, _, source) in zip(vectorizers, BLOCKS, strict=True):
            end = start + len(vectorizer.vocabulary_)
            self.blocks.append((_features(vectorizer), np.ascontiguousarray(coef[:, start:end].T), source))
            start = end
        self.intercept = np.asarray(classifier.intercept_, dtype=np.float64)

    def features(self, kind: str) -> Features:
        """The fitted features of the block whose analyzer is `kind`."""
        return next(features for features, _, _ in self.blocks if features.kind == kind)

    def predict(self, text: str) -> list[tuple[str, float]]:
        """(intent, calibrated probability) for every intent, most likely first."""
        texts = model_texts(text, self.lexicon)
        logits = self.intercept.copy()
        for features, coef, source in self.blocks:
            logits += features.dot(coef, texts[source])
        logits /= self.temperature
        exp = np.exp(logits - logits.max())
        probabilities = exp / exp.sum()
        order = np.argsort(-probabilities)
        return [(self.classes[i], float(probabilities[i])) for i in order]


def _classifier() -> LinearSVC:
    from sklearn.svm import LinearSVC

    # Unweighted: "unclear" holds a quarter of the examples, and balancing the classes made each of
    # its examples count a third of another intent's (macro-F1 0.917 -> 0.921, see README).
    return LinearSVC(C=_C)


def _fit_temperature(texts: list[tuple[str, str]], labels: list[str]) -> float:
    """One temperature that makes held-out probabilities honest (minimum log loss on a 25% split)."""
    from sklearn.model_selection import train_test_split

    train_x, test_x, train_y, test_y = train_test_split(
        texts, labels, test_size=0.25, stratify=labels, random_state=0
    )
    vectorizers = _vectorizers()
    fitted = _classifier().fit(_matrix(vectorizers, train_x, fit=True), train_y)
    logits = fitted.decision_function(_matrix(vectorizers, test_x, fit=False))
    truth = np.searchsorted(fitted.classes_, test_y)
    best, best_loss = 1.0, float("inf")
    for temperature in np.geomspace(0.02, 4.0, 160):
        scaled = logits / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_probabilities = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        loss = -float(log_probabilities[np.arange(len(truth)), truth].mean())
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return best


def data_hash(path: Path = DATA_PATH) -> str:
    digest = hashlib.sha256()
    for file in data_files(path):
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    digest.update(LEXICON_PATH.name.encode() + b"\0" + LEXICON_PATH.read_bytes())
    digest.update(f"sklearn={version('scikit-learn')};C={_C};model={_MODEL_VERSION}".encode())
    return digest.hexdigest()[:20]


def data_signature(path: Path = DATA_PATH) -> tuple[tuple[str, int, int], ...]:
    """What changes when the data does, read from the file system without reading the files
    (name, modification time, size of each): a few `stat` calls instead of hashing ~0.5 MB."""
    files = [path, *data_files(path)] if path.is_dir() else [path]
    files.append(LEXICON_PATH)
    signature = []
    for file in files:
        status = file.stat()
        signature.append((file.name, status.st_mtime_ns, status.st_size))
    return tuple(signature)


_model: IntentModel | None = None
_model_signature: tuple[tuple[str, int, int], ...] | None = None
_model_checked_at = 0.0
# How often the data files are looked at for a change (a few stat calls, ~7% of understanding a
# message when done for every one): an edit is picked up within a second.
_RECHECK_SECONDS = 1.0


def model() -> IntentModel:
    """The fitted model for the current data: in memory while the data files are unchanged, else
    from the disk cache (keyed by the data's hash), else trained."""
    global _model, _model_signature, _model_checked_at
    now = time.monotonic()
    if _model is not None and now - _model_checked_at < _RECHECK_SECONDS:
        return _model
    signature = data_signature()
    _model_checked_at = now
    if _model is not None and _model_signature == signature:
        return _model
    with _lock:
        if _model is None or _model_signature != signature:
            _model, _model_signature = load_or_train(), signature
        return _model


def load_or_train(data: Path = DATA_PATH, cache_dir: Path | None = None) -> IntentModel:
    """The model for `data` from the disk cache (`NLU_CACHE_DIR`), trained and stored when missing."""
    from django.conf import settings

    directory = cache_dir or Path(settings.NLU_CACHE_DIR)
    key = data_hash(data)
    path = directory / f"intents-{key}.pkl"
    if path.exists():
        try:
            with path.open("rb") as handle:
                loaded: Any = pickle.load(handle)  # noqa: S301 - our own cache file, written below
            if isinstance(loaded, IntentModel):
                return loaded
        except (OSError, pickle.UnpicklingError, AttributeError, EOFError):
            logger.warning("intent model cache %s unreadable; retraining", path.name)
    fitted = IntentModel(load_examples(data))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False, suffix=".tmp") as out:
            pickle.dump(fitted, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
        for stale in directory.glob("intents-*.pkl"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        logger.warning("intent model cache %s not writable; keeping the model in memory", directory)
    return fitted


def classify(text: str) -> list[tuple[str, float]]:
    """(intent, probability) for `text` (entities already replaced by placeholders), best first."""
    return model().predict(text)


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every ordinary word in the training data (entity names excluded): never a team's typo."""
    words: set[str] = set()
    for example in load_examples():
        words.update(_WORD_RE.findall(fold(example.text)))
    return frozenset(words)


_ANY_WORD_RE = re.compile(r"[a-z]+")
_OWN_SHARE = 0.8


@lru_cache(maxsize=1)
def language_words() -> dict[str, str]:
    """The words the training data uses (nearly) only in one language, with that language ("hola"
    es, "ola" pt, "hello" en): what a message too short for the language detector still says.

    A word qualifies when at least `_OWN_SHARE` of its uses are in one language, so one slang or
    loan use elsewhere ("sim 10 on X", English for simulate) does not hide a Portuguese "sim".
    """
    uses: dict[str, Counter[str]] = {}
    for example in load_examples():
        plain = fold(example.text.replace(TEAM, " ").replace(COMPETITION, " "))
        for word in _ANY_WORD_RE.findall(plain):
            uses.setdefault(word, Counter())[example.language] += 1
    owned = {}
    for word, counts in uses.items():
        language, count = counts.most_common(1)[0]
        if count >= _OWN_SHARE * sum(counts.values()):
            owned[word] = language
    return owned
