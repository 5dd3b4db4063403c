"""Which department an enquiry belongs to: a scikit-learn model over word and character
n-grams, so that it reads bokmål, nynorsk and English alike (and survives typos), and over
the concepts of lexicon.py, which are named alike in the three languages.

The model is trained on the labelled corpus in data/corpus.jsonl (plus the routing
corrections staff have made, when asked) and saved in data/model.joblib, which the package
loads; it needs no network. `velferd enquiries train` retrains it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.pipeline import FeatureUnion, Pipeline

from .lexicon import concepts

DATA_DIR = Path(__file__).resolve().parent / "data"
CORPUS = DATA_DIR / "corpus.jsonl"
MODEL = DATA_DIR / "model.joblib"
SEED = 2026
HOLDOUT_SHARE = 0.2


@dataclass(frozen=True)
class Routing:
    department: str
    confidence: float
    alternatives: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "department": self.department,
            "confidence": self.confidence,
            "alternatives": self.alternatives,
        }


@dataclass(frozen=True)
class Example:
    text: str
    department: str
    language: str = ""


@dataclass
class TrainingReport:
    accuracy: float
    labels: list[str]
    confusion: list[list[int]]
    trained_on: int
    held_out: int
    per_language: dict[str, float] = field(default_factory=dict)


def read_corpus(path: Path = CORPUS) -> list[Example]:
    with path.open(encoding="utf-8") as handle:
        return [Example(**json.loads(line)) for line in handle if line.strip()]


def new_pipeline() -> Pipeline:
    """Words, character n-grams (they survive typos and Norwegian compounds) and the
    lexicon's concepts shared by the three languages."""
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            ("concepts", TfidfVectorizer(analyzer=concepts, sublinear_tf=True)),
        ],
        transformer_weights={"words": 1.0, "chars": 1.0, "concepts": 0.5},
    )
    return Pipeline([("features", features), ("model", LogisticRegression(C=20.0, max_iter=3000))])


def split(
    examples: Sequence[Example], share: float = HOLDOUT_SHARE, seed: int = SEED
) -> tuple[list[Example], list[Example]]:
    """A stratified split: the same share of every department (and language) held out."""
    groups: dict[tuple[str, str], list[Example]] = {}
    for example in examples:
        groups.setdefault((example.department, example.language), []).append(example)
    rng = random.Random(seed)
    train: list[Example] = []
    held: list[Example] = []
    for key in sorted(groups):
        group = list(groups[key])
        rng.shuffle(group)
        cut = max(1, round(len(group) * share)) if len(group) > 2 else 0
        held.extend(group[:cut])
        train.extend(group[cut:])
    return train, held


def fit(examples: Sequence[Example]) -> Pipeline:
    pipeline = new_pipeline()
    pipeline.fit([e.text for e in examples], [e.department for e in examples])
    return pipeline


def evaluate(pipeline: Pipeline, held: Sequence[Example], trained_on: int) -> TrainingReport:
    labels = sorted(pipeline.classes_)
    predicted = list(pipeline.predict([e.text for e in held]))
    truth = [e.department for e in held]
    per_language: dict[str, float] = {}
    for language in sorted({e.language for e in held}):
        pairs = [
            (t, p) for t, p, e in zip(truth, predicted, held, strict=True) if e.language == language
        ]
        per_language[language] = round(sum(t == p for t, p in pairs) / len(pairs), 3)
    return TrainingReport(
        accuracy=round(float(accuracy_score(truth, predicted)), 3),
        labels=labels,
        confusion=confusion_matrix(truth, predicted, labels=labels).tolist(),
        trained_on=trained_on,
        held_out=len(held),
        per_language=per_language,
    )


def train(
    examples: Sequence[Example], extra: Iterable[Example] = ()
) -> tuple[Pipeline, TrainingReport]:
    """Measure on a held-out part, then fit the model that is kept on everything."""
    train_part, held = split(examples)
    measured = fit([*train_part, *extra])
    report = evaluate(measured, held, trained_on=len(train_part))
    return fit([*examples, *extra]), report


def save(pipeline: Pipeline) -> None:
    joblib.dump(pipeline, MODEL, compress=3)
    load.cache_clear()


@lru_cache(maxsize=1)
def load() -> Pipeline:
    model: Pipeline = joblib.load(MODEL)
    return model


def route_many(texts: Sequence[str], model: Pipeline | None = None) -> list[Routing]:
    """The department, the confidence (0-1) and the two runners-up for each text."""
    pipeline = model or load()
    if not texts:
        return []
    labels = list(pipeline.classes_)
    routings = []
    for row in pipeline.predict_proba(list(texts)):
        ranked = sorted(zip(labels, row, strict=True), key=lambda pair: -pair[1])
        routings.append(
            Routing(
                department=str(ranked[0][0]),
                confidence=round(float(ranked[0][1]), 4),
                alternatives=[
                    {"department": str(label), "confidence": round(float(p), 4)}
                    for label, p in ranked[1:3]
                ],
            )
        )
    return routings


def route(text: str, model: Pipeline | None = None) -> Routing:
    return route_many([text], model)[0]
