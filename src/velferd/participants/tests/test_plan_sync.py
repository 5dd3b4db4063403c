"""The participation in the person's activity plan: an activity of kind "scheme" follows its
status and dates, and the plan's history shows each change."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from velferd.access.actor import Actor
from velferd.followup.models import Activity, ActivityChange
from velferd.followup.tests.factories import a_period
from velferd.participants.models import ParticipationStatus as S
from velferd.participants.services import sync_plan
from velferd.participants.tests.factories import a_participation

pytestmark = pytest.mark.django_db


@pytest.fixture
def veileder(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("veileder")


def test_a_draft_shows_as_a_proposed_scheme_activity(veileder: Actor) -> None:
    participation = sync_plan(veileder, a_participation(status=S.DRAFT))
    assert participation.activity_id is not None
    activity = Activity.objects.get(pk=participation.activity_id)
    assert (activity.kind, activity.status) == ("scheme", "proposed")
    assert participation.delivery.name in activity.title
    assert activity.starts_on == participation.starts_on


@pytest.mark.parametrize(
    ("statuses", "in_plan"),
    [
        ([S.APPLIED, S.WAITING_LIST], "planned"),
        ([S.APPLIED, S.AWAITING_START, S.PARTICIPATING], "in_progress"),
        ([S.APPLIED, S.AWAITING_START, S.PARTICIPATING, S.COMPLETED], "completed"),
        ([S.APPLIED, S.NOT_RELEVANT], "cancelled"),
        ([S.WITHDRAWN_DRAFT], "cancelled"),
    ],
)
def test_the_activity_follows_the_status(
    veileder: Actor, statuses: list[str], in_plan: str
) -> None:
    participation = sync_plan(veileder, a_participation(status=S.DRAFT))
    for status in statuses:
        participation.status = status
        participation.save()
        sync_plan(veileder, participation)
    assert participation.activity_id is not None
    assert Activity.objects.get(pk=participation.activity_id).status == in_plan


def test_the_plans_history_shows_each_change(veileder: Actor) -> None:
    participation = sync_plan(veileder, a_participation(status=S.APPLIED))
    participation.ends_on = datetime.date(2026, 9, 30)
    participation.save()
    sync_plan(veileder, participation)
    sync_plan(veileder, participation)
    assert participation.activity_id is not None
    changes = ActivityChange.objects.filter(activity_id=participation.activity_id)
    assert [change.what for change in changes.order_by("changed_at")] == ["created", "updated"]
    after = changes.get(what="updated").after
    assert after is not None and after["ends_on"] == "2026-09-30"


def test_the_portfolio_flags_waiting_and_the_end_date(veileder: Actor) -> None:
    period = a_period()
    participation = sync_plan(
        veileder, a_participation(person=period.person, status=S.WAITING_LIST)
    )
    assert period.state.scheme_waiting is True
    participation.status = S.AWAITING_START
    participation.save()
    sync_plan(veileder, participation)
    participation.status = S.PARTICIPATING
    participation.save()
    sync_plan(veileder, participation)
    period.state.refresh_from_db()
    assert period.state.scheme_waiting is False
    assert period.state.scheme_ends_on == participation.ends_on


def test_the_portfolio_filters_on_the_scheme_flags(veileder: Actor) -> None:
    from django.utils import timezone

    from velferd.followup.tests.test_factories import in_portfolio

    waiting_period, running_period = a_period(), a_period()
    sync_plan(veileder, a_participation(person=waiting_period.person, status=S.WAITING_LIST))
    today = timezone.localdate()
    sync_plan(
        veileder,
        a_participation(
            person=running_period.person,
            status=S.PARTICIPATING,
            starts_on=today - datetime.timedelta(days=60),
            ends_on=today + datetime.timedelta(days=10),
        ),
    )
    assert in_portfolio(waiting_period.person_id, "scheme_waiting")
    assert not in_portfolio(running_period.person_id, "scheme_waiting")
    assert in_portfolio(running_period.person_id, "scheme_ends_soon")
    assert not in_portfolio(waiting_period.person_id, "scheme_ends_soon")
