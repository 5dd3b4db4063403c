"""Agreements with suppliers: creating one (with its areas, options to extend and agreed
rates; a call-off under its framework), adding a rate, exercising an option, and the moves
of its lifecycle (lifecycles.AGREEMENT). Every write is one transaction with its audit
event; a change to an agreement locks its row first (docs/architecture.md, "Lock order")."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, forbidden
from velferd.core.lifecycles import Change, change
from velferd.core.validation import invalid, required_text
from velferd.organisation.models import County, Office

from ..lifecycles import AGREED_PRICE_MODELS, AGREEMENT
from ..models import (
    Agreement,
    AgreementOption,
    AgreementRate,
    AgreementStatus,
    PriceModel,
    SchemeType,
    Supplier,
)

MAX_AMOUNT = Decimal("9999999999.99")
AGREEMENT_FIELDS = ("status", "status_reason", "ends_on")


@contextmanager
def audited_change(
    actor: Actor, record: Any, *, version: int | None, event: str, fields: Sequence[str]
) -> Iterator[Any]:
    """Lock the record's row and read it again, check the version the writer saw, let the
    block change `step.record`; then bump the version, save and write the audit event last:
    `fields` as they were and as they are, with what the block put in `step.after`."""

    def lock(found: Any) -> Any:
        return type(found)._default_manager.select_for_update().get(pk=found.pk)

    def write(step: Change[Any]) -> None:
        audit.record(
            actor=actor,
            action=event,
            target=step.record,
            before=step.before,
            after={**audit.snapshot(step.record, *fields), **(step.after or {})},
        )

    with change(record, version=version, lock=lock, audit=write) as step:
        step.before = audit.snapshot(step.record, *fields)
        yield step


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
    if amount != amount.quantize(Decimal("0.01")):
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet kan ha høyst to desimaler (øre).",
            "The amount can have at most two decimals (øre).",
        )
    return amount.quantize(Decimal("0.01"))


def _dmy(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def _period(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise invalid(
            "period_reversed",
            "ends_on",
            "Sluttdatoen kan ikke være før startdatoen.",
            "The end date cannot be before the start date.",
        )


def _price_model(scheme_type: SchemeType, price_model: str) -> str:
    if price_model not in PriceModel.values:
        raise invalid(
            "invalid_price_model",
            "price_model",
            f"«{price_model}» er ikke en prismodell.",
            f"“{price_model}” is not a price model.",
        )
    if price_model not in scheme_type.price_models:
        label = PriceModel(price_model).label
        raise invalid(
            "price_model_not_allowed",
            "price_model",
            f"Tiltakstypen «{scheme_type.name_nb}» tillater ikke prismodellen «{label}».",
            f"The scheme type “{scheme_type.name_en}” does not allow the price model “{label}”.",
        )
    return price_model


def _areas(counties: Iterable[str], offices: Iterable[str]) -> tuple[list[County], list[Office]]:
    """The counties and offices the agreement covers; every office in one of the counties."""
    numbers = sorted(set(counties))
    found_counties = list(County.objects.filter(number__in=numbers))
    if not numbers or len(found_counties) != len(numbers):
        raise invalid(
            "invalid_counties",
            "counties",
            "Velg minst ett fylke avtalen gjelder, med gyldige fylkesnummer.",
            "Choose at least one county the agreement covers, by valid county numbers.",
        )
    units = sorted(set(offices))
    found_offices = list(Office.objects.filter(unit_number__in=units))
    outside = [o.unit_number for o in found_offices if o.county_id not in numbers]
    if len(found_offices) != len(units) or outside:
        raise invalid(
            "invalid_offices",
            "offices",
            "Kontorene må finnes og ligge i fylkene avtalen gjelder.",
            "The offices must exist and lie in the counties the agreement covers.",
        )
    return found_counties, found_offices


def _call_off(framework: Agreement, supplier: Supplier, scheme_type: SchemeType) -> None:
    """A call-off names an open framework agreement of the same supplier and scheme type."""
    if not framework.is_framework or framework.status not in (
        AgreementStatus.DRAFT,
        AgreementStatus.ACTIVE,
    ):
        raise invalid(
            "not_a_framework",
            "framework",
            "Avropet må høre til en rammeavtale som er utkast eller aktiv.",
            "A call-off must belong to a framework agreement that is a draft or active.",
            status=CONFLICT,
        )
    if framework.supplier_id != supplier.pk or framework.scheme_type_id != scheme_type.pk:
        raise invalid(
            "call_off_mismatch",
            "framework",
            "Avropet må ha samme leverandør og tiltakstype som rammeavtalen.",
            "A call-off must have the framework agreement's supplier and scheme type.",
        )


def _inside_framework(framework: Agreement, starts_on: datetime.date, ends_on: Any) -> None:
    if starts_on < framework.starts_on or ends_on > framework.ends_on:
        raise invalid(
            "outside_framework_period",
            "starts_on",
            f"Avropet må ligge innenfor rammeavtalens periode "
            f"({_dmy(framework.starts_on)}–{_dmy(framework.ends_on)}).",
            f"A call-off must lie inside the framework agreement's period "
            f"({_dmy(framework.starts_on)}–{_dmy(framework.ends_on)}).",
        )


def _options(ends_on: datetime.date, extends_to: Sequence[datetime.date]) -> list[datetime.date]:
    """Each option extends beyond the one before (the first beyond the end date)."""
    previous = ends_on
    for day in extends_to:
        if day <= previous:
            raise invalid(
                "invalid_option",
                "options",
                "Hver opsjon må forlenge avtalen til en senere dato enn den forrige.",
                "Each option must extend the agreement to a later date than the one before.",
            )
        previous = day
    return list(extends_to)


def _rate(agreement: Agreement, valid_from: datetime.date, amount: object) -> AgreementRate:
    if agreement.price_model not in AGREED_PRICE_MODELS:
        raise invalid(
            "rate_not_agreed",
            "rates",
            "Bare avtaler med avtalt pris har egne satser.",
            "Only agreements with an agreed price have rates of their own.",
        )
    if not agreement.starts_on <= valid_from <= agreement.ends_on:
        raise invalid(
            "rate_outside_period",
            "valid_from",
            "Satsen må gjelde fra en dato i avtalens periode.",
            "The rate must apply from a date inside the agreement's period.",
        )
    if agreement.rates.filter(valid_from=valid_from).exists():
        raise invalid(
            "rate_exists",
            "valid_from",
            f"Avtalen har allerede en sats fra {_dmy(valid_from)}.",
            f"The agreement already has a rate from {_dmy(valid_from)}.",
            status=CONFLICT,
        )
    return AgreementRate.objects.create(
        agreement=agreement, valid_from=valid_from, amount=valid_amount(amount)
    )


@transaction.atomic
def agreement_create(
    *,
    actor: Actor,
    supplier: Supplier,
    scheme_type: SchemeType,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    price_model: str,
    counties: Sequence[str],
    offices: Sequence[str] = (),
    is_framework: bool = False,
    framework: Agreement | None = None,
    options: Sequence[datetime.date] = (),
    rates: Sequence[tuple[datetime.date, object]] = (),
    signed_on: datetime.date | None = None,
) -> Agreement:
    """A draft agreement. The scheme manager of a county it covers (or a national one)
    writes it; its price model must be one the scheme type allows; a call-off names its
    framework (locked while the call-off is written) and lies inside its period."""
    policies.require(actor, policies.can_create_agreement, list(counties))
    found_counties, found_offices = _areas(counties, offices)
    name = required_text(name, "name", "Navnet", "name", limit=200)
    _period(starts_on, ends_on)
    _price_model(scheme_type, price_model)
    if framework is not None:
        framework = Agreement.objects.select_for_update().get(pk=framework.pk)
        if is_framework:
            raise invalid(
                "call_off_is_framework",
                "is_framework",
                "Et avrop kan ikke selv være en rammeavtale.",
                "A call-off cannot itself be a framework agreement.",
            )
        _call_off(framework, supplier, scheme_type)
        _inside_framework(framework, starts_on, ends_on)
    extends_to = _options(ends_on, options)
    if actor.user is None:  # an agreement is written by a person, never by the system
        raise forbidden()
    agreement = Agreement.objects.create(
        number=uuid.uuid4().hex[:20],
        name=name,
        supplier=supplier,
        scheme_type=scheme_type,
        starts_on=starts_on,
        ends_on=ends_on,
        price_model=price_model,
        is_framework=is_framework,
        framework=framework,
        signed_on=signed_on,
        created_by=actor.user,
    )
    agreement.number = f"{starts_on.year}-{agreement.pk:06d}"
    agreement.save(update_fields=["number"])
    agreement.counties.set(found_counties)
    agreement.offices.set(found_offices)
    for number, day in enumerate(extends_to, start=1):
        AgreementOption.objects.create(agreement=agreement, number=number, extends_to=day)
    for valid_from, amount in rates:
        _rate(agreement, valid_from, amount)
    audit.record(
        actor=actor,
        action="scheme_agreement.created",
        target=agreement,
        after={
            **audit.snapshot(agreement, "number", "supplier", "scheme_type", "price_model"),
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
            "counties": [c.pk for c in found_counties],
            "offices": [o.unit_number for o in found_offices],
            "framework": framework.number if framework else None,
        },
    )
    return agreement


def _may_manage(actor: Actor, agreement: Agreement) -> None:
    policies.require(actor, policies.can_manage_agreement, agreement)


@transaction.atomic
def agreement_add_rate(
    *,
    actor: Actor,
    agreement: Agreement,
    version: int,
    valid_from: datetime.date,
    amount: object,
) -> Agreement:
    """An agreed price from a date (an agreement with an agreed price model)."""
    _may_manage(actor, agreement)
    with audited_change(
        actor, agreement, version=version, event="scheme_agreement.rate_added", fields=()
    ) as step:
        rate = _rate(step.record, valid_from, amount)
        step.after = {"valid_from": valid_from.isoformat(), "amount": str(rate.amount)}
    return step.record


@transaction.atomic
def agreement_exercise_option(
    *, actor: Actor, agreement: Agreement, version: int, number: int, on: datetime.date
) -> Agreement:
    """Exercise an option: the agreement's end date moves to the option's date. Options are
    exercised in order, on an agreement that is a draft or active."""
    _may_manage(actor, agreement)
    with audited_change(
        actor,
        agreement,
        version=version,
        event="scheme_agreement.option_exercised",
        fields=("ends_on",),
    ) as step:
        locked = step.record
        option = locked.options.filter(number=number).first()
        if option is None:
            raise invalid(
                "not_found",
                "option",
                f"Avtalen har ingen opsjon {number}.",
                f"The agreement has no option {number}.",
                status=404,
            )
        if locked.status not in (AgreementStatus.DRAFT, AgreementStatus.ACTIVE):
            raise invalid(
                "agreement_closed",
                "status",
                "Opsjoner kan bare utløses på en avtale som er utkast eller aktiv.",
                "Options can only be exercised on an agreement that is a draft or active.",
                status=CONFLICT,
            )
        if option.exercised_on is not None or option.extends_to <= locked.ends_on:
            raise invalid(
                "option_not_open",
                "option",
                "Opsjonen er allerede utløst eller forlenger ikke avtalen.",
                "The option is already exercised or does not extend the agreement.",
                status=CONFLICT,
            )
        option.exercised_on = on
        option.save(update_fields=["exercised_on", "updated_at"])
        locked.ends_on = option.extends_to
        step.after = {"option": number}
    return locked


def _move(actor: Actor, agreement: Agreement, version: int, name: str, reason: str = "") -> Any:
    _may_manage(actor, agreement)
    move = AGREEMENT.move(name)
    with audited_change(
        actor, agreement, version=version, event=move.event, fields=AGREEMENT_FIELDS
    ) as step:
        AGREEMENT.enter(step.record, move)
        if "reason" in move.inputs:
            step.record.status_reason = required_text(reason, "reason", "Begrunnelsen", "reason")
    return step.record


@AGREEMENT.service("activate")
@transaction.atomic
def agreement_activate(*, actor: Actor, agreement: Agreement, version: int) -> Agreement:
    """Draft → active; an agreed price model needs a rate first (lifecycles.priced)."""
    return _move(actor, agreement, version, "activate")


@AGREEMENT.service("end")
@transaction.atomic
def agreement_end(*, actor: Actor, agreement: Agreement, version: int) -> Agreement:
    return _move(actor, agreement, version, "end")


@AGREEMENT.service("cancel")
@transaction.atomic
def agreement_cancel(*, actor: Actor, agreement: Agreement, version: int, reason: str) -> Agreement:
    """Cancel a draft or an active agreement, with the reason in words."""
    return _move(actor, agreement, version, "cancel", reason)
