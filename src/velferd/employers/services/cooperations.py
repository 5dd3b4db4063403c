"""The IW cooperation with an enterprise: starting one, its lifecycle moves (each also
kept in the cooperation's own event log) and its owner."""

from __future__ import annotations

import builtins

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
from .changes import audited_change
from .enterprises import require_county_advisor


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


def _move(
    *,
    actor: Actor,
    cooperation: Cooperation,
    version: int,
    name: str,
    reason: str = "",
    comment: str = "",
) -> Cooperation:
    """Make the named move (lifecycles.COOPERATION): the table, the reason the move needs,
    the comment, then the move's guard; the move goes into the event log too."""
    move = lifecycles.COOPERATION.move(name)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    with audited_change(
        actor,
        cooperation,
        version=version,
        event=move.event,
        before=("status",),
        fields=("status", "reason"),
    ) as cooperation:
        before = cooperation.status
        lifecycles.COOPERATION.require(before, move.target)
        reason = lifecycles.COOPERATION.reason_for(move, reason)
        comment = _comment(comment)
        if move.guard is not None:
            move.guard(cooperation)
        cooperation.status = move.target
        cooperation.is_open = move.target not in CLOSED_COOPERATION_STATUSES
        cooperation.reason = reason
        _log(actor, cooperation, before, reason, comment)
    return cooperation


@lifecycles.COOPERATION.service("assess")
@transaction.atomic
def cooperation_assess(
    *, actor: Actor, cooperation: Cooperation, version: int, comment: str = ""
) -> Cooperation:
    """to_assess → assessing: the IW centre looks into what the enterprise needs."""
    return _move(
        actor=actor, cooperation=cooperation, version=version, name="assess", comment=comment
    )


@lifecycles.COOPERATION.service("activate")
@transaction.atomic
def cooperation_activate(
    *, actor: Actor, cooperation: Cooperation, version: int, comment: str = ""
) -> Cooperation:
    """assessing → active: the cooperation is agreed and the plan is worked on."""
    return _move(
        actor=actor, cooperation=cooperation, version=version, name="activate", comment=comment
    )


@lifecycles.COOPERATION.service("skip")
@transaction.atomic
def cooperation_skip(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """assessing → not_relevant, with a coded reason."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        name="skip",
        reason=reason,
        comment=comment,
    )


@lifecycles.COOPERATION.service("complete")
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
        name="complete",
        reason=reason,
        comment=comment,
    )


@lifecycles.COOPERATION.service("cancel")
@transaction.atomic
def cooperation_cancel(
    *, actor: Actor, cooperation: Cooperation, version: int, reason: str, comment: str = ""
) -> Cooperation:
    """active → cancelled, with a coded reason."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        name="cancel",
        reason=reason,
        comment=comment,
    )


# The service of each move by its name, as the declaration has them (each takes its own
# keywords: see the move's reasons and inputs).
TRANSITIONS: dict[str, builtins.function] = {
    name: lifecycles.COOPERATION.service_for(name) for name in lifecycles.COOPERATION.names
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
    with audited_change(
        actor, cooperation, version=version, event="cooperation.owner_changed", fields=("owner",)
    ) as cooperation:
        require_open(cooperation)
        require_county_advisor(owner, cooperation.enterprise.county_id, "owner")
        cooperation.owner = owner
    return cooperation
