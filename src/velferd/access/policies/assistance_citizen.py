"""Financial assistance, the citizen's side: the application from the citizen's own pages,
the answers to the office's documentation requests, and the attachments sent with them.

The applicant owns the application: they write the draft (nobody else sees it), send it,
follow it and answer the office's requests. An attachment is seen by the applicant, and
once the application is sent by those who may see the application (the office's municipal
caseworkers; the state side with the person's consent, as the municipality's other
records). The statuses are read by their values: access imports no domain above it."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .base import NOTHING
from .coordination import can_view_municipal_records, municipal_records_visible
from .people import (
    _cleared_office_employees,
    can_know_person_exists,
    is_the_person,
    persons_known,
    the_person,
)

DRAFT = "draft"


def can_apply_for_assistance(actor: Actor) -> bool:
    """A citizen logged in with their own login applies for themself (whether NAV knows
    them is the service's question: 404 when not)."""
    return actor.has_role(Role.CITIZEN)


def can_view_own_application(actor: Actor, application: Any) -> bool:
    """The applicant sees their application in every state, the draft too."""
    return is_the_person(actor, application.person)


def own_applications(actor: Actor) -> Q:
    """The list filter of `can_view_own_application`, over applications."""
    return the_person(actor, "person__")


def can_edit_application(actor: Actor, application: Any) -> bool:
    """Only the applicant writes the draft, sends it or deletes it; once sent it is the
    office's to work (that a sent one can no longer change or be deleted is the service's
    answer, 409)."""
    return is_the_person(actor, application.person)


def applications_editable(actor: Actor) -> Q:
    """The list filter of `can_edit_application`, over applications."""
    return the_person(actor, "person__")


def can_answer_documentation_request(actor: Actor, request: Any) -> bool:
    """The applicant answers the office's requests for documentation (an answered or
    withdrawn one is the service's refusal, 409)."""
    return is_the_person(actor, request.application.person)


def documentation_requests_answerable(actor: Actor) -> Q:
    """The list filter of `can_answer_documentation_request`, over documentation
    requests."""
    return the_person(actor, "application__person__")


def _at_the_office(actor: Actor, application: Any) -> bool:
    if application.office_id not in actor.office_ids(Role.CASEWORKER_MUNICIPAL):
        return False
    person = application.person
    if not can_know_person_exists(actor, person):
        return False
    return not person.is_office_employee or _cleared_office_employees(actor)


def _at_the_office_filter(actor: Actor, via: str) -> Q:
    offices = actor.office_ids(Role.CASEWORKER_MUNICIPAL)
    if not offices:
        return NOTHING
    rule = Q(**{f"{via}office__in": offices}) & persons_known(actor, f"{via}person__")
    if not _cleared_office_employees(actor):
        rule &= Q(**{f"{via}person__is_office_employee": False})
    return rule


def can_view_attachment(actor: Actor, attachment: Any) -> bool:
    """The applicant; once the application is sent, the municipal caseworkers at its office
    and whoever may see the person's municipal records."""
    application = attachment.application
    if is_the_person(actor, application.person):
        return True
    if application.status == DRAFT:
        return False
    return _at_the_office(actor, application) or can_view_municipal_records(
        actor, application.person
    )


def attachments_visible(actor: Actor) -> Q:
    """The list filter of `can_view_attachment`, over attachments."""
    via = "application__"
    staff = _at_the_office_filter(actor, via) | municipal_records_visible(actor, f"{via}person__")
    return the_person(actor, f"{via}person__") | (~Q(application__status=DRAFT) & staff)
