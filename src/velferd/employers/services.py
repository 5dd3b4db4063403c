"""Writes for enterprises and their IW support. Every write is audited."""

from __future__ import annotations

from django.db import transaction
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.no import orgnr

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.organisation import selectors as organisation_selectors

from .models import Enterprise, Sector


def valid_organisation_number(value: str) -> str:
    """The organisation number in its compact form, or a clear refusal."""
    try:
        return str(orgnr.validate(value))
    except StdnumError as error:
        raise DomainError(
            code="invalid_organisation_number",
            message_nb=(
                f"«{value}» er ikke et gyldig organisasjonsnummer (ni siffer med kontrollsiffer)."
            ),
            message_en=(
                f"“{value}” is not a valid organisation number (nine digits with a check digit)."
            ),
            field="organisation_number",
        ) from error


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
    policies.require(actor, "register_enterprise")
    number = valid_organisation_number(organisation_number)
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
        name=name.strip(),
        municipality=municipality,
        county=municipality.county,
        industry_code=industry_code,
        sector=sector,
        employees=employees,
        has_iw_agreement=has_iw_agreement,
    )
    audit.record(
        actor=actor,
        action="enterprise.registered",
        target=enterprise,
        after={"organisation_number": number, "name": enterprise.name},
    )
    return enterprise
