"""Access-matrix rows for the schemes' money (see test_access_matrix.py): budgets,
commitments and payment files are Oslo's scheme manager's (tiltaksforvalter); the month's
claims are seen by the scheme managers and by the supplier's own staff (leverandor, for
912345688), who submit them. Each case builds its own small world in its transaction: a
delivery of the demo supplier in Oslo with a budget, a commitment proposed by one scheme
manager and approved by another, a calculated claim and an attested one."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from velferd.access.actor import system_actor
from velferd.funding import services
from velferd.funding.models import Claim, Commitment, PaymentExport
from velferd.funding.tests.factories import (
    a_budget,
    a_participation,
    a_proposal,
    an_approved_commitment,
    attester,
)
from velferd.schemes.models import Delivery, PriceModel, Supplier, SupplierKind
from velferd.schemes.tests.factories import a_delivery, an_agreement

from .matrix import ANONYMOUS, LOGINS, Route, logged_in

F = "/api/v1/funding"
DEMO_SUPPLIER = "912345688"
MONTH = datetime.date(2026, 3, 1)
ACCOUNT = "86011117947"


def answers(default: int, **by_login: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, default), **by_login}


def _supplier() -> Supplier:
    supplier, _ = Supplier.objects.get_or_create(
        organisation_number=DEMO_SUPPLIER,
        defaults={"name": "Grorud Arbeid og Inkludering AS", "kind": SupplierKind.COMMERCIAL},
    )
    return supplier


def world() -> dict[str, Any]:
    """Built once per test (the test's transaction is rolled back after it)."""
    found = Commitment.objects.filter(basis__startswith="matrise").first()
    if found is not None:
        delivery = found.delivery
        return _lookup(delivery)
    agreement = an_agreement(supplier=_supplier(), rate=Decimal("10000.00"))
    delivery = a_delivery(agreement=agreement, places=5)
    a_budget(delivery)
    commitment = an_approved_commitment(delivery)
    Commitment.objects.filter(pk=commitment.pk).update(basis="matrise " + commitment.basis)
    a_proposal(delivery, start=datetime.date(2026, 6, 1), end=datetime.date(2026, 6, 30))
    a_participation(delivery, "m1", datetime.date(2026, 2, 1))
    services.claims_calculate(actor=system_actor("tests"), month=MONTH)
    services.claims_calculate(actor=system_actor("tests"), month=datetime.date(2026, 2, 1))
    attested = Claim.objects.get(delivery=delivery, month=datetime.date(2026, 2, 1))
    attested = services.claim_submit(
        actor=_supplier_actor(),
        claim_id=attested.pk,
        version=attested.version,
        bank_account=ACCOUNT,
    )
    services.claim_approve(actor=attester(), claim_id=attested.pk, version=attested.version)
    hourly = a_delivery(
        agreement=an_agreement(supplier=_supplier(), price_model=PriceModel.AGREED_HOURLY)
    )
    return _lookup(delivery) | {"hourly": hourly}


def _supplier_actor() -> Any:
    from velferd.access.models import User
    from velferd.access.selectors import actor_for_user

    return actor_for_user(User.objects.get(username="leverandor"))


def _lookup(delivery: Any) -> dict[str, Any]:
    commitments = Commitment.objects.filter(delivery=delivery).order_by("pk")
    hourly = (
        Delivery.objects.filter(
            supplier__organisation_number=DEMO_SUPPLIER, agreement__price_model="agreed_hourly"
        )
        .order_by("-pk")
        .first()
    )
    return {
        "delivery": delivery,
        "approved": commitments[0],
        "proposal": commitments[1],
        "claim": Claim.objects.get(delivery=delivery, month=MONTH),
        "budget": commitments[0].budget,
        "hourly": hourly,
    }


def _budget(_: str) -> dict[str, Any]:
    budget = world()["budget"]
    return {
        "county": "03",
        "scheme_type": budget.scheme_type.code,
        "year": 2026,
        "amount": "2000000.00",
        "version": budget.version,
    }


def _proposal_body(_: str) -> dict[str, Any]:
    return {
        "delivery": world()["delivery"].pk,
        "period_start": "2026-07-01",
        "period_end": "2026-07-31",
    }


def _proposal_id(_: str) -> str:
    return str(world()["proposal"].pk)


def _proposal_version(_: str) -> dict[str, Any]:
    return {"version": world()["proposal"].version}


def _participation(_: str) -> dict[str, Any]:
    number = world()["delivery"].number
    header = "delivery;participant;from_date;to_date;percentage"
    return {"content": f"{header}\n{number};m2;2026-03-01;;50\n"}


def _claim_id(_: str) -> str:
    return str(world()["claim"].pk)


def _submit(_: str) -> dict[str, Any]:
    return {"version": world()["claim"].version, "bank_account": ACCOUNT}


def _entered(_: str) -> dict[str, Any]:
    return {
        "delivery": world()["hourly"].pk,
        "month": "2026-03",
        "amount": "1500.00",
        "basis": "10 timer",
    }


def _export_id(_: str) -> str:
    world()
    export = PaymentExport.objects.order_by("-pk").first() or services.payments_export(
        actor=attester()
    )
    return str(export.pk)


MANAGER = answers(403, tiltaksforvalter=200)

ROUTES = [
    Route("get", f"{F}/budgets", MANAGER),
    Route("put", f"{F}/budgets", MANAGER, body=_budget),
    Route("get", f"{F}/commitments", MANAGER),
    Route("post", f"{F}/commitments", answers(403, tiltaksforvalter=201), body=_proposal_body),
    Route(
        "get",
        f"{F}/commitments/{{commitment_id}}",
        answers(404, tiltaksforvalter=200),
        params={"commitment_id": _proposal_id},
        unknown_path=f"{F}/commitments/999999999",
    ),
    Route(
        "post",
        f"{F}/commitments/{{commitment_id}}/{{move}}",
        answers(404, tiltaksforvalter=200),
        body=_proposal_version,
        params={"commitment_id": _proposal_id, "move": lambda _: "approve"},
        unknown_path=f"{F}/commitments/999999999/approve",
    ),
    Route("post", f"{F}/participation", MANAGER, body=_participation),
    Route("post", f"{F}/claims/calculate", MANAGER, body=lambda _: {"month": "2026-03"}),
    Route("get", f"{F}/claims", logged_in(200)),
    Route("post", f"{F}/claims", answers(404, leverandor=201), body=_entered),
    Route(
        "get",
        f"{F}/claims/{{claim_id}}",
        answers(404, tiltaksforvalter=200, leverandor=200),
        params={"claim_id": _claim_id},
        unknown_path=f"{F}/claims/999999999",
    ),
    Route(
        "post",
        f"{F}/claims/{{claim_id}}/{{move}}",
        answers(404, tiltaksforvalter=403, leverandor=200),
        body=_submit,
        params={"claim_id": _claim_id, "move": lambda _: "submit"},
        unknown_path=f"{F}/claims/999999999/submit",
    ),
    Route("get", f"{F}/exports", MANAGER),
    Route(
        "post",
        f"{F}/exports",
        answers(403, tiltaksforvalter=201),
        body=lambda _: (world(), None)[1],
    ),
    Route(
        "get",
        f"{F}/exports/{{export_id}}/file",
        MANAGER,
        params={"export_id": _export_id},
        unknown_path=f"{F}/exports/999999999/file",
    ),
]
