"""Deliveries (gjennomføringer): creating one under an active agreement, and the moves of
its lifecycle (lifecycles.DELIVERY). `places_taken` stays 0 here: participants and their
enrolment are not part of the schemes domain yet, and will keep it when they are."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid, required_text
from velferd.organisation.models import Office

from ..lifecycles import DELIVERY
from ..models import (
    Agreement,
    AgreementStatus,
    Delivery,
    DeliveryOffice,
    EnrolmentMode,
    SupplierUnit,
)
from .agreements import audited_change

DELIVERY_FIELDS = ("status", "status_reason")
MAX_PLACES = 10_000


def _dmy(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def _places(places: object) -> int:
    try:
        count = int(str(places).strip())
    except (TypeError, ValueError):
        count = 0
    if not 1 <= count <= MAX_PLACES:
        raise invalid(
            "invalid_places",
            "places",
            f"Antall plasser må være et helt tall fra 1 til {MAX_PLACES}.",
            f"The number of places must be a whole number from 1 to {MAX_PLACES}.",
        )
    return count


def _inside_agreement(agreement: Agreement, starts_on: datetime.date, ends_on: Any) -> None:
    last = ends_on or starts_on
    if ends_on is not None and ends_on < starts_on:
        raise invalid(
            "period_reversed",
            "ends_on",
            "Sluttdatoen kan ikke være før startdatoen.",
            "The end date cannot be before the start date.",
        )
    if starts_on < agreement.starts_on or last > agreement.ends_on:
        raise invalid(
            "outside_agreement_period",
            "starts_on",
            f"Gjennomføringen må ligge innenfor avtalens periode "
            f"({_dmy(agreement.starts_on)}–{_dmy(agreement.ends_on)}).",
            f"The delivery must lie inside the agreement's period "
            f"({_dmy(agreement.starts_on)}–{_dmy(agreement.ends_on)}).",
        )


def _offices(agreement: Agreement, unit_numbers: Sequence[str]) -> list[Office]:
    """The offices that may enrol: inside the agreement's areas (its offices when it names
    any, else the offices of its counties), all of one county."""
    units = sorted(set(unit_numbers))
    found = list(Office.objects.filter(unit_number__in=units))
    named = {o.pk for o in agreement.offices.all()}
    counties = {c.pk for c in agreement.counties.all()}
    inside = [o for o in found if (o.pk in named if named else o.county_id in counties)]
    if not units or len(found) != len(units):
        raise invalid(
            "invalid_offices",
            "offices",
            "Velg minst ett kontor som kan melde på, med gyldige enhetsnummer.",
            "Choose at least one office that may enrol, by valid unit numbers.",
        )
    if len(inside) != len(found):
        outside = ", ".join(sorted(o.unit_number for o in found if o not in inside))
        raise invalid(
            "office_outside_agreement",
            "offices",
            f"Kontorene ligger utenfor avtalens område: {outside}.",
            f"The offices lie outside the agreement's area: {outside}.",
        )
    if len({o.county_id for o in found}) > 1:
        raise invalid(
            "offices_in_several_counties",
            "offices",
            "Kontorene som kan melde på, må ligge i samme fylke.",
            "The offices that may enrol must lie in one county.",
        )
    return found


def _enrolment_mode(value: str) -> str:
    if value not in EnrolmentMode.values:
        raise invalid(
            "invalid_enrolment_mode",
            "enrolment_mode",
            f"«{value}» er ikke en oppstartstype.",
            f"“{value}” is not an enrolment mode.",
        )
    return value


def _unit(agreement: Agreement, organisation_number: str) -> SupplierUnit | None:
    if not organisation_number:
        return None
    unit = SupplierUnit.objects.filter(
        supplier_id=agreement.supplier_id, organisation_number=organisation_number
    ).first()
    if unit is None:
        raise invalid(
            "invalid_supplier_unit",
            "supplier_unit",
            "Underenheten hører ikke til leverandøren.",
            "The sub-unit does not belong to the supplier.",
        )
    return unit


def _active(agreement: Agreement) -> None:
    if agreement.status != AgreementStatus.ACTIVE:
        raise invalid(
            "agreement_not_active",
            "agreement",
            "Gjennomføringer kan bare opprettes under en aktiv avtale.",
            "Deliveries can only be created under an active agreement.",
            status=CONFLICT,
        )


@transaction.atomic
def delivery_create(
    *,
    actor: Actor,
    agreement: Agreement,
    name: str,
    places: object,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    enrolment_mode: str,
    offices: Sequence[str],
    supplier_unit: str = "",
) -> Delivery:
    """A planned delivery under an active agreement (locked while the delivery is written,
    so that it is not ended or cancelled meanwhile)."""
    policies.require(actor, policies.can_manage_agreement, agreement)
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    _active(locked)
    name = required_text(name, "name", "Navnet", "name", limit=200)
    count = _places(places)
    _inside_agreement(locked, starts_on, ends_on)
    mode = _enrolment_mode(enrolment_mode)
    found = _offices(locked, offices)
    unit = _unit(locked, supplier_unit)
    delivery = Delivery.objects.create(
        number=uuid.uuid4().hex[:20],
        name=name,
        agreement=locked,
        scheme_type_id=locked.scheme_type_id,
        supplier_id=locked.supplier_id,
        supplier_unit=unit,
        county_id=found[0].county_id,
        places=count,
        starts_on=starts_on,
        ends_on=ends_on,
        enrolment_mode=mode,
    )
    delivery.number = f"G{starts_on.year}-{delivery.pk:06d}"
    delivery.save(update_fields=["number"])
    DeliveryOffice.objects.bulk_create(
        [
            DeliveryOffice(delivery=delivery, office=office, scheme_type_id=delivery.scheme_type_id)
            for office in found
        ]
    )
    audit.record(
        actor=actor,
        action="scheme_delivery.created",
        target=delivery,
        after={
            **audit.snapshot(delivery, "number", "agreement", "places", "enrolment_mode"),
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat() if ends_on else None,
            "offices": [o.unit_number for o in found],
        },
    )
    return delivery


def _move(actor: Actor, delivery: Delivery, version: int, name: str, reason: str = "") -> Any:
    policies.require(actor, policies.can_manage_delivery, delivery)
    move = DELIVERY.move(name)
    with audited_change(
        actor, delivery, version=version, event=move.event, fields=DELIVERY_FIELDS
    ) as step:
        DELIVERY.enter(step.record, move)
        if "reason" in move.inputs:
            step.record.status_reason = required_text(reason, "reason", "Begrunnelsen", "reason")
    return step.record


@DELIVERY.service("start")
@transaction.atomic
def delivery_start(*, actor: Actor, delivery: Delivery, version: int) -> Delivery:
    """Planned → running, while the agreement is active (lifecycles.agreement_in_force)."""
    return _move(actor, delivery, version, "start")


@DELIVERY.service("end")
@transaction.atomic
def delivery_end(*, actor: Actor, delivery: Delivery, version: int) -> Delivery:
    return _move(actor, delivery, version, "end")


@DELIVERY.service("cancel")
@transaction.atomic
def delivery_cancel(*, actor: Actor, delivery: Delivery, version: int, reason: str) -> Delivery:
    return _move(actor, delivery, version, "cancel", reason)
