"""The activity plan through the API: the office and the person create, change, move and
comment on activities."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import reread
from velferd.followup.models import (
    Activity,
    ActivityStatus,
)
from velferd.people.models import Person

from .calls import BASE, DAY, EN, TODAY, label, new_activity, send

pytestmark = pytest.mark.django_db


class TestActivityCreate:
    def test_the_office_plans_an_activity_and_may_agree_it(
        self, veileder: Client, me: Person
    ) -> None:
        response = send(veileder, "post", "/activities", new_activity(me, agreed_with_office=True))

        assert response.status_code == 201
        body = response.json()
        assert body["status"] == "planned"
        assert body["agreed_with_office"] is True
        assert body["proposed_by_person"] is False
        assert body["locked"] is False
        assert body["version"] == 1
        [created] = body["history"]
        assert created["what"] == "created"
        assert created["changed_by"] == "Vera Veileder"
        assert created["by_person"] is False

    def test_the_person_proposes_an_activity_of_their_own(
        self, citizen: Client, me: Person
    ) -> None:
        response = send(citizen, "post", "/activities", new_activity(me, kind="own_activity"))

        assert response.status_code == 201
        body = response.json()
        assert body["status"] == "proposed"
        assert body["proposed_by_person"] is True
        assert body["agreed_with_office"] is False
        assert body["history"][0]["changed_by"] == me.full_name
        assert body["history"][0]["by_person"] is True

    def test_the_person_cannot_agree_an_activity_and_nothing_is_created(
        self, citizen: Client, me: Person
    ) -> None:
        before = Activity.objects.count()

        response = send(citizen, "post", "/activities", new_activity(me, agreed_with_office=True))

        assert response.status_code == 403
        assert response.json() == {
            "code": "only_office_agrees",
            "message": "Bare NAV kan avtale en aktivitet.",
            "field": "agreed_with_office",
        }
        assert Activity.objects.count() == before

    def test_an_end_before_the_start_is_422_on_ends_on(self, veileder: Client, me: Person) -> None:
        response = send(
            veileder,
            "post",
            "/activities",
            new_activity(me, ends_on=(TODAY() - DAY).isoformat()),
            **EN,
        )

        assert response.status_code == 422
        assert response.json() == {
            "code": "ends_before_start",
            "message": "The activity cannot end before it starts.",
            "field": "ends_on",
        }


class TestActivityChange:
    def test_a_completed_activity_is_locked_against_changes(
        self, veileder: Client, course: Activity
    ) -> None:
        completed = send(
            veileder, "post", f"/activities/{course.pk}/complete", {"version": course.version}
        )
        assert completed.status_code == 200
        assert completed.json()["locked"] is True

        response = send(
            veileder,
            "patch",
            f"/activities/{course.pk}",
            {"version": completed.json()["version"], "title": "Nytt kurs"},
        )

        assert response.status_code == 409
        assert response.json()["code"] == "activity_locked"
        assert response.json()["message"] == "Fullførte og avbrutte aktiviteter kan ikke endres."
        assert reread(course).status == ActivityStatus.COMPLETED

    def test_a_stale_version_is_refused_with_409(self, veileder: Client, jobs: Activity) -> None:
        first = send(
            veileder,
            "patch",
            f"/activities/{jobs.pk}",
            {"version": jobs.version, "description": "Minst fire søknader hver uke."},
        )
        assert first.status_code == 200
        assert first.json()["version"] == jobs.version + 1

        response = send(
            veileder,
            "patch",
            f"/activities/{jobs.pk}",
            {"version": jobs.version, "description": "To søknader holder."},
        )

        assert response.status_code == 409
        assert response.json()["code"] == "stale_version"
        assert response.json()["field"] == "version"
        assert reread(jobs).description == "Minst fire søknader hver uke."

    def test_the_person_cannot_change_an_agreed_activity(
        self, citizen: Client, jobs: Activity
    ) -> None:
        response = send(
            citizen, "patch", f"/activities/{jobs.pk}", {"version": jobs.version, "title": "Søk én"}
        )

        assert response.status_code == 403
        assert response.json()["code"] == "only_office_changes"
        assert reread(jobs).title == "Søk fire jobber i uka"

    def test_starting_an_activity_already_in_progress_is_invalid_naming_both_states(
        self, veileder: Client, course: Activity
    ) -> None:
        path = f"/activities/{course.pk}/start"

        norwegian = send(veileder, "post", path, {"version": course.version})
        english = send(veileder, "post", path, {"version": course.version}, **EN)

        assert norwegian.status_code == english.status_code == 409
        assert english.json() == {
            "code": "invalid_transition",
            "message": "Cannot go from “In progress” to “In progress”.",
            "field": "status",
        }
        in_progress = label("in_progress", "nb")
        assert norwegian.json() == {
            "code": "invalid_transition",
            "message": f"Kan ikke gå fra «{in_progress}» til «{in_progress}».",
            "field": "status",
        }
        assert reread(course).version == course.version

    def test_the_office_completing_a_proposal_it_never_planned_is_an_invalid_transition(
        self, veileder: Client, proposal: Activity
    ) -> None:
        norwegian = send(veileder, "post", f"/activities/{proposal.pk}/complete", {"version": 1})
        english = send(
            veileder, "post", f"/activities/{proposal.pk}/complete", {"version": 1}, **EN
        )

        assert norwegian.status_code == 409
        assert norwegian.json()["code"] == "invalid_transition"
        assert norwegian.json()["message"] == (
            f"Kan ikke gå fra «{label('proposed', 'nb')}» til «{label('completed', 'nb')}»."
        )
        assert english.json()["message"] == "Cannot go from “Proposed” to “Completed”."
        assert reread(proposal).status == ActivityStatus.PROPOSED

    def test_the_person_marks_their_own_proposal_done(
        self, citizen: Client, proposal: Activity, me: Person
    ) -> None:
        response = send(citizen, "post", f"/activities/{proposal.pk}/complete", {"version": 1})

        assert response.status_code == 200
        assert response.json()["status"] == "completed"
        assert response.json()["locked"] is True
        assert response.json()["history"][0]["changed_by"] == me.full_name

    def test_the_person_cannot_complete_an_activity_agreed_with_the_office(
        self, citizen: Client, jobs: Activity
    ) -> None:
        response = send(citizen, "post", f"/activities/{jobs.pk}/complete", {"version": 1})

        assert response.status_code == 403
        assert reread(jobs).status == ActivityStatus.PLANNED

    def test_an_unknown_transition_is_422(self, veileder: Client, proposal: Activity) -> None:
        response = send(veileder, "post", f"/activities/{proposal.pk}/finish", {"version": 1})

        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"

    def test_the_history_records_who_did_what_newest_first(
        self, veileder: Client, citizen: Client, proposal: Activity, me: Person
    ) -> None:
        planned = send(veileder, "post", f"/activities/{proposal.pk}/plan", {"version": 1})
        assert planned.json()["status"] == "planned"
        send(citizen, "post", f"/activities/{proposal.pk}/comments", {"text": "Jeg trener mandag."})

        body = veileder.get(f"{BASE}/activities/{proposal.pk}").json()

        history = [
            (h["what"], h["changed_by"], h["by_person"], h["before"], h["after"])
            for h in body["history"]
        ]
        assert history[0] == (
            "status_changed",
            "Vera Veileder",
            False,
            {"status": "proposed"},
            {"status": "planned"},
        )
        assert history[1][:3] == ("created", me.full_name, True)
        assert len(history) == 2
        assert [(c["text"], c["by_person"]) for c in body["comments"]] == [
            ("Jeg trener mandag.", True)
        ]

    def test_an_update_is_recorded_with_what_it_was_before(
        self, veileder: Client, jobs: Activity
    ) -> None:
        send(veileder, "patch", f"/activities/{jobs.pk}", {"version": 1, "title": "Søk fem"})

        latest = veileder.get(f"{BASE}/activities/{jobs.pk}").json()["history"][0]

        assert latest["what"] == "updated"
        assert latest["changed_by"] == "Vera Veileder"
        assert latest["before"]["title"] == "Søk fire jobber i uka"
        assert latest["after"]["title"] == "Søk fem"

    def test_comments_are_allowed_on_a_locked_activity(
        self, veileder: Client, citizen: Client, course: Activity
    ) -> None:
        send(veileder, "post", f"/activities/{course.pk}/complete", {"version": course.version})

        response = send(citizen, "post", f"/activities/{course.pk}/comments", {"text": "Takk!"})

        assert response.status_code == 201
        assert [c["text"] for c in response.json()["comments"]] == ["Takk!"]
