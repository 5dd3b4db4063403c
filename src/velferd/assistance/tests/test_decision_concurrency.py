"""Two caseworkers deciding one application at once, and a reduction made twice at once, on
real concurrent connections (PostgreSQL): one decision is made, the other is refused with
409, and the benefit, the § 20 a record and the payments are written once."""

from __future__ import annotations

import datetime
from functools import partial

import pytest
from django.utils import timezone

from velferd.access.roles import Role
from velferd.assistance.models import Decision, Payment
from velferd.assistance.services.decision_checks import DecisionInput
from velferd.assistance.services.decisions import decision_make, decision_replace
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor, new_user
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.followup.models import ActivityRequirement, Benefit
from velferd.organisation import selectors as organisation_selectors
from velferd.people.tests.factories import a_person

from .factories import an_application

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo() -> None:
    load_demo_data()


def _decision(**fields: object) -> DecisionInput:
    today = timezone.localdate()
    values: dict[str, object] = {
        "outcome": "granted",
        "amount": "7000",
        "frequency": "monthly",
        "period_start": today,
        "period_end": today + datetime.timedelta(days=59),
        "reasoning": "Du har ingen inntekt nå.",
        "conditions": ["Send kontoutskrift."],
        "activity": "Jobbklubb to dager i uka.",
        **fields,
    }
    return DecisionInput(**values)  # type: ignore[arg-type]


def _refusals(results: list[object]) -> list[DomainError]:
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(refused) + sum(isinstance(r, Decision) for r in results) == len(results), results
    return refused


def test_two_decisions_on_one_application_at_once(demo: None) -> None:
    born = timezone.localdate().replace(year=timezone.localdate().year - 24, day=1)
    application = an_application(a_person(birth_date=born))
    other = new_user(
        "sosialkonsulent-2", Role.CASEWORKER_MUNICIPAL, office=organisation_selectors.office("0317")
    )
    results = run_together(
        [
            partial(
                decision_make,
                actor=actor,
                application_id=application.pk,
                version=application.version,
                data=_decision(),
            )
            for actor in (login_actor("sosialkonsulent"), other)
        ]
    )
    refused = _refusals(results)
    assert [e.status for e in refused] == [409]
    assert Decision.objects.filter(application=application).count() == 1
    person = application.person
    assert Benefit.objects.filter(person=person, kind="financial_assistance").count() == 1
    assert ActivityRequirement.objects.filter(person=person).count() == 1
    decision = Decision.objects.get(application=application)
    assert Payment.objects.filter(decision=decision).count() >= 2


def test_one_decision_is_reduced_once_when_two_try_at_once(demo: None) -> None:
    application = an_application(a_person(birth_date=datetime.date(1970, 1, 1)))
    first = decision_make(
        actor=login_actor("sosialkonsulent"),
        application_id=application.pk,
        version=application.version,
        data=_decision(activity=""),
    )
    condition = str(first.conditions.get().pk)
    results = run_together(
        [
            partial(
                decision_replace,
                actor=login_actor("sosialkonsulent"),
                decision_id=first.pk,
                reason="breach_of_condition",
                breached_condition=condition,
                data=_decision(activity="", outcome="partly_granted", amount=amount),
            )
            for amount in ("5000", "4000")
        ]
    )
    refused = _refusals(results)
    assert len(refused) == 1 and refused[0].status in (409, 422)
    assert Decision.objects.filter(replaces=first).count() == 1
