"""The Ministry's enquiries and publications."""

from __future__ import annotations

from typing import Any

from ..actor import Actor
from ..roles import Role

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


def can_handle_enquiry(actor: Actor, enquiry: Any) -> bool:
    return can_view_inbox(actor, enquiry.department.slug)


def can_change_publications(actor: Actor) -> bool:
    """Ministry staff and administrators write the Ministry's publications."""
    return actor.has_role(Role.MINISTRY_STAFF, Role.ADMINISTRATOR)
