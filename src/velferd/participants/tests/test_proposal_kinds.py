"""Each kind of the supplier's change proposal, approved, changes exactly what it says and
nothing else; ending early is the lifecycle's move to ended, with the proposal's reason
and end date, which frees the place for the next in line; an extension past the
catalogue's maximum needs a reason."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor, refusal
from velferd.followup.models import Activity
from velferd.participants import services
from velferd.participants.models import (
    ChangeProposal,
    Participation,
    ParticipationStatus as S,
    ProposalStatus,
)

from .supplier_builders import DAY, participating, today

pytestmark = pytest.mark.django_db


def propose(participation: Participation, **values: Any) -> ChangeProposal:
    return services.proposal_submit(
        actor=login_actor("leverandor"), participation=participation, **values
    )


def approve(proposal: ChangeProposal) -> ChangeProposal:
    return services.proposal_approve(
        actor=login_actor("veileder"), proposal=proposal, version=proposal.version
    )


def fields_of(participation: Participation) -> dict[str, Any]:
    ignored = {"version", "updated_at", "activity_id"}
    found = Participation.objects.values().get(pk=participation.pk)
    return {name: value for name, value in found.items() if name not in ignored}


def counts() -> tuple[int, int]:
    return ChangeProposal.objects.count(), AuditEvent.objects.count()


def test_an_approved_end_early_ends_the_participation_with_its_reason() -> None:
    participation = participating()
    proposal = propose(participation, kind="end_early", ends_on=today() - DAY, reason="got_job")
    approve(proposal)
    participation.refresh_from_db()
    assert participation.status == S.ENDED
    assert (participation.reason, participation.ends_on) == ("got_job", today() - DAY)
    assert participation.ended_at is not None and participation.activity_id is not None
    activity = Activity.objects.get(pk=participation.activity_id)
    assert (activity.status, activity.ends_on) == ("completed", today() - DAY)
    ended = AuditEvent.objects.filter(action="participation.ended", target_id=str(participation.pk))
    assert ended.count() == 1


def test_ending_early_for_another_reason_keeps_the_suppliers_explanation() -> None:
    participation = participating()
    proposal = propose(
        participation,
        kind="end_early",
        ends_on=today(),
        reason="other",
        explanation="Flytter til Bergen.",
    )
    approve(proposal)
    participation.refresh_from_db()
    assert (participation.status, participation.reason) == (S.ENDED, "other")
    assert participation.reason_text == "Flytter til Bergen."


def test_ending_early_frees_the_place_for_the_first_on_the_waiting_list() -> None:
    participation = participating()
    delivery = participation.delivery
    delivery.places, delivery.places_taken = 1, 1
    delivery.save(update_fields=["places", "places_taken"])
    waiting = participating(delivery=delivery, status=S.WAITING_LIST, waiting_since=timezone.now())
    approve(propose(participation, kind="end_early", ends_on=today(), reason="got_job"))
    waiting.refresh_from_db()
    delivery.refresh_from_db()
    assert waiting.offered_at is not None
    assert delivery.places_taken == 1


def test_a_participation_not_yet_started_cannot_be_proposed_ended_early() -> None:
    awaiting = participating(status=S.AWAITING_START, starts_on=today() + 10 * DAY)
    error = refusal(
        lambda: propose(awaiting, kind="end_early", ends_on=today() + 20 * DAY, reason="ill"),
        unchanged=counts,
    )
    assert (error.status, error.code) == (422, "not_participating")
    assert "i gang" in error.message_nb


@pytest.mark.parametrize(
    ("values", "changed"),
    [
        ({"kind": "start_date", "starts_on": -20}, {"starts_on": -20}),
        ({"kind": "extension", "ends_on": 90}, {"ends_on": 90}),
        ({"kind": "percentage", "percentage": Decimal("40")}, {"percentage": Decimal("40")}),
        (
            {"kind": "days_per_week", "days_per_week": Decimal("3")},
            {"days_per_week": Decimal("3")},
        ),
    ],
)
def test_each_approval_changes_exactly_what_it_says(
    values: dict[str, Any], changed: dict[str, Any]
) -> None:
    def dated(given: dict[str, Any]) -> dict[str, Any]:
        """Dates are written as days from today."""
        return {k: today() + v * DAY if k.endswith("_on") else v for k, v in given.items()}

    participation = participating()
    before = fields_of(participation)
    proposal = propose(participation, **dated(values))
    assert fields_of(participation) == before, "a proposal alone changes nothing"
    approve(proposal)
    after = fields_of(participation)
    assert {k: v for k, v in after.items() if before[k] != v} == dated(changed)


def test_an_extension_past_the_maximum_duration_needs_a_reason() -> None:
    participation = participating()
    scheme = participation.delivery.scheme_type
    scheme.max_duration_months = 3
    scheme.save(update_fields=["max_duration_months"])
    longer = participation.ends_on + 60 * DAY  # type: ignore[operator]
    error = refusal(lambda: propose(participation, kind="extension", ends_on=longer))
    assert (error.status, error.code, error.field) == (422, "longer_than_maximum", "ends_on")
    assert "begrunnelse" in error.message_nb
    proposal = propose(
        participation, kind="extension", ends_on=longer, explanation="Trenger mer tid."
    )
    approve(proposal)
    participation.refresh_from_db()
    assert participation.ends_on == longer


def test_approving_twice_names_the_decision_already_made() -> None:
    proposal = propose(participating(), kind="percentage", percentage=Decimal("50"))
    approve(proposal)
    error = refusal(lambda: approve(proposal), unchanged=counts)
    assert (error.status, error.code) == (409, "proposal_decided")
    assert error.message_nb == "Forslaget er ikke lenger til behandling: det er «Godkjent»."
    assert error.message_en == "The proposal is no longer waiting: it is “Approved”."


def test_an_end_early_approved_twice_is_refused_and_the_participation_stays_ended() -> None:
    participation = participating()
    proposal = propose(participation, kind="end_early", ends_on=today(), reason="got_job")
    approve(proposal)
    error = refusal(lambda: approve(proposal), unchanged=counts)
    assert (error.status, error.code) == (409, "proposal_decided")
    assert ChangeProposal.objects.get(pk=proposal.pk).status == ProposalStatus.APPROVED


def test_rejecting_needs_a_comment_and_changes_nothing() -> None:
    participation = participating()
    proposal = propose(participation, kind="end_early", ends_on=today(), reason="got_job")
    before = fields_of(participation)
    error = refusal(
        lambda: services.proposal_reject(
            actor=login_actor("veileder"), proposal=proposal, version=proposal.version, comment=" "
        ),
        unchanged=counts,
    )
    assert (error.status, error.field) == (422, "comment")
    assert fields_of(participation) == before
