"""Factories for financial assistance's tests. They write the rows directly, with no audit
event: for tests of who may see and do what, and as the starting point of the services'
tests."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.assistance.models import Application, ApplicationStatus, GuidelineRate
from velferd.assistance.services.rates import PUBLISHED_RATES
from velferd.organisation import selectors as organisation_selectors
from velferd.people.models import Person
from velferd.people.tests.factories import a_person

_references = itertools.count(900_001)

# The state's published guideline rates of 2024, in kroner a month.
RATES = PUBLISHED_RATES[2024]


def guideline_rates(year: int = 2024, rates: dict[str, Decimal] | None = None) -> None:
    for kind, amount in (rates or RATES).items():
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
