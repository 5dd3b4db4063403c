"""The assessment pages: the letter preview with its LIX, sending, the approver's queue and
approval."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import formats, translation
from pytest_django.asserts import assertContains, assertNotContains

from velferd.audit.models import AuditEvent
from velferd.followup.models import (
    AssessmentStatus,
    NeedsAssessment,
)
from velferd.letters.readability import lix

from .pages import (
    EASY,
    HARD,
    Login,
    assessment_letter,
    by_testid,
    field_error,
    nb,
    waiting_assessment,
)

pytestmark = pytest.mark.django_db


class TestAssessmentPage:
    def test_a_draft_shows_the_letter_preview_and_its_lix(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed()

        response = veileder.get(f"/assessments/{assessment.pk}/")

        assert response.status_code == 200
        html = response.content.decode()
        letter = by_testid(html, "letter")
        assert "Hei, Ahmed." in letter
        assert EASY in letter
        score = lix(assessment_letter(veileder, assessment)).score
        with translation.override("nb"):
            shown = formats.number_format(score)
        assert shown in by_testid(html, "lix")
        assert "lix--hard" not in html

    def test_a_hard_letter_is_flagged_as_hard_to_read(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed(reasoning=HARD)

        html = veileder.get(f"/assessments/{assessment.pk}/").content.decode()

        assert 'class="lix lix--hard"' in html
        assert HARD in by_testid(html, "letter")

    def test_sending_a_standard_decision_from_the_page_writes_the_letter(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed()

        response = veileder.post(
            f"/assessments/{assessment.pk}/", {"action": "send", "version": "1"}
        )

        assert response.status_code == 302
        assert response["Location"] == f"/assessments/{assessment.pk}/"
        assessment.refresh_from_db()
        assert assessment.status == AssessmentStatus.SENT
        assert assessment.letter is not None
        page = veileder.get(f"/assessments/{assessment.pk}/").content.decode()
        assert 'data-status="sent"' in page
        assert assessment.letter.body.split("\n")[0] in by_testid(page, "letter")

    def test_an_empty_reasoning_is_shown_beside_that_field(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed()

        response = veileder.post(
            f"/assessments/{assessment.pk}/",
            {
                "action": "save",
                "version": "1",
                "need_group": "standard",
                "main_goal": "get_work",
                "reasoning": "  ",
                "evidence": "",
            },
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "reasoning") == "Begrunnelsen mangler."
        assessment.refresh_from_db()
        assert assessment.reasoning == EASY


class TestApprovalByPage:
    def test_the_approver_sees_the_approval_form_and_the_author_does_not(
        self, veileder: Client, client_as: Login
    ) -> None:
        waiting = waiting_assessment()

        as_approver = client_as("beslutter").get(f"/assessments/{waiting.pk}/")
        as_author = veileder.get(f"/assessments/{waiting.pk}/")

        assertContains(as_approver, 'data-testid="approval-form"')
        assertNotContains(as_author, 'data-testid="approval-form"')

    def test_the_approver_approves_from_the_page(self, client_as: Login) -> None:
        waiting = waiting_assessment()
        beslutter = client_as("beslutter")

        response = beslutter.post(
            f"/assessments/{waiting.pk}/", {"action": "approve", "version": str(waiting.version)}
        )

        assert response.status_code == 302
        assert response["Location"] == f"/assessments/{waiting.pk}/"
        approved = waiting_assessment()
        assert approved.status == AssessmentStatus.APPROVED
        assert approved.approver is not None and approved.approver.username == "beslutter"
        last = AuditEvent.objects.order_by("-seq").first()
        assert last is not None and last.action == "assessment.approved"
        page = beslutter.get(f"/assessments/{waiting.pk}/")
        assertContains(page, 'data-status="approved"')
        assertContains(page, "Berit Beslutter")
        assertNotContains(page, 'data-testid="approval-form"')

    def test_returning_without_a_comment_is_shown_beside_the_comment(
        self, client_as: Login
    ) -> None:
        waiting = waiting_assessment()

        response = client_as("beslutter").post(
            f"/assessments/{waiting.pk}/",
            {"action": "return", "version": str(waiting.version), "comment": ""},
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "comment") == "Kommentaren mangler."
        assert waiting_assessment().status == AssessmentStatus.AWAITING_APPROVAL

    def test_the_author_forcing_an_approval_is_refused(self, veileder: Client) -> None:
        waiting = waiting_assessment()

        response = veileder.post(
            f"/assessments/{waiting.pk}/", {"action": "approve", "version": str(waiting.version)}
        )

        assert response.status_code == 403
        assertContains(
            response, "Du kan ikke være beslutter for din egen vurdering.", status_code=403
        )
        assert waiting_assessment().status == AssessmentStatus.AWAITING_APPROVAL


class TestApprovalsPage:
    def test_lists_lars_for_the_approver(self, client_as: Login) -> None:
        waiting = waiting_assessment()

        response = client_as("beslutter").get("/approvals/")

        assert response.status_code == 200
        assertContains(response, "Lars Larsen")
        assertContains(response, f'href="/assessments/{waiting.pk}/"')
        assertContains(response, "Vera Veileder")

    def test_an_approved_assessment_leaves_the_queue(self, client_as: Login) -> None:
        waiting = waiting_assessment()
        beslutter = client_as("beslutter")
        beslutter.post(
            f"/assessments/{waiting.pk}/", {"action": "approve", "version": str(waiting.version)}
        )

        response = beslutter.get("/approvals/")

        assertNotContains(response, "Lars Larsen")
        assertContains(response, nb("Nothing is waiting for you."))

    def test_is_refused_to_a_caseworker(self, veileder: Client) -> None:
        response = veileder.get("/approvals/")

        assert response.status_code == 403
        assertNotContains(response, "Lars Larsen", status_code=403)
