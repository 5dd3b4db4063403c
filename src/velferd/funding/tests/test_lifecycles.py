"""The lifecycles as tables, and a state machine (hypothesis) that makes random moves on a
commitment and on a claim through the services: a move succeeds exactly when the table
allows it from the record's state, and a refused move changes nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.core.errors import DomainError
from velferd.core.testing import new_user
from velferd.funding import services
from velferd.funding.lifecycles import CLAIM, COMMITMENT
from velferd.funding.models import Claim, Commitment
from velferd.schemes.tests.factories import a_delivery, an_agreement

from .factories import a_budget, a_participation, a_proposal, approver, attester, calculated_claim

pytestmark = pytest.mark.django_db
MACHINE = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_the_tables() -> None:
    assert {state: sorted(nexts) for state, nexts in COMMITMENT.items()} == {
        "to_approve": ["approved", "returned"],
        "returned": ["to_approve"],
        "approved": ["annulled"],
        "annulled": [],
    }
    assert {state: sorted(nexts) for state, nexts in CLAIM.items()} == {
        "open": ["submitted"],
        "submitted": ["approved", "returned"],
        "returned": ["submitted"],
        "approved": ["exported"],
        "exported": [],
    }


def _commitment_move(name: str, commitment: Commitment) -> Any:
    common: dict[str, Any] = {"commitment_id": commitment.pk, "version": commitment.version}
    if name == "approve":
        return services.commitment_approve(actor=approver(), **common)
    if name == "return":
        return services.commitment_return(actor=approver(), reason="Feil", **common)
    if name == "annul":
        return services.commitment_annul(actor=approver(), reason="Feil", **common)
    return services.commitment_resubmit(
        actor=approver(),
        period_start=commitment.period_start,
        period_end=commitment.period_end,
        **common,
    )


@MACHINE
@given(moves=st.lists(st.sampled_from(COMMITMENT.names), max_size=6))
def test_commitment_moves_follow_the_table(moves: list[str]) -> None:
    delivery = a_delivery(agreement=an_agreement(rate=Decimal("1000.00")), places=1)
    a_budget(delivery)
    commitment = a_proposal(delivery)
    for name in moves:
        before = commitment.status
        allowed = COMMITMENT.move(name).target in COMMITMENT[before]
        # the proposer resubmits; approving is then refused as their own proposal
        if name == "approve" and commitment.proposed_by.username == "godkjenner":
            allowed = False
        try:
            _commitment_move(name, commitment)
        except DomainError:
            assert not allowed, (name, before)
        else:
            assert allowed, (name, before)
        commitment = Commitment.objects.get(pk=commitment.pk)
        if not allowed:
            assert commitment.status == before


def _claim_move(name: str, claim: Claim, supplier: Any) -> Any:
    common: dict[str, Any] = {"claim_id": claim.pk, "version": claim.version}
    if name == "submit":
        return services.claim_submit(actor=supplier, bank_account="86011117947", **common)
    if name == "approve":
        return services.claim_approve(actor=attester(), **common)
    if name == "return":
        return services.claim_return(actor=attester(), reason="Feil", **common)
    return services.payments_export(actor=attester())


@MACHINE
@given(moves=st.lists(st.sampled_from(CLAIM.names), max_size=6))
def test_claim_moves_follow_the_table(moves: list[str]) -> None:
    delivery = a_delivery(agreement=an_agreement(rate=Decimal("1000.00")), places=1)
    a_budget(delivery)
    proposal = a_proposal(delivery)
    services.commitment_approve(actor=approver(), commitment_id=proposal.pk, version=1)
    a_participation(delivery, "s1", datetime.date(2026, 3, 1))
    claim = calculated_claim(delivery, datetime.date(2026, 3, 1))
    supplier = new_user(
        f"lev-sm-{delivery.pk}",
        "supplier",
        organisation_number=delivery.supplier.organisation_number,
    )
    for name in moves:
        before = claim.status
        allowed = CLAIM.move(name).target in CLAIM[before]
        try:
            _claim_move(name, claim, supplier)
        except DomainError:
            assert not allowed or name == "export", (name, before)
        claim = Claim.objects.get(pk=claim.pk)
        assert claim.status == (CLAIM.move(name).target if allowed else before), (name, before)
