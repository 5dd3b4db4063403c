"""Answers to one proposal under real concurrent connections (PostgreSQL): each writer locks
the case, then the proposal (the lock order), and checks the proposal is still sent. Two
coordinators answering at once, or IMDi withdrawing while the municipality accepts: one
wins, the other is refused with 409, and the case is left in one state."""

from __future__ import annotations

from functools import partial

import pytest
from django.utils import timezone

from velferd.core.errors import DomainError
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.settlement import services
from velferd.settlement.models import Proposal, SettlementCase

from .factories import DRAMMEN, a_case, a_coordinator, a_proposal, coordinator, imdi

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo() -> None:
    load_demo_data()


def _sent() -> Proposal:
    proposal = a_proposal(a_case(), DRAMMEN, "draft")
    return services.proposal_send(actor=imdi(), proposal_id=proposal.pk)


def _outcomes(results: list[object]) -> tuple[list[object], list[DomainError]]:
    refused = [r for r in results if isinstance(r, DomainError)]
    won = [r for r in results if not isinstance(r, Exception)]
    assert len(won) + len(refused) == len(results), results
    return won, refused


def test_two_coordinators_answer_at_once(demo: None) -> None:
    proposal = _sent()
    other = a_coordinator("bosetting-drammen-2", DRAMMEN)
    results = run_together(
        [
            partial(
                services.proposal_accept,
                actor=coordinator(),
                proposal_id=proposal.pk,
                settle_on=timezone.localdate(),
            ),
            partial(
                services.proposal_decline,
                actor=other,
                proposal_id=proposal.pk,
                reason="Ingen bolig",
            ),
        ]
    )
    won, refused = _outcomes(results)
    assert len(won) == 1 and [(e.code, e.status) for e in refused] == [("proposal_not_open", 409)]
    final = Proposal.objects.get(pk=proposal.pk)
    case = SettlementCase.objects.get(pk=proposal.case_id)
    assert (final.status, case.status) in {("accepted", "accepted"), ("declined", "waiting")}


def test_imdi_withdraws_while_the_municipality_accepts(demo: None) -> None:
    proposal = _sent()
    results = run_together(
        [
            partial(
                services.proposal_withdraw, actor=imdi(), proposal_id=proposal.pk, reason="Feil"
            ),
            partial(
                services.proposal_accept,
                actor=coordinator(),
                proposal_id=proposal.pk,
                settle_on=timezone.localdate(),
            ),
        ]
    )
    won, refused = _outcomes(results)
    assert len(won) == 1 and [(e.code, e.status) for e in refused] == [("proposal_not_open", 409)]
    final = Proposal.objects.get(pk=proposal.pk)
    case = SettlementCase.objects.get(pk=proposal.case_id)
    assert (final.status, case.status) in {("withdrawn", "waiting"), ("accepted", "accepted")}
