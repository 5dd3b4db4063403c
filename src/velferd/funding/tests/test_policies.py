"""Each funding list filter gives the same answer as its predicate, for every demo login,
on the demo's rows and on rows made here in another county and for another supplier."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from velferd.access import policies
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.funding.models import Claim, Commitment, SchemeBudget
from velferd.organisation.models import County
from velferd.schemes.tests.factories import a_delivery, an_agreement

from .factories import a_budget, a_participation, a_proposal, calculated_claim

pytestmark = pytest.mark.django_db
LOGINS = ["tiltaksforvalter", "tilsagnsgodkjenner", "leverandor", "veileder", "admin"]


@pytest.fixture
def rows() -> None:
    bergen = County.objects.get(number="46")
    for county in (None, bergen):
        extra = {"county": county} if county else {}
        delivery = a_delivery(agreement=an_agreement(rate=Decimal("100.00")), **extra)
        a_budget(delivery)
        if county is None:
            a_proposal(delivery)
        a_participation(delivery, "x1", datetime.date(2026, 4, 1))
        calculated_claim(delivery, datetime.date(2026, 4, 1))


@pytest.mark.parametrize("login", LOGINS)
def test_filters_agree_with_predicates(rows: None, login: str) -> None:
    user = User.objects.filter(username=login).first()
    if user is None:
        pytest.skip(f"no login {login}")
    actor = actor_for_user(user)
    claims = set(Claim.objects.filter(policies.claims_visible(actor)).values_list("pk", flat=True))
    for claim in Claim.objects.select_related("delivery__supplier"):
        assert policies.can_view_claim(actor, claim) == (claim.pk in claims), claim
    managed = set(Claim.objects.filter(policies.claims_managed(actor)).values_list("pk", flat=True))
    for claim in Claim.objects.select_related("delivery"):
        assert policies.can_manage_claim(actor, claim) == (claim.pk in managed)
    commitments = set(
        Commitment.objects.filter(policies.commitments_managed(actor)).values_list("pk", flat=True)
    )
    for commitment in Commitment.objects.select_related("delivery"):
        assert policies.can_manage_commitment(actor, commitment) == (commitment.pk in commitments)
    budgets = set(
        SchemeBudget.objects.filter(policies.budgets_managed(actor)).values_list("pk", flat=True)
    )
    for budget in SchemeBudget.objects.all():
        expected = policies.can_manage_funding(actor) and policies.can_manage_budget(
            actor, budget.county_id
        )
        assert expected == (budget.pk in budgets)
