"""The state's guideline rates for financial assistance, as data per year: administrators
enter and correct them; the calculation aid reads them.

The published figures the demo loads (`PUBLISHED_RATES`) are those of Statlige veiledende
retningslinjer for økonomisk stønad from 1 January 2024 (Arbeids- og
inkluderingsdepartementet; as published by Statsforvalteren i Agder on 8 January 2024).
Later years are entered by an administrator on the rates page when the Ministry's circular
is out."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid

from ..models import GuidelineRate, RateKind

FIRST_YEAR, LAST_YEAR = 2000, 2100
# No state rate has come near this; a typing slip (an extra digit) would.
MAX_RATE = Decimal("100000")

PUBLISHED_RATES: dict[int, dict[str, Decimal]] = {
    2024: {
        RateKind.SINGLE_ADULT: Decimal("7850"),
        RateKind.COUPLE: Decimal("13100"),
        RateKind.SHARED_HOUSING: Decimal("6600"),
        RateKind.CHILD_0_5: Decimal("3850"),
        RateKind.CHILD_6_10: Decimal("3950"),
        RateKind.CHILD_11_17: Decimal("5150"),
    },
}


def valid_year(value: object) -> int:
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise invalid(
            "invalid_year",
            "year",
            f"Året må være mellom {FIRST_YEAR} og {LAST_YEAR}.",
            f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.",
        )
    return year


def valid_rate(value: object) -> Decimal:
    text = str(value if value is not None else "").strip().replace(" ", "").replace("\xa0", "")
    try:
        amount = Decimal(text.replace(",", "."))
    except (InvalidOperation, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite() or amount <= 0 or amount >= MAX_RATE or amount != round(amount, 2):
        raise invalid(
            "invalid_rate",
            "amount",
            "Skriv satsen i kroner i måneden, mer enn 0 og under 100 000, for eksempel 7850.",
            "Write the rate in kroner a month, more than 0 and under 100,000, for example 7850.",
        )
    return amount.quantize(Decimal("0.01"))


def _valid_kind(kind: object) -> str:
    if kind not in RateKind.values:
        raise invalid(
            "unknown_rate_kind", "kind", "Velg hvem satsen gjelder.", "Choose whom the rate is for."
        )
    return str(kind)


def _stale() -> Exception:
    return invalid(
        "stale_version",
        "version",
        "Satsen er endret av en annen i mellomtiden. Last inn på nytt.",
        "The rate was changed by someone else in the meantime. Reload.",
        status=CONFLICT,
    )


@transaction.atomic
def rate_set(
    *, actor: Actor, year: object, kind: object, amount: object, version: int | None = None
) -> GuidelineRate:
    """Enter a year's rate for a kind (no version, or 0, the first time) or correct it (the
    version the administrator saw)."""
    policies.require(actor, policies.can_manage_guideline_rates)
    checked_year, checked_kind, value = valid_year(year), _valid_kind(kind), valid_rate(amount)
    rate = (
        GuidelineRate.objects.select_for_update()
        .filter(year=checked_year, kind=checked_kind)
        .first()
    )
    if rate is None:
        if version not in (None, 0):
            raise _stale()
        rate = _create(checked_year, checked_kind, value)
        before = None
    else:
        if version is None:
            raise _stale()
        rate.check_version(version)
        before = {"amount": str(rate.amount)}
        rate.amount = value
        rate.bump_version()
        rate.save()
    audit.record(
        actor=actor,
        action="guideline_rate.set",
        target=rate,
        before=before,
        after={"year": checked_year, "kind": checked_kind, "amount": str(value)},
    )
    return rate


def _create(year: int, kind: str, amount: Decimal) -> GuidelineRate:
    try:
        with transaction.atomic():
            return GuidelineRate.objects.create(year=year, kind=kind, amount=amount)
    except IntegrityError as error:
        raise _stale() from error


def published_rates_load(*, actor: Actor) -> int:
    """Enter the published rates that are missing; returns how many were entered."""
    entered = 0
    for year, rates in PUBLISHED_RATES.items():
        for kind, amount in rates.items():
            if not GuidelineRate.objects.filter(year=year, kind=kind).exists():
                rate_set(actor=actor, year=year, kind=kind, amount=amount)
                entered += 1
    return entered
