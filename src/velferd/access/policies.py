"""Who may do what. One plain function per question, shared by pages and the API.

Each function is named can_<verb>_<noun> and answers True or False; `require` turns a
False into the refusal the caller shows (401 for nobody logged in, 403 otherwise).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from velferd.core.errors import DomainError, forbidden

from .actor import Actor
from .roles import Role

# A list filter is a `Q` over the model the list is of; `via` is the path from that model
# to the person ("" for persons, "person__" for their records). Each filter sits beside
# the predicate it mirrors and must answer the same for every row.
NOTHING = Q(pk__in=[])


def can_view_registry(actor: Actor) -> bool:
    """The registry is an office directory: public."""
    return True


def can_change_registry(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR)


def can_manage_users(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR) and actor.token is None


def can_view_audit_trail(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR)


def can_view_own_account(actor: Actor) -> bool:
    return actor.is_authenticated


def can_create_api_token(actor: Actor) -> bool:
    """Staff and partners create tokens for machine clients, from a logged-in session only."""
    return actor.is_authenticated and actor.token is None and not actor.is_only_citizen


def can_revoke_api_token(actor: Actor, token: Any) -> bool:
    if not actor.is_authenticated or actor.user is None:
        return False
    return token.user_id == actor.user.pk or can_manage_users(actor)


def not_authenticated() -> DomainError:
    return DomainError(
        code="not_authenticated",
        message_nb="Du må logge inn.",
        message_en="You must log in.",
        status=401,
    )


def require(actor: Actor, question: str, *args: Any) -> None:
    """Raise unless `can_<question>(actor, *args)` allows it. The system itself (command-line
    loaders, never a request) is not asked."""
    if actor.system:
        return
    policy = globals()[f"can_{question}"]
    if policy(actor, *args):
        return
    raise not_authenticated() if not actor.is_authenticated else forbidden()


# People -------------------------------------------------------------------------------------
# `person` is a velferd.people Person: office_id, user_id, is_strictly_confidential,
# is_office_employee and address_protection are all the policies read.

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


def can_register_person(actor: Actor, office: Any = None) -> bool:
    offices = actor.office_ids(*CASEWORKERS)
    return bool(offices) if office is None else office.pk in offices


def can_change_person(actor: Actor, person: Any) -> bool:
    return _staff_may_see(actor, person, CASEWORKERS)


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


# Follow-up ----------------------------------------------------------------------------------


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


# The Ministry's enquiries ---------------------------------------------------------------------

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


# Publications ---------------------------------------------------------------------------------


def can_change_publications(actor: Actor) -> bool:
    """Ministry staff and administrators write the Ministry's publications."""
    return actor.has_role(Role.MINISTRY_STAFF, Role.ADMINISTRATOR)


# Coordination: the municipality's records and individual plans --------------------------------


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


# Inclusive Workplace support: enterprises and their cooperation -------------------------------


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


def can_view_enterprise(actor: Actor, enterprise: Any) -> bool:
    """Advisors see the enterprises of their county, an employer representative only their
    own enterprise, administrators all of them."""
    return (
        actor.has_role(Role.ADMINISTRATOR)
        or enterprise.county_id in iw_counties(actor)
        or enterprise.organisation_number in employer_organisation_numbers(actor)
    )


def can_advise_enterprise(actor: Actor, enterprise: Any) -> bool:
    """The IW centre of the enterprise's county does the work: the contact person, the
    cooperation, its plan and the subsidies."""
    return enterprise.county_id in iw_counties(actor)


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
    return can_advise_enterprise(
        actor, enterprise
    ) or enterprise.organisation_number in employer_organisation_numbers(actor)


def can_decide_subsidy(actor: Actor, enterprise: Any) -> bool:
    """The IW centre of the enterprise's county assesses, grants, refuses and pays."""
    return can_advise_enterprise(actor, enterprise)


def can_view_subsidy_budget(actor: Actor, county_number: str) -> bool:
    return actor.has_role(Role.ADMINISTRATOR) or county_number in iw_counties(actor)


def can_set_subsidy_budget(actor: Actor, county_number: str) -> bool:
    """Administrators, or the county's own IW centre."""
    return can_view_subsidy_budget(actor, county_number)


# Sick-leave statistics ------------------------------------------------------------------------


def can_view_sick_leave_aggregates(actor: Actor) -> bool:
    """Figures for an industry, a sector, a county or the country, masked where fewer than
    five persons were sick-listed."""
    return actor.has_role(Role.ANALYST, Role.IW_ADVISOR, Role.MINISTRY_STAFF, Role.ADMINISTRATOR)


def can_import_sick_leave_statistics(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR)


def can_view_enterprise_sick_leave(actor: Actor, enterprise: Any) -> bool:
    """One enterprise's own figures (and its comparison): its employer representative, the
    IW centre of its county, administrators. Analysts see groups only, never one enterprise."""
    return (
        actor.has_role(Role.ADMINISTRATOR)
        or enterprise.county_id in iw_counties(actor)
        or enterprise.organisation_number in employer_organisation_numbers(actor)
    )


def can_prioritise_enterprises(actor: Actor) -> bool:
    """The prioritisation list of the county's enterprises by the workdays that could be
    saved: the IW centres' advisors, for their own county."""
    return bool(iw_counties(actor))


def can_view_iw_results(actor: Actor, county: str | None = None) -> bool:
    """The IW centre's results (aggregates of the enterprises it serves): the advisors of
    that county; analysts, ministry staff and administrators for any county or the country
    (`county` None)."""
    if actor.has_role(Role.ANALYST, Role.MINISTRY_STAFF, Role.ADMINISTRATOR):
        return True
    return county is not None and county in iw_counties(actor)
