"""Appeals against financial assistance's decisions (Social Services Act § 48; the Public
Administration Act §§ 28–33): the person appeals from their own pages (or the office
registers one that came by post); the office re-assesses it and either changes the decision
(a new decision with reason appeal_reassessed, made by the decision's own service and
linked here) or sends the case to the County Governor, and records the County Governor's
outcome. The person sees each step on their pages.

The deadline is three weeks from the decision's day; an appeal after it is accepted and
marked late — the County Governor decides whether to hear it (§ 31).
"""

from __future__ import annotations

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid, required_text

from ..models import Appeal, AppealStatus, Decision, DecisionReason
from .decision_checks import DecisionInput
from .decisions import decision_replace

APPEAL_WEEKS = 3
OPEN = (AppealStatus.RECEIVED, AppealStatus.SENT_TO_COUNTY_GOVERNOR)
COUNTY_GOVERNOR_OUTCOMES = (
    AppealStatus.UPHELD_BY_COUNTY_GOVERNOR,
    AppealStatus.REVERSED_BY_COUNTY_GOVERNOR,
)
FIELDS = ("status", "received_on", "late", "sent_on")


def appeal_deadline(decision: Decision) -> datetime.date:
    return decision.decided_on + datetime.timedelta(weeks=APPEAL_WEEKS)


def _not_found(what_nb: str, what_en: str) -> Exception:
    return invalid("not_found", None, f"Fant ikke {what_nb}.", f"The {what_en} was not found.", 404)


def _decision(decision_id: uuid.UUID | str) -> Decision:
    found = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("application__person")
        .filter(pk=decision_id)
        .first()
    )
    if found is None:
        raise _not_found("vedtaket", "decision")
    return found


def _refuse_replaced(decision: Decision) -> None:
    if Decision.objects.filter(replaces=decision).exists():
        raise invalid(
            "decision_replaced",
            None,
            "Vedtaket er erstattet av et nyere vedtak. Klag på det nyeste vedtaket.",
            "The decision has been replaced by a later one. Appeal the latest decision.",
            status=CONFLICT,
        )


def _refuse_open_appeal(decision: Decision) -> None:
    if Appeal.objects.filter(decision=decision, status__in=OPEN).exists():
        raise invalid(
            "appeal_exists",
            None,
            "Det er allerede en klage på dette vedtaket som er under behandling.",
            "An appeal against this decision is already being handled.",
            status=CONFLICT,
        )


@transaction.atomic
def appeal_lodge(*, actor: Actor, decision_id: uuid.UUID | str, grounds: str) -> Appeal:
    """Register an appeal against the latest decision on an application; one after the
    three weeks is registered too, marked late."""
    decision = _decision(decision_id)
    person = decision.application.person
    if not policies.can_view_municipal_records(actor, person):
        raise _not_found("vedtaket", "decision")
    policies.require(actor, policies.can_appeal_assistance, decision)
    text = required_text(grounds, "grounds", "Begrunnelsen for klagen", "grounds of the appeal")
    _refuse_replaced(decision)
    _refuse_open_appeal(decision)
    assert actor.user is not None
    received = timezone.localdate()
    appeal = Appeal.objects.create(
        decision=decision,
        received_on=received,
        grounds=text,
        late=received > appeal_deadline(decision),
        registered_by=actor.user,
    )
    audit.record(
        actor=actor,
        action="assistance_appeal.lodged",
        target=appeal,
        after={**audit.snapshot(appeal, *FIELDS), "decision": str(decision.pk)},
    )
    return appeal


def _appeal(actor: Actor, appeal_id: uuid.UUID | str, version: int) -> Appeal:
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("decision__application__person")
        .filter(pk=appeal_id)
        .first()
    )
    if appeal is None or not policies.can_view_assistance_appeal(actor, appeal):
        raise _not_found("klagen", "appeal")
    policies.require(actor, policies.can_handle_assistance_appeal, appeal)
    if appeal.version != version:
        raise invalid(
            "stale_version",
            "version",
            "Klagen er endret av en annen i mellomtiden. Last inn på nytt.",
            "The appeal was changed by someone else in the meantime. Reload.",
            status=CONFLICT,
        )
    return appeal


def _refuse_unless(appeal: Appeal, status: str, nb: str, en: str) -> None:
    if appeal.status != status:
        raise invalid("appeal_wrong_status", None, nb, en, status=CONFLICT)


def _assessment(text: str) -> str:
    return required_text(text, "assessment", "Kontorets vurdering", "office's assessment")


