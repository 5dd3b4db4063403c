"""The other flags of the portfolio, each at its edges on a fixed day."""

from __future__ import annotations

import datetime

import pytest

from velferd.followup import services as followup

from ..sagene import DAY, D, Sagene, at, flagged, years_before

pytestmark = pytest.mark.django_db


# The other flags -----------------------------------------------------------------------------


class TestOverdueActivities:
    @pytest.mark.parametrize(
        ("ends_on", "status", "agreed", "expected"),
        [
            pytest.param(D - DAY, "planned", True, True, id="planned-ended-yesterday"),
            pytest.param(D - DAY, "in_progress", False, True, id="own-in-progress-yesterday"),
            pytest.param(D, "planned", True, False, id="ending-today"),
            pytest.param(D - DAY, "completed", True, False, id="completed"),
            pytest.param(D - DAY, "cancelled", True, False, id="cancelled"),
            pytest.param(None, "planned", True, False, id="without-end"),
        ],
    )
    def test_an_open_activity_past_its_end(
        self,
        sagene: Sagene,
        ends_on: datetime.date | None,
        status: str,
        agreed: bool,
        expected: bool,
    ) -> None:
        who = sagene.person("Aktiv")
        sagene.activity(who, ends_on, status=status, agreed=agreed)
        assert flagged(sagene.state, "overdue_activities") == (["Aktiv"] if expected else [])


class TestMeetingsToday:
    @pytest.mark.parametrize(
        ("when", "cancelled", "expected"),
        [
            pytest.param(at(D, 0, 0), False, True, id="at-midnight"),
            pytest.param(at(D, 23, 59), False, True, id="just-before-midnight"),
            pytest.param(at(D - DAY, 23, 59), False, False, id="last-night"),
            pytest.param(at(D + DAY, 0, 0), False, False, id="tomorrow-at-midnight"),
            pytest.param(at(D, 10), True, False, id="cancelled"),
        ],
    )
    def test_a_meeting_on_the_day_in_the_offices_time_zone(
        self, sagene: Sagene, when: datetime.datetime, cancelled: bool, expected: bool
    ) -> None:
        who = sagene.person("Møte")
        sagene.meeting(who, when, cancelled=cancelled)
        assert flagged(sagene.state, "meetings_today") == (["Møte"] if expected else [])


class TestIndividualPlanWithOverdueMeasures:
    @pytest.mark.parametrize(
        ("deadlines", "done", "expected"),
        [
            pytest.param([D - DAY], 0, True, id="deadline-yesterday"),
            pytest.param([D], 0, False, id="deadline-today"),
            pytest.param([D - DAY], 1, False, id="done"),
            pytest.param([D - 10 * DAY, D - DAY], 1, True, id="one-of-two-done"),
            pytest.param([], 0, False, id="no-measures"),
        ],
    )
    def test_a_measure_not_done_past_its_deadline(
        self, sagene: Sagene, deadlines: list[datetime.date], done: int, expected: bool
    ) -> None:
        who = sagene.person("Plan")
        sagene.plan(who, *deadlines, done=done)
        assert flagged(sagene.state, "plan_overdue_measures") == (["Plan"] if expected else [])

    def test_no_plan_no_flag(self, sagene: Sagene) -> None:
        sagene.person("Plan")
        assert flagged(sagene.state, "plan_overdue_measures") == []


class TestChildrenUnder18:
    @pytest.mark.parametrize(
        ("children", "expected"),
        [
            pytest.param([years_before(18) + DAY], True, id="eighteen-tomorrow"),
            pytest.param([years_before(18)], False, id="eighteen-today"),
            pytest.param([years_before(18), D - 100 * DAY], True, id="one-grown-one-small"),
            pytest.param([], False, id="no-children"),
        ],
    )
    def test_a_child_under_18_on_the_day(
        self, sagene: Sagene, children: list[datetime.date], expected: bool
    ) -> None:
        sagene.person("Forelder", born=datetime.date(1980, 1, 1), children=children)
        assert flagged(sagene.state, "children_under_18") == (["Forelder"] if expected else [])


class TestOneLinerFlags:
    def test_interpreter(self, sagene: Sagene) -> None:
        sagene.person("Tolk", needs_interpreter=True, language="so")
        sagene.person("Uten")
        assert flagged(sagene.state, "needs_interpreter") == ["Tolk"]

    def test_mine_is_the_actors_own_people(self, sagene: Sagene) -> None:
        sagene.person("Statlig", by=sagene.state)
        sagene.person("Kommunal", by=sagene.municipal)
        sagene.follow(sagene.register("Ingen", "Sagen", datetime.date(1990, 1, 1)))

        assert flagged(sagene.state, "mine") == ["Statlig"]
        assert flagged(sagene.municipal, "mine") == ["Kommunal"]
        assert flagged(sagene.approver, "mine") == []

    def test_unassigned_is_whoever_has_no_caseworker(self, sagene: Sagene) -> None:
        sagene.person("Statlig", by=sagene.state)
        sagene.follow(sagene.register("Ingen", "Sagen", datetime.date(1990, 1, 1)))
        assert flagged(sagene.state, "unassigned") == ["Ingen"]

    @pytest.mark.parametrize(
        ("started_on", "expected"),
        [
            pytest.param(D, True, id="today"),
            pytest.param(D - 14 * DAY, True, id="14-days-ago"),
            pytest.param(D - 15 * DAY, False, id="15-days-ago"),
        ],
    )
    def test_new_is_started_within_14_days(
        self, sagene: Sagene, started_on: datetime.date, expected: bool
    ) -> None:
        sagene.person("Ny", started_on=started_on)
        assert flagged(sagene.state, "new") == (["Ny"] if expected else [])

    def test_assessment_missing_until_a_decision_is_sent(self, sagene: Sagene) -> None:
        who = sagene.person("Vedtak")
        sagene.decide(who, "standard", send=False)
        assert flagged(sagene.state, "assessment_missing") == ["Vedtak"]

        sagene.decide(who, "standard")

        assert flagged(sagene.state, "assessment_missing") == []

    def test_waiting_for_the_office_or_the_person(self, sagene: Sagene) -> None:
        asked = sagene.person("Spurt")
        answered = sagene.person("Svart")
        followup.thread_start(
            actor=sagene.state, person=asked, subject="Spørsmål", text="Hei", wait_for_reply=True
        )
        thread = followup.thread_start(
            actor=sagene.state, person=answered, subject="Svar", text="Hei"
        )
        followup.thread_set_waiting(actor=sagene.state, thread=thread, waiting_for="office")

        assert flagged(sagene.state, "waiting_for_person") == ["Spurt"]
        assert flagged(sagene.state, "waiting_for_office") == ["Svart"]
