"""The supplier's proposals where people look for them: the caseworker approves or rejects
one on the participation's page (every error at once, in bokmål) and sees those waiting on
the start page; the person sees the changes NAV approved and the supplier's reports on
their own page, and their schemes on their start page."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from velferd.core.testing import login_actor
from velferd.participants import services
from velferd.participants.models import ChangeProposal, Participation, ProposalStatus
from velferd.people.tests.factories import citizen_of

from .supplier_builders import participating, today

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def proposed(participation: Participation, **values: object) -> ChangeProposal:
    return services.proposal_submit(
        actor=login_actor("leverandor"), participation=participation, **values
    )


def decide(client: Client, proposal: ChangeProposal, decision: str, comment: str = "") -> str:
    page = client.post(
        reverse("participants:participation", args=[proposal.participation_id]),
        {
            "action": "decide",
            "proposal": proposal.pk,
            "version": proposal.version,
            "decision": decision,
            "comment": comment,
        },
        follow=True,
    )
    assert page.status_code in (200, 422)
    return page.content.decode()


def test_the_caseworker_approves_ending_early_on_the_participations_page(
    client_as: Login,
) -> None:
    participation = participating()
    proposal = proposed(participation, kind="end_early", ends_on=today(), reason="got_job")
    client = client_as("veileder")
    page = client.get(reverse("participants:participation", args=[participation.pk]))
    assert 'data-testid="proposal-decision-form"' in page.content.decode()
    shown = decide(client, proposal, "approve")
    assert "Avsluttet" in shown and "Fikk jobb" in shown
    assert 'data-testid="proposal-decision-form"' not in shown


def test_a_rejection_without_a_comment_is_shown_beside_the_proposal(client_as: Login) -> None:
    proposal = proposed(participating(), kind="percentage", percentage=Decimal("50"))
    shown = decide(client_as("veileder"), proposal, "reject")
    assert 'data-testid="error-summary"' in shown
    assert 'href="#id_comment"' in shown and 'id="id_comment"' in shown
    assert ChangeProposal.objects.get(pk=proposal.pk).status == ProposalStatus.PENDING


def test_a_proposal_of_another_participation_is_not_decided_there(client_as: Login) -> None:
    proposal = proposed(participating(), kind="percentage", percentage=Decimal("50"))
    elsewhere = participating()
    page = client_as("veileder").post(
        reverse("participants:participation", args=[elsewhere.pk]),
        {"action": "decide", "proposal": proposal.pk, "version": 1, "decision": "approve"},
    )
    assert page.status_code == 400
    assert ChangeProposal.objects.get(pk=proposal.pk).status == ProposalStatus.PENDING


def test_the_caseworkers_start_page_lists_the_proposals_waiting(client_as: Login) -> None:
    participation = participating()
    proposed(participation, kind="percentage", percentage=Decimal("50"))
    start = client_as("veileder").get(reverse("start")).content.decode()
    assert 'data-testid="start-proposals"' in start
    assert participation.person.full_name in start
    assert "Forslag fra leverandører som venter på NAV" in start


def test_the_person_sees_the_approved_change_and_their_schemes(client_as: Login) -> None:
    participation = participating()
    user = citizen_of(participation.person).user
    assert user is not None
    proposal = proposed(participation, kind="percentage", percentage=Decimal("60"))
    services.proposal_approve(
        actor=login_actor("veileder"), proposal=proposal, version=proposal.version
    )
    client = client_as(user.username)
    page = client.get(reverse("participants:participation", args=[participation.pk]))
    shown = page.content.decode()
    assert 'data-testid="approved-changes"' in shown and "60 %" in shown
    assert 'data-testid="proposal-decision-form"' not in shown
    start = client.get(reverse("start")).content.decode()
    assert 'data-testid="start-own-schemes"' in start
    assert participation.delivery.scheme_type.name_nb in start
