"""Prevention and facilitation subsidies of the IA agreement 2014–2018: no application
after 2018 (expert assistance took their place), the lifecycle of those applied for, a
grant counted against the county's budget for the scheme in the year applied for."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid, required_text
from velferd.organisation import selectors as organisation_selectors

from .. import lifecycles, selectors
from ..models import (
    LAST_PREVENTION_YEAR,
    Enterprise,
    Subsidy,
    SubsidyBudget,
    SubsidyScheme,
)
from .changes import audited_change

MAX_AMOUNT = Decimal("9999999999.99")


def valid_amount(value: object, field: str = "amount") -> Decimal:
    """A positive amount in kroner with at most two decimals (øre), kept exact."""
    try:
        amount = Decimal(str(value).strip().replace(" ", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT:
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet må være et positivt tall i kroner.",
            "The amount must be a positive number of kroner.",
        )
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet kan ha høyst to desimaler (øre).",
            "The amount can have at most two decimals (øre).",
        )
    return amount.quantize(Decimal("0.01"))


@transaction.atomic
def subsidy_apply(*, actor: Actor, enterprise: Enterprise, purpose: str, amount: object) -> Subsidy:
    """An application for a prevention and facilitation subsidy, from the employer or from
    an advisor on the enterprise's behalf, while the scheme ran (up to 2018); since then 409
    `subsidy_scheme_ended`, pointing to expert assistance."""
    policies.require(actor, policies.can_apply_for_subsidy, enterprise)
    if timezone.localdate().year > LAST_PREVENTION_YEAR:
        raise invalid(
            "subsidy_scheme_ended",
            None,
            "Forebyggings- og tilretteleggingstilskuddet gjaldt til og med 2018 "
            "(IA-avtalen 2014–2018). Søk om tilskudd til ekspertbistand i stedet.",
            "The prevention and facilitation subsidy applied up to and including 2018 "
            "(IA agreement 2014–2018). Apply for the expert assistance subsidy instead.",
            status=CONFLICT,
        )
    subsidy = Subsidy.objects.create(
        enterprise=enterprise,
        purpose=required_text(purpose, "purpose", "Formålet", "purpose"),
        amount_applied=valid_amount(amount),
        applied_by=actor.user,
        applied_on=timezone.localdate(),
    )
    audit.record(
        actor=actor,
        action="subsidy.applied",
        target=subsidy,
        after=audit.snapshot(subsidy, "enterprise", "amount_applied", "status"),
    )
    return subsidy


SUBSIDY_FIELDS = ("status", "amount_granted", "budget_year")


@contextmanager
def _deciding(actor: Actor, subsidy: Subsidy, version: int, name: str) -> Iterator[Subsidy]:
    """Make the named move (lifecycles.SUBSIDY) on the subsidy, locked with its enterprise;
    the block records the decision."""
    policies.require(actor, policies.can_decide_subsidy, subsidy.enterprise)
    move = lifecycles.SUBSIDY.move(name)
    with audited_change(
        actor,
        subsidy,
        version=version,
        event=move.event,
        before=("status",),
        fields=SUBSIDY_FIELDS,
        rows=Subsidy.objects.select_related("enterprise"),
    ) as subsidy:
        lifecycles.SUBSIDY.enter(subsidy, move)
        yield subsidy


@lifecycles.SUBSIDY.service("assess")
@retried_atomic
def subsidy_assess(*, actor: Actor, subsidy: Subsidy, version: int) -> Subsidy:
    """applied → under assessment: the move is all there is to it."""
    with _deciding(actor, subsidy, version, "assess") as subsidy:
        pass
    return subsidy


def budget_exceeded(remaining: Decimal, county: str, year: int) -> DomainError:
    nb_amount = f"{remaining:,.2f}".replace(",", " ").replace(".", ",")
    return invalid(
        "budget_exceeded",
        "amount",
        f"Tilskuddet går over budsjettet for {county} {year}: det er {nb_amount} kr igjen.",
        f"The grant exceeds the budget of {county} for {year}: {remaining:,.2f} NOK remain.",
        status=CONFLICT,
    )


@lifecycles.SUBSIDY.service("grant", "grant_partly")
@retried_atomic
def subsidy_grant(
    *, actor: Actor, subsidy: Subsidy, version: int, amount: object | None = None
) -> Subsidy:
    """Grant the amount applied for, or less (partly granted), from the prevention and
    facilitation budget of the enterprise's county for the year it was applied for. The
    budget row is locked, so two grants at the same time are counted one after the other and
    cannot together exceed it."""
    policies.require(actor, policies.can_decide_subsidy, subsidy.enterprise)
    target_amount = subsidy.amount_applied if amount is None else valid_amount(amount)
    if target_amount > subsidy.amount_applied:
        raise invalid(
            "more_than_applied",
            "amount",
            f"Kan ikke innvilge mer enn det er søkt om ({subsidy.amount_applied} kr).",
            f"Cannot grant more than was applied for ({subsidy.amount_applied} NOK).",
        )
    move = "grant" if target_amount == subsidy.amount_applied else "grant_partly"
    with _deciding(actor, subsidy, version, move) as subsidy:
        year = subsidy.applied_on.year
        county = subsidy.enterprise.county_id
        budget = (
            SubsidyBudget.objects.select_for_update()
            .filter(county_id=county, year=year, scheme=SubsidyScheme.PREVENTION_FACILITATION)
            .first()
        )
        county_name = organisation_selectors.county(county).name
        if budget is None:
            raise budget_exceeded(Decimal("0.00"), county_name, year)
        remaining = budget.amount - selectors.granted_total(
            county, year, SubsidyScheme.PREVENTION_FACILITATION
        )
        if target_amount > remaining:
            raise budget_exceeded(remaining, county_name, year)
        subsidy.amount_granted = target_amount
        subsidy.budget_year = year
        subsidy.decided_on = timezone.localdate()
    return subsidy


@lifecycles.SUBSIDY.service("refuse")
@retried_atomic
def subsidy_refuse(*, actor: Actor, subsidy: Subsidy, version: int, reason: str) -> Subsidy:
    with _deciding(actor, subsidy, version, "refuse") as subsidy:
        subsidy.refusal_reason = required_text(reason, "reason", "Begrunnelsen", "reason", 2000)
        subsidy.decided_on = timezone.localdate()
    return subsidy


@lifecycles.SUBSIDY.service("pay")
@retried_atomic
def subsidy_pay(*, actor: Actor, subsidy: Subsidy, version: int) -> Subsidy:
    """Only a granted or partly granted subsidy is paid (the table says so)."""
    with _deciding(actor, subsidy, version, "pay") as subsidy:
        subsidy.paid_on = timezone.localdate()
    return subsidy


# The service of each move by its name, as the declaration has them.
SUBSIDY_TRANSITIONS: dict[str, Callable[..., Subsidy]] = {
    name: lifecycles.SUBSIDY.service_for(name) for name in lifecycles.SUBSIDY.names
}
