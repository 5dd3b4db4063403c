"""Effect runs for analysts: ask a question (POST), list the runs, read one with its masked
estimates, diagnostics and policy tree."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Query, Schema, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import Declared, one_of
from velferd.core.pagination import paginate

from ..models import OUTCOME_HORIZONS, EffectRun, OutcomeStatus
from ..selectors import effects as selectors
from ..services import runs as services
from ..services.extract import SUBGROUPS
from .router import operation, router


class EffectRunIn(Schema):
    outcome: Annotated[str, one_of(OutcomeStatus)] = Field(
        "in_work", description="in_work, in_education, on_benefit or none"
    )
    horizon_months: Annotated[int, Declared(enum=list(OUTCOME_HORIZONS))] = Field(
        12, description="3, 6, 12 or 24 months after the end"
    )
    control: Annotated[str, Declared(pattern=r"^[A-Za-z0-9_]{1,40}$")] = Field(
        "none", description="none (no scheme), or a scheme type's code"
    )
    by: list[Annotated[str, one_of(SUBGROUPS)]] = Field(
        default_factory=list,
        description=(
            "subgroup columns: age_band, gender, need_group, county, prior_employment, "
            "interpreter, benefit_at_start"
        ),
    )
    seed: int = 0
    folds: int = 2


class EffectEstimateOut(Schema):
    treatment: str
    group: str
    masked: bool
    effect: float | None
    ci_low: float | None
    ci_high: float | None
    naive_difference: float | None
    n_treated: int | None
    n_control: int | None


class EffectRunSummaryOut(Schema):
    id: int
    status: str
    outcome: str
    horizon_months: int
    control: str
    by: list[str]
    seed: int
    folds: int
    rows: int | None
    seconds: float | None
    error: str
    created_at: Any
    finished_at: Any | None


class EffectRunOut(EffectRunSummaryOut):
    estimates: list[EffectEstimateOut]
    diagnostics: dict[str, Any]
    policy_tree: dict[str, Any]


class EffectRunList(Schema):
    items: list[EffectRunSummaryOut]
    count: int


def run_summary(run: EffectRun) -> dict[str, Any]:
    return {
        "id": run.pk,
        "status": run.status,
        "outcome": run.outcome,
        "horizon_months": run.horizon_months,
        "control": run.control,
        "by": list(run.by),
        "seed": run.seed,
        "folds": run.folds,
        "rows": run.rows,
        "seconds": run.seconds,
        "error": selectors.run_error(run),
        "created_at": run.created_at,
        "finished_at": run.finished_at,
    }


def run_out(run: EffectRun) -> dict[str, Any]:
    estimates = [
        {
            "treatment": e.treatment,
            "group": e.group,
            "masked": e.masked,
            "effect": e.effect,
            "ci_low": e.ci_low,
            "ci_high": e.ci_high,
            "naive_difference": e.naive_difference,
            "n_treated": e.n_treated,
            "n_control": e.n_control,
        }
        for e in selectors.estimates_of(run)
    ]
    return {
        **run_summary(run),
        "estimates": estimates,
        "diagnostics": run.diagnostics or {},
        "policy_tree": run.policy_tree or {},
    }


@router.post(
    "/effect-runs",
    response={201: EffectRunOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("request_effect_run"),
)
def request_effect_run(request: HttpRequest, payload: EffectRunIn) -> Any:
    """Ask a question of the estimator. It is queued, and run at once where runs are inline
    (else by `velferd run-effects`): the answer's status says which."""
    run = services.effect_run_ask(actor=actor_of(request), data=payload.dict())
    return Status(201, run_out(run))


@router.get(
    "/effect-runs",
    response={200: EffectRunList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_effect_runs"),
)
def list_effect_runs(request: HttpRequest, paging: Query[PageParams]) -> Any:
    """The runs, the newest first."""
    found = selectors.effect_runs_for(actor=actor_of(request))
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [run_summary(run) for run in page.items], "count": page.count}


@router.get(
    "/effect-runs/{run_id}",
    response={200: EffectRunOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_effect_run"),
)
def get_effect_run(request: HttpRequest, run_id: int) -> Any:
    """A run with its estimates (masked ones with no figures), diagnostics and policy tree."""
    return run_out(selectors.effect_run_for(actor=actor_of(request), run_id=run_id))
