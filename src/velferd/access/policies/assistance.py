"""Financial assistance (Social Services Act § 18), the staff's side: the office's queue,
the case, documentation requests, the decision and the guideline rates.

Everything here is the municipality's. An application belongs to the office it was sent to
(Application.office, fixed on submission): that office's municipal caseworkers work it and
decide it. The state side sees it only as it sees the municipality's other records, with
the person's consent (`can_view_municipal_records`), and never decides. A draft is the
citizen's own until they submit it."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .base import NOTHING
from .coordination import can_view_municipal_records, municipal_records_visible
from .people import _cleared_office_employees, can_know_person_exists, persons_known

DRAFT = "draft"


def _municipal_offices(actor: Actor) -> set[int]:
    return actor.office_ids(Role.CASEWORKER_MUNICIPAL)


def _at_the_office(actor: Actor, application: Any) -> bool:
    """A municipal caseworker at the application's office who may see the applicant (a
    protected person, or one of NAV's own employees, only when cleared for them)."""
    if application.office_id not in _municipal_offices(actor):
        return False
    person = application.person
    if not can_know_person_exists(actor, person):
        return False
    return not person.is_office_employee or _cleared_office_employees(actor)


def _at_the_office_filter(actor: Actor) -> Q:
    """The list filter of `_at_the_office`, over applications."""
    offices = _municipal_offices(actor)
    if not offices:
        return NOTHING
    rule = Q(office__in=offices) & persons_known(actor, "person__")
    if not _cleared_office_employees(actor):
        rule &= Q(person__is_office_employee=False)
    return rule


def can_view_assistance_queue(actor: Actor, office: Any) -> bool:
    """The office's queue of applications is for its municipal caseworkers."""
    return getattr(office, "pk", office) in _municipal_offices(actor)


def assistance_queue_offices(actor: Actor) -> set[int]:
    """The list filter of `can_view_assistance_queue`: the offices whose queue the actor
    works."""
    return _municipal_offices(actor)


def can_view_application(actor: Actor, application: Any) -> bool:
    """The office's municipal caseworkers; whoever may see the person's municipal records
    (the person, the state side with the person's consent). Nobody else sees a draft."""
    if application.status == DRAFT:
        return False
    return _at_the_office(actor, application) or can_view_municipal_records(
        actor, application.person
    )


def applications_visible(actor: Actor, today: datetime.date | None = None) -> Q:
    """The list filter of `can_view_application`, over applications."""
    return ~Q(status=DRAFT) & (
        _at_the_office_filter(actor) | municipal_records_visible(actor, "person__", today)
    )


def can_decide_application(actor: Actor, application: Any) -> bool:
    """Documentation requests, the decision, a reduction after a breach: only a municipal
    caseworker at the application's office, never the state side, consent or not."""
    return application.status != DRAFT and _at_the_office(actor, application)


def applications_decidable(actor: Actor) -> Q:
    """The list filter of `can_decide_application`, over applications."""
    return ~Q(status=DRAFT) & _at_the_office_filter(actor)


def can_view_guideline_rates(actor: Actor) -> bool:
    """The guideline rates are the state's published figures: the municipal caseworkers who
    calculate with them and the administrators who keep them."""
    return bool(_municipal_offices(actor)) or actor.has_role(Role.ADMINISTRATOR)


def can_manage_guideline_rates(actor: Actor) -> bool:
    """Administrators enter each year's rates."""
    return actor.has_role(Role.ADMINISTRATOR)
