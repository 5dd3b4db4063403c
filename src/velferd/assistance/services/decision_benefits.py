"""The benefit period on record in follow-up for financial assistance, kept as the decisions
give it. The first decision that gives money records it; every decision that replaces
another carries it along (`Decision.benefit`), through follow-up's services and in the
decision's own transaction.

A decision that replaces another governs from its own first day; the days before it stay as
the decision it replaces gave them. So:

- a replacement that gives nothing (a refusal after an appeal, a reduction to 0 after a
  breach of a condition) ends the period the day before its own first day, or takes it off
  the record when it begins on or before the period's first day (the period never ran);
- a replacement that gives money runs the period on to its own last day, from the period's
  first day when it follows on from it, or from its own first day when it begins on or
  before the period's first day (a new period after an appeal); after a gap it records a
  period of its own."""

from __future__ import annotations

import datetime
from typing import Any

from velferd.access.actor import Actor
from velferd.followup import services as followup_services

from ..models import Decision, Outcome

DAY = datetime.timedelta(days=1)
KIND = "financial_assistance"


def gives_money(decision: Decision) -> bool:
    return decision.outcome != Outcome.REFUSED and decision.amount > 0


def follow_decision(actor: Actor, decision: Decision, replaced: Decision | None) -> None:
    """Record, move, end or take off the benefit period as `decision` gives it, and link the
    decision to the period that stands for it."""
    benefit = replaced.benefit if replaced is not None else None
    if benefit is None:
        decision.benefit = _recorded(actor, decision) if gives_money(decision) else None
    elif gives_money(decision):
        decision.benefit = _run_on(actor, benefit, decision)
    else:
        decision.benefit = _cut(actor, benefit, decision)
    decision.save(update_fields=["benefit"])


def _recorded(actor: Actor, decision: Decision) -> Any:
    return followup_services.benefit_record(
        actor=actor,
        person=decision.application.person,
        kind=KIND,
        starts_on=decision.period_start,
        ends_on=decision.period_end,
    )


def _last_kept_day(benefit: Any, decision: Decision) -> datetime.date:
    """The last day the replaced decisions still give: before the new decision begins."""
    day_before = decision.period_start - DAY
    return day_before if benefit.ends_on is None else min(benefit.ends_on, day_before)


def _run_on(actor: Actor, benefit: Any, decision: Decision) -> Any:
    kept_until = _last_kept_day(benefit, decision)
    if kept_until < benefit.starts_on:
        starts_on = decision.period_start
    elif kept_until + DAY == decision.period_start:
        starts_on = benefit.starts_on
    else:
        return _recorded(actor, decision)
    if (starts_on, decision.period_end) == (benefit.starts_on, benefit.ends_on):
        return benefit
    return followup_services.benefit_change(
        actor=actor, benefit=benefit, starts_on=starts_on, ends_on=decision.period_end
    )


def _cut(actor: Actor, benefit: Any, decision: Decision) -> Any:
    kept_until = _last_kept_day(benefit, decision)
    if kept_until < benefit.starts_on:
        followup_services.benefit_delete(actor=actor, benefit=benefit)
        return None
    if kept_until == benefit.ends_on:
        return benefit
    return followup_services.benefit_end(actor=actor, benefit=benefit, ends_on=kept_until)
