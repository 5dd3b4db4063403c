"""Effect runs: an analyst's question is queued (`effect_run_request`), then executed
(`effect_run_execute`) on the pseudonymised extract, and what it writes is aggregates only,
masked (`effect_masking`).

Where a run is executed: right after it is requested when `VELFERD_EFFECTS_INLINE` is on
(development, the demo and the tests), else by `velferd run-effects`, which a scheduler
runs in production. Both are audited: the request as `effect_run.requested`, the execution
as `effect_run.done` or `effect_run.failed` with the number of pseudonymised rows read.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from threadpoolctl import threadpool_limits

from velferd.access import policies
from velferd.access.actor import Actor, system_actor
from velferd.audit import services as audit
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors
from velferd.schemes import selectors as schemes_selectors

from ..models import (
    OUTCOME_HORIZONS,
    EffectEstimate,
    EffectRun,
    EffectRunStatus,
    Outcome,
    OutcomeStatus,
)
from . import effect_masking
from .extract import NO_SCHEME, OUTCOME, SUBGROUPS, TREATMENT, Extract, build_extract

logger = logging.getLogger(__name__)

MAX_SEED = 2**31 - 1
FOLDS = (2, 10)


@dataclass(frozen=True)
class RunQuestion:
    """A question an analyst may ask, checked."""

    outcome: str
    horizon_months: int
    control: str
    by: tuple[str, ...]
    seed: int = 0
    folds: int = 2


def _invalid(code: str, field: str, nb: str, en: str) -> DomainError:
    return DomainError(code=code, field=field, message_nb=nb, message_en=en)


def valid_outcome(value: object) -> str:
    if value not in OutcomeStatus.values:
        raise _invalid(
            "unknown_outcome",
            "outcome",
            "Velg hvilket utfall som skal måles: i arbeid, i utdanning, på en ytelse eller "
            "ingen av disse.",
            "Choose the outcome to measure: in work, in education, on a benefit or none of these.",
        )
    return str(value)


def valid_horizon(value: object) -> int:
    try:
        horizon = int(str(value))
    except (TypeError, ValueError):
        horizon = 0
    if horizon not in OUTCOME_HORIZONS:
        raise _invalid(
            "invalid_horizon",
            "horizon_months",
            "Velg 3, 6, 12 eller 24 måneder etter slutt.",
            "Choose 3, 6, 12 or 24 months after the end.",
        )
    return horizon


def valid_control(value: object) -> str:
    code = str(value or "").strip()
    if code == NO_SCHEME or (code and schemes_selectors.funding_scheme_type(code) is not None):
        return code
    shown = code[:40]
    raise _invalid(
        "unknown_control",
        "control",
        f"«{shown}» er ingen tiltakstype. Sammenlign med «ingen tiltak» eller en tiltakstype.",
        f"“{shown}” is no scheme type. Compare with “no scheme” or a scheme type.",
    )


def valid_by(values: object) -> tuple[str, ...]:
    chosen = [str(v).strip() for v in (values or []) if str(v).strip()]  # type: ignore[attr-defined]
    unknown = [v for v in chosen if v not in SUBGROUPS]
    if unknown:
        shown = ", ".join(v[:40] for v in unknown)
        raise _invalid(
            "unknown_subgroup",
            "by",
            f"Ukjent undergruppe: {shown}. Velg blant aldersgruppe, kjønn, innsatsgruppe, fylke, "
            "arbeid før start, tolkebehov og ytelse ved start.",
            f"Unknown subgroup: {shown}. Choose among age band, gender, need group, county, "
            "work before the start, interpreter and benefit at the start.",
        )
    return tuple(dict.fromkeys(chosen))


def _valid_int(value: object, field: str, low: int, high: int, nb: str, en: str) -> int:
    try:
        number = int(str(value).strip()) if str(value).strip() else low
    except (TypeError, ValueError):
        number = low - 1
    if not low <= number <= high:
        raise _invalid(f"invalid_{field}", field, nb, en)
    return number


def valid_seed(value: object) -> int:
    return _valid_int(
        value,
        "seed",
        0,
        MAX_SEED,
        f"Startverdien må være et heltall fra 0 til {MAX_SEED}.",
        f"The seed must be a whole number from 0 to {MAX_SEED}.",
    )


def valid_folds(value: object) -> int:
    low, high = FOLDS
    return _valid_int(
        value,
        "folds",
        low,
        high,
        f"Antall delinger må være et heltall fra {low} til {high}.",
        f"The number of folds must be a whole number from {low} to {high}.",
    )


def read_question(errors: FormErrors, data: dict[str, Any]) -> RunQuestion | None:
    """The question from a form or a request body, every refusal kept in `errors`."""
    outcome = errors.check(valid_outcome, data.get("outcome"))
    horizon = errors.check(valid_horizon, data.get("horizon_months"))
    control = errors.check(valid_control, data.get("control"))
    by = errors.check(valid_by, data.get("by") or [])
    seed = errors.check(valid_seed, data.get("seed", 0))
    folds = errors.check(valid_folds, data.get("folds", 2))
    if errors or outcome is None or horizon is None or control is None or by is None:
        return None
    if not Outcome.objects.filter(horizon_months=horizon).exists():
        errors.add(
            _invalid(
                "no_outcomes",
                "horizon_months",
                f"Det finnes ingen utfall {horizon} måneder etter slutt ennå. Velg en annen "
                "tidshorisont, eller vent til utfallene er avledet.",
                f"There are no outcomes {horizon} months after the end yet. Choose another "
                "horizon, or wait until the outcomes are derived.",
            )
        )
        return None
    return RunQuestion(outcome, horizon, control, by, seed or 0, folds or 2)


def runs_inline() -> bool:
    return bool(getattr(settings, "VELFERD_EFFECTS_INLINE", False))


@transaction.atomic
def effect_run_request(*, actor: Actor, question: RunQuestion) -> EffectRun:
    """Queue the question as a run."""
    policies.require(actor, policies.can_request_effect_run)
    run = EffectRun.objects.create(
        requested_by=actor.user,
        outcome=question.outcome,
        horizon_months=question.horizon_months,
        control=question.control,
        by=list(question.by),
        seed=question.seed,
        folds=question.folds,
    )
    audit.record(actor=actor, action="effect_run.requested", target=run, after=asdict(question))
    return run


def effect_run_ask(*, actor: Actor, data: dict[str, Any]) -> EffectRun:
    """Check the question (the first refusal raised), queue it, and run it at once where
    runs are inline."""
    errors = FormErrors()
    question = read_question(errors, data)
    errors.raise_first()
    assert question is not None
    run = effect_run_request(actor=actor, question=question)
    if runs_inline():
        run = effect_run_execute(run.pk)
    return run


def _claim(run_id: int) -> EffectRun | None:
    """Move a queued run to running; None when someone else took it."""
    with transaction.atomic():
        run = EffectRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status != EffectRunStatus.QUEUED:
            return None
        run.status = EffectRunStatus.RUNNING
        run.save(update_fields=["status", "updated_at"])
        return run


def effect_run_execute(run_id: int, *, given: Extract | None = None) -> EffectRun:
    """Run a queued run: done with its masked estimates, or failed with a readable error.
    `given` is an extract made elsewhere (the demo's synthetic one); else it is read."""
    run = _claim(run_id)
    if run is None:
        return EffectRun.objects.get(pk=run_id)
    started = time.monotonic()
    extract: Extract | None = given
    try:
        if extract is None:
            extract = build_extract(
                horizon=run.horizon_months, outcome=run.outcome, control=run.control
            )
        _refuse_thin(extract, run.control)
        found = _estimate(extract, run)
    except DomainError as error:
        return _failed(run, error.message_nb, error.message_en, extract, started)
    except Exception as error:  # the estimator's refusals (EstimationError) and the unforeseen
        if hasattr(error, "message_nb") and hasattr(error, "message_en"):
            return _failed(run, error.message_nb, error.message_en, extract, started)
        logger.exception("effect run %s failed", run.pk)
        text = str(error)[:300] or error.__class__.__name__
        return _failed(
            run,
            f"Kjøringen feilet uventet ({text}). Prøv igjen, eller meld fra om feilen.",
            f"The run failed unexpectedly ({text}). Try again, or report the error.",
            extract,
            started,
        )
    return _done(run, found, extract, started)


def _refuse_thin(extract: Extract, control: str) -> None:
    treatments = extract.columns[TREATMENT]
    if not (treatments == control).any():
        raise _invalid(
            "no_controls",
            "control",
            "Ingen i uttrekket hører til sammenligningsgruppen, så ingen effekt kan beregnes.",
            "No one in the extract is in the comparison group, so no effect can be estimated.",
        )
    if (treatments == control).all():
        raise _invalid(
            "no_treated",
            "control",
            "Ingen i uttrekket deltok i et annet tiltak enn sammenligningsgruppen.",
            "No one in the extract took part in a scheme other than the comparison group.",
        )


def _estimate(extract: Extract, run: EffectRun) -> Any:
    from ..estimation import Question, estimate

    question = Question(
        treatment=TREATMENT,
        control=run.control,
        outcome=OUTCOME,
        covariates=extract.covariates,
        by=tuple(run.by),
        seed=run.seed,
        folds=run.folds,
    )
    with threadpool_limits(limits=estimation_threads()):
        return estimate(extract.columns, question)


def estimation_threads() -> int:
    """Threads the estimator's models may use (`VELFERD_EFFECTS_THREADS`, 1 by default): a
    run inside a web request or beside other work must not take every core, and on a busy
    machine more threads than cores make the models many times slower, not faster."""
    return max(1, int(getattr(settings, "VELFERD_EFFECTS_THREADS", 1)))


def _figures(found: Any) -> list[effect_masking.Figures]:
    return [
        effect_masking.Figures(
            treatment=e.treatment,
            group=e.group,
            effect=float(e.effect),
            ci_low=float(e.ci_low),
            ci_high=float(e.ci_high),
            naive_difference=float(e.naive_difference),
            n_treated=int(e.n_treated),
            n_control=int(e.n_control),
        )
        for e in found.effects
    ]


def _diagnostics(found: Any, shown: set[str]) -> dict[str, Any]:
    overlap = []
    for one in found.overlap:
        if one.treatment not in shown:
            continue
        merged = effect_masking.merge_bins(
            [float(x) for x in one.bin_edges],
            [int(x) for x in one.treated_counts],
            [int(x) for x in one.control_counts],
        )
        overlap.append(
            {
                "treatment": one.treatment,
                "bin_edges": merged[0] if merged else [],
                "treated_counts": merged[1] if merged else [],
                "control_counts": merged[2] if merged else [],
                "masked": merged is None,
                "share_outside": float(one.share_outside),
                "warning": bool(one.warning),
            }
        )
    balance = {
        treatment: [
            {
                "covariate": b.covariate,
                "smd_before": float(b.smd_before),
                "smd_after": float(b.smd_after),
            }
            for b in rows
        ]
        for treatment, rows in found.balance.items()
        if treatment in shown
    }
    return {"overlap": overlap, "balance": balance}


def _tree(found: Any) -> dict[str, Any]:
    if found.policy_tree is None:
        return {}
    gain = asdict(found.policy_gain) if found.policy_gain is not None else None
    return {"tree": effect_masking.mask_tree(asdict(found.policy_tree)), "gain": gain}


@transaction.atomic
def _done(run: EffectRun, found: Any, extract: Extract, started: float) -> EffectRun:
    figures = effect_masking.mask_estimates(_figures(found))
    EffectEstimate.objects.bulk_create(EffectEstimate(run=run, **asdict(one)) for one in figures)
    shown = {f.treatment for f in figures if f.group == "all" and not f.masked}
    run.diagnostics = _diagnostics(found, shown)
    run.policy_tree = _tree(found)
    _finish(run, EffectRunStatus.DONE, extract, started)
    audit.record(
        actor=_actor_of(run),
        action="effect_run.done",
        target=run,
        after={"rows": run.rows, "estimates": len(figures), "seconds": run.seconds},
    )
    return run


@transaction.atomic
def _failed(run: EffectRun, nb: str, en: str, extract: Extract | None, started: float) -> EffectRun:
    run.error = f"{nb}\n{en}"
    _finish(run, EffectRunStatus.FAILED, extract, started)
    audit.record(
        actor=_actor_of(run),
        action="effect_run.failed",
        target=run,
        after={"rows": run.rows, "error": en},
    )
    return run


def _finish(run: EffectRun, status: str, extract: Extract | None, started: float) -> None:
    run.status = status
    run.rows = extract.rows if extract is not None else 0
    run.seconds = round(time.monotonic() - started, 3)
    run.finished_at = timezone.now()
    run.save()


def _actor_of(run: EffectRun) -> Actor:
    return system_actor("effects")


def queued_runs() -> list[int]:
    return list(
        EffectRun.objects.filter(status=EffectRunStatus.QUEUED)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
