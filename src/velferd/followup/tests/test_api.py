"""The follow-up API at /api/v1/followup/: a person's overview, §14a assessments with their
letter and LIX, sending and approving them, the activity plan the person and the office share,
and the dialogue with its read and waiting flags."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.services import role_assign
from velferd.audit.models import AuditEvent
from velferd.followup.models import (
    Activity,
    ActivityStatus,
    AssessmentStatus,
    NeedsAssessment,
    Thread,
)
from velferd.letters.models import Letter
from velferd.letters.readability import lix
from velferd.organisation.selectors import office
from velferd.people.models import Person

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

BASE = "/api/v1/followup"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
EASY = "Du vil ha jobb. Vi hjelper deg å søke. Du får en plan."
# One endless sentence of long words: a letter with it is hard to read (LIX above 45).
HARD = ", ".join(
    [
        "arbeidsevnevurderingsprosessen dokumenterer funksjonsnedsettelsesrelaterte "
        "tilretteleggingsbehov og arbeidsmarkedstiltaksdeltakelsesmuligheter"
    ]
    * 14
).capitalize()


# Helpers -------------------------------------------------------------------------------------


def send(client: Client, method: str, path: str, body: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}",
        data=json.dumps(body, default=str),
        content_type="application/json",
        **headers,
    )


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def activity(title: str) -> Activity:
    return Activity.objects.get(title=title)


def actions_after(mark: int) -> list[str]:
    return list(AuditEvent.objects.filter(seq__gt=mark).values_list("action", flat=True))


def audit_mark() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def waiting_assessment() -> NeedsAssessment:
    """Lars's partially permanent assessment, written by veileder, waiting for beslutter."""
    return NeedsAssessment.objects.get(person__given_name="Lars")


def draft(client: Client, need_group: str = "standard", reasoning: str = EASY) -> Any:
    """A new assessment of Ahmed (who has an open, unassigned period)."""
    response = send(
        client,
        "post",
        "/assessments",
        {
            "person": str(person("Ahmed").pk),
            "need_group": need_group,
            "main_goal": "get_work",
            "reasoning": reasoning,
            "evidence": "Samtale på kontoret.",
        },
    )
    assert response.status_code == 201, response.content
    return response.json()


def label(status: str, language: str) -> str:
    with translation.override(language):
        return str(ActivityStatus(status).label)


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def ola(client_as: Login) -> Client:
    return client_as("innbygger")


# The overview -------------------------------------------------------------------------------


class TestOverview:
    def test_has_the_period_decision_plan_and_dialogue_of_the_person(
        self, veileder: Client
    ) -> None:
        ola = person("Ola")

        response = veileder.get(f"{BASE}/persons/{ola.pk}/overview")

        assert response.status_code == 200
        body = response.json()
        assert body["person"] == str(ola.pk)
        assert body["name"] == "Ola Nordmann"
        assert body["office"] == "NAV Grünerløkka"
        assert body["children_under_18"] == 1
        assert body["needs_interpreter"] is False
        assert body["period"]["caseworker"] == "veileder"
        assert body["period"]["ended_on"] is None
        assert body["decision"]["status"] == "sent"
        assert body["decision"]["need_group"] == "situation_specific"
        assert body["decision"]["letter"]["sent_at"] is not None
        assert body["decision"]["letter"]["body"].startswith("Hei, Ola.")
        activities = {a["title"]: a for a in body["activities"]}
        assert set(activities) == {
            "Søk fire jobber i uka",
            "Jobbsøkerkurs",
            "Trene tre ganger i uka",
            "Oppfølgingsmøte",
        }
        assert activities["Søk fire jobber i uka"]["agreed_with_office"] is True
        assert activities["Jobbsøkerkurs"]["status"] == "in_progress"
        assert activities["Trene tre ganger i uka"]["status"] == "proposed"
        assert activities["Trene tre ganger i uka"]["proposed_by_person"] is True
        assert activities["Oppfølgingsmøte"]["meeting_at"] is not None
        [thread] = body["threads"]
        assert thread["subject"] == "Spørsmål om jobbsøkerkurset"
        assert thread["waiting_for"] == "office"
        assert thread["read_by_office"] is False
        assert thread["messages"][0]["from_office"] is False

    def test_a_person_without_follow_up_has_no_period_and_no_decision(
        self, veileder: Client
    ) -> None:
        body = veileder.get(f"{BASE}/persons/{person('Kari').pk}/overview").json()

        assert body["period"] is None
        assert body["decision"] is None
        assert body["activities"] == []
        assert body["threads"] == []

    def test_an_unassigned_period_has_no_caseworker(self, veileder: Client) -> None:
        body = veileder.get(f"{BASE}/persons/{person('Ahmed').pk}/overview").json()

        assert body["period"]["caseworker"] is None
        assert body["needs_interpreter"] is True


