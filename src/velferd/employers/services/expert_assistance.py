"""The expert assistance subsidy (tilskudd til ekspertbistand, IA agreement 2019–2024 and
its extension): the employer's application, with the employee agreeing, and NAV's decision
on it within the county's budget for the subsidy."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone
from stdnum.no import orgnr

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.policies import employers as employer_policies
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import DomainError
from velferd.core.validation import invalid, required_text
from velferd.organisation import selectors as organisation_selectors

from .. import lifecycles, selectors
from ..models import (
    Enterprise,
    ExpertAssistance,
    SickLeavePattern,
    SubsidyBudget,
    SubsidyScheme,
    max_rate,
)
from .changes import audited_change
from .dates import given_date
from .subsidies import budget_exceeded, valid_amount

T = TypeVar("T")


def kroner(amount: Decimal) -> str:
    """An amount as Norwegians write it: 24 900,00."""
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",")


def _employee_agreed(agreed: bool) -> None:
    """The employee must agree to the application."""
    if not agreed:
        raise invalid(
            "employee_agreement_required",
            "employee_agreed",
            "Arbeidstakeren må være enig i søknaden om ekspertbistand.",
            "The employee must agree to the application for expert assistance.",
        )


def _agreed_on(value: object) -> datetime.date:
    """The day the employee agreed: today or earlier."""
    day = given_date(value, "employee_agreed_on")
    if day is None or day > timezone.localdate():
        raise invalid(
            "invalid_agreement_date",
            "employee_agreed_on",
            "Skriv datoen arbeidstakeren sa seg enig (i dag eller tidligere).",
            "Write the date the employee agreed (today or earlier).",
        )
    return day


def _sick_leave(value: str) -> str:
    if value not in SickLeavePattern.values:
        raise invalid(
            "sick_leave_required",
            "sick_leave",
            "Velg om sykefraværet er langvarig, hyppig eller begge deler.",
            "Choose whether the sick leave is long, frequent or both.",
        )
    return value


def _expert_organisation_number(number: str) -> str:
    """The expert firm's organisation number, if given."""
    number = (number or "").replace(" ", "")
    if number and not orgnr.is_valid(number):
        raise invalid(
            "invalid_organisation_number",
            "expert_organisation_number",
            "Organisasjonsnummeret er ikke gyldig.",
            "The organisation number is not valid.",
        )
    return number


def _independent_expert(enterprise: Enterprise, independent: bool, number: str) -> None:
    """The expert is external: not employed by the enterprise nor by its in-house
    occupational health service."""
    if not independent or number.replace(" ", "") == enterprise.organisation_number:
        raise invalid(
            "expert_not_independent",
            "expert_independent",
            "Eksperten må være uavhengig: ikke ansatt i virksomheten eller i dens egen "
            "bedriftshelsetjeneste.",
            "The expert must be independent: not employed by the enterprise or by its own "
            "occupational health service.",
        )


def _cost(amount: object, year: int) -> Decimal:
    cost = valid_amount(amount)
    rate = max_rate(year)
    if cost > rate:
        raise invalid(
            "above_max_rate",
            "amount",
            f"Tilskuddet dekker høyst {kroner(rate)} kr per sak i {year}.",
            f"The subsidy covers at most NOK {rate:,.2f} per case in {year}.",
        )
    return cost


def _kept(refusals: list[DomainError], check: Callable[..., T], *args: Any) -> T | None:
    """`check(*args)`, or None with its refusal kept."""
    try:
        return check(*args)
    except DomainError as refusal:
        refusals.append(refusal)
        return None


def _application(
    enterprise: Enterprise, year: int, fields: dict[str, Any]
) -> tuple[dict[str, Any], list[DomainError]]:
    """The application's values, and every refusal of its fields in the form's order."""
    refusals: list[DomainError] = []
    number = _kept(refusals, _expert_organisation_number, fields["expert_organisation_number"])
    values = {
        "employee_name": _kept(
            refusals, required_text, fields["employee_name"], "employee_name", "Navnet", "name", 200
        ),
        "employee_agreed": _kept(refusals, _employee_agreed, fields["employee_agreed"]),
        "employee_agreed_on": _kept(refusals, _agreed_on, fields["employee_agreed_on"]),
        "sick_leave": _kept(refusals, _sick_leave, fields["sick_leave"]),
        "measures_tried": _kept(
            refusals,
            required_text,
            fields["measures_tried"],
            "measures_tried",
            "Det som er prøvd",
            "follow-up tried",
        ),
        "expert_name": _kept(
            refusals,
            required_text,
            fields["expert_name"],
            "expert_name",
            "Eksperten",
            "expert",
            200,
        ),
        "expert_organisation": _kept(
            refusals,
            required_text,
            fields["expert_organisation"],
            "expert_organisation",
            "Firmaet",
            "firm",
            200,
        ),
        "expert_organisation_number": number,
        "expert_independent": _kept(
            refusals,
            _independent_expert,
            enterprise,
            fields["expert_independent"],
            fields["expert_organisation_number"],
        ),
        "assignment": _kept(
            refusals, required_text, fields["assignment"], "assignment", "Oppdraget", "assignment"
        ),
        "amount_applied": _kept(refusals, _cost, fields["amount"], year),
    }
    order = list(values)
    refusals.sort(key=lambda r: order.index(_FIELD_OF.get(r.field or "", r.field or "")))
    return values, refusals


# The value a refusal's field checks (a field of the form named apart from its value).
_FIELD_OF = {"amount": "amount_applied"}


