"""Enterprises: registering one, changing its facts, and the contact person the IW centre
of its county gives it (one of that centre's own advisors)."""

from __future__ import annotations

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.identifiers import validate_organisation_number
from velferd.core.validation import invalid, required_text
from velferd.organisation import selectors as organisation_selectors

from .. import selectors
from ..models import (
    Enterprise,
    Sector,
)
from .changes import audited_change
from .choices import choice


def _industry_code(value: str) -> str:
    """A NACE code as SSB writes it: two digits, a dot and one to three digits (86.101)."""
    value = (value or "").strip()
    head, _, tail = value.partition(".")
    if not (len(head) == 2 and head.isdigit() and 1 <= len(tail) <= 3 and tail.isdigit()):
        raise invalid(
            "invalid_industry_code",
            "industry_code",
            f"«{value}» er ikke en næringskode (NACE), som 86.101.",
            f"“{value}” is not an industry code (NACE), such as 86.101.",
        )
    return value


def _employees(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise invalid(
            "invalid_employees",
            "employees",
            "Antall ansatte må være et helt tall, 0 eller mer.",
            "The number of employees must be a whole number, 0 or more.",
        )
    return value


@transaction.atomic
def enterprise_register(
    *,
    actor: Actor,
    organisation_number: str,
    name: str,
    municipality_number: str,
    industry_code: str,
    sector: Sector | str,
    employees: int,
    has_iw_agreement: bool = False,
) -> Enterprise:
    policies.require(actor, policies.can_register_enterprise)
    number = validate_organisation_number(organisation_number)
    clean_name = required_text(name, "name", "Navnet", "name", 200)
    code = _industry_code(industry_code)
    choice(str(sector), Sector, "sector", "sektor", "sector")
    count = _employees(employees)
    if Enterprise.objects.filter(organisation_number=number).exists():
        raise DomainError(
            code="enterprise_exists",
            message_nb=f"Virksomheten {number} er allerede registrert.",
            message_en=f"The enterprise {number} is already registered.",
            field="organisation_number",
            status=CONFLICT,
        )
    municipality = organisation_selectors.municipality(municipality_number)
    enterprise = Enterprise.objects.create(
        organisation_number=number,
        name=clean_name,
        municipality=municipality,
        county=municipality.county,
        industry_code=code,
        sector=sector,
        employees=count,
        has_iw_agreement=has_iw_agreement,
    )
    audit.record(
        actor=actor,
        action="enterprise.registered",
        target=enterprise,
        after={"organisation_number": number, "name": enterprise.name},
    )
    return enterprise


ENTERPRISE_FIELDS = (
    "name",
    "municipality",
    "industry_code",
    "sector",
    "employees",
    "has_iw_agreement",
)


@transaction.atomic
def enterprise_change(
    *,
    actor: Actor,
    enterprise: Enterprise,
    version: int,
    name: str | None = None,
    municipality_number: str | None = None,
    industry_code: str | None = None,
    sector: str | None = None,
    employees: int | None = None,
    has_iw_agreement: bool | None = None,
) -> Enterprise:
    """Change the enterprise's facts; a field left out (None) stays as it is."""
    policies.require(actor, policies.can_change_enterprise, enterprise)
    with audited_change(
        actor, enterprise, version=version, event="enterprise.changed", fields=ENTERPRISE_FIELDS
    ) as enterprise:
        if name is not None:
            enterprise.name = required_text(name, "name", "Navnet", "name", 200)
        if industry_code is not None:
            enterprise.industry_code = _industry_code(industry_code)
        if sector is not None:
            enterprise.sector = choice(sector, Sector, "sector", "sektor", "sector")
        if employees is not None:
            enterprise.employees = _employees(employees)
        if has_iw_agreement is not None:
            enterprise.has_iw_agreement = has_iw_agreement
        if municipality_number is not None:
            municipality = organisation_selectors.municipality(municipality_number)
            if municipality.county_id != enterprise.county_id and enterprise.contact_person_id:
                # The contact person belongs to the old county's IW centre.
                enterprise.contact_person = None
            enterprise.municipality, enterprise.county = municipality, municipality.county
    return enterprise


def require_county_advisor(user: User, county_number: str, field: str) -> None:
    if user not in selectors.iw_advisors_of(county_number):
        centre = organisation_selectors.iw_centre(county_number)
        raise invalid(
            "not_an_advisor_here",
            field,
            f"{user} er ikke IA-rådgiver ved {centre.name_nb}.",
            f"{user} is not an IW advisor at {centre.name_en}.",
        )


@transaction.atomic
def enterprise_assign_contact_person(
    *, actor: Actor, enterprise: Enterprise, contact_person: User, version: int
) -> Enterprise:
    """The IW centre of the enterprise's county gives it a contact person, one of its own
    advisors."""
    policies.require(actor, policies.can_assign_contact_person, enterprise)
    with audited_change(
        actor,
        enterprise,
        version=version,
        event="enterprise.contact_person_assigned",
        fields=("contact_person",),
    ) as enterprise:
        require_county_advisor(contact_person, enterprise.county_id, "contact_person")
        enterprise.contact_person = contact_person
    return enterprise
