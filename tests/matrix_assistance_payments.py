"""Access-matrix rows for financial assistance's payments, their runs and appeals (see
test_access_matrix.py): NAV Grünerløkka's municipal caseworker (sosialkonsulent) approves
payments of decisions someone else made, sends Oslo's approved payments to accounting and
handles appeals; the lists answer everyone logged in with what they may see (nothing, for
most); the records are not found (404) for everyone else. Each case builds its world in its
own transaction: a decision by another caseworker at the office with a planned and an
approved payment, an appeal received and one sent to the County Governor."""

from __future__ import annotations

import datetime
from typing import Any

from velferd.access.roles import Role
from velferd.assistance.models import Appeal, AppealStatus, Decision, Payment, PaymentExport
from velferd.assistance.services.exports import payments_export
from velferd.assistance.tests.factories import an_application
from velferd.assistance.tests.payment_factories import a_decision
from velferd.core.testing import login_actor, staff_at
from velferd.people.tests.factories import a_person

from .matrix import ANONYMOUS, LOGINS, Route

A = "/api/v1/assistance"
NOBODY = "00000000-0000-0000-0000-000000000000"
MARK = "Matrise: utbetalinger og klager"


def answers(default: int, **by_login: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, default), **by_login}


def _decision(appeal_status: str) -> Decision:
    decider = staff_at("0317", f"matrise-{appeal_status}", Role.CASEWORKER_MUNICIPAL)
    application = an_application(
        a_person(birth_date=datetime.date(1960, 5, 5)), status="decided", explanation=MARK
    )
    decision = a_decision(application, decided_by=decider.user)
    Appeal.objects.create(
        decision=decision,
        received_on=decision.decided_on,
        grounds="For lite.",
        registered_by=decision.decided_by,
        status=appeal_status,
    )
    return decision


def world() -> dict[str, Any]:
    found = Decision.objects.filter(application__explanation=MARK).order_by("created_at")
    if not found.exists():
        received = _decision(AppealStatus.RECEIVED)
        _decision(AppealStatus.SENT_TO_COUNTY_GOVERNOR)
        for due, status in (
            (datetime.date(2026, 1, 1), "planned"),
            (datetime.date(2026, 2, 1), "approved"),
        ):
            Payment.objects.create(
                decision=received,
                municipality_id="0301",
                due_on=due,
                amount=received.amount,
                bank_account="86011117947",
                status=status,
            )
    received, sent = found[0], found[1]
    return {
        "decision": received,
        "received": received.appeals.get(),
        "sent": sent.appeals.get(),
        "planned": received.payments.get(status="planned"),
    }


def _payment_id(_: str) -> str:
    return str(world()["planned"].pk)


def _payment_version(_: str) -> dict[str, Any]:
    return {"version": world()["planned"].version}


def _export_id(_: str) -> str:
    world()
    existing = PaymentExport.objects.filter(municipality="0301").order_by("-pk").first()
    return str(
        (
            existing
            or payments_export(actor=login_actor("sosialkonsulent"), municipality_number="0301")
        ).pk
    )


def _decision_id(_: str) -> str:
    return str(world()["decision"].pk)


def _received_id(_: str) -> str:
    return str(world()["received"].pk)


def _sent_id(_: str) -> str:
    return str(world()["sent"].pk)


def _change(_: str) -> dict[str, Any]:
    appeal = world()["received"]
    return {
        "version": appeal.version,
        "assessment": "Klageren har rett.",
        "decision": {
            "outcome": "granted",
            "amount": "9000",
            "frequency": "monthly",
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "reasoning": "Strømmen er tatt med.",
            "conditions": [],
        },
    }


OFFICE = answers(404, sosialkonsulent=200)
ROUTES = [
    Route("get", f"{A}/payments", answers(200)),
    Route(
        "post",
        f"{A}/payments/{{payment_id}}/approve",
        answers(403, sosialkonsulent=200),
        params={"payment_id": _payment_id},
        body=_payment_version,
        unknown_path=f"{A}/payments/{NOBODY}/approve",
    ),
    Route("get", f"{A}/payment-runs", answers(200)),
    Route(
        "post",
        f"{A}/payment-runs",
        answers(403, sosialkonsulent=201),
        body=lambda _: (world(), {"municipality": "0301"})[1],
    ),
    Route(
        "get",
        f"{A}/payment-runs/{{export_id}}/file",
        OFFICE,
        params={"export_id": _export_id},
        unknown_path=f"{A}/payment-runs/999999999/file",
    ),
    Route(
        "post",
        f"{A}/decisions/{{decision_id}}/appeals",
        answers(404, sosialkonsulent=409),
        params={"decision_id": _decision_id},
        body=lambda _: {"grounds": "Jeg er uenig."},
    ),
    Route("get", f"{A}/appeals", answers(200)),
    Route(
        "get",
        f"{A}/appeals/{{appeal_id}}",
        OFFICE,
        params={"appeal_id": _received_id},
        unknown_path=f"{A}/appeals/{NOBODY}",
    ),
    Route(
        "post",
        f"{A}/appeals/{{appeal_id}}/send",
        OFFICE,
        params={"appeal_id": _received_id},
        body=lambda _: {"version": world()["received"].version, "assessment": "Står."},
        unknown_path=f"{A}/appeals/{NOBODY}/send",
    ),
    Route(
        "post",
        f"{A}/appeals/{{appeal_id}}/change",
        OFFICE,
        params={"appeal_id": _received_id},
        body=_change,
        unknown_path=f"{A}/appeals/{NOBODY}/change",
    ),
    Route(
        "post",
        f"{A}/appeals/{{appeal_id}}/county-governor",
        OFFICE,
        params={"appeal_id": _sent_id},
        body=lambda _: {"version": world()["sent"].version, "outcome": "upheld_by_county_governor"},
        unknown_path=f"{A}/appeals/{NOBODY}/county-governor",
    ),
]
