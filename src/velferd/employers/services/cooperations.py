"""The IW cooperation with an enterprise: starting one, its lifecycle moves (each also
kept in the cooperation's own event log) and its owner."""

from __future__ import annotations

import builtins
import datetime

from django.db import transaction
from django.utils import timezone

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
    CooperationReason,
    CooperationStatus,
    Enterprise,
)
from .changes import audited_change
from .dates import given_date
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
        deferred_until=cooperation.deferred_until,
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
    deferred_until: object = None,
) -> Cooperation:
    """Make the named move (lifecycles.COOPERATION): the table, the reason the move needs,
    the comment, then the move's guard; the move goes into the event log too. Only a
    deferral keeps a date (`deferred_until`); every other move clears it."""
    move = lifecycles.COOPERATION.move(name)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    with audited_change(
        actor,
        cooperation,
        version=version,
        event=move.event,
        before=("status", "deferred_until"),
        fields=("status", "reason", "deferred_until"),
    ) as cooperation:
        before = cooperation.status
        lifecycles.COOPERATION.require(before, move.target)
        reason = lifecycles.COOPERATION.reason_for(move, reason) if move.reasons else reason
        comment = _comment(comment)
        if move.guard is not None:
            move.guard(cooperation)
        cooperation.status = move.target
        cooperation.is_open = move.target not in CLOSED_COOPERATION_STATUSES
        cooperation.reason = reason
        cooperation.deferred_until = (
            _deferral_date(deferred_until) if move.target == CooperationStatus.DEFERRED else None
        )
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


def _deferral_date(value: object) -> datetime.date:
    """The day a deferred cooperation comes back for assessment: required, after today."""
    day = given_date(value, "deferred_until")
    if day is None:
        raise invalid(
            "deferred_until_required",
            "deferred_until",
            "Velg datoen samarbeidet skal vurderes igjen.",
            "Choose the date the cooperation is to be assessed again.",
        )
    if day <= timezone.localdate():
        raise invalid(
            "deferred_until_not_future",
            "deferred_until",
            "Datoen samarbeidet utsettes til må være etter i dag.",
            "The date the cooperation is deferred to must be after today.",
        )
    return day


@lifecycles.COOPERATION.service("defer")
@transaction.atomic
def cooperation_defer(
    *,
    actor: Actor,
    cooperation: Cooperation,
    version: int,
    deferred_until: object,
    comment: str = "",
) -> Cooperation:
    """to assess, assessing, active or deferred → deferred to a date after today: the IW
    centre has no capacity now. The cooperation stays open (it is not closed for it) and
    comes back for assessment on that date (selectors.deferrals_due); deferring a deferred
    one moves its date."""
    return _move(
        actor=actor,
        cooperation=cooperation,
        version=version,
        name="defer",
        comment=comment,
        deferred_until=deferred_until,
        reason=CooperationReason.NO_CAPACITY_NOW,
    )


@lifecycles.COOPERATION.service("resume")
@transaction.atomic
def cooperation_resume(
    *, actor: Actor, cooperation: Cooperation, version: int, comment: str = ""
) -> Cooperation:
    """deferred → to assess: the advisor takes the cooperation up again, when its date has
    come or earlier, when the IW centre has capacity."""
    return _move(
        actor=actor, cooperation=cooperation, version=version, name="resume", comment=comment
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
