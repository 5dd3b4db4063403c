"""The supplier's change proposals: proposed for its own open participations only, refused
with the right answer otherwise; the participation changes only when a caseworker approves,
and the person's plan with it; a proposal is decided once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor, refusal
from velferd.followup.models import Activity, ActivityChange
from velferd.participants import services
from velferd.participants.models import ChangeProposal, Participation, ProposalStatus
from velferd.schemes.tests.factories import a_supplier

from .supplier_builders import DAY, closed_days_ago, participating, today

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int]:
    return (ChangeProposal.objects.count(), AuditEvent.objects.count(), Activity.objects.count())


def extension(participation: Participation, days: int = 30) -> ChangeProposal:
    assert participation.ends_on is not None
    return services.proposal_submit(
        actor=login_actor("leverandor"),
        participation=participation,
        kind="extension",
        ends_on=participation.ends_on + days * DAY,
    )


def test_someone_elses_participant_is_not_found() -> None:
    theirs = participating(supplier=a_supplier())
    error = refusal(lambda: extension(theirs), unchanged=counts)
    assert (error.status, error.code) == (404, "not_found")


def test_a_closed_participation_takes_no_proposal() -> None:
    closed = closed_days_ago(3)
    error = refusal(lambda: extension(closed), unchanged=counts)
    assert (error.status, error.code) == (409, "participation_closed")


def test_an_end_before_the_start_is_refused() -> None:
    participation = participating()
    error = refusal(
        lambda: services.proposal_submit(
            actor=login_actor("leverandor"),
            participation=participation,
            kind="end_early",
            ends_on=today() - 300 * DAY,
            reason="got_job",
        ),
        unchanged=counts,
    )
    assert (error.status, error.code, error.field) == (422, "ends_before_start", "ends_on")


def test_the_approved_extension_changes_the_participation_and_the_plan() -> None:
    participation = participating()
    proposal = extension(participation)
    assert proposal.ends_on is not None
    decided = services.proposal_approve(
        actor=login_actor("veileder"), proposal=proposal, version=proposal.version
    )
    participation.refresh_from_db()
    assert decided.status == ProposalStatus.APPROVED
    assert participation.ends_on == proposal.ends_on
    assert participation.activity_id is not None
    activity = Activity.objects.get(pk=participation.activity_id)
    assert activity.ends_on == proposal.ends_on
    assert ActivityChange.objects.filter(activity=activity).exists()
    assert AuditEvent.objects.filter(action="change_proposal.approved").exists()


def test_a_new_percentage_is_taken_on_approval() -> None:
    participation = participating()
    proposal = services.proposal_submit(
        actor=login_actor("leverandor"),
        participation=participation,
        kind="percentage",
        percentage=Decimal("60"),
    )
    services.proposal_approve(
        actor=login_actor("veileder"), proposal=proposal, version=proposal.version
    )
    participation.refresh_from_db()
    assert participation.percentage == Decimal("60.00")


def test_the_rejected_proposal_changes_nothing() -> None:
    participation = participating()
    proposal = extension(participation)
    before = Participation.objects.values().get(pk=participation.pk)
    services.proposal_reject(
        actor=login_actor("veileder"),
        proposal=proposal,
        version=proposal.version,
        comment="Vi vurderer det ved neste samtale.",
    )
    assert Participation.objects.values().get(pk=participation.pk) == before
    assert ChangeProposal.objects.get(pk=proposal.pk).status == ProposalStatus.REJECTED


def test_a_rejection_needs_a_comment() -> None:
    proposal = extension(participating())
    error = refusal(
        lambda: services.proposal_reject(
            actor=login_actor("veileder"), proposal=proposal, version=proposal.version, comment=""
        )
    )
    assert (error.status, error.field) == (422, "comment")


def test_approving_twice_is_refused_naming_the_state() -> None:
    proposal = extension(participating())
    vera = login_actor("veileder")
    services.proposal_approve(actor=vera, proposal=proposal, version=proposal.version)
    error = refusal(
        lambda: services.proposal_approve(actor=vera, proposal=proposal, version=proposal.version),
        unchanged=counts,
    )
    assert (error.status, error.code) == (409, "proposal_decided")
    assert "Godkjent" in error.message_nb


def test_rejecting_an_approved_proposal_is_refused() -> None:
    proposal = extension(participating())
    vera = login_actor("veileder")
    services.proposal_approve(actor=vera, proposal=proposal, version=proposal.version)
    error = refusal(
        lambda: services.proposal_reject(
            actor=vera, proposal=proposal, version=proposal.version + 1, comment="Nei."
        )
    )
    assert (error.status, error.code) == (409, "proposal_decided")


def test_the_supplier_withdraws_a_waiting_proposal() -> None:
    proposal = extension(participating())
    withdrawn = services.proposal_withdraw(
        actor=login_actor("leverandor"), proposal=proposal, version=proposal.version
    )
    assert withdrawn.status == ProposalStatus.WITHDRAWN
    error = refusal(
        lambda: services.proposal_approve(
            actor=login_actor("veileder"), proposal=proposal, version=withdrawn.version
        )
    )
    assert (error.status, error.code) == (409, "proposal_decided")


def test_a_new_proposal_of_the_kind_replaces_the_waiting_one() -> None:
    participation = participating()
    first = extension(participation, days=10)
    second = extension(participation, days=20)
    first.refresh_from_db()
    assert first.status == ProposalStatus.WITHDRAWN
    assert second.status == ProposalStatus.PENDING


def test_only_the_persons_caseworkers_decide() -> None:
    proposal = extension(participating())
    for login in ("leverandor", "beslutter", "tiltaksforvalter"):
        actor = login_actor(login)

        def approve(actor: Any = actor) -> object:
            return services.proposal_approve(
                actor=actor, proposal=proposal, version=proposal.version
            )

        assert refusal(approve).status == 403


def test_a_caseworker_reading_a_proposal_is_in_the_persons_access_log() -> None:
    from velferd.audit.models import AccessEvent
    from velferd.participants import selectors

    proposal = extension(participating())
    person_id = str(proposal.participation.person_id)
    before = AccessEvent.objects.filter(subject_id=person_id, actor_role="caseworker_state")
    count = before.count()
    selectors.proposal_for(actor=login_actor("veileder"), proposal_id=proposal.pk)
    assert before.count() == count + 1
