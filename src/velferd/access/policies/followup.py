"""Follow-up: who works on a person's follow-up, assigns it and approves decisions, what the
person may do to the activities of their plan, and who sees which rows of the portfolio.

An activity here is a velferd.followup Activity (person, proposed_by_person,
agreed_with_office), an assessment a NeedsAssessment (person, author_id, status), an appeal an
Appeal (person), a portfolio row a PortfolioState (office, person_office,
strictly_confidential, office_employee)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .base import NOTHING
from .people import (
    CASEWORKERS,
    OFFICE_STAFF,
    _staff_may_see,
    _staff_see,
    is_the_person,
    the_person,
)


def can_follow_up(actor: Actor, person: Any) -> bool:
    """Caseworkers and the office manager of the person's office work on their follow-up."""
    return _staff_may_see(actor, person, CASEWORKERS)


def persons_followed_up(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_follow_up`."""
    return _staff_see(actor, CASEWORKERS, via)


def can_assign_caseworker(actor: Actor, person: Any) -> bool:
    return _staff_may_see(actor, person, (Role.OFFICE_MANAGER,))


def can_take_part_in_plan(actor: Actor, person: Any) -> bool:
    """The person and the office both work on the activity plan and the dialogue."""
    return is_the_person(actor, person) or can_follow_up(actor, person)


def persons_taking_part(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_take_part_in_plan`."""
    return the_person(actor, via) | persons_followed_up(actor, via)


# Needs assessments (§14a) ---------------------------------------------------------------------


def is_own_assessment(actor: Actor, assessment: Any) -> bool:
    """The author of an assessment: never its approver too."""
    return actor.user is not None and assessment.author_id == actor.user.pk


def can_approve_assessment(actor: Actor, assessment: Any) -> bool:
    """An approver at the person's office who is not the assessment's author."""
    if actor.user is None or is_own_assessment(actor, assessment):
        return False
    return _staff_may_see(actor, assessment.person, (Role.APPROVER,))


def assessments_approvable(actor: Actor) -> Q:
    """The list filter of `can_approve_assessment`, over assessments."""
    if actor.user is None:
        return NOTHING
    return _staff_see(actor, (Role.APPROVER,), "person__") & ~Q(author=actor.user.pk)


# Appeals against a decision (forvaltningsloven §§ 28–33) ------------------------------------


def can_appeal_decision(actor: Actor, decision: Any) -> bool:
    """A sent decision is appealed by the person on their own pages, or registered for them
    by the office that follows them up (an appeal by letter, by phone or at the office)."""
    if decision.status != "sent":
        return False
    return is_the_person(actor, decision.person) or can_follow_up(actor, decision.person)


def decisions_appealable(actor: Actor) -> Q:
    """The list filter of `can_appeal_decision`, over assessments."""
    return Q(status="sent") & persons_taking_part(actor, "person__")


def can_view_appeal(actor: Actor, appeal: Any) -> bool:
    """The person sees their own appeals and how far they have come; the office's staff who
    may see the person see them too (for the office's list, see `can_prepare_appeal`)."""
    return is_the_person(actor, appeal.person) or _staff_may_see(actor, appeal.person, OFFICE_STAFF)


def appeals_visible(actor: Actor) -> Q:
    """The list filter of `can_view_appeal`, over appeals."""
    return the_person(actor, "person__") | _staff_see(actor, OFFICE_STAFF, "person__")


def can_prepare_appeal(actor: Actor, appeal: Any) -> bool:
    """The office prepares an appeal (§ 33): the caseworkers and the office manager of the
    person's office, never the person. The staff's list of appeals is these."""
    return can_follow_up(actor, appeal.person) and not is_the_person(actor, appeal.person)


def appeals_preparable(actor: Actor) -> Q:
    """The list filter of `can_prepare_appeal`, over appeals: the office's appeal list."""
    return persons_followed_up(actor, "person__") & ~the_person(actor, "person__")


# The activity plan ----------------------------------------------------------------------------

# Where the person may move an activity of their own (ActivityStatus values): they start,
# finish or withdraw it; planning it into the plan is the office's.
PERSON_MAY_MOVE_TO = frozenset({"in_progress", "completed", "cancelled"})


def is_own_proposal(activity: Any) -> bool:
    """An activity the person proposed and the office has not agreed with them."""
    return bool(activity.proposed_by_person and not activity.agreed_with_office)


def _own_proposals() -> Q:
    return Q(proposed_by_person=True, agreed_with_office=False)


def can_change_activity(actor: Actor, activity: Any) -> bool:
    """The office changes any activity of the plan; the person only their own proposals
    that the office has not agreed (on the others they comment)."""
    person = activity.person
    if not can_take_part_in_plan(actor, person):
        return False
    return not is_the_person(actor, person) or is_own_proposal(activity)


def activities_changeable(actor: Actor) -> Q:
    """The list filter of `can_change_activity`, over activities."""
    return persons_taking_part(actor, "person__") & (
        ~the_person(actor, "person__") | _own_proposals()
    )


def can_move_activity(actor: Actor, activity: Any, target: str) -> bool:
    """Who may move the activity to the `target` state (whether the lifecycle allows the
    move is the table's): those who may change it, the person only to PERSON_MAY_MOVE_TO."""
    if not can_change_activity(actor, activity):
        return False
    return not is_the_person(actor, activity.person) or target in PERSON_MAY_MOVE_TO


def activities_movable(actor: Actor, target: str) -> Q:
    """The list filter of `can_move_activity`, over activities, for one target state."""
    if target in PERSON_MAY_MOVE_TO:
        return activities_changeable(actor)
    return activities_changeable(actor) & ~the_person(actor, "person__")


def can_agree_activity(actor: Actor, person: Any) -> bool:
    """Only the office agrees an activity with the person (makes it one they are obliged to
    do), never the person themself."""
    return can_follow_up(actor, person) and not is_the_person(actor, person)


def persons_agreeing_activities(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_agree_activity`: the people whose activities the actor may
    agree."""
    return persons_followed_up(actor, via) & ~the_person(actor, via)


# The portfolio --------------------------------------------------------------------------------


def portfolio_rows_visible(actor: Actor, offices: Collection[int]) -> Q:
    """The rule of `can_view_person` for staff (people.py), as a list filter over the
    portfolio's state rows at `offices` (the actor's own, or the one they chose), on the
    row's own columns: the follow-up and the person both at those offices, the strictly
    confidential only for the cleared, NAV employees only for those cleared for them."""
    user = actor.user
    visible = Q(office__in=offices, person_office__in=offices)
    if user is None or not user.cleared_strictly_confidential:
        visible &= Q(strictly_confidential=False)
    if user is None or not user.cleared_office_employees:
        visible &= Q(office_employee=False)
    return visible