# Needs assessments --------------------------------------------------------------------------


class TestAssessmentPreview:
    def test_a_draft_carries_a_letter_preview_with_its_lix(self, veileder: Client) -> None:
        body = draft(veileder)

        assert body["status"] == "draft"
        letter = body["letter"]
        assert letter["title"] == "Vedtak om oppfølging fra NAV"
        assert letter["sent_at"] is None
        assert letter["body"].startswith("Hei, Ahmed.")
        assert EASY in letter["body"]
        assert letter["lix"] == lix(letter["body"]).score
        assert letter["too_hard"] is False
        assert not Letter.objects.filter(person=person("Ahmed")).exists()

    def test_a_hard_reasoning_makes_the_letter_too_hard(self, veileder: Client) -> None:
        letter = draft(veileder, reasoning=HARD)["letter"]

        assert letter["lix"] > 45
        assert letter["too_hard"] is True

    def test_the_preview_follows_an_edit(self, veileder: Client) -> None:
        created = draft(veileder)

        response = send(
            veileder,
            "patch",
            f"/assessments/{created['id']}",
            {"version": created["version"], "reasoning": HARD},
        )

        assert response.status_code == 200
        assert response.json()["version"] == created["version"] + 1
        assert HARD in response.json()["letter"]["body"]
        assert response.json()["letter"]["too_hard"] is True

    def test_getting_the_assessment_shows_the_same_preview(self, veileder: Client) -> None:
        created = draft(veileder)

        fetched = veileder.get(f"{BASE}/assessments/{created['id']}").json()

        assert fetched["letter"] == created["letter"]

    def test_an_unknown_need_group_is_422_and_nothing_is_written(self, veileder: Client) -> None:
        before = NeedsAssessment.objects.count()

        response = send(
            veileder,
            "post",
            "/assessments",
            {
                "person": str(person("Ahmed").pk),
                "need_group": "everything",
                "main_goal": "get_work",
                "reasoning": EASY,
            },
            **EN,
        )

        assert response.status_code == 422
        assert response.json() == {
            "code": "unknown_need_group",
            "message": "Unknown need group.",
            "field": "need_group",
        }
        assert NeedsAssessment.objects.count() == before

    def test_a_person_without_an_open_period_cannot_be_assessed(self, veileder: Client) -> None:
        response = send(
            veileder,
            "post",
            "/assessments",
            {
                "person": str(person("Kari").pk),
                "need_group": "standard",
                "main_goal": "get_work",
                "reasoning": EASY,
            },
        )

        assert response.status_code == 409
        assert response.json()["code"] == "no_open_period"


