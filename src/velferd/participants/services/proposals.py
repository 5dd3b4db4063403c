"""The supplier's change proposals (forslag), as in NAV's participant systems: the supplier
proposes a new start date, an extension (a later end date), ending early with a reason, a
new participation percentage or days a week; the participation changes only when a
caseworker who may change the person approves it.

A new proposal of a kind replaces one of the same kind still waiting (it is withdrawn), as
NAV's portal does. Deciding locks, in the lock order, the person's row, the participation,
then the proposal; a proposal already decided is refused naming its state (409), whichever
caseworker came first. An approved change is written to the participation (its version
bumped, audited) and then to the person's plan through `plan_sync`, so the plan's history
shows it."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, override

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT, DomainError, forbidden
from velferd.core.validation import invalid, required_text

from ..models import (
    ChangeProposal,
    EndReason,
    Participation,
    ParticipationStatus,
    ProposalKind,
    ProposalStatus,
)
from .changes import changing, lock_participation, require_user
from .dates import check_dates
from .moves import participation_end
from .supplier_access import locked_for_supplier, require_open

PROPOSAL_FIELDS = ("kind", "starts_on", "ends_on", "percentage", "days_per_week", "reason")
MAX_DAYS_PER_WEEK = Decimal("5")


# Checking a proposal ------------------------------------------------------------------------


def _missing(field: str, nb: str, en: str) -> DomainError:
    return invalid(f"{field}_required", field, nb, en)


def _ends_before_start(field: str) -> DomainError:
    return invalid(
        "ends_before_start",
        field,
        "Sluttdatoen kan ikke være før startdatoen.",
        "The end date cannot be before the start date.",
    )


def _check_start(participation: Participation, starts_on: datetime.date | None) -> None:
    if starts_on is None:
        raise _missing("starts_on", "Skriv den nye startdatoen.", "Write the new start date.")
    if participation.ends_on is not None and starts_on > participation.ends_on:
        raise invalid(
            "ends_before_start",
            "starts_on",
            "Startdatoen kan ikke være etter sluttdatoen.",
            "The start date cannot be after the end date.",
        )


def _check_extension(participation: Participation, ends_on: datetime.date | None) -> None:
    if ends_on is None:
        raise _missing("ends_on", "Skriv den nye sluttdatoen.", "Write the new end date.")
    if participation.starts_on is not None and ends_on < participation.starts_on:
        raise _ends_before_start("ends_on")
    if participation.ends_on is not None and ends_on <= participation.ends_on:
        raise invalid(
            "not_an_extension",
            "ends_on",
            "En forlengelse må ha en sluttdato etter den som gjelder nå.",
            "An extension needs an end date after the current one.",
        )


def _check_end_early(participation: Participation, ends_on: datetime.date | None) -> None:
    if participation.status != ParticipationStatus.PARTICIPATING:
        raise invalid(
            "not_participating",
            "kind",
            "Bare en deltakelse som er i gang kan avsluttes tidlig.",
            "Only a participation under way can end early.",
        )
    if ends_on is None:
        raise _missing("ends_on", "Skriv sluttdatoen.", "Write the end date.")
    if participation.starts_on is not None and ends_on < participation.starts_on:
        raise _ends_before_start("ends_on")
    if participation.ends_on is not None and ends_on > participation.ends_on:
        raise invalid(
            "not_earlier",
            "ends_on",
            "Å avslutte tidligere betyr en sluttdato før den som gjelder nå.",
            "Ending early means an end date before the current one.",
        )


def _check_reason(reason: str, explanation: str) -> None:
    if not reason:
        raise _missing("reason", "Velg en årsak.", "Choose a reason.")
    if reason not in EndReason.values:
        raise invalid(
            "invalid_reason", "reason", "Velg en av årsakene.", "Choose one of the reasons."
        )
    if reason == EndReason.OTHER and not explanation.strip():
        raise _missing(
            "explanation",
            "Skriv hvorfor, når årsaken er «Annet».",
            "Write why, when the reason is “Other”.",
        )


def _check_percentage(percentage: Decimal | None) -> None:
    if percentage is None:
        raise _missing(
            "percentage", "Skriv den nye deltakelsesprosenten.", "Write the new percentage."
        )
    if not Decimal("1") <= percentage <= Decimal("100"):
        raise invalid(
            "percentage_out_of_range",
            "percentage",
            "Deltakelsesprosenten er fra 1 til 100.",
            "The participation percentage is from 1 to 100.",
        )


def _check_days(days_per_week: Decimal | None) -> None:
    if days_per_week is None:
        raise _missing("days_per_week", "Skriv antall dager i uka.", "Write the days a week.")
    if not Decimal("1") <= days_per_week <= MAX_DAYS_PER_WEEK:
        raise invalid(
            "days_out_of_range",
            "days_per_week",
            "Dager i uka er fra 1 til 5.",
            "Days a week are from 1 to 5.",
        )


def proposal_problems(participation: Participation, values: dict[str, Any]) -> list[DomainError]:
    """Every refusal of a proposal's values at once (the page shows them all)."""
    kind = values.get("kind", "")
    checks: list[tuple[Any, ...]] = []
    scheme, explanation = participation.delivery.scheme_type, values.get("explanation", "")
    if kind == ProposalKind.START_DATE:
        checks.append((_check_start, participation, values.get("starts_on")))
        starts = values.get("starts_on")
        checks.append((check_dates, scheme, starts, participation.ends_on, explanation))
    elif kind == ProposalKind.EXTENSION:
        checks.append((_check_extension, participation, values.get("ends_on")))
        ends = values.get("ends_on")
        checks.append((check_dates, scheme, participation.starts_on, ends, explanation))
    elif kind == ProposalKind.END_EARLY:
        reason, explanation = values.get("reason", ""), values.get("explanation", "")
        checks.append((_check_end_early, participation, values.get("ends_on")))
        checks.append((_check_reason, reason, explanation))
    elif kind == ProposalKind.PERCENTAGE:
        checks.append((_check_percentage, values.get("percentage")))
    elif kind == ProposalKind.DAYS_PER_WEEK:
        checks.append((_check_days, values.get("days_per_week")))
    else:
        return [
            invalid("invalid_kind", "kind", "Velg hva som skal endres.", "Choose what to change.")
        ]
    problems: list[DomainError] = []
    for check, *args in checks:
        try:
            check(*args)
        except DomainError as error:
            if not any(p.field == error.field for p in problems):
                problems.append(error)
    if len(values.get("explanation", "")) > 2000:
        problems.append(
            invalid(
                "too_long",
                "explanation",
                "Begrunnelsen kan være høyst 2000 tegn.",
                "The explanation can be at most 2000 characters.",
            )
        )
    return problems


