"""Access-matrix rows for agreements, deliveries, the caseworkers' delivery catalogue and
outcome contracts (see test_access_matrix.py; matrix_schemes.py takes them in).

"tiltaksforvalter" manages Oslo's schemes; "leverandor" works for Grorud Arbeid og
Inkludering AS (912345688), which the rows' agreements are with, so it sees them but
changes nothing; the office roles see every delivery and search the catalogue. Anyone else
is told an agreement or delivery they may not see does not exist (404). The rows act on
records built for the test when a row first asks for them (inside the test's rolled-back
transaction), each in the state its move needs."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.schemes import services
from velferd.schemes.models import Agreement, Delivery, PriceModel, SchemeType, Supplier

from .matrix import LOGINS, Route, logged_in

S = "/api/v1/schemes"
NOBODY = "999999999"
GRORUD = "912345688"
OFFICE_ROLES = ["veileder", "sosialkonsulent", "beslutter", "kontorleder"]
NOT_SHOWN = [login for login in LOGINS if login not in ("tiltaksforvalter", "leverandor")]

_BUILT: dict[str, Any] = {}


def manager_and_supplier(manager: int, supplier: int, others: int = 404) -> dict[str, int]:
    return logged_in(others, tiltaksforvalter=manager, leverandor=supplier)


def staff_and_supplier(status: int, others: int = 404) -> dict[str, int]:
    return logged_in(
        others, **dict.fromkeys(OFFICE_ROLES, status), tiltaksforvalter=status, leverandor=status
    )


def _manager() -> Any:
    return actor_for_user(User.objects.get(username="tiltaksforvalter"))


def _year() -> int:
    return timezone.localdate().year


def _draft(price_model: str = PriceModel.AGREED_MONTHLY, **fields: Any) -> Agreement:
    code = "OPPFOLGING"
    starts_on = datetime.date(_year(), 1, 1)
    return services.agreement_create(
        actor=_manager(),
        supplier=Supplier.objects.get(organisation_number=GRORUD),
        scheme_type=SchemeType.objects.get(code=code),
        name="Matrisens avtale",
        starts_on=starts_on,
        ends_on=datetime.date(_year() + 1, 12, 31),
        price_model=price_model,
        counties=["03"],
        **fields,
    )


def _priced() -> Agreement:
    return _draft(rates=[(datetime.date(_year(), 1, 1), Decimal("20000.00"))])


def _active(**fields: Any) -> Agreement:
    draft = _draft(rates=[(datetime.date(_year(), 1, 1), Decimal("20000.00"))], **fields)
    return services.agreement_activate(actor=_manager(), agreement=draft, version=draft.version)


def _with_option() -> Agreement:
    return _active(options=[datetime.date(_year() + 2, 12, 31)])


def _planned() -> Delivery:
    return services.delivery_create(
        actor=_manager(),
        agreement=_active(),
        name="Matrisens gjennomføring",
        places=10,
        starts_on=datetime.date(_year(), 3, 1),
        ends_on=None,
        enrolment_mode="ongoing",
        offices=["0317"],
    )


def _outcome_draft() -> Agreement:
    return _draft(price_model=PriceModel.OUTCOME_BASED)


def _with_contract() -> Agreement:
    agreement = _outcome_draft()
    services.outcome_contract_create(
        actor=_manager(),
        agreement=agreement,
        metric="in_work_12_months",
        price_per_outcome="100000",
        cap="1000000",
        investor_name="Samfunnsinvest Norge AS",
        investor_organisation_number="921987668",
        has_comparison_group=False,
        measurement_dates=[datetime.date(_year(), 12, 31)],
    )
    return agreement


BUILDERS: dict[str, Callable[[], Any]] = {
    "priced": _priced,
    "option": _with_option,
    "active": _active,
    "planned": _planned,
    "outcome_draft": _outcome_draft,
    "contract": _with_contract,
}


def built(name: str) -> Any:
    """The record of this name, built at most once in a test."""
    found = _BUILT.get(name)
    if found is None or not type(found).objects.filter(pk=found.pk).exists():
        found = _BUILT[name] = BUILDERS[name]()
    return found


def pk_of(name: str) -> Callable[[str], str]:
    return lambda _: str(built(name).pk)


def version_of(name: str) -> int:
    found = built(name)
    return int(type(found).objects.get(pk=found.pk).version)


def demo_agreement(name: str) -> Callable[[str], str]:
    return lambda _: str(Agreement.objects.get(name=name).pk)


def demo_delivery(name: str) -> Callable[[str], str]:
    return lambda _: str(Delivery.objects.get(name=name).pk)


def _measurement(_: str) -> str:
    agreement = built("contract")
    return str(agreement.outcome_contract.measurements.get().pk)


def _contract_version(_: str) -> int:
    agreement = built("contract")
    return int(agreement.outcome_contract.__class__.objects.get(agreement=agreement).version)


ROUTES: list[Route] = [
    Route("get", f"{S}/agreements", manager_and_supplier(200, 200, 403)),
    Route(
        "post",
        f"{S}/agreements",
        logged_in(403, tiltaksforvalter=201),
        body=lambda _: {
            "supplier": GRORUD,
            "scheme_type": "OPPFOLGING",
            "name": "Ny oppfølgingsavtale",
            "starts_on": f"{_year()}-01-01",
            "ends_on": f"{_year() + 1}-12-31",
            "price_model": "agreed_monthly",
            "counties": ["03"],
            "rates": [{"valid_from": f"{_year()}-01-01", "amount": "19500.00"}],
        },
    ),
    Route(
        "get",
        f"{S}/agreements/{{agreement_id}}",
        manager_and_supplier(200, 200),
        params={"agreement_id": demo_agreement("AFT Grorud Arbeid og Inkludering")},
        unknown_path=f"{S}/agreements/{NOBODY}",
    ),
    Route(
        "post",
        f"{S}/agreements/{{agreement_id}}/moves/{{move}}",
        manager_and_supplier(200, 403),
        params={"agreement_id": pk_of("priced"), "move": lambda _: "activate"},
        unknown_path=f"{S}/agreements/{NOBODY}/moves/activate",
        body=lambda _: {"version": version_of("priced")},
    ),
    Route(
        "post",
        f"{S}/agreements/{{agreement_id}}/rates",
        manager_and_supplier(200, 403),
        params={"agreement_id": pk_of("active")},
        unknown_path=f"{S}/agreements/{NOBODY}/rates",
        body=lambda _: {
            "version": version_of("active"),
            "valid_from": f"{_year()}-07-01",
            "amount": "21000.00",
        },
    ),
    Route(
        "post",
        f"{S}/agreements/{{agreement_id}}/options/{{number}}/exercise",
        manager_and_supplier(200, 403),
        params={"agreement_id": pk_of("option"), "number": lambda _: "1"},
        unknown_path=f"{S}/agreements/{NOBODY}/options/1/exercise",
        body=lambda _: {"version": version_of("option")},
    ),
    Route("get", f"{S}/deliveries", staff_and_supplier(200, 403)),
    Route(
        "post",
        f"{S}/deliveries",
        manager_and_supplier(201, 403),
        body=lambda _: {
            "agreement_id": built("active").pk,
            "name": "Ny gjennomføring",
            "places": 12,
            "starts_on": f"{_year()}-02-01",
            "enrolment_mode": "fixed_start",
            "offices": ["0317", "0320"],
        },
    ),
    Route(
        "get",
        f"{S}/deliveries/{{delivery_id}}",
        staff_and_supplier(200),
        params={"delivery_id": demo_delivery("AFT Grorud – Grünerløkka og Sagene")},
        unknown_path=f"{S}/deliveries/{NOBODY}",
    ),
    Route(
        "post",
        f"{S}/deliveries/{{delivery_id}}/moves/{{move}}",
        logged_in(404, **dict.fromkeys(OFFICE_ROLES, 403), tiltaksforvalter=200, leverandor=403),
        params={"delivery_id": pk_of("planned"), "move": lambda _: "start"},
        unknown_path=f"{S}/deliveries/{NOBODY}/moves/start",
        body=lambda _: {"version": version_of("planned")},
    ),
    Route(
        "get",
        f"{S}/delivery-catalogue",
        logged_in(403, **dict.fromkeys(OFFICE_ROLES, 200)),
    ),
    Route(
        "get",
        f"{S}/agreements/{{agreement_id}}/outcome-contract",
        manager_and_supplier(200, 404),
        params={
            "agreement_id": demo_agreement("Sosial resultatkontrakt: unge i jobb, Grünerløkka")
        },
        unknown_path=f"{S}/agreements/{NOBODY}/outcome-contract",
    ),
    Route(
        "post",
        f"{S}/agreements/{{agreement_id}}/outcome-contract",
        manager_and_supplier(201, 403),
        params={"agreement_id": pk_of("outcome_draft")},
        unknown_path=f"{S}/agreements/{NOBODY}/outcome-contract",
        body=lambda _: {
            "metric": "in_work_12_months",
            "price_per_outcome": "120000.00",
            "cap": "2400000.00",
            "investor_name": "Samfunnsinvest Norge AS",
            "investor_organisation_number": "921987668",
            "has_comparison_group": True,
            "comparison_description": "Unge ved to andre kontorer i Oslo.",
            "measurement_dates": [f"{_year()}-12-31"],
        },
    ),
    Route(
        "post",
        f"{S}/agreements/{{agreement_id}}/outcome-contract/measurements/{{measurement_id}}",
        manager_and_supplier(200, 403),
        params={"agreement_id": pk_of("contract"), "measurement_id": _measurement},
        unknown_path=f"{S}/agreements/{NOBODY}/outcome-contract/measurements/1",
        body=lambda user: {"version": _contract_version(user), "participants": 30, "outcomes": 9},
    ),
]
