"""A proposal's life after the matching: the officer overrides a case's municipality (a
lock with a reason and a new run for the rest), sends the drafts, may withdraw one; the
municipality's coordinator accepts (with the date to settle on) or declines (with a reason:
the case waits again and that municipality is ruled out for it); a proposal not answered
by its date expires. Each answer locks the case, then the proposal (the lock order), and
checks the proposal is still sent: of two answers at once, one wins and the other is 409."""

from __future__ import annotations

import datetime

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor, system_actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, NOT_FOUND, DomainError
from velferd.core.identifiers import as_uuid
from velferd.core.validation import invalid

from ..lifecycles import move_case, move_proposal
from ..models import MatchingRun, Proposal, SettlementCase
from .cases import case_lock, exclusion_add
from .common import (
    answer_days,
    lock_case,
    lock_proposal,
    not_sent,
    proposal_snapshot,
    reason_text,
    today,
)
from .matching_runs import matching_run

LATEST_SETTLING_DAYS = 366


def _hidden() -> DomainError:
    return DomainError(
        code="not_found",
        message_nb="Fant ikke forslaget.",
        message_en="The proposal was not found.",
        status=NOT_FOUND,
    )


def case_override(
    *,
    actor: Actor,
    case_id: object,
    municipality_number: object,
    reason: object,
    version: int | None = None,
) -> MatchingRun:
    """The officer places a case in another municipality, with a reason: the case is locked
    there and the matching runs again, re-optimising the rest around it."""
    with transaction.atomic():
        case = case_lock(
            actor=actor,
            case_id=case_id,
            municipality_number=municipality_number,
            reason=reason,
            version=version,
        )
        return matching_run(actor=actor, year=case.year.year)


def _send(actor: Actor, proposal: Proposal, day: datetime.date) -> None:
    policies.require(actor, policies.can_send_settlement_proposal, proposal)
    before = proposal_snapshot(proposal)
    move_proposal(proposal, "sent")
    proposal.sent_on, proposal.answer_by = day, day + datetime.timedelta(days=answer_days())
    proposal.bump_version()
    proposal.save()
    _case_to(actor, proposal.case, "proposed")
    audit.record(
        actor=actor,
        action="settlement_proposal.sent",
        target=proposal,
        before=before,
        after=proposal_snapshot(proposal),
    )


@transaction.atomic
def proposal_send(*, actor: Actor, proposal_id: object) -> Proposal:
    """Send one draft to its municipality, to answer within the deadline."""
    policies.require(actor, policies.can_manage_settlement_round)
    proposal = lock_proposal(proposal_id)
    if proposal.status != "draft":
        raise _not_draft()
    _send(actor, proposal, today())
    return proposal


@transaction.atomic
def run_send(*, actor: Actor, run_id: object) -> int:
    """Send every draft of a run, case by case in the run's order; returns how many."""
    policies.require(actor, policies.can_run_settlement_matching)
    found = as_uuid(run_id)
    run = MatchingRun.objects.filter(pk=found).first() if found else None
    if run is None:
        raise invalid(
            "not_found", None, "Fant ikke kjøringen.", "The run was not found.", status=NOT_FOUND
        )
    ids = list(
        Proposal.objects.filter(run=run, status="draft")
        .order_by("case_id")
        .values_list("pk", flat=True)
    )
    if not ids:
        raise invalid(
            "nothing_to_send",
            None,
            "Kjøringen har ingen forslag som venter på å bli sendt.",
            "The run has no proposals waiting to be sent.",
            status=CONFLICT,
        )
    day = today()
    for proposal_id in ids:
        proposal = lock_proposal(proposal_id)
        if proposal.status == "draft":
            _send(actor, proposal, day)
    return len(ids)


def _not_draft() -> DomainError:
    return invalid(
        "proposal_not_draft",
        "status",
        "Forslaget er allerede sendt eller trukket.",
        "The proposal has already been sent or withdrawn.",
        status=CONFLICT,
    )


@transaction.atomic
def proposal_withdraw(*, actor: Actor, proposal_id: object, reason: object) -> Proposal:
    """IMDi withdraws a draft or a sent proposal, with a reason; the case waits again."""
    proposal = lock_proposal(proposal_id)
    policies.require(actor, policies.can_send_settlement_proposal, proposal)
    why = reason_text(reason)
    if proposal.status not in ("draft", "sent"):
        raise not_sent(proposal)
    before = proposal_snapshot(proposal)
    was_sent = proposal.status == "sent"
    move_proposal(proposal, "withdrawn")
    proposal.decline_reason = why
    proposal.bump_version()
    proposal.save()
    if was_sent:
        _case_to(actor, proposal.case, "waiting")
    audit.record(
        actor=actor,
        action="settlement_proposal.withdrawn",
        target=proposal,
        before=before,
        after=proposal_snapshot(proposal),
    )
    return proposal