def parse_decimal(value: object, field: str) -> Decimal | None:
    text = str(value or "").strip().replace(",", ".").rstrip("%").strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise invalid(
            "invalid_number", field, "Skriv et tall, som 50.", "Write a number, such as 50."
        ) from None


# Proposing and withdrawing (the supplier) ---------------------------------------------------


def _only_the_kind(values: dict[str, Any]) -> dict[str, Any]:
    """The proposed values the kind uses; the others are left empty."""
    kind = values["kind"]
    return {
        "starts_on": values.get("starts_on") if kind == ProposalKind.START_DATE else None,
        "ends_on": (
            values.get("ends_on")
            if kind in (ProposalKind.EXTENSION, ProposalKind.END_EARLY)
            else None
        ),
        "percentage": values.get("percentage") if kind == ProposalKind.PERCENTAGE else None,
        "days_per_week": (
            values.get("days_per_week") if kind == ProposalKind.DAYS_PER_WEEK else None
        ),
        "reason": values.get("reason", "") if kind == ProposalKind.END_EARLY else "",
        "explanation": (values.get("explanation") or "").strip(),
    }


def _replace_waiting(actor: Actor, participation: Participation, kind: str) -> None:
    for waiting in ChangeProposal.objects.select_for_update().filter(
        participation=participation, kind=kind, status=ProposalStatus.PENDING
    ):
        waiting.status = ProposalStatus.WITHDRAWN
        waiting.bump_version()
        waiting.save(update_fields=["status", "version", "updated_at"])
        audit.record(
            actor=actor,
            action="change_proposal.replaced",
            target=waiting,
            before={"status": ProposalStatus.PENDING},
            after={"status": ProposalStatus.WITHDRAWN},
        )


@transaction.atomic
def proposal_submit(*, actor: Actor, participation: Participation, **values: Any) -> ChangeProposal:
    """The supplier proposes a change. Someone else's participant is 404, a closed
    participation 409, a value that does not hold 422 (the first of them)."""
    locked = locked_for_supplier(actor, participation)
    require_open(locked)
    problems = proposal_problems(locked, values)
    if problems:
        raise problems[0]
    _replace_waiting(actor, locked, values["kind"])
    proposal = ChangeProposal.objects.create(
        participation=locked,
        kind=values["kind"],
        proposed_by=require_user(actor),
        **_only_the_kind(values),
    )
    audit.record(
        actor=actor,
        action="change_proposal.proposed",
        target=proposal,
        after=audit.snapshot(proposal, *PROPOSAL_FIELDS),
    )
    return proposal


def _state(proposal: ChangeProposal, language: str) -> str:
    with override(language):
        return gettext(str(ProposalStatus(proposal.status).label))


def _already_decided(proposal: ChangeProposal) -> DomainError:
    return DomainError(
        code="proposal_decided",
        field=None,
        status=CONFLICT,
        message_nb=f"Forslaget er ikke lenger til behandling: det er «{_state(proposal, 'nb')}».",
        message_en=f"The proposal is no longer waiting: it is “{_state(proposal, 'en')}”.",
    )


def _locked_proposal(proposal: ChangeProposal, version: int) -> ChangeProposal:
    locked = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != ProposalStatus.PENDING:
        raise _already_decided(locked)
    locked.check_version(version)
    return locked


