"""The estimator's pieces on small data: scores, intervals, diagnostics, policy tree, refusals."""

from __future__ import annotations

import json

import numpy as np
import pytest

from velferd.results.estimation import (
    EstimationError,
    PolicyNode,
    Question,
    estimate,
    estimates_to_dict,
)
from velferd.results.estimation.aipw import Z_95, mean_with_interval, scores
from velferd.results.estimation.policy import assign, policy_tree
from velferd.results.estimation.synthetic import generate

QUESTION = Question(
    treatment="scheme",
    control="none",
    outcome="in_work",
    covariates=("age_band", "female", "education", "immigrant", "health", "months_out"),
    by=("immigrant",),
    seed=3,
)


@pytest.fixture(scope="module")
def synthetic() -> dict[str, np.ndarray]:
    return generate(4000, covariates=6, schemes=2, seed=3).columns


def test_a_score_is_the_outcome_model_corrected_by_the_weighted_residual_of_the_own_arm() -> None:
    arm = np.array([0, 1])
    outcome = np.array([1.0, 0.0])
    propensity = np.array([[0.5, 0.5], [0.25, 0.75]])
    outcome_mean = np.array([[0.6, 0.7], [0.2, 0.4]])
    gamma = scores(arm, outcome, propensity, outcome_mean)
    # Person 0 got the control: its control score moves by (1 − 0.6) / 0.5; the other stays.
    assert gamma[0] == pytest.approx([0.6 + 0.4 / 0.5, 0.7])
    assert gamma[1] == pytest.approx([0.2, 0.4 - 0.4 / 0.75])


def test_the_interval_is_the_mean_plus_minus_1_96_standard_errors_of_the_scores() -> None:
    values = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    interval = mean_with_interval(values)
    half = Z_95 * values.std(ddof=1) / np.sqrt(5)
    assert interval.effect == pytest.approx(2.0)
    assert (interval.ci_low, interval.ci_high) == pytest.approx((2.0 - half, 2.0 + half))


def test_every_scheme_gets_a_line_for_all_and_for_each_group_with_counts(
    synthetic: dict[str, np.ndarray],
) -> None:
    estimates = estimate(synthetic, QUESTION)
    lines = [(e.treatment, e.group) for e in estimates.effects]
    assert lines == [
        (scheme, group)
        for scheme in ("training", "wage_subsidy")
        for group in ("all", "immigrant=0", "immigrant=1")
    ]
    overall = estimates.effects[0]
    assert overall.n_treated == int((synthetic["scheme"] == "training").sum())
    assert overall.n_control == int((synthetic["scheme"] == "none").sum())
    assert overall.ci_low < overall.effect < overall.ci_high


def test_the_same_seed_gives_the_same_estimates_and_another_seed_other_folds(
    synthetic: dict[str, np.ndarray],
) -> None:
    first = estimate(synthetic, QUESTION).effects
    assert estimate(synthetic, QUESTION).effects == first
    other = estimate(synthetic, Question(**{**QUESTION.__dict__, "seed": 4})).effects
    assert other[0].effect != first[0].effect


def test_weighting_shrinks_the_imbalance_of_the_confounders(
    synthetic: dict[str, np.ndarray],
) -> None:
    balance = {b.covariate: b for b in estimate(synthetic, QUESTION).balance["training"]}
    for confounder in ("health", "months_out", "education"):
        assert abs(balance[confounder].smd_before) > 0.1
        assert abs(balance[confounder].smd_after) < abs(balance[confounder].smd_before) / 2


def test_overlap_holds_on_mixed_assignment_and_fails_on_separated_data(
    synthetic: dict[str, np.ndarray],
) -> None:
    mixed = estimate(synthetic, QUESTION)
    assert not any(o.warning for o in mixed.overlap)
    assert mixed.warnings == ()
    separated = dict(synthetic)
    scheme = np.where(synthetic["months_out"] > 8, "training", "none")
    separated["scheme"] = scheme
    result = estimate(separated, QUESTION)
    (training,) = result.overlap
    assert training.warning
    assert training.share_outside > 0.5
    assert training.clipped > 0
    assert "training" in result.warnings[0]
    assert sum(training.treated_counts) == int((scheme == "training").sum())