def _move(actor: Actor, appeal: Appeal, action: str, **changes: object) -> Appeal:
    before = audit.snapshot(appeal, *FIELDS)
    for name, value in changes.items():
        setattr(appeal, name, value)
    appeal.version += 1
    appeal.save()
    audit.record(
        actor=actor,
        action=action,
        target=appeal,
        before=before,
        after=audit.snapshot(appeal, *FIELDS),
    )
    return appeal


def _refuse_unless_received(appeal: Appeal) -> None:
    _refuse_unless(
        appeal,
        AppealStatus.RECEIVED,
        "Klagen er allerede behandlet av kontoret.",
        "The office has already handled the appeal.",
    )


@transaction.atomic
def appeal_send_to_county_governor(
    *, actor: Actor, appeal_id: uuid.UUID | str, version: int, assessment: str
) -> Appeal:
    """The office upholds its decision and sends the case to the County Governor, with its
    assessment."""
    appeal = _appeal(actor, appeal_id, version)
    _refuse_unless_received(appeal)
    return _move(
        actor,
        appeal,
        "assistance_appeal.sent_to_county_governor",
        status=AppealStatus.SENT_TO_COUNTY_GOVERNOR,
        office_assessment=_assessment(assessment),
        sent_on=timezone.localdate(),
    )


def _refuse_unrelated(appeal: Appeal, new_decision: Decision) -> None:
    if (
        new_decision.replaces_id != appeal.decision_id
        or new_decision.reason != DecisionReason.APPEAL_REASSESSED
    ):
        raise invalid(
            "not_the_new_decision",
            "new_decision",
            "Det nye vedtaket må erstatte vedtaket det er klaget på, med begrunnelsen «endret"
            " etter klage».",
            "The new decision must replace the decision appealed, with the reason «changed"
            " after an appeal».",
            status=CONFLICT,
        )


@transaction.atomic
def appeal_record_change(
    *,
    actor: Actor,
    appeal_id: uuid.UUID | str,
    version: int,
    assessment: str,
    new_decision: Decision,
) -> Appeal:
    """The office finds the appeal right and has made a new decision (through the decision's
    own service, reason appeal_reassessed, replacing the one appealed): the appeal is
    closed as changed, linked to it."""
    appeal = _appeal(actor, appeal_id, version)
    _refuse_unless_received(appeal)
    _refuse_unrelated(appeal, new_decision)
    return _move(
        actor,
        appeal,
        "assistance_appeal.changed",
        status=AppealStatus.CHANGED,
        office_assessment=_assessment(assessment),
        new_decision=new_decision,
    )


@retried_atomic
def appeal_change(
    *,
    actor: Actor,
    appeal_id: uuid.UUID | str,
    version: int,
    assessment: str,
    data: DecisionInput,
) -> Appeal:
    """The office finds the appeal right: a new decision in place of the one appealed
    (reason appeal_reassessed, by the decision's own service, with its letter, follow-up
    records and payments), and the appeal closed as changed. Locks: the appeal, then the
    application and the decision (as the decision's service takes them)."""
    appeal = _appeal(actor, appeal_id, version)
    _refuse_unless_received(appeal)
    text = _assessment(assessment)
    new_decision = decision_replace(
        actor=actor,
        decision_id=appeal.decision_id,
        reason=DecisionReason.APPEAL_REASSESSED,
        data=data,
    )
    return _move(
        actor,
        appeal,
        "assistance_appeal.changed",
        status=AppealStatus.CHANGED,
        office_assessment=text,
        new_decision=new_decision,
    )


@transaction.atomic
def appeal_record_county_governor(
    *, actor: Actor, appeal_id: uuid.UUID | str, version: int, outcome: str
) -> Appeal:
    """Record the County Governor's outcome: upheld, or changed or set aside."""
    if outcome not in COUNTY_GOVERNOR_OUTCOMES:
        raise invalid(
            "unknown_outcome",
            "outcome",
            "Velg om Statsforvalteren stadfestet eller endret vedtaket.",
            "Choose whether the County Governor upheld or changed the decision.",
        )
    appeal = _appeal(actor, appeal_id, version)
    _refuse_unless(
        appeal,
        AppealStatus.SENT_TO_COUNTY_GOVERNOR,
        "Bare en klage som er sendt til Statsforvalteren, kan få Statsforvalterens avgjørelse.",
        "Only an appeal sent to the County Governor can have the County Governor's outcome.",
    )
    return _move(actor, appeal, "assistance_appeal.county_governor_outcome", status=outcome)
