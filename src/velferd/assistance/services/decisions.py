"""The municipality's decision on an application for financial assistance, and the later
decisions that replace it: a reduction after a breach of a condition, a change after an
appeal. Never silently: every one is a decision of its own, with its reasoning and its
letter.

A decision feeds the rest of the platform in its own transaction, so nothing is typed twice:
the benefit on record in follow-up (financial assistance for the period, which a decision
that replaces another moves along: `decision_benefits`), the § 20 a record (the condition of
activity set, or the weighty reasons against it) and the payments
(`payments.plan_payments`)."""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT, DomainError, not_found
from velferd.core.validation import invalid
from velferd.followup import services as followup_services

from ..calculation import calculate
from ..letters import decision_letter_text
from ..models import (
    ActivityCondition,
    Application,
    ApplicationStatus,
    Condition,
    Decision,
    DecisionReason,
    Outcome,
)
from . import decision_benefits, decision_checks as checks
from .casework import (
    acting_user,
    application_to_work,
    locked_application,
    require_open,
    status_change,
)
from .payments import plan_payments


@retried_atomic
def decision_make(
    *, actor: Actor, application_id: uuid.UUID | str, version: int, data: checks.DecisionInput
) -> Decision:
    """Decide an open application: granted, partly granted or refused."""
    application = application_to_work(actor, application_id)
    today = timezone.localdate()
    checked = checks.check(data, application.person.birth_date, today)
    locked = locked_application(application, version)
    require_open(locked)
    decision = _write(actor, locked, checked, today, DecisionReason.APPLICATION, None)
    before = status_change(locked, ApplicationStatus.DECIDED)
    locked.decided_at = timezone.now()
    locked.save(update_fields=["decided_at"])
    _feed_follow_up(actor, decision, None)
    plan_payments(decision, actor)
    _audit(actor, decision, before)
    return decision


@retried_atomic
def decision_replace(
    *,
    actor: Actor,
    decision_id: uuid.UUID | str,
    reason: str,
    data: checks.DecisionInput,
    breached_condition: str = "",
) -> Decision:
    """A new decision in place of the current one. After a breach of a condition
    (`breach_of_condition`): the condition named (a condition's id, or "activity" for the
    § 20 a condition) is recorded as breached, and the amount must be lower than before.
    After an appeal (`appeal_reassessed`): the office changes its decision."""
    if reason not in (DecisionReason.BREACH_OF_CONDITION, DecisionReason.APPEAL_REASSESSED):
        raise invalid("unknown_reason", "reason", "Ukjent grunn.", "Unknown reason.")
    current = _current_decision(actor, decision_id)
    today = timezone.localdate()
    checked = checks.check(data, current.application.person.birth_date, today)
    locked = locked_application(current.application, None)
    replaced = Decision.objects.select_for_update().get(pk=current.pk)
    if Decision.objects.filter(replaces=replaced).exists():
        raise _replaced_already()
    if reason == DecisionReason.BREACH_OF_CONDITION:
        _record_breach(replaced, checked, breached_condition, today)
    decision = _write(actor, locked, checked, today, reason, replaced)
    _feed_follow_up(actor, decision, replaced)
    plan_payments(decision, actor)
    _audit(actor, decision, {"replaces": str(replaced.pk), "amount": str(replaced.amount)})
    return decision


def _current_decision(actor: Actor, decision_id: uuid.UUID | str) -> Decision:
    try:
        key = uuid.UUID(str(decision_id))
    except ValueError:
        key = None
    rows = Decision.objects.select_related("application", "application__person")
    found = rows.filter(pk=key).first() if key else None
    if found is None:
        raise not_found("vedtaket", "the decision", field="decision")
    application_to_work(actor, found.application_id)
    return found


def _replaced_already() -> DomainError:
    return invalid(
        "decision_replaced",
        None,
        "Vedtaket er allerede erstattet av et nytt vedtak. Last inn siden på nytt.",
        "The decision has already been replaced by a new one. Reload the page.",
        status=CONFLICT,
    )