class TestAssessmentSend:
    def test_a_standard_assessment_is_sent_with_its_letter(self, veileder: Client) -> None:
        created = draft(veileder)
        mark = audit_mark()

        response = send(
            veileder, "post", f"/assessments/{created['id']}/send", {"version": created["version"]}
        )

        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "sent"
        assert body["version"] == created["version"] + 1
        assert body["letter"]["sent_at"] is not None
        assert body["letter"]["body"] == created["letter"]["body"]
        stored = Letter.objects.get(person=person("Ahmed"))
        assert stored.body == body["letter"]["body"]
        assert stored.lix == body["letter"]["lix"]
        assert actions_after(mark) == ["letter.sent", "assessment.sent"]

    def test_the_sent_decision_becomes_the_persons_current_one(self, veileder: Client) -> None:
        created = draft(veileder)
        send(veileder, "post", f"/assessments/{created['id']}/send", {"version": 1})

        overview = veileder.get(f"{BASE}/persons/{person('Ahmed').pk}/overview").json()

        assert overview["decision"]["id"] == created["id"]

    def test_a_sent_assessment_can_no_longer_be_edited(self, veileder: Client) -> None:
        created = draft(veileder)
        send(veileder, "post", f"/assessments/{created['id']}/send", {"version": 1})

        response = send(
            veileder, "patch", f"/assessments/{created['id']}", {"version": 2, "reasoning": HARD}
        )

        assert response.status_code == 409
        assert response.json()["code"] == "assessment_locked"

    def test_a_permanent_group_sent_before_approval_is_409_and_nothing_is_sent(
        self, veileder: Client
    ) -> None:
        created = draft(veileder, need_group="permanent")

        response = send(
            veileder, "post", f"/assessments/{created['id']}/send", {"version": 1}, **EN
        )

        assert response.status_code == 409
        assert response.json() == {
            "code": "approval_required",
            "message": "A decision on a permanent group must be approved before it is sent.",
            "field": "status",
        }
        assert NeedsAssessment.objects.get(pk=created["id"]).status == AssessmentStatus.DRAFT
        assert not Letter.objects.filter(person=person("Ahmed")).exists()

    def test_an_assessment_waiting_for_approval_cannot_be_sent(self, veileder: Client) -> None:
        waiting = waiting_assessment()

        response = send(
            veileder, "post", f"/assessments/{waiting.pk}/send", {"version": waiting.version}
        )

        assert response.status_code == 409
        assert response.json()["code"] == "approval_required"
        assert response.json()["message"].startswith("Vedtak om varig")

    def test_a_stale_version_is_409(self, veileder: Client) -> None:
        created = draft(veileder)

        response = send(veileder, "post", f"/assessments/{created['id']}/send", {"version": 7})

        assert response.status_code == 409
        assert response.json()["code"] == "stale_version"
        assert NeedsAssessment.objects.get(pk=created["id"]).status == AssessmentStatus.DRAFT


class TestApproval:
    def test_the_approver_approves_and_the_caseworker_then_sends(
        self, client_as: Login, veileder: Client
    ) -> None:
        waiting = waiting_assessment()

        approved = send(
            client_as("beslutter"),
            "post",
            f"/assessments/{waiting.pk}/approve",
            {"version": waiting.version},
        )

        assert approved.status_code == 200
        assert approved.json()["status"] == "approved"
        assert approved.json()["approver"] == "Berit Beslutter"
        assert approved.json()["author"] == "Vera Veileder"
        sent = send(
            veileder,
            "post",
            f"/assessments/{waiting.pk}/send",
            {"version": approved.json()["version"]},
        )
        assert sent.status_code == 200
        assert sent.json()["status"] == "sent"
        assert sent.json()["letter"]["sent_at"] is not None

    def test_the_author_cannot_approve_their_own_assessment_even_as_an_approver(
        self, veileder: Client
    ) -> None:
        role_assign(
            actor=system_actor("tests"),
            user=User.objects.get(username="veileder"),
            role=Role.APPROVER,
            office=office("0317"),
        )
        waiting = waiting_assessment()

        response = send(
            veileder, "post", f"/assessments/{waiting.pk}/approve", {"version": waiting.version}
        )

        assert response.status_code == 403
        assert response.json() == {
            "code": "own_assessment",
            "message": "Du kan ikke være beslutter for din egen vurdering.",
            "field": None,
        }
        assert waiting_assessment().status == AssessmentStatus.AWAITING_APPROVAL

    def test_the_approver_returns_it_with_a_comment(self, client_as: Login) -> None:
        waiting = waiting_assessment()

        response = send(
            client_as("beslutter"),
            "post",
            f"/assessments/{waiting.pk}/return",
            {"version": waiting.version, "comment": "Begrunn tidsperspektivet bedre."},
        )

        assert response.status_code == 200
        assert response.json()["status"] == "returned"
        assert response.json()["approver_comment"] == "Begrunn tidsperspektivet bedre."