def _case_to(actor: Actor, case: SettlementCase, status: str) -> None:
    """The case follows its proposal: moved (by its lifecycle's table), versioned, saved,
    audited."""
    before = {"status": case.status}
    move_case(case, status)
    case.bump_version()
    case.save()
    audit.record(
        actor=actor,
        action="settlement_case.status_changed",
        target=case,
        before=before,
        after={"status": case.status},
    )


def _answerable(actor: Actor, proposal_id: object, version: int | None) -> Proposal:
    proposal = lock_proposal(proposal_id)
    mine = policies.allows(actor, policies.can_answer_settlement_proposal, proposal)
    if not mine or proposal.status == "draft":
        # Officers may see the case but not answer for the municipality (403); anyone
        # else is not told the proposal exists (404): a draft is IMDi's alone.
        if policies.allows(actor, policies.can_view_settlement_case, proposal.case):
            policies.require(actor, policies.can_answer_settlement_proposal, proposal)
        raise _hidden()
    if proposal.status != "sent":
        raise not_sent(proposal)
    if version is not None:
        proposal.check_version(version)
    if proposal.answer_by is not None and proposal.answer_by < today():
        raise invalid(
            "answer_too_late",
            "status",
            f"Fristen for å svare gikk ut {proposal.answer_by:%d.%m.%Y}.",
            f"The deadline to answer passed on {proposal.answer_by:%d.%m.%Y}.",
            status=CONFLICT,
        )
    return proposal


@transaction.atomic
def proposal_accept(
    *,
    actor: Actor,
    proposal_id: object,
    settle_on: datetime.date | None,
    version: int | None = None,
) -> Proposal:
    """The municipality takes the case, to be settled on the date given."""
    proposal = _answerable(actor, proposal_id, version)
    day = today()
    if settle_on is None or not day <= settle_on <= day + datetime.timedelta(
        days=LATEST_SETTLING_DAYS
    ):
        raise invalid(
            "invalid_settle_on",
            "settle_on",
            "Oppgi bosettingsdatoen: fra i dag og høyst ett år fram.",
            "Give the settling date: from today and at most a year ahead.",
        )
    before = proposal_snapshot(proposal)
    move_proposal(proposal, "accepted")
    proposal.answered_on, proposal.answered_by, proposal.settle_on = day, actor.user, settle_on
    proposal.bump_version()
    proposal.save()
    _case_to(actor, proposal.case, "accepted")
    audit.record(
        actor=actor,
        action="settlement_proposal.accepted",
        target=proposal,
        before=before,
        after=proposal_snapshot(proposal),
    )
    return proposal


@transaction.atomic
def proposal_decline(
    *, actor: Actor, proposal_id: object, reason: object, version: int | None = None
) -> Proposal:
    """The municipality says no, with a reason: the case waits again, and the municipality
    is ruled out for it in the runs to come."""
    proposal = _answerable(actor, proposal_id, version)
    why = reason_text(reason)
    before = proposal_snapshot(proposal)
    move_proposal(proposal, "declined")
    proposal.answered_on, proposal.answered_by, proposal.decline_reason = today(), actor.user, why
    proposal.bump_version()
    proposal.save()
    _case_to(actor, proposal.case, "waiting")
    exclusion_add(actor, proposal.case, proposal.municipality, f"Avslått av kommunen: {why}")
    audit.record(
        actor=actor,
        action="settlement_proposal.declined",
        target=proposal,
        before=before,
        after=proposal_snapshot(proposal),
    )
    return proposal


def expire_overdue_proposals(day: datetime.date | None = None) -> int:
    """Every sent proposal whose date to answer has passed expires and its case waits
    again; returns how many. Run daily (the task queue, or `velferd settlement-round
    expire`)."""
    actor = system_actor("settlement expiry")
    cutoff = day or today()
    overdue = list(
        Proposal.objects.filter(status="sent", answer_by__lt=cutoff).values_list("pk", flat=True)
    )
    expired = 0
    for proposal_id in overdue:
        with transaction.atomic():
            lock_case(Proposal.objects.get(pk=proposal_id).case_id)
            proposal = lock_proposal(proposal_id)
            if proposal.status != "sent":
                continue
            before = proposal_snapshot(proposal)
            move_proposal(proposal, "expired")
            proposal.bump_version()
            proposal.save()
            _case_to(actor, proposal.case, "waiting")
            audit.record(
                actor=actor,
                action="settlement_proposal.expired",
                target=proposal,
                before=before,
                after=proposal_snapshot(proposal),
            )
            expired += 1
    return expired
