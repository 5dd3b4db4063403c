"""The supplier's change proposals and progress reports as NAV reads them: the caseworkers'
queue of proposals waiting for NAV, one proposal, a participation's proposals and reports."""

from __future__ import annotations

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import forbidden, not_found
from velferd.core.identifiers import as_uuid

from ..labels import PURPOSE
from ..models import ChangeProposal, Participation, ProgressReport, ProposalStatus


def _unknown() -> Exception:
    return not_found("forslaget", "the proposal", field="proposal")


def _with_participation(found: QuerySet[ChangeProposal]) -> QuerySet[ChangeProposal]:
    return found.select_related(
        "participation",
        "participation__person",
        "participation__delivery",
        "participation__delivery__supplier",
        "proposed_by",
        "decided_by",
    )


def proposals_waiting(*, actor: Actor) -> QuerySet[ChangeProposal]:
    """The proposals waiting for NAV that the actor may decide, oldest first."""
    if not policies.can_list_proposals(actor):
        raise forbidden()
    return _with_participation(
        ChangeProposal.objects.filter(policies.proposals_decidable(actor)).filter(
            status=ProposalStatus.PENDING
        )
    ).order_by("created_at")


def proposal_count_waiting(*, actor: Actor) -> int:
    if not policies.can_list_proposals(actor):
        return 0
    return (
        ChangeProposal.objects.filter(policies.proposals_decidable(actor))
        .filter(status=ProposalStatus.PENDING)
        .count()
    )


def proposal_for(*, actor: Actor, proposal_id: object) -> ChangeProposal:
    """One proposal, for the supplier who sees the participant or the caseworkers who
    decide it; anyone else 404."""
    try:
        key = int(str(proposal_id))
    except ValueError:
        raise _unknown() from None
    found = _with_participation(ChangeProposal.objects.filter(pk=key)).first()
    if found is None or not policies.can_view_proposal(actor, found):
        raise _unknown()
    if policies.can_decide_proposal(actor, found):
        _log_staff_read(actor, found)
    return found


def _log_staff_read(actor: Actor, proposal: ChangeProposal) -> None:
    """A caseworker reading a proposal reads the person's participation (the supplier's
    reads are logged by selectors/supplier.py)."""
    person = proposal.participation.person
    audit.log_access(
        actor=actor,
        subject=person,
        what="participation",
        purpose=PURPOSE,
        role=policies.role_reading(actor, person),
    )


def proposals_of(*, actor: Actor, participation: Participation) -> QuerySet[ChangeProposal]:
    """A participation's proposals, for the participation's page (the caseworker's)."""
    if not policies.can_read_progress_reports(actor, participation):
        raise forbidden()
    return _with_participation(ChangeProposal.objects.filter(participation=participation))


def pending_proposals_of(*, actor: Actor, participation: Participation) -> QuerySet[ChangeProposal]:
    return proposals_of(actor=actor, participation=participation).filter(
        status=ProposalStatus.PENDING
    )


def reports_of(*, actor: Actor, participation: Participation) -> QuerySet[ProgressReport]:
    """The supplier's monthly reports, newest first: for the caseworker, the person and the
    supplier."""
    if not policies.can_read_progress_reports(actor, participation):
        raise forbidden()
    return ProgressReport.objects.filter(participation=participation).order_by("-month")


def participation_with_reports(*, actor: Actor, participation_id: object) -> Participation:
    """A participation whose reports the actor reads (the API's route for the caseworker
    and the person): unknown or not theirs is 404."""
    key = as_uuid(participation_id)
    found = (
        Participation.objects.select_related("person", "delivery", "delivery__supplier")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    if found is None or not policies.can_read_progress_reports(actor, found):
        raise not_found("deltakelsen", "the participation", field="participation")
    return found
