"""The demo's effect run: one finished run an analyst can read on the demo site.

The demo has a dozen people, too few for any figure to pass disclosure control, so the run
is made on a synthetic extract of the same shape as the platform's own (the same columns,
subgroups and scheme types; `services.extract`), and goes through the same estimator,
masking and writing as any run. The synthetic people are confounded as real ones are: people
with little work behind them get work preparation more often and find work less often
anyway, so the naive difference and the estimate differ visibly. No person is stored.
"""

from __future__ import annotations

import numpy as np

from velferd.access.actor import Actor

from .models import EffectRun
from .services import runs
from .services.extract import BASE_COVARIATES, OUTCOME, SUBGROUPS, TREATMENT, Extract

DEMO_ROWS = 900
DEMO_SEED = 2026
# Scheme types of the demo's deliveries, with each one's true effect on being in work.
DEMO_SCHEMES = {
    "ARBEIDSFORBEREDENDE_TRENING": 0.06,
    "GRUPPE_ARBEIDSMARKEDSOPPLAERING": 0.12,
    "AVKLARING": 0.0,
}
DEMO_COUNTIES = ("03", "46", "50")
DEMO_BY = ("age_band", "gender", "prior_employment")


def _band(values: np.ndarray, edges: tuple[int, int], names: tuple[str, str, str]) -> np.ndarray:
    return np.where(values < edges[0], names[0], np.where(values < edges[1], names[1], names[2]))


def synthetic_extract(rows: int = DEMO_ROWS, seed: int = DEMO_SEED) -> Extract:
    """Plausible rows of the extract, with confounded assignment and known effects."""
    rng = np.random.default_rng(seed)
    age = rng.integers(18, 67, rows).astype(float)
    female = (rng.random(rows) < 0.48).astype(float)
    employed = rng.binomial(12, rng.beta(1.2, 2.0, rows)).astype(float)
    interpreter = (rng.random(rows) < 0.12).astype(float)
    in_follow_up = rng.integers(2, 30, rows).astype(float)
    county = rng.choice(DEMO_COUNTIES, rows)
    prospects = 0.25 * employed - 0.03 * (age - 40) - 0.6 * interpreter - 1.2
    schemes = ("none", *DEMO_SCHEMES)
    logits = np.column_stack(
        [np.zeros(rows), -0.3 - 0.5 * prospects, -0.8 - 0.2 * prospects, -1.0 + 0.0 * prospects]
    )
    chosen = (np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)).cumsum(axis=1)
    arm = (rng.random(rows)[:, None] > chosen).sum(axis=1)
    chance = 1 / (1 + np.exp(-prospects))
    for index, effect in enumerate(DEMO_SCHEMES.values(), start=1):
        young = (age < 30) & (arm == index)
        chance[arm == index] += effect
        chance[young] += effect / 2
    outcome = (rng.random(rows) < np.clip(chance, 0, 1)).astype(float)
    columns: dict[str, np.ndarray] = {name: np.zeros(rows) for name in BASE_COVARIATES}
    columns.update(
        {
            TREATMENT: np.array(schemes, dtype=object)[arm],
            OUTCOME: outcome,
            "age": age,
            "female": female,
            "months_employed_before": employed,
            "needs_interpreter": interpreter,
            "months_in_follow_up": in_follow_up,
            "need_standard": (rng.random(rows) < 0.5).astype(float),
            "benefit_work_assessment_allowance": (rng.random(rows) < 0.3).astype(float),
        }
    )
    for number in DEMO_COUNTIES:
        columns[f"county_{number}"] = (county == number).astype(float)
    labels = {
        "age_band": _band(age, (30, 50), ("under_30", "30_49", "50_plus")),
        "gender": np.where(female == 1, "female", "male"),
        "need_group": np.where(columns["need_standard"] == 1, "standard", "none"),
        "county": county,
        "prior_employment": np.where(
            employed == 0, "none", np.where(employed <= 6, "some", "most")
        ),
        "interpreter": np.where(interpreter == 1, "yes", "no"),
        "benefit_at_start": np.where(
            columns["benefit_work_assessment_allowance"] == 1, "work_assessment_allowance", "none"
        ),
    }
    for name in SUBGROUPS:
        columns[name] = labels[name].astype(object)
    covariates = tuple(
        name
        for name in (*BASE_COVARIATES, *(f"county_{n}" for n in DEMO_COUNTIES))
        if np.ptp(columns[name]) > 0
    )
    return Extract(
        pseudonyms=tuple(f"demo-{n}" for n in range(rows)), columns=columns, covariates=covariates
    )


def load_demo_effects(*, system: Actor) -> int:
    """One finished run, unless the demo has one already; returns how many were made."""
    if EffectRun.objects.filter(requested_by=None).exists():
        return 0
    question = runs.RunQuestion(
        outcome="in_work", horizon_months=12, control="none", by=DEMO_BY, seed=0, folds=2
    )
    run = runs.effect_run_request(actor=system, question=question)
    runs.effect_run_execute(run.pk, given=synthetic_extract())
    return 1
