"""What the tests of writes to the registry share: the minimum services, the logins that are
not administrators, the last audit event of an action, an office's agreed services, and
opening an office for Loppa and Hasvik."""

from __future__ import annotations

import datetime

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.organisation.models import Office, PartnershipAgreement
from velferd.organisation.services import office_create

MINIMUM = [
    "state_tasks",
    "social_services",
    "financial_counselling",
    "financial_assistance",
    "temporary_housing",
    "individual_plan",
    "qualification_programme",
]
# (code, Norwegian name, English name) of the services every NAV office must offer (NAV Act
# § 13 and chapter 4 of the Social Services Act).
MINIMUM_NAMES = [
    (
        "state_tasks",
        "Arbeids- og velferdsetatens oppgaver",
        "The Labour and Welfare Administration's tasks",
    ),
    ("social_services", "Opplysning, råd og veiledning", "Information, advice and guidance"),
    ("financial_counselling", "Økonomisk rådgivning", "Financial counselling"),
    ("financial_assistance", "Økonomisk stønad", "Financial assistance"),
    ("temporary_housing", "Midlertidig botilbud", "Temporary housing"),
    ("individual_plan", "Individuell plan", "Individual plan"),
    ("qualification_programme", "Kvalifiseringsprogrammet", "The qualification programme"),
]
NON_ADMIN_LOGINS = [
    "veileder",
    "sosialkonsulent",
    "beslutter",
    "kontorleder",
    "ia-radgiver",
    "fastlege",
    "leverandor",
    "arbeidsgiver",
    "innbygger",
    "analytiker",
    "departement",
]
KAUTOKEINO = "5612"  # NAV Guovdageaidnu - Kautokeino serves the municipality 5612 as a whole
SIGNED = datetime.date(2025, 3, 1)


def last_event(action: str) -> AuditEvent | None:
    return AuditEvent.objects.filter(action=action).order_by("seq").last()


def services_of(unit_number: str) -> set[str]:
    agreement = PartnershipAgreement.objects.get(office__unit_number=unit_number)
    return set(agreement.services.values_list("code", flat=True))


def open_office(
    actor: Actor,
    *,
    unit_number: str = "5690",
    name: str = "NAV Loppa og Hasvik",
    county_number: str = "56",
    areas: list[tuple[str, str]] | None = None,
    services: list[str] | None = None,
) -> Office:
    return office_create(
        actor=actor,
        unit_number=unit_number,
        name=name,
        county_number=county_number,
        areas=areas if areas is not None else [("5614", ""), ("5616", "")],
        services=services if services is not None else [*MINIMUM, "refugee_service"],
        signed_on=SIGNED,
    )
