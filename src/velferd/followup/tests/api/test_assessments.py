"""§14a assessments through the API: the letter and its LIX, sending, approving and
returning."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.services import role_assign
from velferd.core.readability import lix
from velferd.core.testing import reread
from velferd.followup.models import (
    AssessmentStatus,
    NeedsAssessment,
)
from velferd.letters.models import Letter
from velferd.organisation.selectors import office
from velferd.people.models import Person

from .calls import (
    BASE,
    EASY,
    EN,
    HARD,
    Login,
    actions_since,
    audit_mark,
    draft,
    send,
)

pytestmark = pytest.mark.django_db


class TestAssessmentPreview:
    def test_a_draft_carries_a_letter_preview_with_its_lix(
        self, veileder: Client, newcomer: Person
    ) -> None:
        body = draft(veileder, newcomer)

        assert body["status"] == "draft"
        letter = body["letter"]
        assert letter["title"] == "Vedtak om oppfølging fra NAV"
        assert letter["sent_at"] is None
        assert letter["body"].startswith(f"Hei, {newcomer.given_name}.")
        assert EASY in letter["body"]
        assert letter["lix"] == lix(letter["body"]).score
        assert letter["too_hard"] is False
        assert not Letter.objects.filter(person=newcomer).exists()

    def test_a_hard_reasoning_makes_the_letter_too_hard(
        self, veileder: Client, newcomer: Person
    ) -> None:
        letter = draft(veileder, newcomer, reasoning=HARD)["letter"]

        assert letter["lix"] > 45
        assert letter["too_hard"] is True

    def test_the_preview_follows_an_edit(self, veileder: Client, newcomer: Person) -> None:
        created = draft(veileder, newcomer)

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

    def test_getting_the_assessment_shows_the_same_preview(
        self, veileder: Client, newcomer: Person
    ) -> None:
        created = draft(veileder, newcomer)

        fetched = veileder.get(f"{BASE}/assessments/{created['id']}").json()

        assert fetched["letter"] == created["letter"]

    def test_an_unknown_need_group_is_422_and_nothing_is_written(
        self, veileder: Client, newcomer: Person
    ) -> None:
        before = NeedsAssessment.objects.count()

        response = send(
            veileder,
            "post",
            "/assessments",
            {
                "person": str(newcomer.pk),
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

    def test_a_person_without_an_open_period_cannot_be_assessed(
        self, veileder: Client, unfollowed: Person
    ) -> None:
        response = send(
            veileder,
            "post",
            "/assessments",
            {
                "person": str(unfollowed.pk),
                "need_group": "standard",
                "main_goal": "get_work",
                "reasoning": EASY,
            },
        )

        assert response.status_code == 409
        assert response.json()["code"] == "no_open_period"


class TestAssessmentSend:
    def test_a_standard_assessment_is_sent_with_its_letter(
        self, veileder: Client, newcomer: Person
    ) -> None:
        created = draft(veileder, newcomer)
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
        written = Letter.objects.get(person=newcomer)
        assert written.body == body["letter"]["body"]
        assert written.lix == body["letter"]["lix"]
        assert actions_since(mark) == ["letter.sent", "assessment.sent"]

    def test_the_sent_decision_becomes_the_persons_current_one(
        self, veileder: Client, newcomer: Person
    ) -> None:
        created = draft(veileder, newcomer)
        send(veileder, "post", f"/assessments/{created['id']}/send", {"version": 1})

        overview = veileder.get(f"{BASE}/persons/{newcomer.pk}/overview").json()

        assert overview["decision"]["id"] == created["id"]

    def test_a_sent_assessment_can_no_longer_be_edited(
        self, veileder: Client, newcomer: Person
    ) -> None:
        created = draft(veileder, newcomer)
        send(veileder, "post", f"/assessments/{created['id']}/send", {"version": 1})

        response = send(
            veileder, "patch", f"/assessments/{created['id']}", {"version": 2, "reasoning": HARD}
        )

        assert response.status_code == 409
        assert response.json()["code"] == "assessment_locked"

    def test_a_permanent_group_sent_before_approval_is_409_and_nothing_is_sent(
        self, veileder: Client, newcomer: Person
    ) -> None:
        created = draft(veileder, newcomer, need_group="permanent")

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
        assert not Letter.objects.filter(person=newcomer).exists()

    def test_an_assessment_waiting_for_approval_cannot_be_sent(
        self, veileder: Client, awaiting: NeedsAssessment
    ) -> None:
        response = send(
            veileder, "post", f"/assessments/{awaiting.pk}/send", {"version": awaiting.version}
        )

        assert response.status_code == 409
        assert response.json()["code"] == "approval_required"
        assert response.json()["message"].startswith("Vedtak om varig")

    def test_a_stale_version_is_409(self, veileder: Client, newcomer: Person) -> None:
        created = draft(veileder, newcomer)

        response = send(veileder, "post", f"/assessments/{created['id']}/send", {"version": 7})

        assert response.status_code == 409
        assert response.json()["code"] == "stale_version"
        assert NeedsAssessment.objects.get(pk=created["id"]).status == AssessmentStatus.DRAFT


class TestApproval:
    def test_the_approver_approves_and_the_caseworker_then_sends(
        self, client_as: Login, veileder: Client, awaiting: NeedsAssessment
    ) -> None:
        approved = send(
            client_as("beslutter"),
            "post",
            f"/assessments/{awaiting.pk}/approve",
            {"version": awaiting.version},
        )

        assert approved.status_code == 200
        assert approved.json()["status"] == "approved"
        assert approved.json()["approver"] == "Berit Beslutter"
        assert approved.json()["author"] == "Vera Veileder"
        sent = send(
            veileder,
            "post",
            f"/assessments/{awaiting.pk}/send",
            {"version": approved.json()["version"]},
        )
        assert sent.status_code == 200
        assert sent.json()["status"] == "sent"
        assert sent.json()["letter"]["sent_at"] is not None

    def test_the_author_cannot_approve_their_own_assessment_even_as_an_approver(
        self, veileder: Client, awaiting: NeedsAssessment
    ) -> None:
        role_assign(
            actor=system_actor("tests"),
            user=User.objects.get(username="veileder"),
            role=Role.APPROVER,
            office=office("0317"),
        )

        response = send(
            veileder, "post", f"/assessments/{awaiting.pk}/approve", {"version": awaiting.version}
        )

        assert response.status_code == 403
        assert response.json() == {
            "code": "own_assessment",
            "message": "Du kan ikke være beslutter for din egen vurdering.",
            "field": None,
        }
        assert reread(awaiting).status == AssessmentStatus.AWAITING_APPROVAL

    def test_the_approver_returns_it_with_a_comment(
        self, client_as: Login, awaiting: NeedsAssessment
    ) -> None:
        response = send(
            client_as("beslutter"),
            "post",
            f"/assessments/{awaiting.pk}/return",
            {"version": awaiting.version, "comment": "Begrunn tidsperspektivet bedre."},
        )

        assert response.status_code == 200
        assert response.json()["status"] == "returned"
        assert response.json()["approver_comment"] == "Begrunn tidsperspektivet bedre."
