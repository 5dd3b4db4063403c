"""The funding services: the budget edge, the two-person rules, claims over their
commitment, bank accounts, the participation import and the payment file."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from velferd.access.actor import system_actor
from velferd.core.testing import login_actor
from velferd.funding import services
from velferd.funding.models import Claim, ClaimStatus, Commitment, Participation
from velferd.schemes.models import PriceModel
from velferd.schemes.tests.factories import a_delivery, an_agreement

from .factories import (
    a_budget,
    a_participation,
    a_proposal,
    an_approved_commitment,
    approver,
    attester,
    calculated_claim,
    proposer,
)

pytestmark = pytest.mark.django_db

NOVEMBER = datetime.date(2026, 11, 1)
GOOD_ACCOUNT = "86011117947"


def refused(call, code: str, status: int):
    from velferd.core.errors import DomainError

    with pytest.raises(DomainError) as caught:
        call()
    assert (caught.value.code, caught.value.status) == (code, status), caught.value
    return caught.value


@pytest.fixture
def delivery():
    found = a_delivery(agreement=an_agreement(rate=Decimal("10000.00")), places=2)
    return found


def test_a_commitment_is_calculated_from_the_agreed_monthly_price(delivery) -> None:
    a_budget(delivery)
    proposal = a_proposal(
        delivery, start=datetime.date(2026, 11, 16), end=datetime.date(2026, 12, 31)
    )
    # 2 places × (15/30 + 1) months × 10 000 kr
    assert proposal.amount == Decimal("30000.00")
    assert proposal.status == "to_approve"


def test_the_budget_edge_exactly_the_remainder_and_one_ore_more(delivery) -> None:
    other = a_delivery(
        agreement=an_agreement(price_model=PriceModel.OTHER, scheme_type=delivery.scheme_type)
    )
    a_budget(delivery, amount="1000.00")
    exact = a_proposal(other, amount="600.00", basis="Timer etter avtale")
    services.commitment_approve(actor=approver(), commitment_id=exact.pk, version=exact.version)
    one_ore_over = a_proposal(other, amount="400.01", basis="Timer etter avtale")
    error = refused(
        lambda: services.commitment_approve(
            actor=approver(), commitment_id=one_ore_over.pk, version=one_ore_over.version
        ),
        "budget_exceeded",
        409,
    )
    assert "400,00 kr" in error.message_nb and "400,00 kr" in error.message_en
    exactly = a_proposal(other, amount="400.00", basis="Timer etter avtale")
    approved = services.commitment_approve(
        actor=approver(), commitment_id=exactly.pk, version=exactly.version
    )
    assert approved.status == "approved"


def test_the_proposer_cannot_approve(delivery) -> None:
    a_budget(delivery)
    proposal = a_proposal(delivery)
    error = refused(
        lambda: services.commitment_approve(
            actor=proposer(), commitment_id=proposal.pk, version=proposal.version
        ),
        "own_proposal",
        409,
    )
    assert "En annen må godkjenne" in error.message_nb
    assert Commitment.objects.get(pk=proposal.pk).status == "to_approve"


def test_annulling_frees_the_budget_and_returning_sends_it_back(delivery) -> None:
    budget = a_budget(delivery, amount="240000.00")
    approved = an_approved_commitment(delivery)
    assert approved.amount == Decimal("240000.00")
    annulled = services.commitment_annul(
        actor=approver(), commitment_id=approved.pk, version=approved.version, reason="Feil periode"
    )
    assert annulled.status == "annulled"
    from velferd.funding.selectors import budget_remaining

    assert budget_remaining(budget) == Decimal("240000.00")
    proposal = a_proposal(delivery)
    returned = services.commitment_return(
        actor=approver(), commitment_id=proposal.pk, version=proposal.version, reason="For lang"
    )
    again = services.commitment_resubmit(
        actor=proposer(),
        commitment_id=returned.pk,
        version=returned.version,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
    )
    assert again.status == "to_approve" and again.amount == Decimal("120000.00")


def test_a_period_outside_the_delivery_or_across_a_year_is_refused(delivery) -> None:
    a_budget(delivery)
    refused(
        lambda: a_proposal(delivery, start=datetime.date(2025, 12, 1)), "period_crosses_year", 422
    )
    refused(
        lambda: a_proposal(
            delivery, start=datetime.date(2025, 6, 1), end=datetime.date(2025, 7, 1)
        ),
        "period_outside_delivery",
        422,
    )


def _submitted_ready(delivery):
    a_budget(delivery)
    commitment = an_approved_commitment(delivery)
    a_participation(delivery, "p1", datetime.date(2026, 11, 1))
    return commitment, calculated_claim(delivery, NOVEMBER)


def supplier_of(delivery):
    from velferd.core.testing import new_user

    return new_user(
        f"lev-{delivery.pk}", "supplier", organisation_number=delivery.supplier.organisation_number
    )


def test_the_supplier_submits_and_another_attests(delivery) -> None:
    commitment, claim = _submitted_ready(delivery)
    assert claim.amount == Decimal("10000.00")
    supplier = supplier_of(delivery)
    submitted = services.claim_submit(
        actor=supplier, claim_id=claim.pk, version=claim.version, bank_account="8601.11.17947"
    )
    assert submitted.status == "submitted" and submitted.bank_account == GOOD_ACCOUNT
    assert submitted.commitment_id == commitment.pk
    error = refused(
        lambda: services.claim_approve(
            actor=approver(), claim_id=claim.pk, version=submitted.version
        ),
        "approved_commitment",
        409,
    )
    assert "En annen må attestere" in error.message_nb
    attested = services.claim_approve(
        actor=attester(), claim_id=claim.pk, version=submitted.version
    )
    assert attested.status == "approved" and attested.due_on is not None
    export = services.payments_export(actor=attester())
    lines = export.content.splitlines()
    assert lines[0] == ";".join(services.EXPORT_HEADER)
    assert lines[1].split(";")[:4] == [
        str(claim.pk),
        delivery.supplier.organisation_number,
        GOOD_ACCOUNT,
        "1000000",
    ]
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.EXPORTED
    refused(lambda: services.payments_export(actor=attester()), "nothing_to_export", 409)


def test_an_invalid_bank_account_is_refused_in_both_languages(delivery) -> None:
    _, claim = _submitted_ready(delivery)
    error = refused(
        lambda: services.claim_submit(
            actor=supplier_of(delivery),
            claim_id=claim.pk,
            version=claim.version,
            bank_account="86011117948",
        ),
        "invalid_bank_account",
        422,
    )
    assert "Kontonummeret er ikke gyldig" in error.message_nb
    assert "bank account number is not valid" in error.message_en


def test_a_claim_over_its_commitment_is_refused_naming_the_remainder(delivery) -> None:
    a_budget(delivery)
    an_approved_commitment(
        delivery, start=datetime.date(2026, 11, 1), end=datetime.date(2026, 11, 30)
    )
    for n in range(3):  # 3 participants, 2 places committed: 30 000 kr claimed of 20 000
        a_participation(delivery, f"p{n}", datetime.date(2026, 11, 1))
    claim = calculated_claim(delivery, NOVEMBER)
    error = refused(
        lambda: services.claim_submit(
            actor=supplier_of(delivery),
            claim_id=claim.pk,
            version=claim.version,
            bank_account=GOOD_ACCOUNT,
        ),
        "commitment_exceeded",
        409,
    )
    assert "20\u00a0000,00 kr" in error.message_nb


def test_a_claim_without_a_commitment_is_refused(delivery) -> None:
    a_participation(delivery, "p1", datetime.date(2026, 11, 1))
    claim = calculated_claim(delivery, NOVEMBER)
    refused(
        lambda: services.claim_submit(
            actor=supplier_of(delivery),
            claim_id=claim.pk,
            version=claim.version,
            bank_account=GOOD_ACCOUNT,
        ),
        "no_commitment",
        409,
    )


def test_another_supplier_does_not_see_the_claim(delivery) -> None:
    _, claim = _submitted_ready(delivery)
    refused(
        lambda: services.claim_submit(
            actor=login_actor("leverandor"),
            claim_id=claim.pk,
            version=claim.version,
            bank_account=GOOD_ACCOUNT,
        ),
        "not_found",
        404,
    )


def test_the_import_reports_every_bad_line_and_writes_nothing(delivery) -> None:
    text = (
        "delivery;participant;from_date;to_date;percentage\n"
        f"{delivery.number};p1;2026-02-01;;100\n"
        f"{delivery.number};p2;2026-13-01;;100\n"
        f"NOPE;p3;2026-02-01;;100\n"
        f"{delivery.number};p4;2026-02-01;2026-01-01;50\n"
        f"{delivery.number};p5;2026-02-01;;150\n"
    )
    error = refused(
        lambda: services.participation_import(actor=proposer(), text=text), "invalid_rows", 422
    )
    for line in (3, 4, 5, 6):
        assert f"Linje {line}:" in error.message_nb and f"Line {line}:" in error.message_en
    assert "Linje 2:" not in error.message_nb
    assert not Participation.objects.filter(delivery=delivery).exists()
    good = (
        "delivery;participant;from_date;to_date;percentage\n"
        + f"{delivery.number};p1;2026-02-01;;60\n"
    )
    assert services.participation_import(actor=proposer(), text=good) == 1
    assert Participation.objects.get(delivery=delivery).percentage == Decimal("60")


def test_the_supplier_enters_the_amount_where_nothing_is_calculated() -> None:
    hourly = a_delivery(agreement=an_agreement(price_model=PriceModel.AGREED_HOURLY))
    claim = services.claim_enter(
        actor=supplier_of(hourly),
        delivery_id=hourly.pk,
        month=NOVEMBER,
        amount="4500,50",
        basis="30 timer",
    )
    assert claim.amount == Decimal("4500.50") and claim.status == "open"
    system = system_actor("tests")
    assert services.claims_calculate(actor=system, month=NOVEMBER)
    assert Claim.objects.get(pk=claim.pk).amount == Decimal("4500.50")
