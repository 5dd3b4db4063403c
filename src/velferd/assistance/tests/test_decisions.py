"""The decision on an application: what it writes (the decision, its conditions, its letter,
the benefit on record, the § 20 a record, the payments) and what it refuses, nothing half
written."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from velferd.assistance.models import (
    ActivityCondition,
    Application,
    ApplicationStatus,
    Decision,
    Payment,
)
from velferd.assistance.services.decision_checks import DecisionInput
from velferd.assistance.services.decisions import decision_make, decision_replace
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor, staff_at
from velferd.followup.models import ActivityRequirement, Benefit
from velferd.people.tests.factories import a_person

from .factories import an_application, guideline_rates

pytestmark = pytest.mark.django_db


def years_ago(years: int) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years, day=min(today.day, 28))


def decision(**fields: Any) -> DecisionInput:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "outcome": "granted",
        "amount": "7850",
        "frequency": "monthly",
        "period_start": today,
        "period_end": today + datetime.timedelta(days=60),
        "reasoning": "Du har ikke inntekt denne måneden, og du har ikke penger i banken.",
        "conditions": ["Du må sende kontoutskrift hver måned."],
    }
    values.update(fields)
    return DecisionInput(**values)


def make(application: Application, **fields: Any) -> Decision:
    return decision_make(
        actor=login_actor("sosialkonsulent"),
        application_id=application.pk,
        version=application.version,
        data=decision(**fields),
    )


def test_a_grant_with_a_condition_of_activity_feeds_follow_up_and_payments() -> None:
    guideline_rates()
    application = an_application(a_person(birth_date=years_ago(24)))
    made = make(application, activity="Delta på jobbklubb hos NAV to dager i uka.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECIDED
    assert made.activity_condition == ActivityCondition.SET
    assert [c.text for c in made.conditions.all()] == ["Du må sende kontoutskrift hver måned."]
    benefit = Benefit.objects.get(person=application.person, kind="financial_assistance")
    assert (benefit.starts_on, benefit.ends_on) == (made.period_start, made.period_end)
    requirement = ActivityRequirement.objects.get(person=application.person)
    assert requirement.outcome == "condition_set"
    assert "jobbklubb" in requirement.activity
    assert Payment.objects.filter(decision=made).count() >= 2
    assert "Statsforvalteren" in made.letter and "tre uker" in made.letter
    assert "§ 20 a" in made.letter
    assert made.calculation["year"] == 2024
    assert AuditEvent.objects.filter(action="assistance_decision.made").exists()


def test_weighty_reasons_are_recorded_instead_of_the_condition() -> None:
    application = an_application(a_person(birth_date=years_ago(22)))
    made = make(application, exemption_reason="health")
    assert made.activity_condition == ActivityCondition.EXEMPT
    assert ActivityRequirement.objects.get(person=application.person).outcome == "exempt"
    assert "helsen din" in made.letter


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({}, "activity_condition_required"),
        ({"activity": "Jobbklubb", "exemption_reason": "health"}, "activity_and_exemption"),
        ({"activity": "Jobbklubb", "reasoning": "  "}, "reasoning_required"),
        ({"activity": "Jobbklubb", "amount": "-100"}, "amount_out_of_range"),
        ({"activity": "Jobbklubb", "amount": "9999999"}, "amount_out_of_range"),
        ({"activity": "Jobbklubb", "outcome": "refused"}, "amount_on_refusal"),
    ],
)
def test_a_wrong_decision_under_30_is_refused_and_nothing_is_written(
    fields: dict[str, Any], code: str
) -> None:
    application = an_application(a_person(birth_date=years_ago(24)))
    with pytest.raises(DomainError) as refused:
        make(application, **fields)
    assert refused.value.code == code
    assert refused.value.message_nb and refused.value.message_en
    assert not Decision.objects.filter(application=application).exists()
    assert not Benefit.objects.filter(person=application.person).exists()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_no_condition_of_activity_for_someone_of_30_or_more() -> None:
    application = an_application(a_person(birth_date=years_ago(45)))
    with pytest.raises(DomainError) as refused:
        make(application, activity="Jobbklubb")
    assert refused.value.code == "not_under_30"


def test_a_refusal_gives_no_benefit_and_no_payment() -> None:
    application = an_application(a_person(birth_date=years_ago(45)))
    made = make(application, outcome="refused", amount="0", conditions=[])
    assert made.amount == Decimal("0.00")
    assert not Payment.objects.filter(decision=made).exists()
    assert not Benefit.objects.filter(person=application.person).exists()
    assert "Du får ikke økonomisk stønad" in made.letter


def test_a_caseworker_of_another_office_or_the_state_side_may_not_decide() -> None:
    application = an_application(a_person(birth_date=years_ago(45)))
    for actor, status in (
        (staff_at("0320", "sagene-sosial", "caseworker_municipal"), 404),
        (login_actor("veileder"), 404),
    ):
        with pytest.raises(DomainError) as refused:
            decision_make(actor=actor, application_id=application.pk, version=1, data=decision())
        assert refused.value.status == status
    assert not Decision.objects.filter(application=application).exists()


def test_a_stale_version_is_refused_with_409() -> None:
    application = an_application(a_person(birth_date=years_ago(45)))
    with pytest.raises(DomainError) as refused:
        decision_make(
            actor=login_actor("sosialkonsulent"),
            application_id=application.pk,
            version=application.version + 1,
            data=decision(),
        )
    assert refused.value.status == 409


def test_a_decided_application_is_not_decided_again() -> None:
    application = an_application(a_person(birth_date=years_ago(45)))
    make(application)
    application.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        make(application)
    assert refused.value.code == "application_closed"


def test_a_breach_of_a_condition_reduces_the_amount_by_a_new_decision() -> None:
    application = an_application(a_person(birth_date=years_ago(24)))
    first = make(application, activity="Jobbklubb to dager i uka.")
    condition = first.conditions.get()
    reduced = decision_replace(
        actor=login_actor("sosialkonsulent"),
        decision_id=first.pk,
        reason="breach_of_condition",
        breached_condition=str(condition.pk),
        data=decision(
            outcome="partly_granted",
            amount="5000",
            reasoning="Du har ikke sendt kontoutskrift for forrige måned.",
            activity="Jobbklubb to dager i uka.",
        ),
    )
    condition.refresh_from_db()
    assert condition.breached_on == timezone.localdate()
    assert reduced.replaces == first and reduced.reason == "breach_of_condition"
    assert "mindre penger" in reduced.letter
    assert Benefit.objects.filter(person=application.person).count() == 1
    assert ActivityRequirement.objects.filter(person=application.person).count() == 1


def test_a_breach_must_reduce_the_amount() -> None:
    application = an_application(a_person(birth_date=years_ago(45)))
    first = make(application)
    with pytest.raises(DomainError) as refused:
        decision_replace(
            actor=login_actor("sosialkonsulent"),
            decision_id=first.pk,
            reason="breach_of_condition",
            breached_condition=str(first.conditions.get().pk),
            data=decision(amount="9000"),
        )
    assert refused.value.code == "not_a_reduction"
    assert Decision.objects.filter(application=application).count() == 1
