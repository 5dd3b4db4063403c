"""The portfolio's state rows: one per open follow-up period, kept in step with the records
they sum up, rewritten nightly where a later benefit or consent period takes over, and
rebuilt by `velferd refresh-portfolio --all` after a bulk load."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command

from velferd.access.actor import Actor
from velferd.followup import portfolio_state, services as followup
from velferd.followup.models import OPEN_ENDED, Activity, PortfolioState
from velferd.followup.portfolio_state import current_stretch, stretches
from velferd.people.models import Person
from velferd.people.services import consent_withdraw, person_update

from .sagene import DAY, Sagene, flagged, sagene_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def sagene(system: Actor) -> Sagene:
    return sagene_office(system)


JAN_1 = datetime.date(2025, 1, 1)


def day(month: int, day_of_month: int) -> datetime.date:
    return datetime.date(2025, month, day_of_month)


class TestStretches:
    def test_periods_that_follow_on_the_next_day_are_one_stretch(self) -> None:
        assert stretches([(day(1, 1), day(1, 31)), (day(2, 1), day(2, 28))]) == [
            (day(1, 1), day(2, 28))
        ]

    def test_overlapping_periods_are_one_stretch(self) -> None:
        assert stretches([(day(3, 1), day(5, 31)), (day(1, 1), day(3, 15))]) == [
            (day(1, 1), day(5, 31))
        ]

    def test_a_gap_of_a_day_makes_two(self) -> None:
        assert stretches([(day(1, 1), day(1, 30)), (day(2, 1), None)]) == [
            (day(1, 1), day(1, 30)),
            (day(2, 1), OPEN_ENDED),
        ]

    def test_an_open_ended_period_swallows_what_comes_after(self) -> None:
        assert stretches([(day(1, 1), None), (day(6, 1), day(6, 30))]) == [(day(1, 1), OPEN_ENDED)]


class TestCurrentStretch:
    FOUND = [(day(1, 1), day(3, 31)), (day(5, 1), day(7, 31))]

    def test_the_stretch_holding_today_and_when_the_next_takes_over(self) -> None:
        assert current_stretch(self.FOUND, day(2, 10)) == (self.FOUND[0], day(3, 31))

    def test_between_stretches_the_next_one(self) -> None:
        assert current_stretch(self.FOUND, day(4, 10)) == (self.FOUND[1], None)

    def test_after_the_last_the_last_one(self) -> None:
        assert current_stretch(self.FOUND, day(9, 1)) == (self.FOUND[1], None)

    def test_none_on_record(self) -> None:
        assert current_stretch([], day(9, 1)) == (None, None)


def state_of(who: Person) -> PortfolioState | None:
    return PortfolioState.objects.filter(person=who).first()


class TestKeptInStep:
    def test_a_row_for_each_open_period_only(self, sagene: Sagene) -> None:
        who = sagene.register("Åse", "Sagen", datetime.date(1990, 1, 10))
        assert state_of(who) is None

        period = sagene.follow(who)
        assert state_of(who) is not None

        followup.period_end(
            actor=sagene.state, period=period, version=period.version, reason="Jobb"
        )
        assert state_of(who) is None

    def test_an_agreed_activity_and_its_end(self, sagene: Sagene) -> None:
        who = sagene.person("Åse")
        activity = sagene.activity(who, ends_on=JAN_1 + 400 * DAY)
        state = state_of(who)
        assert state is not None
        assert state.agreed_open_until == JAN_1 + 400 * DAY
        assert state.next_deadline == JAN_1 + 400 * DAY

        followup.activity_transition(
            actor=sagene.state,
            activity=Activity.objects.get(pk=activity.pk),
            status="completed",
            version=activity.version,
        )
        state = state_of(who)
        assert state is not None
        assert (state.agreed_open_until, state.next_deadline) == (None, None)

    def test_a_new_name_is_sorted_under_at_once(self, sagene: Sagene) -> None:
        who = sagene.person("Åse", family="Sagen")
        person_update(actor=sagene.state, person=who, version=who.version, family_name="Aas")
        state = state_of(who)
        assert state is not None
        assert state.family_name == "Aas"

    def test_withdrawing_consent_hides_the_municipal_flags_from_the_state_side_at_once(
        self, sagene: Sagene
    ) -> None:
        who = sagene.person("Ung", born=datetime.date(2000, 5, 5))
        sagene.assistance(who, since=datetime.date(2024, 1, 1))
        consent = sagene.consent_for_nav(who, starts_on=datetime.date(2024, 1, 1))
        today = datetime.date.today()
        assert flagged(sagene.state, "activity_requirement", today=today) == ["Ung"]

        consent_withdraw(actor=sagene.state, consent=consent)

        assert flagged(sagene.state, "activity_requirement", today=today) == []
        assert flagged(sagene.municipal, "activity_requirement", today=today) == ["Ung"]


def up_to_date(today: datetime.date) -> None:
    """Every state row already there is refreshed as of `today`, so that what a nightly
    refresh that day rewrites is the test's own."""
    for _ in portfolio_state.refresh_all(only_stale=True, today=today):
        pass


class TestNightlyRefresh:
    def test_a_later_period_of_assistance_takes_over_when_the_first_runs_out(
        self, sagene: Sagene
    ) -> None:
        up_to_date(day(5, 10))
        who = sagene.person("Ung", born=datetime.date(2000, 5, 5))
        sagene.assistance(who, since=day(1, 1), until=day(3, 31))
        sagene.assistance(who, since=day(5, 1), until=day(7, 31))
        portfolio_state.refresh(who.pk, today=day(2, 10))
        state = state_of(who)
        assert state is not None
        assert state.stale_after == day(3, 31)
        assert flagged(sagene.municipal, "activity_requirement", today=day(5, 10)) == []

        rewritten = sum(portfolio_state.refresh_all(only_stale=True, today=day(5, 10)))

        assert rewritten == 1
        assert flagged(sagene.municipal, "activity_requirement", today=day(5, 10)) == ["Ung"]
        state = state_of(who)
        assert state is not None
        assert state.stale_after is None

    def test_rows_that_cannot_go_stale_are_left_alone(self, sagene: Sagene) -> None:
        up_to_date(day(12, 31))
        who = sagene.person("Ung", born=datetime.date(2000, 5, 5))
        sagene.assistance(who, since=day(1, 1))

        assert sum(portfolio_state.refresh_all(only_stale=True, today=day(12, 31))) == 0


class TestRebuild:
    def test_refresh_portfolio_all_repairs_what_a_bulk_update_went_around(
        self, sagene: Sagene
    ) -> None:
        who = sagene.person("Åse")
        sagene.activity(who, ends_on=JAN_1 + 400 * DAY)
        Activity.objects.filter(person=who).update(status="cancelled")  # no signals
        state = state_of(who)
        assert state is not None
        assert state.agreed_open_until is not None

        out = io.StringIO()
        call_command("refresh_portfolio", "--all", stdout=out)

        state = state_of(who)
        assert state is not None
        assert state.agreed_open_until is None
        assert "portfolio rows rewritten" in out.getvalue()
