"""The IW cooperation with an enterprise: starting one, its lifecycle moves (each also
kept in the cooperation's own event log) and its owner."""

from __future__ import annotations

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid

from .. import lifecycles, selectors
from ..models import (
    CLOSED_COOPERATION_STATUSES,
    Cooperation,
    CooperationEvent,
    CooperationStatus,
    Enterprise,
)
from .enterprises import require_county_advisor
from .versioned import stamp


def _log(
    actor: Actor, cooperation: Cooperation, before: str, reason: str = "", comment: str = ""
) -> None:
    CooperationEvent.objects.create(
        cooperation=cooperation,
        actor=actor.user,
        actor_label=actor.label,
        from_status=before,
        to_status=cooperation.status,
        reason=reason,
        comment=comment,
    )


def _comment(comment: str) -> str:
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise invalid(
            "too_long",
            "comment",
            "Kommentaren kan være høyst 2000 tegn.",
            "The comment can be at most 2000 characters.",
        )
    return comment


@transaction.atomic
def cooperation_start(
    *, actor: Actor, enterprise: Enterprise, owner: User | None = None, comment: str = ""
) -> Cooperation:
    """Put the enterprise on the list to assess. Refused while it has an open cooperation.
    The owner is the acting advisor unless another advisor of the county is named."""
    policies.require(actor, policies.can_advise_enterprise, enterprise)
    Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    if selectors.open_cooperation(enterprise) is not None:
        raise invalid(
            "cooperation_already_open",
            None,
            "Virksomheten har allerede et åpent samarbeid.",
            "The enterprise already has an open cooperation.",
            status=CONFLICT,
        )
    owner = owner or actor.user
    if owner is not None:
        require_county_advisor(owner, enterprise.county_id, "owner")
    cooperation = Cooperation.objects.create(
        enterprise=enterprise, owner=owner, status=CooperationStatus.TO_ASSESS
    )
    _log(actor, cooperation, "", comment=_comment(comment))
    audit.record(
        actor=actor,
        action="cooperation.started",
        target=cooperation,
        after=audit.snapshot(cooperation, "enterprise", "owner", "status"),
    )
    return cooperation


def _reason(target: str, reason: str) -> str:
    needed = lifecycles.REASONS.get(target)
    if needed is None:
        return ""
    if not reason:
        raise invalid(
            "reason_required",
            "reason",
            "Velg en årsak.",
            "Choose a reason.",
        )
    if reason not in needed:
        raise invalid(
            "invalid_reason",
            "reason",
            f"«{reason}» er ikke en årsak som passer her.",
            f"“{reason}” is not a reason that fits here.",
        )
    return reason


def _require_finished(cooperation: Cooperation) -> None:
    blockers = selectors.completion_blockers(cooperation)
    if blockers:
        raise invalid(
            "cooperation_unfinished",
            None,
            "Samarbeidet kan ikke fullføres før behovsvurderingen og planen er ferdige: "
            + "; ".join(nb for nb, _ in blockers)
            + ".",
            "The cooperation cannot be completed before its needs assessment and plan are "
            "finished: " + "; ".join(en for _, en in blockers) + ".",
            status=CONFLICT,
        )


def _move(
    *,
    actor: Actor,
    cooperation: Cooperation,
    version: int,
    target: str,
    action: str,
    reason: str = "",
    comment: str = "",
) -> Cooperation:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    cooperation = Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    cooperation.check_version(version)
    lifecycles.require_transition(
        lifecycles.COOPERATION, CooperationStatus, cooperation.status, target
    )
    reason = _reason(target, reason)
    comment = _comment(comment)
    if target == CooperationStatus.COMPLETED:
        _require_finished(cooperation)
    before = cooperation.status
    cooperation.status = target
    cooperation.is_open = target not in CLOSED_COOPERATION_STATUSES
    cooperation.reason = reason
    stamp(cooperation)
    _log(actor, cooperation, before, reason, comment)
    audit.record(
        actor=actor,
        action=action,
        target=cooperation,
        before={"status": before},
        after=audit.snapshot(cooperation, "status", "reason"),
    )
    return cooperation


@transaction.atomic
def cooperation_assess(
    *, actor: Actor, cooperation: Cooperation, version: int, comment: str = ""
) -> Cooperation:
    """to_assess → assessing: the IW centre looks into what the enterprise needs."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.ASSESSING,
        action="cooperation.assessing",
        comment=comment,
    )


@transaction.atomic
def cooperation_activate(
    *, actor: Actor, cooperation: Cooperation, version: int, comment: str = ""
) -> Cooperation:
    """assessing → active: the cooperation is agreed and the plan is worked on."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.ACTIVE,
        action="cooperation.activated",
        comment=comment,
    )


@transaction.atomic
def cooperation_skip(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """assessing → not_relevant, with a coded reason."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.NOT_RELEVANT,
        action="cooperation.skipped",
        reason=reason,
        comment=comment,
    )


@transaction.atomic
def cooperation_complete(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """active → completed, with a coded reason, once the needs assessment and the plan are
    finished (selectors.completion_blockers says what is not)."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.COMPLETED,
        action="cooperation.completed",
        reason=reason,
        comment=comment,
    )


@transaction.atomic
def cooperation_cancel(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """active → cancelled, with a coded reason."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        target=CooperationStatus.CANCELLED,
        action="cooperation.cancelled",
        reason=reason,
        comment=comment,
    )


# The service for each lifecycle move, by the name the API and the pages use.
TRANSITIONS = {
    "assess": cooperation_assess,
    "activate": cooperation_activate,
    "skip": cooperation_skip,
    "complete": cooperation_complete,
    "cancel": cooperation_cancel,
}
NEEDS_REASON = ("skip", "complete", "cancel")
TARGETS = {
    "assess": CooperationStatus.ASSESSING,
    "activate": CooperationStatus.ACTIVE,
    "skip": CooperationStatus.NOT_RELEVANT,
    "complete": CooperationStatus.COMPLETED,
    "cancel": CooperationStatus.CANCELLED,
}


def require_open(cooperation: Cooperation) -> None:
    if not cooperation.is_open:
        raise invalid(
            "cooperation_closed",
            None,
            "Samarbeidet er avsluttet.",
            "The cooperation has been closed.",
            status=CONFLICT,
        )


@transaction.atomic
def cooperation_set_owner(
    *, actor: Actor, cooperation: Cooperation, owner: User, version: int
) -> Cooperation:
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    cooperation = Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    cooperation.check_version(version)
    require_open(cooperation)
    require_county_advisor(owner, cooperation.enterprise.county_id, "owner")
    before = audit.snapshot(cooperation, "owner")
    cooperation.owner = owner
    stamp(cooperation)
    audit.record(
        actor=actor,
        action="cooperation.owner_changed",
        target=cooperation,
        before=before,
        after=audit.snapshot(cooperation, "owner"),
    )
    return cooperation