def _record_breach(
    replaced: Decision, checked: checks.CheckedDecision, condition: str, today: datetime.date
) -> None:
    if replaced.outcome == Outcome.REFUSED:
        raise invalid(
            "nothing_to_reduce",
            None,
            "Et avslag kan ikke reduseres.",
            "A refusal cannot be reduced.",
            status=CONFLICT,
        )
    if checked.amount >= replaced.amount:
        raise invalid(
            "not_a_reduction",
            "amount",
            f"Etter brudd på vilkår må beløpet være lavere enn før ({replaced.amount} kr).",
            f"After a breach of a condition the amount must be lower than before "
            f"({replaced.amount} kr).",
        )
    if condition == "activity" and replaced.activity_condition == ActivityCondition.SET:
        return
    open_conditions = replaced.conditions.filter(breached_on__isnull=True)
    number = _int(condition)
    breached = open_conditions.filter(pk=number).first() if number else None
    if breached is None:
        raise invalid(
            "breached_condition_required",
            "breached_condition",
            "Velg vilkåret som ikke er oppfylt.",
            "Choose the condition that was not met.",
        )
    breached.breached_on = today
    breached.save(update_fields=["breached_on"])


def _int(value: str) -> int | None:
    return int(value) if str(value).isdigit() else None


def _write(
    actor: Actor,
    application: Application,
    checked: checks.CheckedDecision,
    today: datetime.date,
    reason: str,
    replaces: Decision | None,
) -> Decision:
    decision = Decision(
        application=application,
        replaces=replaces,
        reason=reason,
        outcome=checked.outcome,
        amount=checked.amount,
        frequency=checked.frequency,
        period_start=checked.period_start,
        period_end=checked.period_end,
        reasoning=checked.reasoning,
        calculation=calculate(application, checked.period_start).as_record(),
        activity_condition=checked.activity_condition,
        activity=checked.activity,
        exemption_reason=checked.exemption_reason,
        exemption_explanation=checked.exemption_explanation,
        decided_by=acting_user(actor),
        decided_on=today,
    )
    conditions = [Condition(text=text) for text in checked.conditions]
    decision.letter = decision_letter_text(decision, conditions)
    decision.save(force_insert=True)
    for condition in conditions:
        condition.decision = decision
    Condition.objects.bulk_create(conditions)
    return decision


def _feed_follow_up(actor: Actor, decision: Decision, replaced: Decision | None) -> None:
    """The benefit period on record as the decision gives it (`decision_benefits`), and the
    § 20 a record when the condition of activity was decided anew."""
    person = decision.application.person
    decision_benefits.follow_decision(actor, decision, replaced)
    if decision.activity_condition == ActivityCondition.NOT_APPLICABLE:
        return
    if replaced is not None and _same_activity_condition(decision, replaced):
        return
    set_ = decision.activity_condition == ActivityCondition.SET
    followup_services.activity_requirement_record(
        actor=actor,
        person=person,
        outcome="condition_set" if set_ else "exempt",
        decided_on=decision.decided_on,
        activity=decision.activity,
        exemption_reason=decision.exemption_reason,
        exemption_other=decision.exemption_explanation,
    )


def _same_activity_condition(decision: Decision, replaced: Decision) -> bool:
    fields = ("activity_condition", "activity", "exemption_reason", "exemption_explanation")
    return all(getattr(decision, f) == getattr(replaced, f) for f in fields)


def _audit(actor: Actor, decision: Decision, before: dict[str, object]) -> None:
    audit.record(
        actor=actor,
        action="assistance_decision.made",
        target=decision,
        before=before,
        after={
            "application": str(decision.application_id),
            "reason": decision.reason,
            "outcome": decision.outcome,
            "amount": str(decision.amount),
            "frequency": decision.frequency,
            "period": [decision.period_start, decision.period_end],
            "activity_condition": decision.activity_condition,
            "conditions": decision.conditions.count(),
        },
    )