def expert_assistance_refusals(*, enterprise: Enterprise, **fields: Any) -> list[DomainError]:
    """Every refusal of an application's fields at once (the page names them all before it
    applies); the same checks `expert_assistance_apply` makes."""
    return _application(enterprise, timezone.localdate().year, _with_defaults(fields))[1]


def _with_defaults(fields: dict[str, Any]) -> dict[str, Any]:
    return {"expert_organisation_number": "", **fields}


@transaction.atomic
def expert_assistance_apply(
    *,
    actor: Actor,
    enterprise: Enterprise,
    employee_name: str,
    employee_agreed: bool,
    employee_agreed_on: object,
    sick_leave: str,
    measures_tried: str,
    expert_name: str,
    expert_organisation: str,
    expert_independent: bool,
    assignment: str,
    amount: object,
    expert_organisation_number: str = "",
) -> ExpertAssistance:
    """The employer's application: the employee (who agrees), their long or frequent sick
    leave and the follow-up tried, an independent expert, the assignment and its cost, at
    most the year's maximum rate."""
    policies.require(actor, employer_policies.can_apply_for_expert_assistance, enterprise)
    today = timezone.localdate()
    values, refusals = _application(
        enterprise,
        today.year,
        {
            "employee_name": employee_name,
            "employee_agreed": employee_agreed,
            "employee_agreed_on": employee_agreed_on,
            "sick_leave": sick_leave,
            "measures_tried": measures_tried,
            "expert_name": expert_name,
            "expert_organisation": expert_organisation,
            "expert_organisation_number": expert_organisation_number,
            "expert_independent": expert_independent,
            "assignment": assignment,
            "amount": amount,
        },
    )
    if refusals:
        raise refusals[0]
    del values["employee_agreed"], values["expert_independent"]
    application = ExpertAssistance.objects.create(
        enterprise=enterprise,
        **values,
        max_amount=max_rate(today.year),
        applied_by=actor.user,
        applied_on=today,
    )
    audit.record(
        actor=actor,
        action="expert_assistance.applied",
        target=application,
        after=audit.snapshot(application, "enterprise", "amount_applied", "status"),
    )
    return application


FIELDS = ("status", "amount_granted", "budget_year", "decided_on")


@contextmanager
def _deciding(
    actor: Actor, application: ExpertAssistance, version: int, name: str
) -> Iterator[ExpertAssistance]:
    """Make the named move on the application, locked with its enterprise; the block
    records the decision."""
    policies.require(actor, employer_policies.can_decide_expert_assistance, application.enterprise)
    move = lifecycles.EXPERT_ASSISTANCE.move(name)
    with audited_change(
        actor,
        application,
        version=version,
        event=move.event,
        before=("status",),
        fields=FIELDS,
        rows=ExpertAssistance.objects.select_related("enterprise"),
    ) as application:
        lifecycles.EXPERT_ASSISTANCE.enter(application, move)
        application.decided_by = actor.user
        application.decided_on = timezone.localdate()
        yield application


def _granted_amount(application: ExpertAssistance, amount: object | None) -> Decimal:
    granted = application.amount_applied if amount in (None, "") else valid_amount(amount)
    limit = min(application.amount_applied, application.max_amount)
    if granted > limit:
        raise invalid(
            "more_than_applied",
            "amount",
            f"Kan ikke innvilge mer enn {kroner(limit)} kr (søkt beløp, høyst satsen).",
            f"Cannot grant more than NOK {limit:,.2f} (the amount applied for, at most the rate).",
        )
    return granted


def _room_in_budget(application: ExpertAssistance, amount: Decimal) -> int:
    """Lock the county's expert-assistance budget for this year and check the grant fits;
    the year is returned. Locked after the application, as every grant does."""
    year = timezone.localdate().year
    county = application.enterprise.county_id
    budget = (
        SubsidyBudget.objects.select_for_update()
        .filter(county_id=county, year=year, scheme=SubsidyScheme.EXPERT_ASSISTANCE)
        .first()
    )
    name = organisation_selectors.county(county).name
    if budget is None:
        raise budget_exceeded(Decimal("0.00"), name, year)
    remaining = budget.amount - selectors.granted_total(
        county, year, SubsidyScheme.EXPERT_ASSISTANCE
    )
    if amount > remaining:
        raise budget_exceeded(remaining, name, year)
    return year


@lifecycles.EXPERT_ASSISTANCE.service("grant")
@retried_atomic
def expert_assistance_grant(
    *,
    actor: Actor,
    application: ExpertAssistance,
    version: int,
    amount: object | None = None,
    reason: str = "",
) -> ExpertAssistance:
    """Grant the cost applied for, or less, from this year's expert-assistance budget of the
    enterprise's county (409 naming what remains when it would be exceeded), with an
    optional note. Two grants at once are counted one after the other."""
    with _deciding(actor, application, version, "grant") as application:
        granted = _granted_amount(application, amount)
        application.budget_year = _room_in_budget(application, granted)
        application.amount_granted = granted
        application.decision_reason = (
            required_text(reason, "reason", "Merknaden", "note", 2000) if reason.strip() else ""
        )
    return application


@lifecycles.EXPERT_ASSISTANCE.service("refuse")
@retried_atomic
def expert_assistance_refuse(
    *, actor: Actor, application: ExpertAssistance, version: int, reason: str
) -> ExpertAssistance:
    """Refuse, with the reasons the employer reads."""
    with _deciding(actor, application, version, "refuse") as application:
        application.decision_reason = required_text(
            reason, "reason", "Begrunnelsen", "reason", 2000
        )
    return application