# The activity plan --------------------------------------------------------------------------


def new_activity(person_: Person, **changes: Any) -> dict[str, Any]:
    return {
        "person": str(person_.pk),
        "kind": "education",
        "title": "Norskkurs B2",
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + 60 * DAY).isoformat(),
        **changes,
    }


class TestActivityCreate:
    def test_the_office_plans_an_activity_and_may_agree_it(self, veileder: Client) -> None:
        response = send(
            veileder, "post", "/activities", new_activity(person("Ola"), agreed_with_office=True)
        )

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

    def test_the_person_proposes_an_activity_of_their_own(self, ola: Client) -> None:
        response = send(
            ola, "post", "/activities", new_activity(person("Ola"), kind="own_activity")
        )

        assert response.status_code == 201
        body = response.json()
        assert body["status"] == "proposed"
        assert body["proposed_by_person"] is True
        assert body["agreed_with_office"] is False
        assert body["history"][0]["changed_by"] == "Ola Nordmann"
        assert body["history"][0]["by_person"] is True

    def test_the_person_cannot_agree_an_activity_and_nothing_is_created(self, ola: Client) -> None:
        before = Activity.objects.count()

        response = send(
            ola, "post", "/activities", new_activity(person("Ola"), agreed_with_office=True)
        )

        assert response.status_code == 403
        assert response.json() == {
            "code": "only_office_agrees",
            "message": "Bare NAV kan avtale en aktivitet.",
            "field": "agreed_with_office",
        }
        assert Activity.objects.count() == before

    def test_an_end_before_the_start_is_422_on_ends_on(self, veileder: Client) -> None:
        response = send(
            veileder,
            "post",
            "/activities",
            new_activity(person("Ola"), ends_on=(TODAY() - DAY).isoformat()),
            **EN,
        )

        assert response.status_code == 422
        assert response.json() == {
            "code": "ends_before_start",
            "message": "The activity cannot end before it starts.",
            "field": "ends_on",
        }


