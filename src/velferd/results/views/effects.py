"""The analyst's effect pages: the runs with a form to ask a question, and a run's page with
the effects per subgroup (a forest plot beside each table), the diagnostics and the policy
tree, all in words and Norwegian number formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, post_form

from .. import effect_charts
from ..models import OUTCOME_HORIZONS, EffectEstimate, EffectRun, OutcomeStatus
from ..selectors import effects as selectors
from ..services import runs as services
from ..services.extract import NO_SCHEME

SMD_LIMIT = 0.1


@refusals_as_pages
def effect_runs_page(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    found = list(selectors.effect_runs_for(actor=actor)[:50])
    may_request = policies.allows(actor, policies.can_request_effect_run)
    labels = selectors.treatment_labels()

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "results/effects.html",
            {
                "runs": [_run_line(run, labels) for run in found],
                "may_request": may_request,
                "errors": errors,
                "form": _form_values(request),
                "outcomes": OutcomeStatus.choices,
                "horizons": OUTCOME_HORIZONS,
                "controls": [(NO_SCHEME, _("No scheme")), *selectors.scheme_type_choices()],
                "subgroups": selectors.subgroup_choices(),
            },
        )

    if request.method == "POST":
        policies.require(actor, policies.can_request_effect_run)
    return post_form(
        request,
        read=lambda errors: services.read_question(errors, _question_data(request)),
        save=lambda question: _ask(actor, question),
        success=lambda run: reverse("results:effect_run", args=[run.pk]),
        show=show,
    )


def _ask(actor: Any, question: services.RunQuestion | None) -> EffectRun:
    assert question is not None  # read_question found no errors
    run = services.effect_run_request(actor=actor, question=question)
    return services.effect_run_execute(run.pk) if services.runs_inline() else run


def _question_data(request: HttpRequest) -> dict[str, Any]:
    return {
        "outcome": request.POST.get("outcome", ""),
        "horizon_months": request.POST.get("horizon_months", ""),
        "control": request.POST.get("control", ""),
        "by": request.POST.getlist("by"),
        "seed": request.POST.get("seed", "0"),
        "folds": request.POST.get("folds", "2"),
    }


def _form_values(request: HttpRequest) -> dict[str, Any]:
    if request.method != "POST":
        return {
            "outcome": "in_work",
            "horizon_months": "12",
            "control": NO_SCHEME,
            "by": ["age_band"],
            "seed": "0",
            "folds": "2",
        }
    return _question_data(request)


def _run_line(run: EffectRun, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "run": run,
        "outcome": selectors.outcome_label(run.outcome),
        "control": selectors.treatment_label(run.control, labels),
        "by": ", ".join(str(dict(selectors.subgroup_choices()).get(b, b)) for b in run.by),
    }


# --- a run's page ------------------------------------------------------------------------------


@dataclass
class EffectLine:
    group: str
    estimate: EffectEstimate
    effect: str = ""
    interval: str = ""
    naive: str = ""


@dataclass
class TreatmentEffects:
    code: str
    label: str
    lines: list[EffectLine] = field(default_factory=list)
    chart: effect_charts.ForestPlot | None = None
    histogram: effect_charts.Histogram | None = None
    overlap: dict[str, Any] | None = None
    balance: list[dict[str, Any]] = field(default_factory=list)


def _points(value: float | None) -> str:
    return "" if value is None else effect_charts.points(value)


def _treatments(run: EffectRun, labels: dict[str, str], counties: dict[str, str]) -> list[Any]:
    hidden = _("Hidden: fewer than %(n)s people on one side") % {
        "n": services.effect_masking.MINIMUM
    }
    by_treatment: dict[str, TreatmentEffects] = {}
    for estimate in selectors.estimates_of(run):
        one = by_treatment.setdefault(
            estimate.treatment,
            TreatmentEffects(
                estimate.treatment, selectors.treatment_label(estimate.treatment, labels)
            ),
        )
        one.lines.append(
            EffectLine(
                group=selectors.group_label(estimate.group, counties),
                estimate=estimate,
                effect=_points(estimate.effect),
                interval=(
                    ""
                    if estimate.masked
                    else f"{_points(estimate.ci_low)} – {_points(estimate.ci_high)}"
                ),
                naive=_points(estimate.naive_difference),
            )
        )
    for one in by_treatment.values():
        one.lines.sort(key=lambda line: (line.estimate.group != "all", line.estimate.group))
        one.chart = effect_charts.forest_plot(
            one.code,
            _("Effect of %(treatment)s, percentage points with 95 %% interval")
            % {"treatment": one.label},
            [
                effect_charts.ForestInput(
                    line.group,
                    line.estimate.effect,
                    line.estimate.ci_low,
                    line.estimate.ci_high,
                    hidden_text=f"{line.group}: {hidden}",
                )
                for line in one.lines
            ],
        )
        _diagnostics_of(one, run, labels, counties)
    return list(by_treatment.values())


def _diagnostics_of(
    one: TreatmentEffects, run: EffectRun, labels: dict[str, str], counties: dict[str, str]
) -> None:
    overlap = next(
        (o for o in run.diagnostics.get("overlap", []) if o.get("treatment") == one.code), None
    )
    if overlap is not None:
        one.overlap = {
            **overlap,
            "share_outside_text": number_format(round(overlap["share_outside"] * 100, 1), 1),
        }
        edges = overlap.get("bin_edges") or []
        one.histogram = effect_charts.histogram(
            one.code,
            _("Propensity scores: %(treatment)s against %(control)s")
            % {"treatment": one.label, "control": selectors.treatment_label(run.control, labels)},
            edges,
            overlap.get("treated_counts") or [],
            overlap.get("control_counts") or [],
            (one.label, selectors.treatment_label(run.control, labels)),
        )
        one.overlap["bins"] = [
            {
                "range": f"{number_format(edges[i], 2)}–{number_format(edges[i + 1], 2)}",
                "treated": overlap["treated_counts"][i],
                "control": overlap["control_counts"][i],
            }
            for i in range(len(edges) - 1)
        ]
    for row in run.diagnostics.get("balance", {}).get(one.code, []):
        one.balance.append(
            {
                "label": selectors.covariate_label(row["covariate"], counties),
                "before": number_format(round(row["smd_before"], 2), 2),
                "after": number_format(round(row["smd_after"], 2), 2),
                "flag_before": abs(row["smd_before"]) > SMD_LIMIT,
                "flag_after": abs(row["smd_after"]) > SMD_LIMIT,
            }
        )


def tree_lines(
    node: dict[str, Any] | None, labels: dict[str, str], counties: dict[str, str]
) -> dict[str, Any] | None:
    """The policy tree in words: each split as "if <covariate> is below <value>"."""
    if not node:
        return None
    if node.get("treatment") is not None or not node.get("feature"):
        return {
            "leaf": True,
            "treatment": selectors.treatment_label(str(node.get("treatment") or ""), labels),
            "n": node.get("n"),
            "masked": node.get("masked", False),
        }
    name = selectors.covariate_label(str(node["feature"]), counties)
    threshold = float(node.get("threshold") or 0.0)
    binary = str(node["feature"]) not in ("age", "months_employed_before", "months_in_follow_up")
    if binary:
        left_text = _("%(name)s: no") % {"name": name}
        right_text = _("%(name)s: yes") % {"name": name}
    else:
        shown = number_format(round(threshold, 1), 0 if float(threshold).is_integer() else 1)
        left_text = _("%(name)s %(value)s or less") % {"name": name, "value": shown}
        right_text = _("%(name)s above %(value)s") % {"name": name, "value": shown}
    return {
        "leaf": False,
        "n": node.get("n"),
        "masked": node.get("masked", False),
        "branches": [
            {"text": left_text, "node": tree_lines(node.get("left"), labels, counties)},
            {"text": right_text, "node": tree_lines(node.get("right"), labels, counties)},
        ],
    }


def _gain(run: EffectRun) -> dict[str, str] | None:
    gain = (run.policy_tree or {}).get("gain")
    if not gain:
        return None
    return {
        "gain": effect_charts.points(gain["gain"]),
        "low": effect_charts.points(gain["ci_low"]),
        "high": effect_charts.points(gain["ci_high"]),
    }


@refusals_as_pages
def effect_run_page(request: HttpRequest, run_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    run = selectors.effect_run_for(actor=actor, run_id=run_id)
    labels = selectors.treatment_labels()
    counties = selectors.county_names()
    treatments = _treatments(run, labels, counties)
    return render(
        request,
        "results/effect_run.html",
        {
            "run": run,
            "line": _run_line(run, labels),
            "run_error": selectors.run_error(run),
            "treatments": treatments,
            "overlap_fails": [t.label for t in treatments if t.overlap and t.overlap["warning"]],
            "tree": tree_lines((run.policy_tree or {}).get("tree"), labels, counties),
            "gain": _gain(run),
            "minimum": services.effect_masking.MINIMUM,
            "smd_limit": number_format(SMD_LIMIT, 1),
        },
    )
