"""A county's yearly budget per scheme type, set by its scheme managers (or national ones),
never below what its approved commitments already hold."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.labels import kroner
from velferd.core.validation import invalid
from velferd.organisation import selectors as organisation_selectors
from velferd.schemes import selectors as schemes_selectors

from ..models import SchemeBudget
from ..selectors.money import committed
from .common import valid_amount

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _valid_year(year: object) -> int:
    try:
        value = int(str(year))
    except (TypeError, ValueError):
        value = 0
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise invalid(
            "invalid_year",
            "year",
            f"Året må være mellom {FIRST_YEAR} og {LAST_YEAR}.",
            f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.",
        )
    return value


def _scheme_type(code: str) -> Any:
    found = schemes_selectors.funding_scheme_type(code or "")
    if found is None:
        raise invalid(
            "unknown_scheme_type",
            "scheme_type",
            "Velg en tiltakstype.",
            "Choose a scheme type.",
        )
    return found


def _stale() -> Exception:
    return invalid(
        "stale_version",
        "version",
        "Budsjettet er endret av en annen i mellomtiden. Last inn på nytt.",
        "The budget was changed by someone else in the meantime. Reload.",
        status=CONFLICT,
    )


@transaction.atomic
def budget_set(
    *,
    actor: Actor,
    county_number: str,
    scheme_type: str,
    year: object,
    amount: object,
    version: int | None = None,
) -> SchemeBudget:
    """Set the county's budget for a scheme type and year: the first time creates it (no
    version, or 0); a change needs the version the writer saw."""
    county = organisation_selectors.county(county_number)
    policies.require(actor, policies.can_manage_budget, county.pk)
    checked_year = _valid_year(year)
    kind = _scheme_type(scheme_type)
    value = valid_amount(amount)
    rows = SchemeBudget.objects.filter(county=county, scheme_type=kind, year=checked_year)
    budget = rows.select_for_update().first()
    if budget is None and version not in (None, 0):
        raise _stale()
    before = None
    if budget is None:
        budget = _create(county, kind, checked_year, value)
    else:
        if version is None:
            raise _stale()
        budget.check_version(version)
        held = committed(budget)
        if value < held:
            raise invalid(
                "below_committed",
                "amount",
                f"Budsjettet kan ikke være lavere enn godkjente tilsagn ({kroner(held)}).",
                f"The budget cannot be lower than the approved commitments ({kroner(held)}).",
                status=CONFLICT,
            )
        before = {"amount": str(budget.amount)}
        budget.amount = value
        budget.bump_version()
        budget.save()
    audit.record(
        actor=actor,
        action="scheme_budget.set",
        target=budget,
        before=before,
        after={
            "county": county.pk,
            "scheme_type": scheme_type,
            "year": checked_year,
            "amount": str(value),
        },
    )
    return budget


def _create(county: Any, kind: Any, year: int, value: Decimal) -> SchemeBudget:
    """Two sessions may both have found no budget: the unique constraint lets one create
    it; the other is told to reload (in a savepoint, so its transaction can answer)."""
    try:
        with transaction.atomic():
            return SchemeBudget.objects.create(
                county=county, scheme_type=kind, year=year, amount=value
            )
    except IntegrityError:
        raise _stale() from None