class TestActivityChange:
    def test_a_completed_activity_is_locked_against_changes(self, veileder: Client) -> None:
        course = activity("Jobbsøkerkurs")
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
        assert activity("Jobbsøkerkurs").status == ActivityStatus.COMPLETED

    def test_a_stale_version_is_refused_with_409(self, veileder: Client) -> None:
        jobs = activity("Søk fire jobber i uka")
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
        assert activity("Søk fire jobber i uka").description == "Minst fire søknader hver uke."

    def test_the_person_cannot_change_an_agreed_activity(self, ola: Client) -> None:
        jobs = activity("Søk fire jobber i uka")

        response = send(
            ola, "patch", f"/activities/{jobs.pk}", {"version": jobs.version, "title": "Søk én"}
        )

        assert response.status_code == 403
        assert response.json()["code"] == "only_office_changes"
        assert activity("Søk fire jobber i uka").title == "Søk fire jobber i uka"

    def test_starting_an_activity_already_in_progress_is_invalid_naming_both_states(
        self, veileder: Client
    ) -> None:
        course = activity("Jobbsøkerkurs")
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
        assert activity("Jobbsøkerkurs").version == course.version

    def test_the_office_completing_a_proposal_it_never_planned_is_an_invalid_transition(
        self, veileder: Client
    ) -> None:
        own = activity("Trene tre ganger i uka")

        norwegian = send(veileder, "post", f"/activities/{own.pk}/complete", {"version": 1})
        english = send(veileder, "post", f"/activities/{own.pk}/complete", {"version": 1}, **EN)

        assert norwegian.status_code == 409
        assert norwegian.json()["code"] == "invalid_transition"
        assert norwegian.json()["message"] == (
            f"Kan ikke gå fra «{label('proposed', 'nb')}» til «{label('completed', 'nb')}»."
        )
        assert english.json()["message"] == "Cannot go from “Proposed” to “Completed”."
        assert activity("Trene tre ganger i uka").status == ActivityStatus.PROPOSED

    def test_the_person_marks_their_own_proposal_done(self, ola: Client) -> None:
        own = activity("Trene tre ganger i uka")

        response = send(ola, "post", f"/activities/{own.pk}/complete", {"version": 1})

        assert response.status_code == 200
        assert response.json()["status"] == "completed"
        assert response.json()["locked"] is True
        assert response.json()["history"][0]["changed_by"] == "Ola Nordmann"

    def test_the_person_cannot_complete_an_activity_agreed_with_the_office(
        self, ola: Client
    ) -> None:
        jobs = activity("Søk fire jobber i uka")

        response = send(ola, "post", f"/activities/{jobs.pk}/complete", {"version": 1})

        assert response.status_code == 403
        assert activity("Søk fire jobber i uka").status == ActivityStatus.PLANNED

    def test_an_unknown_transition_is_422(self, veileder: Client) -> None:
        own = activity("Trene tre ganger i uka")

        response = send(veileder, "post", f"/activities/{own.pk}/finish", {"version": 1})

        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"

    def test_the_history_records_who_did_what_newest_first(
        self, veileder: Client, ola: Client
    ) -> None:
        own = activity("Trene tre ganger i uka")
        planned = send(veileder, "post", f"/activities/{own.pk}/plan", {"version": 1})
        assert planned.json()["status"] == "planned"
        send(ola, "post", f"/activities/{own.pk}/comments", {"text": "Jeg trener mandag."})

        body = veileder.get(f"{BASE}/activities/{own.pk}").json()

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
        assert history[1][:3] == ("created", "Ola Nordmann", True)
        assert len(history) == 2
        assert [(c["text"], c["by_person"]) for c in body["comments"]] == [
            ("Jeg trener mandag.", True)
        ]

    def test_an_update_is_recorded_with_what_it_was_before(self, veileder: Client) -> None:
        jobs = activity("Søk fire jobber i uka")
        send(veileder, "patch", f"/activities/{jobs.pk}", {"version": 1, "title": "Søk fem"})

        latest = veileder.get(f"{BASE}/activities/{jobs.pk}").json()["history"][0]

        assert latest["what"] == "updated"
        assert latest["changed_by"] == "Vera Veileder"
        assert latest["before"]["title"] == "Søk fire jobber i uka"
        assert latest["after"]["title"] == "Søk fem"

    def test_comments_are_allowed_on_a_locked_activity(self, veileder: Client, ola: Client) -> None:
        course = activity("Jobbsøkerkurs")
        send(veileder, "post", f"/activities/{course.pk}/complete", {"version": course.version})

        response = send(ola, "post", f"/activities/{course.pk}/comments", {"text": "Takk!"})

        assert response.status_code == 201
        assert [c["text"] for c in response.json()["comments"]] == ["Takk!"]


# Dialogue -----------------------------------------------------------------------------------


def demo_thread() -> Thread:
    return Thread.objects.get(subject="Spørsmål om jobbsøkerkurset")


