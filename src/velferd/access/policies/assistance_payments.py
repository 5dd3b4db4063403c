"""Financial assistance's payments, their export to accounting and the appeals against its
decisions. Everything is the municipality's: the application's office's municipal
caseworkers see and approve payments; an office's municipal caseworkers export the payments
of the municipalities the office serves; the person appeals their own decisions.

A payment is a velferd.assistance Payment (decision → application → person, office); an
appeal is an Appeal (decision → application). The municipality's exports are asked about by
the Municipality."""

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

_MUNICIPAL = (Role.CASEWORKER_MUNICIPAL,)


def _at_office(actor: Actor, application: Any) -> bool:
    """A municipal caseworker at the application's office, with the same limits as for the
    office's people (strictly confidential addresses, the office's own employees)."""
    person = application.person
    if person.is_office_employee and not _cleared_office_employees(actor):
        return False
    return application.office_id in actor.office_ids(*_MUNICIPAL) and can_know_person_exists(
        actor, person
    )


def _at_offices(actor: Actor, via: str) -> Q:
    offices = actor.office_ids(*_MUNICIPAL)
    if not offices:
        return NOTHING
    rule = Q(**{f"{via}office__in": offices}) & persons_known(actor, f"{via}person__")
    if not _cleared_office_employees(actor):
        rule &= Q(**{f"{via}person__is_office_employee": False})
    return rule


def can_view_payment(actor: Actor, payment: Any) -> bool:
    """The person's own payments; the application's office's municipal caseworkers; the
    state side with the person's consent."""
    application = payment.decision.application
    return _at_office(actor, application) or can_view_municipal_records(actor, application.person)


def payments_visible(actor: Actor) -> Q:
    """The list filter of `can_view_payment`, over payments."""
    via = "decision__application__"
    return _at_offices(actor, via) | municipal_records_visible(actor, f"{via}person__")


def can_approve_payment(actor: Actor, payment: Any) -> bool:
    """A municipal caseworker at the application's office (the service refuses the one who
    made the decision, in its own words)."""
    return _at_office(actor, payment.decision.application)


def payments_approvable(actor: Actor) -> Q:
    """The list filter of `can_approve_payment`, over payments."""
    return _at_offices(actor, "decision__application__")


def can_export_payments(actor: Actor, municipality: Any) -> bool:
    """A municipal caseworker at an office that serves the municipality."""
    offices = actor.office_ids(*_MUNICIPAL)
    return bool(offices) and municipality.office_areas.filter(office_id__in=offices).exists()


def municipalities_exportable(actor: Actor) -> Q:
    """The list filter of `can_export_payments`, over municipalities."""
    offices = actor.office_ids(*_MUNICIPAL)
    return Q(office_areas__office_id__in=offices) if offices else NOTHING


def can_appeal_assistance(actor: Actor, decision: Any) -> bool:
    """The person appeals their own decision; the office registers an appeal that came by
    post or by phone."""
    application = decision.application
    return is_the_person(actor, application.person) or _at_office(actor, application)


def assistance_decisions_appealable(actor: Actor) -> Q:
    """The list filter of `can_appeal_assistance`, over decisions."""
    via = "application__"
    return the_person(actor, f"{via}person__") | _at_offices(actor, via)


def can_view_assistance_appeal(actor: Actor, appeal: Any) -> bool:
    """The person's own appeals, the office's municipal caseworkers, the state side with the
    person's consent."""
    application = appeal.decision.application
    return _at_office(actor, application) or can_view_municipal_records(actor, application.person)


def assistance_appeals_visible(actor: Actor) -> Q:
    """The list filter of `can_view_assistance_appeal`, over appeals."""
    via = "decision__application__"
    return _at_offices(actor, via) | municipal_records_visible(actor, f"{via}person__")


def can_handle_assistance_appeal(actor: Actor, appeal: Any) -> bool:
    """The office re-assesses the appeal, sends it on and records the County Governor's
    outcome: its municipal caseworkers."""
    return _at_office(actor, appeal.decision.application)


def assistance_appeals_handled(actor: Actor) -> Q:
    """The list filter of `can_handle_assistance_appeal`, over appeals."""
    return _at_offices(actor, "decision__application__")
