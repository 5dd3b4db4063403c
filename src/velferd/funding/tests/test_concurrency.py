"""The budget and the commitment under real concurrent connections (PostgreSQL): two
commitments approved at once against a budget with room for one, and two claims submitted
at once against a commitment with room for one. Exactly one wins; the sums never exceed."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import partial

import pytest
from django.db.models import Sum

from velferd.core.errors import DomainError
from velferd.core.testing import new_user
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.funding import services
from velferd.funding.models import Claim, Commitment, SchemeBudget
from velferd.schemes.models import PriceModel
from velferd.schemes.tests.factories import a_delivery, an_agreement

from .factories import a_budget, a_proposal, an_approved_commitment, approver

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]
ACCOUNT = "86011117947"


@pytest.fixture
def demo() -> None:
    load_demo_data()


def _outcomes(results: list[object]) -> tuple[list[object], list[DomainError]]:
    refused = [r for r in results if isinstance(r, DomainError)]
    won = [r for r in results if not isinstance(r, Exception)]
    assert len(won) + len(refused) == len(results), results
    return won, refused


def test_two_commitments_approved_at_once_against_room_for_one(demo: None) -> None:
    delivery = a_delivery(agreement=an_agreement(price_model=PriceModel.OTHER))
    budget = a_budget(delivery, amount="1000.00")
    first = a_proposal(delivery, amount="600.00", basis="Timer")
    second = a_proposal(delivery, amount="600.00", basis="Timer")
    others = [approver(), new_user("godkjenner-2", "scheme_manager", county=delivery.county)]

    results = run_together(
        [
            partial(services.commitment_approve, actor=a, commitment_id=c.pk, version=c.version)
            for c, a in ((first, others[0]), (second, others[1]))
        ]
    )

    won, refused = _outcomes(results)
    assert len(won) == 1 and [e.code for e in refused] == ["budget_exceeded"]
    held = Commitment.objects.filter(budget=budget, status="approved").aggregate(t=Sum("amount"))
    assert held["t"] == Decimal("600.00") <= SchemeBudget.objects.get(pk=budget.pk).amount


def test_two_claims_submitted_at_once_against_room_for_one(demo: None) -> None:
    delivery = a_delivery(agreement=an_agreement(price_model=PriceModel.AGREED_HOURLY))
    a_budget(delivery)
    commitment = an_approved_commitment(
        delivery,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 2, 28),
        amount="15000.00",
        basis="Timer",
    )
    supplier = new_user(
        "lev-samtidig", "supplier", organisation_number=delivery.supplier.organisation_number
    )
    claims = [
        services.claim_enter(
            actor=supplier, delivery_id=delivery.pk, month=month, amount="10000", basis="Timer"
        )
        for month in (datetime.date(2026, 1, 1), datetime.date(2026, 2, 1))
    ]

    results = run_together(
        [
            partial(
                services.claim_submit,
                actor=supplier,
                claim_id=c.pk,
                version=c.version,
                bank_account=ACCOUNT,
            )
            for c in claims
        ]
    )

    won, refused = _outcomes(results)
    assert len(won) == 1 and [e.code for e in refused] == ["commitment_exceeded"]
    drawn = Claim.objects.filter(commitment=commitment, status="submitted").aggregate(
        t=Sum("amount")
    )
    assert drawn["t"] == Decimal("10000.00") <= commitment.amount
