"""The Ministry's enquiries, its public mail journal and its publications."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .base import NOTHING

PRESS_DIVISION = "press-and-communications"


def ministry_departments(actor: Actor) -> set[str]:
    """The slugs of the departments the actor works in as ministry staff."""
    return {a.department.slug for a in actor.assignments_for(Role.MINISTRY_STAFF) if a.department}


def can_route_enquiries(actor: Actor) -> bool:
    return bool(ministry_departments(actor))


def can_view_inbox(actor: Actor, department_slug: str) -> bool:
    """A department's staff see its inbox; the Press and Communications Division, which
    routes what the model cannot, sees every inbox."""
    mine = ministry_departments(actor)
    return department_slug in mine or PRESS_DIVISION in mine


def _departments_filter(actor: Actor, via: str) -> Q:
    """The rows of the departments whose inbox the actor sees (`can_view_inbox`)."""
    mine = ministry_departments(actor)
    if PRESS_DIVISION in mine:
        return Q()
    return Q(**{f"{via}department__slug__in": sorted(mine)}) if mine else NOTHING


def can_handle_enquiry(actor: Actor, enquiry: Any) -> bool:
    """Its department's staff, and the Press and Communications Division, handle an enquiry
    (an access request too): read the sender's name and address, answer, route, close."""
    return can_view_inbox(actor, enquiry.department.slug)


def enquiries_handled(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_handle_enquiry`, over enquiries (`via` the path to one)."""
    return _departments_filter(actor, via)


def can_view_journal_entry_in_full(actor: Actor, entry: Any) -> bool:
    """The public mail journal is open to anyone, logged in or not (offentleglova § 10);
    the staff who handle the department's enquiries see a journal entry whole: the
    private sender's name, the title before screening, the enquiry it came from. Everyone
    else sees its public fields only."""
    return can_view_inbox(actor, entry.department.slug)


def journal_entries_in_full(actor: Actor) -> Q:
    """The list filter of `can_view_journal_entry_in_full`, over journal entries."""
    return _departments_filter(actor, "")


def can_record_journal_entry(actor: Actor, department_slug: str) -> bool:
    """A department's case officers journal its documents by hand (the Press and
    Communications Division any department's)."""
    return can_view_inbox(actor, department_slug)


def can_change_journal_entry(actor: Actor, entry: Any) -> bool:
    """Marking or lifting an entry's exemption is for those who record the department's."""
    return can_record_journal_entry(actor, entry.department.slug)


def journal_entries_changeable(actor: Actor) -> Q:
    """The list filter of `can_change_journal_entry`, over journal entries."""
    return _departments_filter(actor, "")


def can_change_publications(actor: Actor) -> bool:
    """Ministry staff and administrators write the Ministry's publications."""
    return actor.has_role(Role.MINISTRY_STAFF, Role.ADMINISTRATOR)
