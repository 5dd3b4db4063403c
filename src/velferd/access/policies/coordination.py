"""Coordination: the municipality's records and individual plans across services."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from ..actor import Actor
from ..roles import Role
from .base import NOTHING
from .followup import can_follow_up
from .people import (
    _staff_may_see,
    can_know_person_exists,
    can_view_person,
    is_the_person,
    persons_known,
    persons_visible,
)


def can_view_municipal_records(actor: Actor, person: Any) -> bool:
    """Financial assistance and the other social-services records are the municipality's:
    its caseworkers see them; the state side only with the person's consent."""
    if is_the_person(actor, person):
        return True
    if _staff_may_see(actor, person, (Role.CASEWORKER_MUNICIPAL,)):
        return True
    return can_view_person(actor, person) and person.consent_holds("nav_state")


def _partner_services_for(actor: Actor, person: Any) -> set[str]:
    """The partner services the actor works for in the person's municipality."""
    return {
        a.partner_service
        for a in actor.assignments_for(Role.PARTNER)
        if a.municipality_id == person.municipality_id
    }


def is_plan_partner(actor: Actor, plan: Any) -> bool:
    """A partner whose service is a member of the plan, while the person's consent for that
    service holds, and who may know that the person exists."""
    if not can_know_person_exists(actor, plan.person):
        return False
    services = _partner_services_for(actor, plan.person)
    members = {m.service for m in plan.members.all()}
    return any(plan.person.consent_holds(s) for s in services & members)


def plans_as_partner(actor: Actor, today: datetime.date | None = None) -> Q:
    """The list filter of `is_plan_partner`, over individual plans."""
    day = today or timezone.localdate()
    rule = NOTHING
    for assignment in actor.assignments_for(Role.PARTNER):
        service = assignment.partner_service
        rule |= Q(
            person__municipality=assignment.municipality_id,
            members__service=service,
            person__consents__partner_service=service,
            person__consents__withdrawn_at__isnull=True,
            person__consents__starts_on__lte=day,
            person__consents__ends_on__gte=day,
        )
    return rule & persons_known(actor, "person__")


def can_view_individual_plan(actor: Actor, plan: Any) -> bool:
    person = plan.person
    return (
        is_the_person(actor, person)
        or can_view_person(actor, person)
        or is_plan_partner(actor, plan)
    )


def individual_plans_visible(actor: Actor) -> Q:
    """The list filter of `can_view_individual_plan`."""
    return persons_visible(actor, "person__") | plans_as_partner(actor)


def can_change_individual_plan(actor: Actor, plan: Any) -> bool:
    """The person, NAV's caseworkers and the member services with consent work on goals
    and measures."""
    person = plan.person
    return (
        is_the_person(actor, person) or can_follow_up(actor, person) or is_plan_partner(actor, plan)
    )


def can_manage_plan_members(actor: Actor, plan: Any) -> bool:
    """NAV's caseworkers set up the plan: its members and its coordinator."""
    return can_follow_up(actor, plan.person)
