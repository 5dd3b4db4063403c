"""A matching run from the database: the year's waiting cases and the municipalities'
remaining capacities into the solver, the officer's locks and exclusions honoured, the
result kept as draft proposals with the expected adults in work.

The scores: where a history file of earlier years' adults is kept
(SETTLEMENT_HISTORY_CSV, by default var/settlement-history.csv, the columns of
`velferd settlement solve --history`), the employment model is trained on it and each
case's score in a municipality is the expected number of its adults in work two years on.
Without history every adult counts the same (0.5) everywhere, so the matching only fills the
capacities under the rules. Either way a case gains a little for each month it has waited
and for its tie to a municipality (relatives there), so that long waits and ties come
first when there is not room for all. A case may stay out of the round: the solver gets a
place "not this round" without limits that scores nothing, and the cases placed there go
on waiting."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.settlement.matching import employment, files
from velferd.settlement.matching.feasibility import Infeasible
from velferd.settlement.matching.problem import (
    Case,
    Municipality,
    Person,
    build_instance,
    cases_of,
)
from velferd.settlement.matching.solver import solve

from ..lifecycles import move_proposal
from ..models import CaseExclusion, MatchingRun, Proposal, SettlementCase, SettlementYear
from ..selectors.capacity import capacities
from .common import lock_year, proposal_snapshot, today, user_of, year_of

NOT_THIS_ROUND = "0000"
EVEN_CHANCE = 0.5
PER_MONTH_WAITED = 0.01
TIE_BONUS = 0.1
TIME_LIMIT = 30.0


def history_path() -> Path:
    return Path(
        getattr(settings, "SETTLEMENT_HISTORY_CSV", settings.VAR_DIR / "settlement-history.csv")
    )


@lru_cache(maxsize=2)
def _model(path: str, modified: float) -> employment.EmploymentModel | None:
    rows, problems = files.history(Path(path).name, Path(path).read_text(encoding="utf-8-sig"))
    if problems or not rows:
        return None
    try:
        model, _ = employment.train(rows)
    except ValueError:
        return None
    return model


def employment_model() -> employment.EmploymentModel | None:
    """The model trained on the history file, if there is one to learn from."""
    path = history_path()
    if not path.is_file():
        return None
    return _model(str(path), path.stat().st_mtime)


@dataclass(frozen=True)
class Round:
    cases: list[SettlementCase]
    persons: list[Person]
    municipalities: list[Municipality]


def _age(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _persons_of(cases: list[SettlementCase], day: datetime.date) -> list[Person]:
    return [
        Person(
            person_id=str(p.pk),
            case_id=str(case.pk),
            age=_age(p.birth_date, day),
            gender=p.gender,
            education_years=p.education_years,
            speaks_english=p.speaks_english,
            origin_group=p.origin_group,
            health_need=p.health_need,
            unaccompanied_minor=p.unaccompanied_minor,
        )
        for case in cases
        for p in case.persons.all()
    ]


def _round(year: SettlementYear) -> Round:
    cases = list(
        SettlementCase.objects.filter(year=year, status="waiting")
        .prefetch_related("persons")
        .order_by("residence_permit_on", "udi_reference")
    )
    persons = _persons_of(cases, today())
    places = [
        Municipality(
            number=line.municipality.number,
            name=line.municipality.name,
            capacity_persons=line.remaining_persons,
            capacity_minors=line.remaining_minors,
            health_competence=line.health_competence,
        )
        for line in capacities(year)
        if line.decision is not None
    ]
    elsewhere = Municipality(
        NOT_THIS_ROUND, "Not this round", len(persons), len(persons), health_competence=True
    )
    return Round(cases, persons, [*places, elsewhere])


def employment_scores(work: Round, case_list: list[Case]) -> np.ndarray:
    """cases x municipalities: the expected adults in work (see the module's words)."""
    numbers = [m.number for m in work.municipalities]
    ids = [c.case_id for c in case_list]
    model = employment_model()
    if model is not None:
        scores = employment.case_scores(model, work.persons, ids, numbers)
    else:
        adults = np.array([c.adults for c in case_list], dtype=float)
        scores = np.repeat((adults * EVEN_CHANCE)[:, None], len(numbers), axis=1)
    scores[:, numbers.index(NOT_THIS_ROUND)] = 0.0
    return scores


def _priorities(work: Round, case_list: list[Case], employed: np.ndarray) -> np.ndarray:
    """The solver's scores: the expected employment, and a little for the wait and a tie."""
    numbers = [m.number for m in work.municipalities]
    ids = [c.case_id for c in case_list]
    scores = employed.copy()
    by_id = {str(c.pk): c for c in work.cases}
    day = today()
    for i, case_id in enumerate(ids):
        case = by_id[case_id]
        months = (day - case.residence_permit_on).days / 30.4
        scores[i, :] += PER_MONTH_WAITED * months + 0.001
        if case.tie_municipality_id in numbers:
            scores[i, numbers.index(case.tie_municipality_id)] += TIE_BONUS
    scores[:, numbers.index(NOT_THIS_ROUND)] = 0.0
    return scores


def _instance(work: Round) -> tuple[Any, list[Case], dict[str, str], np.ndarray]:
    case_list = cases_of(work.persons)
    numbers = {m.number for m in work.municipalities}
    ids = {c.case_id for c in case_list}
    locked = {
        str(c.pk): c.locked_municipality_id
        for c in work.cases
        if c.locked_municipality_id and str(c.pk) in ids
    }
    unknown_lock = {k: v for k, v in locked.items() if v not in numbers}
    forbidden = [
        (str(e.case_id), e.municipality_id)
        for e in CaseExclusion.objects.filter(case__in=work.cases)
        if e.municipality_id in numbers and str(e.case_id) in ids
    ]
    for case_id in unknown_lock:
        forbidden.append((case_id, NOT_THIS_ROUND))
        del locked[case_id]
    employed = employment_scores(work, case_list)
    instance = build_instance(
        case_list,
        work.municipalities,
        _priorities(work, case_list, employed),
        locked=locked,
        forbidden=forbidden,
    )
    return instance, case_list, unknown_lock, employed


@transaction.atomic
def matching_run(*, actor: Actor, year: object) -> MatchingRun:
    """Match the year's waiting cases to the remaining capacities. The drafts of earlier
    runs are withdrawn; the run's assignment becomes the new drafts. An infeasible round is
    kept as a run with its reasons, and no drafts."""
    policies.require(actor, policies.can_run_settlement_matching)
    settlement_year = lock_year(year_of(year))
    work = _round(settlement_year)
    instance, case_list, unknown_lock, employed = _instance(work)
    run = MatchingRun.objects.create(
        year=settlement_year,
        started_by=user_of(actor),
        cases=len(case_list),
        persons=len(work.persons),
    )
    replaced = _withdraw_drafts(settlement_year, run)
    drafts: list[Proposal] = []
    problems = [_lock_problem(case_id, number) for case_id, number in unknown_lock.items()]
    if case_list and not problems:
        try:
            solution = solve(instance, time_limit=TIME_LIMIT)
        except Infeasible as infeasible:
            problems = [r.as_dict() for r in infeasible.reasons]
        else:
            drafts = _drafts(run, instance, case_list, solution.assignment, employed)
            run.objective, run.bound = solution.objective, solution.bound
            run.gap, run.seconds = solution.gap, solution.seconds
    run.problems = problems
    run.save()
    audit.record(
        actor=actor,
        action="matching_run.started",
        target=run,
        after={
            "cases": run.cases,
            "objective": run.objective,
            "gap": run.gap,
            "problems": len(problems),
        },
    )
    # Written last, after the solver: the audit chain head is the last lock taken.
    audit.record_many(actor=actor, action="settlement_proposal.withdrawn", entries=replaced)
    audit.record_many(
        actor=actor,
        action="settlement_proposal.created",
        entries=[audit.Entry(draft, after=_draft_snapshot(draft)) for draft in drafts],
    )
    audit.log_access_many(
        actor=actor, subjects=work.cases, what="settlement.matching_run", purpose="settlement"
    )
    return run


def _lock_problem(case_id: str, number: str) -> dict[str, str]:
    return {
        "code": "lock_without_capacity",
        "message_nb": f"En sak er låst til kommune {number}, som ikke har vedtak dette året.",
        "message_en": (
            f"A case is locked to municipality {number}, which has no decision this year."
        ),
    }


def _withdraw_drafts(year: SettlementYear, run: MatchingRun) -> list[audit.Entry]:
    """The earlier runs' drafts, withdrawn: the new run replaces them. Their audit events
    are returned, to be written once the run is done."""
    drafts = list(
        Proposal.objects.select_for_update(of=("self",))
        .filter(case__year=year, status="draft")
        .order_by("case_id")
    )
    entries, now = [], timezone.now()
    for draft in drafts:
        before = proposal_snapshot(draft)
        move_proposal(draft, "withdrawn")
        draft.bump_version()
        draft.updated_at = now
        entries.append(
            audit.Entry(draft, before, {**proposal_snapshot(draft), "replaced_by_run": str(run.pk)})
        )
    Proposal.objects.bulk_update(drafts, ["status", "version", "updated_at"])
    return entries


def _draft_snapshot(draft: Proposal) -> dict[str, Any]:
    return {
        **audit.snapshot(draft, "status", "expected_employed", "override_reason"),
        "municipality": draft.municipality_id,
        "run": str(draft.run_id),
    }


def _drafts(
    run: MatchingRun,
    instance: Any,
    case_list: list[Case],
    assignment: np.ndarray,
    employed: np.ndarray,
) -> list[Proposal]:
    numbers = [m.number for m in instance.municipalities]
    reasons = {
        str(c.pk): c.lock_reason
        for c in SettlementCase.objects.filter(pk__in=[x.case_id for x in case_list])
    }
    drafts = []
    for i, case in enumerate(case_list):
        number = numbers[int(assignment[i])]
        if number == NOT_THIS_ROUND:
            continue
        drafts.append(
            Proposal(
                case_id=case.case_id,
                municipality_id=number,
                run=run,
                expected_employed=round(float(employed[i, int(assignment[i])]), 4),
                override_reason=reasons.get(case.case_id, ""),
            )
        )
    return Proposal.objects.bulk_create(drafts)
