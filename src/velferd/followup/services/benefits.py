"""Benefits on record for follow-up, and the municipality's assessment for the
qualification programme."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.validation import invalid

from ..locking import lock_person, lock_record
from ..models import Benefit, BenefitKind, QualificationAssessment, QualificationOutcome

if TYPE_CHECKING:
    from velferd.people.models import Person


@retried_atomic
def benefit_record(
    *,
    actor: Actor,
    person: Person,
    kind: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    degree: int | None = None,
) -> Benefit:
    """Record a benefit period. Municipal benefits only by those who may see them."""
    if kind not in BenefitKind.values:
        raise invalid("unknown_benefit", "kind", "Ukjent ytelse.", "Unknown benefit.")
    policies.require(actor, policies.can_record_benefit, Benefit(person=person, kind=kind))
    _refuse_end_before_start(starts_on, ends_on)
    if kind == BenefitKind.DISABILITY_BENEFIT:
        if degree is None or not 1 <= degree <= 100:
            raise invalid(
                "degree_required",
                "degree",
                "Uføregraden må være mellom 1 og 100 prosent.",
                "The degree of disability must be between 1 and 100 per cent.",
            )
    elif degree is not None:
        raise invalid(
            "degree_not_applicable",
            "degree",
            "Bare uføretrygd har en grad.",
            "Only disability benefit has a degree.",
        )
    lock_person(person.pk)
    benefit = Benefit.objects.create(
        person=person, kind=kind, starts_on=starts_on, ends_on=ends_on, degree=degree
    )
    audit.record(
        actor=actor,
        action="benefit.recorded",
        target=benefit,
        after=audit.snapshot(benefit, "kind", "starts_on", "ends_on", "degree"),
    )
    return benefit


@retried_atomic
def benefit_end(*, actor: Actor, benefit: Benefit, ends_on: datetime.date) -> Benefit:
    policies.require(actor, policies.can_record_benefit, benefit)
    benefit = lock_record(benefit, "person")
    _refuse_end_before_start(benefit.starts_on, ends_on)
    before = {"ends_on": benefit.ends_on}
    benefit.ends_on = ends_on
    benefit.save(update_fields=["ends_on", "updated_at"])
    audit.record(
        actor=actor,
        action="benefit.ended",
        target=benefit,
        before=before,
        after={"ends_on": ends_on},
    )
    return benefit


@retried_atomic
def benefit_change(
    *, actor: Actor, benefit: Benefit, starts_on: datetime.date, ends_on: datetime.date | None
) -> Benefit:
    """Move a benefit period, as when the decision behind it is changed (a new period after
    an appeal)."""
    policies.require(actor, policies.can_record_benefit, benefit)
    benefit = lock_record(benefit, "person")
    _refuse_end_before_start(starts_on, ends_on)
    before = audit.snapshot(benefit, "starts_on", "ends_on")
    benefit.starts_on, benefit.ends_on = starts_on, ends_on
    benefit.save(update_fields=["starts_on", "ends_on", "updated_at"])
    audit.record(
        actor=actor,
        action="benefit.changed",
        target=benefit,
        before=before,
        after=audit.snapshot(benefit, "starts_on", "ends_on"),
    )
    return benefit


@retried_atomic
def benefit_delete(*, actor: Actor, benefit: Benefit) -> None:
    """Take a benefit period off the record, as when the decision that gave it is replaced
    from its first day by one that gives nothing: the period never ran."""
    policies.require(actor, policies.can_record_benefit, benefit)
    locked = lock_record(benefit)
    audit.record(
        actor=actor,
        action="benefit.deleted",
        target=locked,
        before=audit.snapshot(locked, "kind", "starts_on", "ends_on", "degree"),
    )
    locked.delete()


@retried_atomic
def qualification_assessment_record(
    *,
    actor: Actor,
    person: Person,
    outcome: str,
    assessed_on: datetime.date | None = None,
    note: str = "",
) -> QualificationAssessment:
    """The qualification programme is the municipality's: its caseworkers record that a
    person was assessed for it."""
    policies.require(actor, policies.can_assess_for_qualification, person)
    if outcome not in QualificationOutcome.values:
        raise invalid("unknown_outcome", "outcome", "Ukjent utfall.", "Unknown outcome.")
    lock_person(person.pk)
    assessment = QualificationAssessment.objects.create(
        person=person,
        outcome=outcome,
        assessed_on=assessed_on or timezone.localdate(),
        note=(note or "").strip()[:2000],
    )
    audit.record(
        actor=actor,
        action="qualification.assessed",
        target=assessment,
        after={"outcome": outcome, "assessed_on": assessment.assessed_on},
    )
    return assessment


def _refuse_end_before_start(starts_on: datetime.date, ends_on: datetime.date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise invalid(
            "ends_before_start",
            "ends_on",
            "Perioden kan ikke slutte før den begynner.",
            "The period cannot end before it starts.",
        )
