"""The demo's agreements and deliveries in Oslo (county 03), written as the demo scheme
manager (`tiltaksforvalter`) through the services: an agreement of every price model — the
nationally fixed rate (AFT), agreed per month, per week and per hour, another agreed price
and payment by outcomes — a framework agreement with a call-off, and an outcome contract
with one measurement recorded and one pending. Running deliveries with free places at NAV
Grünerløkka (0317) and other Oslo offices; the demo supplier login (`leverandor`, Grorud
Arbeid og Inkludering AS) has agreements and deliveries of its own. Dates lie around the
day the demo is loaded. Loading twice changes nothing (an agreement is known by its name).

The outcome-based agreement needs a scheme type that allows payment by outcomes; the
catalogue allows it for none, so the demo scheme manager allows it for follow-up
(OPPFOLGING), as a county piloting a social impact bond would ask for."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user

from . import services
from .models import Agreement, PriceModel, SchemeType, Supplier
from .models.outcomes import MeasurementStatus, OutcomeMetric

GRORUD, FRISK, KIRKENS, SAMMEN = "912345688", "923456724", "923456740", "923456767"
INVESTOR = ("Samfunnsinvest Norge AS", "921987668")


def _day(years: int, month: int = 1, day: int = 1) -> datetime.date:
    return datetime.date(timezone.localdate().year + years, month, day)


def _agreements() -> list[dict[str, Any]]:
    """Each agreement: its supplier, scheme type, price model and rate, its options, and
    its deliveries (offices, places, months from today it started, status)."""
    return [
        {
            "name": "AFT Grorud Arbeid og Inkludering",
            "supplier": GRORUD,
            "scheme_type": "ARBEIDSFORBEREDENDE_TRENING",
            "price_model": PriceModel.FIXED_MONTHLY_RATE,
            "options": [_day(3, 12, 31)],
            "deliveries": [
                ("AFT Grorud – Grünerløkka og Sagene", ["0317", "0320"], 24, -4, "running"),
                ("AFT Grorud – Alna og Stovner", ["0312", "0322", "0316"], 30, -2, "running"),
            ],
        },
        {
            "name": "Oppfølging Oslo indre by",
            "supplier": FRISK,
            "scheme_type": "OPPFOLGING",
            "price_model": PriceModel.AGREED_MONTHLY,
            "rate": Decimal("18950.00"),
            "deliveries": [
                ("Oppfølging Grünerløkka", ["0317"], 15, -3, "running"),
                ("Oppfølging Frogner og St. Hanshaugen", ["0314", "0321"], 12, 1, "planned"),
            ],
        },
        {
            "name": "Avklaring Groruddalen",
            "supplier": GRORUD,
            "scheme_type": "AVKLARING",
            "price_model": PriceModel.AGREED_WEEKLY,
            "rate": Decimal("4375.50"),
            "deliveries": [("Avklaring Grorud", ["0316", "0317"], 10, -1, "running")],
        },
        {
            "name": "Individuell jobbstøtte Tøyen",
            "supplier": KIRKENS,
            "scheme_type": "OPPFOLGING",
            "price_model": PriceModel.AGREED_HOURLY,
            "rate": Decimal("1125.00"),
            "deliveries": [("Jobbstøtte Gamle Oslo", ["0315", "0317"], 8, -5, "running")],
        },
        {
            "name": "Jobbklubb Sagene",
            "supplier": SAMMEN,
            "scheme_type": "JOBBKLUBB",
            "price_model": PriceModel.OTHER,
            "deliveries": [("Jobbklubb Sagene vår", ["0320", "0317"], 20, 2, "planned")],
        },
    ]


def _manager() -> Actor | None:
    user = User.objects.filter(username="tiltaksforvalter").first()
    return actor_for_user(user) if user else None


def _supplier(number: str) -> Supplier | None:
    return Supplier.objects.filter(organisation_number=number).first()


def _type(code: str) -> SchemeType | None:
    return SchemeType.objects.filter(code=code).first()


def _agreement(actor: Actor, row: dict[str, Any], **extra: Any) -> Agreement | None:
    supplier, scheme_type = _supplier(row["supplier"]), _type(row["scheme_type"])
    if supplier is None or scheme_type is None:
        return None
    rate = row.get("rate")
    starts_on = extra.pop("starts_on", _day(-1))
    agreement = services.agreement_create(
        actor=actor,
        supplier=supplier,
        scheme_type=scheme_type,
        name=row["name"],
        starts_on=starts_on,
        ends_on=extra.pop("ends_on", _day(1, 12, 31)),
        price_model=row["price_model"],
        counties=["03"],
        options=row.get("options", []),
        rates=[(starts_on, rate)] if rate else [],
        signed_on=starts_on - datetime.timedelta(days=30),
        **extra,
    )
    return services.agreement_activate(actor=actor, agreement=agreement, version=agreement.version)


def _deliveries(actor: Actor, agreement: Agreement, rows: list[Any]) -> None:
    today = timezone.localdate()
    for name, offices, places, months, status in rows:
        starts_on = max(agreement.starts_on, today + datetime.timedelta(days=30 * months))
        delivery = services.delivery_create(
            actor=actor,
            agreement=agreement,
            name=name,
            places=places,
            starts_on=starts_on,
            ends_on=min(agreement.ends_on, starts_on + datetime.timedelta(days=365)),
            enrolment_mode="ongoing" if status == "running" else "fixed_start",
            offices=offices,
        )
        if status == "running":
            services.delivery_start(actor=actor, delivery=delivery, version=delivery.version)


def _framework(actor: Actor) -> None:
    row = {
        "name": "Rammeavtale gruppe-AMO Oslo",
        "supplier": GRORUD,
        "scheme_type": "GRUPPE_ARBEIDSMARKEDSOPPLAERING",
        "price_model": PriceModel.AGREED_WEEKLY,
        "rate": Decimal("3900.00"),
    }
    framework = _agreement(actor, row, is_framework=True, ends_on=_day(2, 12, 31))
    if framework is None:
        return
    call_off = _agreement(
        actor,
        {**row, "name": "Avrop: Norsk med arbeidspraksis, Grünerløkka"},
        framework=framework,
        starts_on=_day(0, 1, 1),
        ends_on=_day(1, 6, 30),
    )
    if call_off is not None:
        _deliveries(
            actor,
            call_off,
            [("Norsk med arbeidspraksis, kull 1", ["0317", "0315"], 16, -1, "running")],
        )


def _allow_outcomes(actor: Actor, scheme_type: SchemeType) -> None:
    if PriceModel.OUTCOME_BASED in scheme_type.price_models:
        return
    services.scheme_type_change(
        actor=actor,
        scheme_type=scheme_type,
        version=scheme_type.version,
        price_models=[*scheme_type.price_models, PriceModel.OUTCOME_BASED],
    )


def _outcomes(actor: Actor) -> None:
    supplier, scheme_type = _supplier(SAMMEN), _type("OPPFOLGING")
    if supplier is None or scheme_type is None:
        return
    _allow_outcomes(actor, scheme_type)
    starts_on = _day(-2)
    draft = services.agreement_create(
        actor=actor,
        supplier=supplier,
        scheme_type=SchemeType.objects.get(pk=scheme_type.pk),
        name="Sosial resultatkontrakt: unge i jobb, Grünerløkka",
        starts_on=starts_on,
        ends_on=_day(2, 12, 31),
        price_model=PriceModel.OUTCOME_BASED,
        counties=["03"],
        offices=["0317"],
    )
    contract = services.outcome_contract_create(
        actor=actor,
        agreement=draft,
        metric=OutcomeMetric.IN_WORK_12_MONTHS,
        price_per_outcome=Decimal("145000.00"),
        cap=Decimal("2900000.00"),
        investor_name=INVESTOR[0],
        investor_organisation_number=INVESTOR[1],
        has_comparison_group=True,
        comparison_description=(
            "Unge mellom 18 og 29 år ved NAV Gamle Oslo og NAV Sagene med samme "
            "innsatsgruppe, trukket fra samme periode."
        ),
        measurement_dates=[_day(-1, 12, 31), _day(1, 6, 30)],
    )
    active = services.agreement_activate(actor=actor, agreement=draft, version=draft.version)
    first = contract.measurements.get(
        status=MeasurementStatus.PENDING, measured_on=_day(-1, 12, 31)
    )
    services.measurement_record(
        actor=actor,
        measurement=first,
        version=contract.version,
        participants=40,
        outcomes=17,
        comparison_rate=Decimal("0.2500"),
    )
    _deliveries(actor, active, [("Unge i jobb, Grünerløkka", ["0317"], 40, -12, "running")])


def load_demo_agreements(*, system: Actor) -> int:
    """The demo agreements that are missing (written as the demo scheme manager; without
    that login, none); returns how many were created."""
    actor = _manager()
    if actor is None:
        return 0
    created = 0
    for row in _agreements():
        if Agreement.objects.filter(name=row["name"]).exists():
            continue
        agreement = _agreement(actor, row)
        if agreement is not None:
            _deliveries(actor, agreement, row["deliveries"])
            created += 1
    if not Agreement.objects.filter(name="Rammeavtale gruppe-AMO Oslo").exists():
        _framework(actor)
        created += 2
    if not Agreement.objects.filter(price_model=PriceModel.OUTCOME_BASED).exists():
        _outcomes(actor)
        created += 1
    if not Agreement.objects.filter(name="VTA Grorud Arbeid og Inkludering").exists():
        _a_draft(actor)
        created += 1
    return created


def _a_draft(actor: Actor) -> None:
    """A draft for next year: varig tilrettelagt arbeid at Grorud, not yet active."""
    supplier, scheme_type = _supplier(GRORUD), _type("VARIG_TILRETTELAGT_ARBEID_SKJERMET")
    if supplier is None or scheme_type is None:
        return
    services.agreement_create(
        actor=actor,
        supplier=supplier,
        scheme_type=scheme_type,
        name="VTA Grorud Arbeid og Inkludering",
        starts_on=_day(1),
        ends_on=_day(3, 12, 31),
        price_model=PriceModel.FIXED_MONTHLY_RATE,
        counties=["03"],
    )
