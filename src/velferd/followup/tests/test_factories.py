"""The follow-up factories make valid records on the people factories' person, and the
portfolio shows them as it shows the services' records."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.utils import timezone

from velferd.access import policies
from velferd.core.testing import login_actor
from velferd.followup.models import (
    AssessmentStatus,
    NeedGroup,
    PortfolioState,
    Waiting,
)
from velferd.followup.portfolio import PortfolioQuery, portfolio
from velferd.people.tests.factories import a_person

from .factories import (
    a_benefit,
    a_measure,
    a_message,
    a_period,
    a_plan,
    a_thread,
    an_activity,
    an_assessment,
)

pytestmark = pytest.mark.django_db


def in_portfolio(person_id: uuid.UUID, *flags: str, login: str = "veileder") -> bool:
    """Whether a demo login at NAV Grünerløkka (the caseworker unless told) finds the person
    on any page of the portfolio, under these flags."""
    actor, query = login_actor(login), PortfolioQuery(flags=set(flags))
    page, seen = 1, set()
    while True:
        found = portfolio(actor=actor, query=query, page=page, page_size=200)
        seen |= {row.person_id for row in found.rows}
        if page * 200 >= found.count:
            return person_id in seen
        page += 1


def test_a_factory_period_is_open_at_the_persons_office_and_in_the_portfolio() -> None:
    period = a_period()

    period.full_clean()
    assert period.is_open
    assert period.office == period.person.office
    assert in_portfolio(period.person_id, "unassigned", "assessment_missing")


def test_a_person_with_no_period_is_not_in_the_portfolio() -> None:
    assert not in_portfolio(a_person().pk)


def test_a_factory_assessment_is_a_draft_in_the_persons_period() -> None:
    assessment = an_assessment()

    assessment.full_clean()
    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.period.person == assessment.person
    # A draft is no decision: the portfolio still misses one.
    assert in_portfolio(assessment.person_id, "assessment_missing")


def test_a_sent_factory_assessment_gives_the_portfolio_its_need_group() -> None:
    assessment = an_assessment(
        status=AssessmentStatus.SENT, need_group=NeedGroup.SITUATION_SPECIFIC
    )

    state = PortfolioState.objects.get(person=assessment.person)
    assert state.need_group == NeedGroup.SITUATION_SPECIFIC
    assert not in_portfolio(assessment.person_id, "assessment_missing")


def test_a_factory_activity_is_planned_and_gives_the_portfolio_its_deadline() -> None:
    period = a_period()
    activity = an_activity(person=period.person)

    activity.full_clean()
    assert PortfolioState.objects.get(person=period.person).next_deadline == activity.ends_on
    assert not in_portfolio(period.person_id, "overdue_activities")


def test_a_thread_waiting_for_the_office_is_flagged_in_the_portfolio() -> None:
    period = a_period()
    thread = a_thread(person=period.person, waiting_for=Waiting.OFFICE, read_by_office=False)
    message = a_message(thread=thread, from_office=False, author=login_actor("veileder").user)

    thread.full_clean()
    message.full_clean()
    assert list(thread.messages.all()) == [message]
    assert in_portfolio(period.person_id, "waiting_for_office")


def test_a_factory_benefit_runs_from_two_months_ago() -> None:
    benefit = a_benefit()

    benefit.full_clean()
    assert benefit.starts_on < timezone.localdate()
    assert benefit.ends_on is None


def test_the_activity_requirement_flag_follows_who_may_see_financial_assistance() -> None:
    young = a_person(birth_date=timezone.localdate() - datetime.timedelta(days=20 * 365))
    a_period(person=young)
    a_benefit(person=young, kind="financial_assistance")

    for login in ("veileder", "sosialkonsulent"):
        may_see = policies.can_view_municipal_records(login_actor(login), young)
        flagged = in_portfolio(young.pk, "activity_requirement", login=login)
        assert flagged is may_see, login


def test_a_factory_plan_has_nav_as_coordinator_and_its_measures_a_deadline() -> None:
    plan = a_plan()
    measure = a_measure(plan=plan)

    plan.full_clean()
    measure.full_clean()
    [member] = plan.members.all()
    assert (member.service, member.is_coordinator) == ("nav", True)
    assert measure.responsible_service == member.service
    assert measure.deadline > timezone.localdate()


def test_an_overdue_measure_is_flagged_in_the_portfolio() -> None:
    period = a_period()
    plan = a_plan(person=period.person)
    a_measure(plan=plan, deadline=timezone.localdate() - datetime.timedelta(days=3))

    assert in_portfolio(period.person_id, "plan_overdue_measures")
