"""The expected-employment model: the chance that an adult is in work two years after
settling in a municipality, learnt from earlier years' adults (history.csv).

A logistic regression, one model pooled over the country with per-municipality terms
(as GeoMatch trains a model per location, but shrunk towards the national model, so that
small municipalities with few earlier refugees borrow strength): the person's features
(age, gender, education, English, health need, origin group), each municipality's own
level and its own slopes for education, English and gender, and origin group by region
(the county, the municipality number's first two digits: where earlier refugees of the
same group found work). Calibration is checked on a held-out fifth of the history."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from velferd.settlement.matching.problem import Person

HELD_OUT_SHARE = 0.2
REGULARISATION = 0.5
SLOPES = ("education", "english", "female")


@dataclass(frozen=True)
class HistoryRow:
    person: Person
    municipality_number: str
    employed: bool


@dataclass(frozen=True)
class Calibration:
    held_out: int
    trained_on: int
    brier: float
    brier_constant: float
    deciles: list[dict[str, float]]

    def as_dict(self) -> dict[str, object]:
        return {
            "held_out": self.held_out,
            "trained_on": self.trained_on,
            "brier": round(self.brier, 5),
            "brier_constant": round(self.brier_constant, 5),
            "deciles": self.deciles,
        }


@dataclass
class _Layout:
    origins: list[str]
    municipalities: list[str]
    counties: list[str]
    age_mean: float
    age_sd: float
    education_mean: float
    education_sd: float

    @property
    def person_width(self) -> int:
        return 6 + len(self.origins)


@dataclass
class EmploymentModel:
    layout: _Layout
    person_weights: np.ndarray
    intercept: float
    level: np.ndarray
    slopes: np.ndarray
    origin_region: np.ndarray

    def probabilities(self, persons: list[Person], municipality_numbers: list[str]) -> np.ndarray:
        """persons x municipalities: the chance of work two years on."""
        lay = self.layout
        known = {n: k for k, n in enumerate(lay.municipalities)}
        columns = np.array([known.get(n, -1) for n in municipality_numbers])
        level = np.where(columns >= 0, self.level[columns], 0.0)
        slopes = np.where(columns[None, :] >= 0, self.slopes[:, columns], 0.0)
        counties = {c: k for k, c in enumerate(lay.counties)}
        region = np.array([counties.get(n[:2], -1) for n in municipality_numbers])
        features = _person_features(persons, lay)
        logit = features @ self.person_weights + self.intercept
        logit = logit[:, None] + level[None, :] + _slope_features(persons, lay) @ slopes
        origin = np.array([_origin_index(p, lay) for p in persons])
        by_region = np.where(region[None, :] >= 0, self.origin_region[origin][:, region], 0.0)
        by_region = np.where(origin[:, None] >= 0, by_region, 0.0)
        return 1.0 / (1.0 + np.exp(-(logit + by_region)))


def _origin_index(person: Person, layout: _Layout) -> int:
    return (
        layout.origins.index(person.origin_group) if person.origin_group in layout.origins else -1
    )


def _person_features(persons: list[Person], layout: _Layout) -> np.ndarray:
    age = (np.array([p.age for p in persons], dtype=float) - layout.age_mean) / layout.age_sd
    features = np.zeros((len(persons), layout.person_width))
    features[:, 0] = age
    features[:, 1] = age**2
    features[:, 2:5] = _slope_features(persons, layout)
    features[:, 5] = [p.health_need for p in persons]
    for k, person in enumerate(persons):
        origin = _origin_index(person, layout)
        if origin >= 0:
            features[k, 6 + origin] = 1.0
    return features


def _slope_features(persons: list[Person], layout: _Layout) -> np.ndarray:
    education = np.array([p.education_years for p in persons], dtype=float)
    return np.column_stack(
        [
            (education - layout.education_mean) / layout.education_sd,
            [float(p.speaks_english) for p in persons],
            [float(p.gender == "F") for p in persons],
        ]
    )


def _layout(rows: list[HistoryRow]) -> _Layout:
    ages = np.array([r.person.age for r in rows], dtype=float)
    education = np.array([r.person.education_years for r in rows], dtype=float)
    municipalities = sorted({r.municipality_number for r in rows})
    return _Layout(
        origins=sorted({r.person.origin_group for r in rows}),
        municipalities=municipalities,
        counties=sorted({n[:2] for n in municipalities}),
        age_mean=float(ages.mean()),
        age_sd=float(ages.std() or 1.0),
        education_mean=float(education.mean()),
        education_sd=float(education.std() or 1.0),
    )


def _design(rows: list[HistoryRow], layout: _Layout) -> sparse.csr_matrix:
    persons = [r.person for r in rows]
    n, m = len(rows), len(layout.municipalities)
    index = {name: k for k, name in enumerate(layout.municipalities)}
    place = np.array([index[r.municipality_number] for r in rows])
    slope_values = _slope_features(persons, layout)
    blocks = [sparse.csr_matrix(_person_features(persons, layout))]
    blocks.append(sparse.csr_matrix((np.ones(n), (np.arange(n), place)), shape=(n, m)))
    for s in range(len(SLOPES)):
        blocks.append(sparse.csr_matrix((slope_values[:, s], (np.arange(n), place)), shape=(n, m)))
    counties = {c: k for k, c in enumerate(layout.counties)}
    region = np.array([counties[r.municipality_number[:2]] for r in rows])
    origin = np.array([_origin_index(p, layout) for p in persons])
    width = len(layout.origins) * len(layout.counties)
    cell = origin * len(layout.counties) + region
    blocks.append(sparse.csr_matrix((np.ones(n), (np.arange(n), cell)), shape=(n, width)))
    return sparse.hstack(blocks).tocsr()


def _fit(rows: list[HistoryRow], layout: _Layout) -> EmploymentModel:
    fitted = LogisticRegression(C=REGULARISATION, max_iter=500)
    fitted.fit(_design(rows, layout), np.array([r.employed for r in rows]))
    w = fitted.coef_[0]
    p, m = layout.person_width, len(layout.municipalities)
    slopes = w[p + m : p + m * (1 + len(SLOPES))].reshape(len(SLOPES), m)
    origin_region = w[p + m * (1 + len(SLOPES)) :].reshape(
        len(layout.origins), len(layout.counties)
    )
    return EmploymentModel(
        layout, w[:p], float(fitted.intercept_[0]), w[p : p + m], slopes, origin_region
    )


def train(rows: list[HistoryRow], seed: int = 2026) -> tuple[EmploymentModel, Calibration]:
    """The model from all the history, and its calibration when trained without a random
    held-out fifth and judged on it."""
    if len(rows) < 10:
        raise ValueError("Too little history to learn from (fewer than 10 adults).")
    layout = _layout(rows)
    held = np.random.default_rng(seed).random(len(rows)) < HELD_OUT_SHARE
    training = [r for r, h in zip(rows, held, strict=True) if not h]
    testing = [r for r, h in zip(rows, held, strict=True) if h]
    model = _fit(training, layout)
    calibration = _calibration(model, training, testing)
    return _fit(rows, layout), calibration


def _calibration(
    model: EmploymentModel, training: list[HistoryRow], testing: list[HistoryRow]
) -> Calibration:
    predicted = _predict_rows(model, testing)
    observed = np.array([r.employed for r in testing], dtype=float)
    constant = float(np.mean([r.employed for r in training]))
    deciles = []
    order = np.argsort(predicted, kind="stable")
    for k, chunk in enumerate(np.array_split(order, 10)):
        if len(chunk):
            deciles.append(
                {
                    "decile": k + 1,
                    "count": len(chunk),
                    "predicted": round(float(predicted[chunk].mean()), 4),
                    "observed": round(float(observed[chunk].mean()), 4),
                }
            )
    return Calibration(
        held_out=len(testing),
        trained_on=len(training),
        brier=float(np.mean((predicted - observed) ** 2)),
        brier_constant=float(np.mean((constant - observed) ** 2)),
        deciles=deciles,
    )


def _predict_rows(model: EmploymentModel, rows: list[HistoryRow]) -> np.ndarray:
    numbers = model.layout.municipalities
    index = {n: k for k, n in enumerate(numbers)}
    full = model.probabilities([r.person for r in rows], numbers)
    return full[np.arange(len(rows)), [index[r.municipality_number] for r in rows]]


def case_scores(
    model: EmploymentModel,
    persons: list[Person],
    case_ids: list[str],
    municipality_numbers: list[str],
) -> np.ndarray:
    """cases x municipalities: the expected adults in work, the sum over each case's adults
    of their chance (0 for a case without adults)."""
    row = {case_id: k for k, case_id in enumerate(case_ids)}
    scores = np.zeros((len(case_ids), len(municipality_numbers)))
    adults = [p for p in persons if p.adult]
    if adults:
        chances = model.probabilities(adults, municipality_numbers)
        np.add.at(scores, [row[p.case_id] for p in adults], chances)
    return scores