def test_the_policy_tree_finds_an_obvious_rule_and_its_gain_over_today() -> None:
    rng = np.random.default_rng(0)
    n = 20000
    covariates = rng.normal(size=(n, 3)).astype(np.float32)
    young = covariates[:, 1] <= 0
    gamma = rng.normal(0, 0.3, size=(n, 3))
    gamma[:, 1] += np.where(young, 1.0, 0.0)  # training helps the young
    gamma[:, 2] += np.where(young, 0.0, 1.0)  # wage subsidy helps the others
    outcome = np.zeros(n)
    tree, gain = policy_tree(
        covariates, gamma, outcome, ("a", "age", "b"), ("none", "training", "wage"), seed=0
    )
    given = assign(tree, covariates, ("a", "age", "b"), ("none", "training", "wage"))
    assert (given == np.where(young, 1, 2)).mean() > 0.97
    assert "age" in _features(tree)
    assert gain.gain == pytest.approx(1.0, abs=0.05)
    assert gain.ci_low < gain.gain < gain.ci_high


def _features(node: PolicyNode | None) -> set[str]:
    if node is None or node.feature is None:
        return set()
    return {node.feature} | _features(node.left) | _features(node.right)


def test_a_group_without_treated_people_gets_no_effect_and_serialises_to_null(
    synthetic: dict[str, np.ndarray],
) -> None:
    columns = dict(synthetic)
    columns["county"] = np.where(synthetic["scheme"] == "none", "Oslo", "Viken")
    columns["county"][:50] = "Oslo"
    question = Question(**{**QUESTION.__dict__, "by": ("county",)})
    estimates = estimate(columns, question)
    viken = next(e for e in estimates.effects if e.group == "county=Viken")
    assert viken.n_control == 0
    assert viken.n_treated > 0
    assert np.isnan(viken.effect)
    assert np.isnan(viken.ci_low)
    document = json.dumps(estimates_to_dict(estimates), allow_nan=False)
    assert '"effect": null' in document


@pytest.mark.parametrize(
    ("change", "code", "english"),
    [
        ({"treatment": "programme"}, "missing_columns", "These columns are not in the data"),
        ({"control": "nobody"}, "control_absent", "does not occur in column scheme"),
        ({"folds": 1}, "too_few_folds", "at least 2 (got 1)"),
    ],
)
def test_a_question_the_data_cannot_answer_is_refused_with_the_reason(
    synthetic: dict[str, np.ndarray], change: dict[str, object], code: str, english: str
) -> None:
    with pytest.raises(EstimationError) as refused:
        estimate(synthetic, Question(**{**QUESTION.__dict__, **change}))
    assert refused.value.code == code
    assert english in refused.value.message_en
    assert refused.value.message_nb


def test_one_treatment_value_too_few_rows_and_text_covariates_are_refused(
    synthetic: dict[str, np.ndarray],
) -> None:
    only_control = {**synthetic, "scheme": np.full(4000, "none")}
    with pytest.raises(EstimationError, match="only one value"):
        estimate(only_control, QUESTION)
    few = {name: column[:30] for name, column in synthetic.items()}
    with pytest.raises(EstimationError, match="Too few rows: 30"):
        estimate(few, QUESTION)
    text = {**synthetic, "health": synthetic["health"].astype(str)}
    text["health"][7] = "yes"
    with pytest.raises(EstimationError) as refused:
        estimate(text, QUESTION)
    assert refused.value.message_en == "The covariate health must be a number, but row 8 has 'yes'."
    assert refused.value.message_nb == "Kovariaten health må være et tall, men rad 8 har «yes»."
