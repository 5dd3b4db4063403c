"""Inclusive Workplace support: enterprises, their cooperation, subsidies and budgets.

`enterprise` is a velferd.employers Enterprise: county_id and organisation_number are all
these policies read. A list filter is a `Q` over the listed model, with `via` the path from
that model to the enterprise ("" for enterprises, "enterprise__" for their subsidies); the
budgets' filter is over the registry's counties."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role


def iw_counties(actor: Actor) -> set[str]:
    """The numbers of the counties whose enterprises the actor serves as an IW advisor."""
    return {a.iw_centre.county_id for a in actor.assignments_for(Role.IW_ADVISOR) if a.iw_centre}


def employer_organisation_numbers(actor: Actor) -> set[str]:
    """The enterprises the actor represents as an employer."""
    return {
        a.organisation_number for a in actor.assignments_for(Role.EMPLOYER) if a.organisation_number
    }


def can_register_enterprise(actor: Actor) -> bool:
    return actor.has_role(Role.IW_ADVISOR, Role.ADMINISTRATOR)


def represents_enterprise(actor: Actor, enterprise: Any) -> bool:
    """The employer representative of the enterprise."""
    return enterprise.organisation_number in employer_organisation_numbers(actor)


def enterprises_represented(actor: Actor, via: str = "") -> Q:
    """The list filter of `represents_enterprise`."""
    return Q(**{f"{via}organisation_number__in": employer_organisation_numbers(actor)})


def can_advise_enterprise(actor: Actor, enterprise: Any) -> bool:
    """The IW centre of the enterprise's county does the work: the contact person, the
    cooperation, its plan and the subsidies."""
    return enterprise.county_id in iw_counties(actor)


def enterprises_advised(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_advise_enterprise`."""
    return Q(**{f"{via}county__in": iw_counties(actor)})


def can_view_enterprise(actor: Actor, enterprise: Any) -> bool:
    """Advisors see the enterprises of their county, an employer representative only their
    own enterprise, administrators all of them."""
    return (
        actor.has_role(Role.ADMINISTRATOR)
        or can_advise_enterprise(actor, enterprise)
        or represents_enterprise(actor, enterprise)
    )


def enterprises_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_enterprise`: the enterprises, and their subsidies, in a
    list (`can_list_enterprises` says who gets one)."""
    if actor.has_role(Role.ADMINISTRATOR):
        return Q()
    return enterprises_advised(actor, via) | enterprises_represented(actor, via)


def can_list_enterprises(actor: Actor) -> bool:
    """Advisors list their county's enterprises, an employer representative their own,
    administrators all. Analysts get aggregates only, never a list of enterprises."""
    return actor.has_role(Role.IW_ADVISOR, Role.EMPLOYER, Role.ADMINISTRATOR)


def can_change_enterprise(actor: Actor, enterprise: Any) -> bool:
    """The county's advisors keep the enterprise's facts; administrators correct them."""
    return actor.has_role(Role.ADMINISTRATOR) or can_advise_enterprise(actor, enterprise)


def can_assign_contact_person(actor: Actor, enterprise: Any) -> bool:
    """The IW centre of the enterprise's county gives it its contact person."""
    return can_advise_enterprise(actor, enterprise)


def can_view_cooperation(actor: Actor, enterprise: Any) -> bool:
    """The cooperation, its plan, event log and survey results: whoever sees the
    enterprise (its advisors, its own representative, administrators)."""
    return can_view_enterprise(actor, enterprise)


def can_apply_for_subsidy(actor: Actor, enterprise: Any) -> bool:
    """The employer applies; an advisor may apply on the enterprise's behalf."""
    return can_advise_enterprise(actor, enterprise) or represents_enterprise(actor, enterprise)


def can_decide_subsidy(actor: Actor, enterprise: Any) -> bool:
    """The IW centre of the enterprise's county assesses, grants, refuses and pays."""
    return can_advise_enterprise(actor, enterprise)


def can_view_subsidy_budget(actor: Actor, county_number: str) -> bool:
    """Administrators see every county's budget, an advisor their own county's."""
    return actor.has_role(Role.ADMINISTRATOR) or county_number in iw_counties(actor)


def subsidy_budget_counties(actor: Actor) -> Q:
    """The list filter of `can_view_subsidy_budget`, over counties."""
    if actor.has_role(Role.ADMINISTRATOR):
        return Q()
    return Q(number__in=iw_counties(actor))


def can_set_subsidy_budget(actor: Actor, county_number: str) -> bool:
    """Administrators, or the county's own IW centre."""
    return can_view_subsidy_budget(actor, county_number)


def can_apply_for_expert_assistance(actor: Actor, enterprise: Any) -> bool:
    """The employer applies for expert assistance in an employee's case, with the employee
    agreeing (NAV's rules for tilskudd til ekspertbistand); NAV does not apply for it."""
    return represents_enterprise(actor, enterprise)


def can_decide_expert_assistance(actor: Actor, enterprise: Any) -> bool:
    """The IW centre of the enterprise's county grants or refuses it."""
    return can_advise_enterprise(actor, enterprise)


def can_view_expert_assistance(actor: Actor, enterprise: Any) -> bool:
    """An application names an employee and their sick leave: only the enterprise's own
    representative and the advisors of its county read it; administrators do not."""
    return can_advise_enterprise(actor, enterprise) or represents_enterprise(actor, enterprise)


def can_list_expert_assistance(actor: Actor) -> bool:
    """Advisors list their county's applications, an employer representative their own;
    nobody else gets a list."""
    return actor.has_role(Role.IW_ADVISOR, Role.EMPLOYER)


def expert_assistance_visible(actor: Actor, via: str = "enterprise__") -> Q:
    """The list filter of `can_view_expert_assistance`, over applications (`via` the path to
    their enterprise)."""
    return enterprises_advised(actor, via) | enterprises_represented(actor, via)


def can_list_deferred_cooperations(actor: Actor) -> bool:
    """The advisors' list of deferred cooperations (and those due for assessment)."""
    return actor.has_role(Role.IW_ADVISOR)


def deferred_cooperations_visible(actor: Actor, via: str = "enterprise__") -> Q:
    """The list filter of the deferred cooperations an advisor sees: those of enterprises
    they advise (`can_advise_enterprise`), `via` the path from the cooperation."""
    return enterprises_advised(actor, via)
