"""The round: the year with IMDi's estimate and each municipality's decisions, the newest of
which holds (the requests to the municipalities are in `requests.py`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.validation import invalid

from ..models import MunicipalityDecision, MunicipalityRequest, SettlementYear
from .common import count, lock_request, lock_year, municipality, today, user_of, year_of

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _year_number(value: object) -> int:
    text = str(value or "").strip()
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise invalid(
            "invalid_year",
            "year",
            f"Året må være mellom {FIRST_YEAR} og {LAST_YEAR}.",
            f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.",
        )
    return int(text)


@transaction.atomic
def year_set(
    *,
    actor: Actor,
    year: object,
    estimated_persons: object,
    estimated_unaccompanied_minors: object = 0,
    version: int | None = None,
) -> SettlementYear:
    """Open a settlement year with IMDi's estimate, or change the estimate of one."""
    policies.require(actor, policies.can_run_settlement_matching)
    number = _year_number(year)
    persons = count(estimated_persons, "estimated_persons", "Anslaget", "estimate")
    minors = count(
        estimated_unaccompanied_minors,
        "estimated_unaccompanied_minors",
        "Anslaget for enslige mindreårige",
        "estimate of unaccompanied minors",
    )
    minors_within(minors, persons, "estimated_unaccompanied_minors")
    found = SettlementYear.objects.filter(year=number).first()
    if found is None:
        created = SettlementYear.objects.create(
            year=number, estimated_persons=persons, estimated_unaccompanied_minors=minors
        )
        audit.record(
            actor=actor, action="settlement_year.opened", target=created, after=_year(created)
        )
        return created
    locked = lock_year(found)
    if version is not None:
        locked.check_version(version)
    before = _year(locked)
    locked.estimated_persons, locked.estimated_unaccompanied_minors = persons, minors
    locked.bump_version()
    locked.save()
    audit.record(
        actor=actor,
        action="settlement_year.changed",
        target=locked,
        before=before,
        after=_year(locked),
    )
    return locked


def _year(year: SettlementYear) -> dict[str, Any]:
    return audit.snapshot(year, "year", "estimated_persons", "estimated_unaccompanied_minors")


def minors_within(minors: int, persons: int, field: str) -> None:
    if minors > persons:
        raise invalid(
            "minors_exceed_persons",
            field,
            "Enslige mindreårige er en del av personene og kan ikke være flere enn dem.",
            "Unaccompanied minors are among the persons and cannot outnumber them.",
        )


@transaction.atomic
def decision_enter(
    *,
    actor: Actor,
    year: object,
    municipality_number: object,
    persons: object,
    unaccompanied_minors: object = 0,
    health_competence: bool = False,
    decided_on: datetime.date | None = None,
    comment: str = "",
) -> MunicipalityDecision:
    """The municipality's decision on IMDi's request: by its own coordinator, or by IMDi on
    its behalf (marked so). Every decision is kept; the newest holds."""
    place = municipality(municipality_number)
    policies.require(actor, policies.can_enter_settlement_decision, place)
    request = MunicipalityRequest.objects.filter(year=year_of(year), municipality=place).first()
    if request is None:
        raise invalid(
            "no_request",
            "municipality",
            "IMDi har ikke anmodet kommunen om å bosette dette året.",
            "IMDi has not asked the municipality to settle anyone this year.",
            status=409,
        )
    request = lock_request(request.pk)
    taken = count(persons, "persons", "Antall personer", "number of persons")
    minors = count(
        unaccompanied_minors or 0,
        "unaccompanied_minors",
        "Antall enslige mindreårige",
        "number of unaccompanied minors",
    )
    minors_within(minors, taken, "unaccompanied_minors")
    day = decided_on or today()
    if day > today():
        raise invalid(
            "decided_in_future",
            "decided_on",
            "Vedtaksdatoen kan ikke være fram i tid.",
            "The decision date cannot be in the future.",
        )
    decision = MunicipalityDecision.objects.create(
        request=request,
        persons=taken,
        unaccompanied_minors=minors,
        health_competence=bool(health_competence),
        decided_on=day,
        comment=(comment or "").strip()[:2000],
        entered_by=user_of(actor),
        entered_by_imdi=not policies.allows(actor, policies.can_coordinate_settlement_in, place),
    )
    audit.record(
        actor=actor,
        action="settlement_decision.recorded",
        target=decision,
        after=audit.snapshot(
            decision, "persons", "unaccompanied_minors", "health_competence", "entered_by_imdi"
        ),
    )
    return decision
