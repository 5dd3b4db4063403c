"""Effect runs: requested → queued, executed → done with masked aggregates, or failed with a
message a person can read; bad questions refused with the field and the reason."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test.utils import override_settings

from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor
from velferd.results.models import EffectEstimate, EffectRun
from velferd.results.services import runs

from .effect_builders import a_cohort, clear_outcomes

pytestmark = pytest.mark.django_db


def _ask(**data: Any) -> EffectRun:
    question = {"outcome": "in_work", "horizon_months": 12, "control": "none", **data}
    return runs.effect_run_ask(actor=login_actor("analytiker"), data=question)


def _refusal(**data: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        _ask(**data)
    return caught.value


@pytest.fixture
def cohort() -> Any:
    clear_outcomes()
    return a_cohort(treated=30, controls=30)


@override_settings(VELFERD_EFFECTS_INLINE=False)
def test_a_run_is_queued_then_done_with_its_estimates_diagnostics_and_tree(cohort: Any) -> None:
    run = _ask(by=["prior_employment"])
    assert run.status == "queued" and not run.estimates.exists()
    assert AuditEvent.objects.filter(action="effect_run.requested", target_id=str(run.pk)).exists()
    run = runs.effect_run_execute(run.pk)
    assert run.status == "done", run.error
    assert run.rows == 60 and run.seconds is not None and run.finished_at is not None
    overall = EffectEstimate.objects.get(run=run, treatment=cohort.scheme_type, group="all")
    assert overall.n_treated == 30 and overall.n_control == 30
    low, effect, high = overall.ci_low, overall.effect, overall.ci_high
    assert low is not None and effect is not None and high is not None
    assert low <= effect <= high
    assert overall.naive_difference == pytest.approx(10 / 30 - 15 / 30)
    assert run.diagnostics["overlap"][0]["treatment"] == cohort.scheme_type
    assert run.diagnostics["balance"][cohort.scheme_type]
    assert "tree" in run.policy_tree and "gain" in run.policy_tree
    assert AuditEvent.objects.filter(action="effect_run.done", target_id=str(run.pk)).exists()


def test_inline_runs_are_done_when_they_are_asked(cohort: Any) -> None:
    assert _ask().status == "done"


def test_the_command_runs_the_queued_runs(cohort: Any, capsys: Any) -> None:
    with override_settings(VELFERD_EFFECTS_INLINE=False):
        run = _ask()
    call_command("run_effects")
    run.refresh_from_db()
    assert run.status == "done"
    assert f"Run {run.pk}: done, 60 rows" in capsys.readouterr().out


def test_the_command_asks_and_runs_a_question_of_its_own(cohort: Any, capsys: Any) -> None:
    call_command("run_effects", "--outcome", "in_work", "--horizon", "12", "--by", "gender")
    run = EffectRun.objects.latest("created_at")
    assert run.status == "done" and run.by == ["gender"]


def test_the_command_refuses_a_bad_question_in_words(cohort: Any) -> None:
    with pytest.raises(CommandError, match="Choose 3, 6, 12 or 24 months"):
        call_command("run_effects", "--outcome", "in_work", "--horizon", "7")


def test_too_little_data_fails_the_run_with_a_readable_message() -> None:
    clear_outcomes()
    a_cohort(treated=3, controls=4)
    run = _ask()
    assert run.status == "failed"
    assert "For få rader" in run.error and "Too few rows" in run.error
    assert not run.estimates.exists()
    assert AuditEvent.objects.filter(action="effect_run.failed", target_id=str(run.pk)).exists()


def test_no_controls_fails_the_run_naming_the_comparison_group() -> None:
    clear_outcomes()
    cohort = a_cohort(treated=30, controls=0)
    run = _ask()
    assert run.status == "failed"
    assert "sammenligningsgruppen" in run.error
    assert cohort.scheme_type


def test_small_groups_are_masked_with_no_figures(cohort: Any) -> None:
    from velferd.people.models import Person

    Person.objects.filter(pk__in=[p.pk for p in cohort.treated[:3]]).update(needs_interpreter=True)
    run = _ask(by=["interpreter"])
    assert run.status == "done", run.error
    few = EffectEstimate.objects.get(run=run, group="interpreter=yes")
    assert few.masked
    assert (few.effect, few.ci_low, few.ci_high, few.naive_difference) == (None,) * 4
    assert (few.n_treated, few.n_control) == (None, None)
    # the rest of the column would give the hidden group by subtraction: hidden too
    assert EffectEstimate.objects.get(run=run, group="interpreter=no").masked
    assert not EffectEstimate.objects.get(run=run, group="all").masked


@pytest.mark.parametrize(
    ("data", "code", "field"),
    [
        ({"control": "NO_SUCH_SCHEME"}, "unknown_control", "control"),
        ({"horizon_months": 7}, "invalid_horizon", "horizon_months"),
        ({"by": ["shoe_size"]}, "unknown_subgroup", "by"),
        ({"outcome": "rich"}, "unknown_outcome", "outcome"),
        ({"folds": 1}, "invalid_folds", "folds"),
        ({"seed": -1}, "invalid_seed", "seed"),
    ],
)
def test_a_bad_question_is_refused_and_nothing_is_queued(
    cohort: Any, data: dict[str, Any], code: str, field: str
) -> None:
    before = EffectRun.objects.count()
    error = _refusal(**data)
    assert (error.code, error.field, error.status) == (code, field, 422)
    assert error.message_nb and error.message_en
    assert EffectRun.objects.count() == before


def test_a_horizon_with_no_outcomes_is_refused_clearly() -> None:
    clear_outcomes()
    error = _refusal(horizon_months=24)
    assert error.code == "no_outcomes"
    assert "ingen utfall 24 måneder" in error.message_nb


def test_only_analysts_may_ask(cohort: Any) -> None:
    with pytest.raises(DomainError) as caught:
        runs.effect_run_ask(
            actor=login_actor("departement"),
            data={"outcome": "in_work", "horizon_months": 12, "control": "none"},
        )
    assert caught.value.status == 403
