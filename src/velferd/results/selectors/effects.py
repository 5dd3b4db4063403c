"""Reads of effect runs: aggregates only, already masked when written, for whoever
`access.policies.can_view_effect_run` lets read them; and the words a reader sees in place
of the codes of treatments, subgroups and covariates."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import not_found
from velferd.followup import extract_selectors as followup_extract
from velferd.schemes import selectors as schemes_selectors

from ..models import EffectEstimate, EffectRun, OutcomeStatus
from ..services.extract import NO_SCHEME, SUBGROUPS


def effect_runs_for(*, actor: Actor) -> QuerySet[EffectRun]:
    """Every run the actor may read, the newest first."""
    policies.require(actor, policies.can_view_effect_run)
    return EffectRun.objects.filter(policies.effect_runs_visible(actor)).select_related(
        "requested_by"
    )


def effect_run_for(*, actor: Actor, run_id: Any) -> EffectRun:
    policies.require(actor, policies.can_view_effect_run)
    try:
        number = int(str(run_id))
    except (TypeError, ValueError):
        number = 0
    run = effect_runs_for(actor=actor).filter(pk=number).first()
    if run is None:
        raise not_found(f"kjøring {run_id}", f"run {run_id}", field="run_id")
    return run


def estimates_of(run: EffectRun) -> list[EffectEstimate]:
    return list(EffectEstimate.objects.filter(run=run).order_by("treatment", "group"))


def run_error(run: EffectRun) -> str:
    """The run's error in the reader's language (stored as bokmål, then English)."""
    if not run.error:
        return ""
    nb, _sep, en = run.error.partition("\n")
    english = (translation.get_language() or "nb").startswith("en")
    return (en or nb) if english else nb


# --- the words for the codes ------------------------------------------------------------------


def scheme_type_choices() -> list[tuple[str, str]]:
    """The scheme types an analyst may compare with, by name in the reader's language."""
    english = (translation.get_language() or "nb").startswith("en")
    found = schemes_selectors.funding_scheme_types().order_by("code")
    return [(s.code, s.name_en if english else s.name_nb) for s in found]


def treatment_labels() -> dict[str, str]:
    return {NO_SCHEME: _("No scheme"), **dict(scheme_type_choices())}


def treatment_label(code: str, labels: dict[str, str] | None = None) -> str:
    return (labels or treatment_labels()).get(code, code)


def outcome_label(code: str) -> str:
    return str(dict(OutcomeStatus.choices).get(code, code))


def subgroup_choices() -> list[tuple[str, str]]:
    names = {
        "age_band": _("Age band"),
        "gender": _("Gender"),
        "need_group": _("Need group (§14a)"),
        "county": _("County"),
        "prior_employment": _("Work in the year before the start"),
        "interpreter": _("Needs an interpreter"),
        "benefit_at_start": _("Benefit at the start"),
    }
    return [(code, names[code]) for code in SUBGROUPS]


def _value_labels(column: str) -> dict[str, str]:
    if column == "age_band":
        return {"under_30": _("under 30"), "30_49": _("30 to 49"), "50_plus": _("50 and over")}
    if column == "gender":
        return {"female": _("women"), "male": _("men"), "unknown": _("unknown")}
    if column == "need_group":
        return {**dict(followup_extract.need_group_choices()), "none": _("no decision sent")}
    if column == "prior_employment":
        return {
            "none": _("no months in work"),
            "some": _("1 to 6 months in work"),
            "most": _("7 to 12 months in work"),
        }
    if column == "interpreter":
        return {"yes": _("yes"), "no": _("no")}
    if column == "benefit_at_start":
        return {**dict(followup_extract.benefit_kind_choices()), "none": _("no benefit")}
    return {}


def group_label(group: str, counties: dict[str, str] | None = None) -> str:
    """`all`, or `COLUMN=VALUE` in words: "Age band: under 30"."""
    if group == "all":
        return _("Everyone")
    column, _sep, value = group.partition("=")
    names = dict(subgroup_choices())
    if column == "county":
        shown = (counties or {}).get(value, value)
    else:
        shown = _value_labels(column).get(value, value)
    return f"{names.get(column, column)}: {shown}"


def covariate_label(name: str, counties: dict[str, str] | None = None) -> str:
    fixed = {
        "age": _("Age"),
        "female": _("Woman"),
        "gender_unknown": _("Gender unknown"),
        "months_employed_before": _("Months in work in the year before the start"),
        "needs_interpreter": _("Needs an interpreter"),
        "months_in_follow_up": _("Months in follow-up"),
    }
    if name in fixed:
        return str(fixed[name])
    if name.startswith("need_"):
        group = dict(followup_extract.need_group_choices()).get(name[5:], name[5:])
        return f"{_('Need group (§14a)')}: {group}"
    if name.startswith("benefit_"):
        kind = dict(followup_extract.benefit_kind_choices()).get(name[8:], name[8:])
        return f"{_('Benefit at the start')}: {kind}"
    if name.startswith("county_"):
        return f"{_('County')}: {(counties or {}).get(name[7:], name[7:])}"
    return name


def county_names() -> dict[str, str]:
    from velferd.organisation import selectors as organisation_selectors

    return {c.number: c.name for c in organisation_selectors.counties()}
