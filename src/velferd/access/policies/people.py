"""Who may know of, see and change a person, their address and their consents.

`person` is a velferd.people Person: office_id, user_id, is_strictly_confidential,
is_office_employee and address_protection are all these policies read."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .base import NOTHING

OFFICE_STAFF = (
    Role.CASEWORKER_STATE,
    Role.CASEWORKER_MUNICIPAL,
    Role.APPROVER,
    Role.OFFICE_MANAGER,
)
CASEWORKERS = (Role.CASEWORKER_STATE, Role.CASEWORKER_MUNICIPAL, Role.OFFICE_MANAGER)


def is_the_person(actor: Actor, person: Any) -> bool:
    return actor.user is not None and person.user_id == actor.user.pk


def the_person(actor: Actor, via: str = "") -> Q:
    """The list filter of `is_the_person`."""
    return Q(**{f"{via}user": actor.user.pk}) if actor.user is not None else NOTHING


# The address protections under which a person does not exist for those not cleared; the
# people domain's AddressProtection holds the same values (a test keeps them equal).
HIDING_PROTECTIONS = ("strictly_confidential", "strictly_confidential_abroad")


def _cleared_strictly_confidential(actor: Actor) -> bool:
    return actor.user is not None and actor.user.cleared_strictly_confidential


def _cleared_office_employees(actor: Actor) -> bool:
    return actor.user is not None and actor.user.cleared_office_employees


def can_know_person_exists(actor: Actor, person: Any) -> bool:
    """A person with a strictly confidential address does not exist for anyone who is not
    specially cleared: they get 404, not 403."""
    if is_the_person(actor, person) or not person.is_strictly_confidential:
        return True
    return _cleared_strictly_confidential(actor)


def persons_known(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_know_person_exists`: every list of people or their records
    applies it, so a list never shows whom the detail page answers 404 for."""
    if _cleared_strictly_confidential(actor):
        return Q()
    return ~Q(**{f"{via}address_protection__in": HIDING_PROTECTIONS}) | the_person(actor, via)


def _staff_may_see(actor: Actor, person: Any, roles: tuple[str, ...]) -> bool:
    if not can_know_person_exists(actor, person):
        return False
    if person.is_office_employee and not _cleared_office_employees(actor):
        return False
    return person.office_id in actor.office_ids(*roles)


def _staff_see(actor: Actor, roles: tuple[str, ...], via: str = "") -> Q:
    """The list filter of `_staff_may_see`."""
    offices = actor.office_ids(*roles)
    if not offices:
        return NOTHING
    rule = Q(**{f"{via}office__in": offices}) & persons_known(actor, via)
    if not _cleared_office_employees(actor):
        rule &= Q(**{f"{via}is_office_employee": False})
    return rule


def role_reading(actor: Actor, person: Any) -> str:
    """The role in which the actor reads a person's data: their role at the person's office."""
    for assignment in actor.assignments_for(*OFFICE_STAFF):
        if assignment.office_id == person.office_id:
            return assignment.role
    return ""


def can_view_person(actor: Actor, person: Any) -> bool:
    return is_the_person(actor, person) or _staff_may_see(actor, person, OFFICE_STAFF)


def persons_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_person`."""
    return the_person(actor, via) | persons_visible_as_staff(actor, via)


def persons_visible_as_staff(actor: Actor, via: str = "") -> Q:
    """The people at the actor's offices whom the actor may see: the staff's lists."""
    return _staff_see(actor, OFFICE_STAFF, via)


def can_list_persons(actor: Actor) -> bool:
    """The staff's list of people is for those who work at an office; what it shows them is
    `persons_visible_as_staff`."""
    return bool(actor.office_ids(*OFFICE_STAFF))


def can_register_person(actor: Actor, office: Any = None) -> bool:
    offices = actor.office_ids(*CASEWORKERS)
    return bool(offices) if office is None else office.pk in offices


def can_change_person(actor: Actor, person: Any) -> bool:
    return _staff_may_see(actor, person, CASEWORKERS)


def can_move_person(actor: Actor, person: Any, office: Any) -> bool:
    """Where a person may move: anywhere. Their office follows from where they live, so
    whoever may change the person records a move into any office's area, and the new office
    takes their follow-up over (`people.signals.person_moved`)."""
    return can_change_person(actor, person)


# How strongly an address is protected: a change to a lower level reveals the address.
PROTECTION_LEVELS = {
    "none": 0,
    "confidential": 1,
    "strictly_confidential": 2,
    "strictly_confidential_abroad": 2,
}


def lowers_address_protection(before: str, after: str) -> bool:
    return PROTECTION_LEVELS.get(after, 0) < PROTECTION_LEVELS.get(before, 0)


def can_lower_address_protection(actor: Actor, person: Any) -> bool:
    """Lowering a protection is a decision for a unit cleared for strictly confidential
    persons (NAV Vikafossen), never a caseworker alone: the address would show."""
    return _cleared_strictly_confidential(actor) and can_change_person(actor, person)


def can_view_person_address(actor: Actor, person: Any) -> bool:
    """A protected address is never shown on the staff pages; the person sees their own."""
    if is_the_person(actor, person):
        return True
    return person.address_protection == "none" and can_view_person(actor, person)


def can_manage_consents(actor: Actor, person: Any) -> bool:
    """The person themself, or a caseworker recording a consent the person gave them."""
    return is_the_person(actor, person) or can_change_person(actor, person)


# The consent that lets NAV's state side see the municipality's social-services records.
OPENS_MUNICIPAL_RECORDS = "nav_state"


def needs_consent_document(actor: Actor, person: Any, partner_service: str) -> bool:
    """The consent that opens the municipal records rests on a document (the signed form)
    when staff record it; the person giving it on their own pages, or the system loading
    it, names none."""
    return (
        partner_service == OPENS_MUNICIPAL_RECORDS
        and not actor.system
        and not is_the_person(actor, person)
    )


def can_record_consent(actor: Actor, person: Any, partner_service: str) -> bool:
    """The person gives any consent on their own pages. A caseworker records one the person
    gave, except the consent that opens the municipal records to the state side: that one
    only the side owning the records (the office's municipal caseworkers) records, never the
    side it opens them to."""
    if is_the_person(actor, person):
        return True
    if partner_service == OPENS_MUNICIPAL_RECORDS:
        return _staff_may_see(actor, person, (Role.CASEWORKER_MUNICIPAL,))
    return can_change_person(actor, person)


def can_view_access_log(actor: Actor, person: Any) -> bool:
    return is_the_person(actor, person)