class TestDialogue:
    def test_a_thread_the_person_starts_waits_for_the_office_unread_there(
        self, ola: Client
    ) -> None:
        response = send(
            ola,
            "post",
            "/threads",
            {"person": str(person("Ola").pk), "subject": "Ny adresse", "text": "Jeg har flyttet."},
        )

        assert response.status_code == 201
        body = response.json()
        assert body["subject"] == "Ny adresse"
        assert body["waiting_for"] == "office"
        assert body["read_by_office"] is False
        assert body["read_by_person"] is True
        assert [(m["author"], m["from_office"], m["text"]) for m in body["messages"]] == [
            ("Ola Nordmann", False, "Jeg har flyttet.")
        ]

    def test_a_reply_waiting_for_an_answer_waits_for_the_person_unread_by_them(
        self, veileder: Client
    ) -> None:
        thread = demo_thread()

        response = send(
            veileder,
            "post",
            f"/threads/{thread.pk}/messages",
            {"text": "Ta med CV-en din. Kommer du?", "wait_for_reply": True},
        )

        assert response.status_code == 201
        body = response.json()
        assert body["waiting_for"] == "person"
        assert body["read_by_person"] is False
        assert body["read_by_office"] is True
        assert [(m["author"], m["from_office"]) for m in body["messages"]] == [
            ("Ola Nordmann", False),
            ("Vera Veileder", True),
        ]

    def test_a_reply_without_waiting_waits_for_nobody(self, veileder: Client) -> None:
        response = send(
            veileder, "post", f"/threads/{demo_thread().pk}/messages", {"text": "Ta med CV."}
        )

        assert response.json()["waiting_for"] == "nobody"

    def test_marking_read_flips_only_the_readers_flag(self, veileder: Client, ola: Client) -> None:
        thread = demo_thread()
        send(veileder, "post", f"/threads/{thread.pk}/messages", {"text": "Ta med CV."})

        by_person = ola.post(f"{BASE}/threads/{thread.pk}/read")

        assert by_person.status_code == 200
        assert by_person.json()["read_by_person"] is True
        assert by_person.json()["read_by_office"] is True

    def test_the_office_reading_the_persons_message_marks_it_read_for_the_office(
        self, veileder: Client
    ) -> None:
        thread = demo_thread()
        assert thread.read_by_office is False

        response = veileder.post(f"{BASE}/threads/{thread.pk}/read")

        assert response.json()["read_by_office"] is True
        assert response.json()["read_by_person"] is True
        assert response.json()["waiting_for"] == "office"
        assert demo_thread().read_by_office is True

    def test_an_empty_message_is_422_and_the_thread_is_unchanged(self, ola: Client) -> None:
        thread = demo_thread()

        response = send(ola, "post", f"/threads/{thread.pk}/messages", {"text": "   "})

        assert response.status_code == 422
        assert response.json()["code"] == "text_required"
        assert response.json()["field"] == "text"
        assert demo_thread().messages.count() == 1


class TestMalformedRequests:
    @pytest.mark.parametrize(
        ("method", "path"),
        [("post", "/threads"), ("post", "/activities"), ("post", "/assessments")],
    )
    def test_a_body_that_is_not_json_is_400(self, veileder: Client, method: str, path: str) -> None:
        response = getattr(veileder, method)(
            f"{BASE}{path}", data="{not json", content_type="application/json"
        )

        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"

    def test_a_patch_that_is_not_json_is_400_and_changes_nothing(self, veileder: Client) -> None:
        jobs = activity("Søk fire jobber i uka")

        response = veileder.patch(
            f"{BASE}/activities/{jobs.pk}", data='{"version": 1,', content_type="application/json"
        )

        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"
        assert activity("Søk fire jobber i uka").version == jobs.version

    def test_a_missing_version_is_422_naming_the_field(self, veileder: Client) -> None:
        jobs = activity("Søk fire jobber i uka")

        response = send(veileder, "patch", f"/activities/{jobs.pk}", {"title": "Uten versjon"})

        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
        assert response.json()["field"] == "version"
