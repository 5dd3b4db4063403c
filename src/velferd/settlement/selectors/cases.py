"""The cases, as each reader may see them: IMDi's officers the ones their policy lets
through, a municipality's coordinator only those sent to or accepted by it. Every read of a
case, in a list or on its page, is in the access log, with its persons on the page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.timezone import localdate as _today

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import NOT_FOUND, DomainError
from velferd.core.identifiers import as_uuid

from ..models import CasePerson, MatchingRun, Proposal, SettlementCase

ADULT_GOAL_MONTHS = 6
MINOR_GOAL_MONTHS = 3
NEAR_DAYS = 30


@dataclass(frozen=True)
class Waiting:
    """How long a case has waited since the residence permit, against IMDi's goal: adults
    settled within six months, unaccompanied minors within three."""

    days: int
    goal_on: datetime.date

    @property
    def past_goal(self) -> bool:
        return self.days_left < 0

    @property
    def near_goal(self) -> bool:
        return 0 <= self.days_left <= NEAR_DAYS

    @property
    def days_left(self) -> int:
        return (self.goal_on - _today()).days

    @property
    def flag(self) -> str:
        return "past" if self.past_goal else "near" if self.near_goal else "ok"


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def has_minor(case: SettlementCase) -> bool:
    return any(p.unaccompanied_minor for p in case.persons.all())


def waiting_of(case: SettlementCase) -> Waiting:
    months = MINOR_GOAL_MONTHS if has_minor(case) else ADULT_GOAL_MONTHS
    end = case.settled_on or _today()
    return Waiting(
        (end - case.residence_permit_on).days, _add_months(case.residence_permit_on, months)
    )


def _with_details(found: QuerySet[SettlementCase]) -> QuerySet[SettlementCase]:
    return found.select_related(
        "tie_municipality", "locked_municipality", "settled_municipality", "year"
    ).prefetch_related(
        "persons",
        Prefetch("proposals", queryset=Proposal.objects.select_related("municipality")),
        "exclusions__municipality",
    )


def cases_visible(actor: Actor, year_id: int, status: str = "") -> QuerySet[SettlementCase]:
    found = SettlementCase.objects.filter(year_id=year_id).filter(
        pk__in=SettlementCase.objects.filter(policies.settlement_cases_visible(actor)).values("pk")
    )
    if status:
        found = found.filter(status=status)
    return _with_details(found)


def log_case_list(actor: Actor, cases: list[SettlementCase], purpose: str) -> None:
    audit.log_access_many(actor=actor, subjects=cases, what="settlement.case_list", purpose=purpose)


def case_for(*, actor: Actor, case_id: object, purpose: str = "settlement") -> SettlementCase:
    """One case with its persons, for whom may see it; the read of the case and of each of
    its persons is logged. Unknown or not (yet, or no longer) visible: 404."""
    key = as_uuid(case_id)
    case = _with_details(SettlementCase.objects.filter(pk=key)).first() if key else None
    if case is None or not policies.can_view_settlement_case(actor, case):
        raise DomainError(
            code="not_found",
            message_nb="Fant ikke saken.",
            message_en="The case was not found.",
            status=NOT_FOUND,
        )
    audit.log_access(actor=actor, subject=case, what="settlement.case", purpose=purpose)
    audit.log_access_many(
        actor=actor,
        subjects=list(case.persons.all()),
        what="settlement.case_person",
        purpose=purpose,
    )
    return case


def live_proposal(case: SettlementCase) -> Proposal | None:
    return next(
        (p for p in case.proposals.all() if p.status in ("draft", "sent", "accepted")), None
    )


def proposals_to_answer(actor: Actor) -> list[Proposal]:
    """The proposals sent to the coordinator's municipalities, and those they accepted; each
    case shown is logged."""
    found = list(
        Proposal.objects.filter(policies.settlement_proposals_to_answer(actor))
        .filter(status__in=("sent", "accepted"))
        .select_related("case", "municipality")
        .prefetch_related("case__persons")
        .order_by("answer_by", "case__udi_reference")
    )
    log_case_list(actor, [p.case for p in found], "settlement")
    return found


def run_for(*, actor: Actor, run_id: object) -> MatchingRun:
    policies.require(actor, policies.can_manage_settlement_round)
    key = as_uuid(run_id)
    run = MatchingRun.objects.select_related("year").filter(pk=key).first() if key else None
    if run is None:
        raise DomainError(
            code="not_found",
            message_nb="Fant ikke kjøringen.",
            message_en="The run was not found.",
            status=NOT_FOUND,
        )
    return run


def run_proposals(actor: Actor, run: MatchingRun) -> list[Proposal]:
    """The run's proposals with their cases (logged as a list read)."""
    found = list(
        Proposal.objects.filter(run=run)
        .select_related("case", "municipality", "case__tie_municipality")
        .prefetch_related("case__persons")
        .order_by("municipality__number", "case__udi_reference")
    )
    log_case_list(actor, [p.case for p in found], "settlement.matching")
    return found


def persons_of(case: SettlementCase) -> list[CasePerson]:
    return list(case.persons.all())
