"""Moves of one agreement, and measurements of one outcome contract, from several sessions
at the same moment over real concurrent connections (PostgreSQL): one is made, every other
is 409, and the audit trail holds one event for it."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.schemes import services
from velferd.schemes.models import Agreement, AgreementStatus, PriceModel

from .agreement_builders import a_draft, an_active, manager

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def logins() -> None:
    load_demo_data()


def posting(path: str, body: dict[str, Any]) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username="tiltaksforvalter"))

    def post() -> Any:
        return client.post(
            path, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
        )

    return post


def test_two_concurrent_moves_of_one_agreement_one_wins_the_other_is_409(logins: None) -> None:
    agreement = an_active()
    path = f"/api/v1/schemes/agreements/{agreement.pk}/moves"
    responses = run_together(
        [
            posting(f"{path}/end", {"version": agreement.version}),
            posting(f"{path}/cancel", {"version": agreement.version, "reason": "Konkurs."}),
        ]
    )
    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: 1}
    refusal = next(r.json() for r in responses if r.status_code == 409)
    assert refusal["code"] in ("stale_version", "invalid_transition")
    stored = Agreement.objects.get(pk=agreement.pk)
    assert stored.status in (AgreementStatus.ENDED, AgreementStatus.CANCELLED)
    assert stored.version == agreement.version + 1
    moves = AuditEvent.objects.filter(
        target_id=str(agreement.pk),
        action__in=["scheme_agreement.ended", "scheme_agreement.cancelled"],
    )
    assert moves.count() == 1


def test_concurrent_measurements_never_overshoot_the_cap(logins: None) -> None:
    agreement = a_draft(price_model=PriceModel.OUTCOME_BASED)
    contract = services.outcome_contract_create(
        actor=manager(),
        agreement=agreement,
        metric="in_work_12_months",
        price_per_outcome="100000.00",
        cap="300000.00",
        investor_name="Samfunnsinvest Norge AS",
        investor_organisation_number="921987668",
        has_comparison_group=False,
        measurement_dates=[datetime.date(2026, 6, 30), datetime.date(2026, 12, 31)],
    )
    path = f"/api/v1/schemes/agreements/{agreement.pk}/outcome-contract/measurements"
    responses = run_together(
        [
            posting(
                f"{path}/{m.pk}", {"version": contract.version, "participants": 10, "outcomes": 2}
            )
            for m in contract.measurements.all()
        ]
    )
    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: 1}
    contract.refresh_from_db()
    settled = [m.settlement for m in contract.measurements.exclude(settlement=None)]
    assert [str(s) for s in settled] == ["200000.00"]
