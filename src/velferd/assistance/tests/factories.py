"""Factories for financial assistance's tests. They write the rows directly, with no audit
event: for tests of who may see and do what, and as the starting point of the services'
tests."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.assistance.models import Application, ApplicationStatus, GuidelineRate, RateKind
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Person
from velferd.people.tests.factories import a_person

_references = itertools.count(900_001)

# The state's guideline rates for 2026 in kroner a month (Rundskriv til lov om sosiale
# tjenester i NAV, the guideline rates as the demo loads them).
RATES_2026 = {
    RateKind.SINGLE_ADULT: Decimal("7750"),
    RateKind.COUPLE: Decimal("12870"),
    RateKind.SHARED_HOUSING: Decimal("6430"),
    RateKind.CHILD_0_5: Decimal("3080"),
    RateKind.CHILD_6_10: Decimal("3990"),
    RateKind.CHILD_11_17: Decimal("5110"),
}


def guideline_rates(year: int = 2026, rates: dict[str, Decimal] | None = None) -> None:
    for kind, amount in (rates or RATES_2026).items():
        GuidelineRate.objects.update_or_create(year=year, kind=kind, defaults={"amount": amount})


def an_application(
    person: Person | None = None,
    status: str = ApplicationStatus.SUBMITTED,
    office: str | None = None,
    **fields: Any,
) -> Application:
    """A submitted application of a new person at NAV Grünerløkka (or `person`'s office, or
    the office of that unit number)."""
    person = person or a_person()
    unit = organisation_selectors.office(office) if office else person.office
    submitted = status != ApplicationStatus.DRAFT
    defaults: dict[str, Any] = {
        "reference": f"SOS-2026-{next(_references):06d}" if submitted else None,
        "municipality": person.municipality,
        "office": unit,
        "status": status,
        "purposes": ["living_costs"],
        "amount_applied": Decimal("8000"),
        "explanation": "Jeg har ikke penger til mat denne måneden.",
        "housing_kind": "rented",
        "housing_cost": Decimal("9000"),
        "bank_account": "86011117947",
        "submitted_at": timezone.now() if submitted else None,
    }
    defaults.update(fields)
    return Application.objects.create(person=person, **defaults)


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
