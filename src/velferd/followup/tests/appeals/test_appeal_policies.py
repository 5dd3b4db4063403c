"""Who sees and prepares appeals (forvaltningsloven § 33: the office that made the decision
prepares the appeal): each list filter in access/policies/followup.py gives the same answer
as the predicate beside it, so the office's list never shows what the appeal's page hides."""

from __future__ import annotations

import datetime

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.testing import filter_disagreements, login_actor
from velferd.followup.models import Appeal, NeedsAssessment
from velferd.followup.tests.factories import a_period, an_assessment
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, office_employee, strictly_confidential

from .conftest import GROUNDS

pytestmark = pytest.mark.django_db


def appealed(person: Person) -> Appeal:
    """An appeal, received today, of a decision sent to the person a week ago."""
    period = person.periods.first() or a_period(person=person)
    decision: NeedsAssessment = an_assessment(
        period=period,
        status="sent",
        sources=["dialogue"],
        sent_at=timezone.now() - datetime.timedelta(days=7),
    )
    today = timezone.localdate()
    return Appeal.objects.create(
        person=person,
        decision=decision,
        grounds=GROUNDS,
        received_on=today,
        deadline=today + datetime.timedelta(weeks=5),
        lodged_by_person=True,
        registered_by=decision.author,
    )


@pytest.fixture
def rows(ola: Person, sagene: Actor) -> QuerySet[Appeal]:
    """Appeals of a person with their own login, a strictly confidential person, an office
    employee and a person at NAV Sagene, beside the demo's."""
    built = [
        appealed(ola),
        appealed(strictly_confidential()),
        appealed(office_employee()),
        appealed(a_person(office=sagene.assignments[0].office)),
    ]
    return Appeal.objects.filter(pk__in=[a.pk for a in built]) | Appeal.objects.all()


@pytest.fixture
def actors(ola_login: Actor, sagene: Actor) -> list[Actor]:
    staff = ["veileder", "sosialkonsulent", "beslutter", "kontorleder", "fastlege", "admin"]
    return [*(login_actor(name) for name in staff), ola_login, sagene]


def test_the_appeals_listed_are_those_whose_page_may_be_read(
    rows: QuerySet[Appeal], actors: list[Actor]
) -> None:
    wrong = filter_disagreements(rows, policies.can_view_appeal, policies.appeals_visible, actors)

    assert wrong == []


def test_the_office_list_of_appeals_is_those_the_actor_may_prepare(
    rows: QuerySet[Appeal], actors: list[Actor]
) -> None:
    """forvaltningsloven § 33: the caseworkers of the person's office prepare the appeal."""
    wrong = filter_disagreements(
        rows, policies.can_prepare_appeal, policies.appeals_preparable, actors
    )

    assert wrong == []


def test_decisions_appealable_agree_with_who_may_appeal(
    rows: QuerySet[Appeal], actors: list[Actor]
) -> None:
    """forvaltningsloven § 28: a sent decision, by the person or the office for them."""
    decisions = NeedsAssessment.objects.filter(person__appeals__in=rows).distinct()

    wrong = filter_disagreements(
        decisions, policies.can_appeal_decision, policies.decisions_appealable, actors
    )

    assert wrong == []


def test_the_person_sees_their_own_appeal_and_staff_elsewhere_do_not(
    ola: Person, ola_login: Actor, sagene: Actor
) -> None:
    appeal = appealed(ola)

    assert policies.can_view_appeal(ola_login, appeal)
    assert not policies.can_prepare_appeal(ola_login, appeal)
    assert policies.can_prepare_appeal(login_actor("veileder"), appeal)
    assert policies.can_view_appeal(login_actor("beslutter"), appeal)
    assert not policies.can_prepare_appeal(login_actor("beslutter"), appeal)
    assert not policies.can_view_appeal(sagene, appeal)
