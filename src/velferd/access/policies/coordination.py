"""Coordination: the municipality's records (benefits, the qualification programme, the
activity requirement under 30) and individual plans across services.

A benefit is a velferd.followup Benefit (person, is_municipal); which kinds are the
municipality's is followup.models.MUNICIPAL_BENEFITS, passed to the list filters that need
it."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.db.models import Q
from django.utils import timezone

from ..actor import Actor
from ..roles import Role
from .base import NOTHING
from .followup import can_follow_up, persons_followed_up
from .people import (
    OPENS_MUNICIPAL_RECORDS,
    _staff_may_see,
    _staff_see,
    can_know_person_exists,
    can_view_person,
    is_the_person,
    persons_known,
    persons_visible,
    the_person,
)


def can_view_municipal_records(actor: Actor, person: Any) -> bool:
    """Financial assistance and the other social-services records are the municipality's:
    its caseworkers see them; the state side only with the person's consent."""
    if is_the_person(actor, person):
        return True
    if _staff_may_see(actor, person, (Role.CASEWORKER_MUNICIPAL,)):
        return True
    return can_view_person(actor, person) and person.consent_holds(OPENS_MUNICIPAL_RECORDS)


def _consent_holds(via: str, service: str, day: datetime.date) -> Q:
    return Q(
        **{
            f"{via}consents__partner_service": service,
            f"{via}consents__withdrawn_at__isnull": True,
            f"{via}consents__starts_on__lte": day,
            f"{via}consents__ends_on__gte": day,
        }
    )


def municipal_records_visible(actor: Actor, via: str = "", today: datetime.date | None = None) -> Q:
    """The list filter of `can_view_municipal_records`, over people (or their records)."""
    day = today or timezone.localdate()
    return (
        the_person(actor, via)
        | _staff_see(actor, (Role.CASEWORKER_MUNICIPAL,), via)
        | (persons_visible(actor, via) & _consent_holds(via, OPENS_MUNICIPAL_RECORDS, day))
    )


def portfolio_rows_municipal(actor: Actor, offices: Collection[int], today: datetime.date) -> Q:
    """The rule of `can_view_municipal_records`, as a list filter over the portfolio's state
    rows at `offices` that `policies.portfolio_rows_visible` lets through: the office's
    municipal caseworkers, and the state side while the person's consent holds today (the
    row keeps the stretch of consent that holds, nav_state_consent_from/until)."""
    municipal_offices = actor.office_ids(Role.CASEWORKER_MUNICIPAL) & set(offices)
    return Q(office__in=municipal_offices) | Q(
        nav_state_consent_from__lte=today, nav_state_consent_until__gte=today
    )


def can_record_benefit(actor: Actor, benefit: Any) -> bool:
    """Those who follow the person up record their benefits and end them; the
    municipality's only those who may see its records."""
    person = benefit.person
    if not can_follow_up(actor, person):
        return False
    return not benefit.is_municipal or can_view_municipal_records(actor, person)


def benefits_recordable(
    actor: Actor, municipal_kinds: Collection[str], today: datetime.date | None = None
) -> Q:
    """The list filter of `can_record_benefit`, over benefits; `municipal_kinds` are the
    kinds that are the municipality's."""
    return persons_followed_up(actor, "person__") & (
        ~Q(kind__in=municipal_kinds) | municipal_records_visible(actor, "person__", today)
    )


def can_assess_for_qualification(actor: Actor, person: Any) -> bool:
    """The qualification programme is the municipality's: its caseworkers at the person's
    office record that the person was assessed for it. Seeing the municipality's records
    (with the person's consent) is not running its programme."""
    return _staff_may_see(actor, person, (Role.CASEWORKER_MUNICIPAL,))


def persons_assessable_for_qualification(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_assess_for_qualification`."""
    return _staff_see(actor, (Role.CASEWORKER_MUNICIPAL,), via)


def can_view_activity_requirement(actor: Actor, person: Any) -> bool:
    """The activity requirement (Social Services Act § 20 a) is part of the decision on
    financial assistance: whoever may see the municipality's records sees it, the state side
    only with the person's consent."""
    return can_view_municipal_records(actor, person)


def activity_requirements_visible(
    actor: Actor, via: str = "", today: datetime.date | None = None
) -> Q:
    """The list filter of `can_view_activity_requirement`, over people (or their records)."""
    return municipal_records_visible(actor, via, today)


def can_record_activity_requirement(actor: Actor, person: Any) -> bool:
    """The municipality's caseworkers at the person's office record that the condition of
    activity was set or that weighty reasons exempt the person; the state side never does,
    consent or not: the condition is the municipality's decision."""
    return _staff_may_see(actor, person, (Role.CASEWORKER_MUNICIPAL,))


def persons_activity_requirement_recordable(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_record_activity_requirement`."""
    return _staff_see(actor, (Role.CASEWORKER_MUNICIPAL,), via)


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
