"""Follow-up: who works on a person's follow-up, assigns it and approves decisions."""

from __future__ import annotations

from typing import Any

from ..actor import Actor
from ..roles import Role
from .people import CASEWORKERS, _staff_may_see, is_the_person


def can_follow_up(actor: Actor, person: Any) -> bool:
    """Caseworkers and the office manager of the person's office work on their follow-up."""
    return _staff_may_see(actor, person, CASEWORKERS)


def can_assign_caseworker(actor: Actor, person: Any) -> bool:
    return _staff_may_see(actor, person, (Role.OFFICE_MANAGER,))


def can_approve_assessment(actor: Actor, assessment: Any) -> bool:
    """An approver at the person's office who is not the assessment's author."""
    if actor.user is None or assessment.author_id == actor.user.pk:
        return False
    return _staff_may_see(actor, assessment.person, (Role.APPROVER,))


def can_take_part_in_plan(actor: Actor, person: Any) -> bool:
    """The person and the office both work on the activity plan and the dialogue."""
    return is_the_person(actor, person) or can_follow_up(actor, person)