@transaction.atomic
def proposal_withdraw(*, actor: Actor, proposal: ChangeProposal, version: int) -> ChangeProposal:
    """The supplier takes back a proposal still waiting for NAV."""
    locked_for_supplier(actor, proposal.participation)
    locked = _locked_proposal(proposal, version)
    locked.status = ProposalStatus.WITHDRAWN
    locked.bump_version()
    locked.save()
    audit.record(
        actor=actor,
        action="change_proposal.withdrawn",
        target=locked,
        before={"status": ProposalStatus.PENDING},
        after={"status": locked.status},
    )
    return locked


# Deciding (the caseworker) ------------------------------------------------------------------


def _no_longer_fits(problem: DomainError) -> DomainError:
    """The participation has changed since the proposal was made, so that it no longer
    fits: a conflict with the record as it is now (409), with the check's own words."""
    return DomainError(
        code=problem.code,
        field=problem.field,
        status=CONFLICT,
        message_nb=problem.message_nb,
        message_en=problem.message_en,
    )


def _apply(participation: Participation, proposal: ChangeProposal) -> None:
    kind = proposal.kind
    if kind == ProposalKind.START_DATE:
        participation.starts_on = proposal.starts_on
    elif kind == ProposalKind.EXTENSION:
        participation.ends_on = proposal.ends_on
    elif kind == ProposalKind.PERCENTAGE:
        participation.percentage = proposal.percentage
    elif kind == ProposalKind.DAYS_PER_WEEK:
        participation.days_per_week = proposal.days_per_week


def _values_of(proposal: ChangeProposal) -> dict[str, Any]:
    return {
        "kind": proposal.kind,
        "starts_on": proposal.starts_on,
        "ends_on": proposal.ends_on,
        "percentage": proposal.percentage,
        "days_per_week": proposal.days_per_week,
        "reason": proposal.reason,
        "explanation": proposal.explanation,
    }


def _decide(actor: Actor, proposal: ChangeProposal, status: str, comment: str) -> ChangeProposal:
    proposal.status = status
    proposal.decided_by = actor.user
    proposal.decided_at = timezone.now()
    proposal.decision_comment = comment
    proposal.bump_version()
    proposal.save()
    return proposal


def _checked_against(participation: Participation, proposal: ChangeProposal) -> None:
    problems = proposal_problems(participation, _values_of(proposal))
    if problems:
        raise _no_longer_fits(problems[0])


def _approve_change(actor: Actor, proposal: ChangeProposal, version: int) -> ChangeProposal:
    """A new start date, end date, percentage or days a week: written to the participation
    and the plan in one change."""
    with changing(actor, proposal.participation, "participation.changed", version=None) as step:
        locked = _locked_proposal(proposal, version)
        require_open(step.record)
        _checked_against(step.record, locked)
        _apply(step.record, locked)
    return locked


def _approve_ending(actor: Actor, proposal: ChangeProposal, version: int) -> ChangeProposal:
    """Ending early is the lifecycle's move to ended, with the proposal's coded reason (the
    supplier chooses among the end reasons) and its end date as the last day."""
    participation = lock_participation(proposal.participation)
    locked = _locked_proposal(proposal, version)
    require_open(participation)
    _checked_against(participation, locked)
    participation_end(
        actor=actor,
        participation=participation,
        version=None,
        reason=locked.reason,
        reason_text=locked.explanation,
        ends_on=locked.ends_on,
    )
    return locked


@retried_atomic
def proposal_approve(
    *, actor: Actor, proposal: ChangeProposal, version: int, comment: str = ""
) -> ChangeProposal:
    """The caseworker approves: the participation takes the change, then the plan. Locks
    the person, the delivery and the participation (services/changes.py), then the
    proposal."""
    if not policies.can_decide_proposal(actor, proposal):
        raise forbidden()
    if proposal.kind == ProposalKind.END_EARLY:
        locked = _approve_ending(actor, proposal, version)
    else:
        locked = _approve_change(actor, proposal, version)
    _decide(actor, locked, ProposalStatus.APPROVED, (comment or "").strip()[:2000])
    audit.record(
        actor=actor,
        action="change_proposal.approved",
        target=locked,
        before={"status": ProposalStatus.PENDING},
        after={"status": locked.status},
    )
    return locked


@retried_atomic
def proposal_reject(
    *, actor: Actor, proposal: ChangeProposal, version: int, comment: str
) -> ChangeProposal:
    """The caseworker rejects, saying why; the participation stays as it is."""
    if not policies.can_decide_proposal(actor, proposal):
        raise forbidden()
    why = required_text(comment, "comment", "Begrunnelsen", "comment", 2000)
    locked = _locked_proposal(proposal, version)
    _decide(actor, locked, ProposalStatus.REJECTED, why)
    audit.record(
        actor=actor,
        action="change_proposal.rejected",
        target=locked,
        before={"status": ProposalStatus.PENDING},
        after={"status": locked.status},
    )
    return locked
