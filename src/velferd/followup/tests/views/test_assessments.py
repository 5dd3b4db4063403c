"""The assessment pages: the letter preview with its LIX, sending, the approver's queue and
approval."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import formats, translation
from pytest_django.asserts import assertContains, assertNotContains

from velferd.access.roles import Role
from velferd.audit.models import AuditEvent
from velferd.core.readability import lix
from velferd.core.testing import field_error, nb, reread, staff_at
from velferd.followup import services
from velferd.followup.models import (
    AssessmentStatus,
    NeedsAssessment,
)
from velferd.people.models import Person
from velferd.people.tests.factories import at_sagene

from ..api.calls import EASY, HARD
from .pages import Login, assessment_letter, by_testid

pytestmark = pytest.mark.django_db


class TestAssessmentPage:
    def test_a_draft_shows_the_letter_preview_and_its_lix(
        self,
        veileder: Client,
        draft_for_newcomer: Callable[..., NeedsAssessment],
        newcomer: Person,
    ) -> None:
        assessment = draft_for_newcomer()

        response = veileder.get(f"/assessments/{assessment.pk}/")

        assert response.status_code == 200
        html = response.content.decode()
        letter = by_testid(html, "letter")
        assert f"Hei, {newcomer.given_name}." in letter
        assert EASY in letter
        score = lix(assessment_letter(veileder, assessment)).score
        with translation.override("nb"):
            shown = formats.number_format(score)
        assert shown in by_testid(html, "lix")
        assert "lix--hard" not in html

    def test_a_hard_letter_is_flagged_as_hard_to_read(
        self, veileder: Client, draft_for_newcomer: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_newcomer(reasoning=HARD)

        html = veileder.get(f"/assessments/{assessment.pk}/").content.decode()

        assert 'class="lix lix--hard"' in html
        assert HARD in by_testid(html, "letter")

    def test_sending_a_standard_decision_from_the_page_writes_the_letter(
        self, veileder: Client, draft_for_newcomer: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_newcomer()

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
        self, veileder: Client, draft_for_newcomer: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_newcomer()

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
        self, veileder: Client, client_as: Login, awaiting: NeedsAssessment
    ) -> None:
        as_approver = client_as("beslutter").get(f"/assessments/{awaiting.pk}/")
        as_author = veileder.get(f"/assessments/{awaiting.pk}/")

        assertContains(as_approver, 'data-testid="approval-form"')
        assertNotContains(as_author, 'data-testid="approval-form"')

    def test_the_approver_approves_from_the_page(
        self, client_as: Login, awaiting: NeedsAssessment
    ) -> None:
        beslutter = client_as("beslutter")

        response = beslutter.post(
            f"/assessments/{awaiting.pk}/", {"action": "approve", "version": str(awaiting.version)}
        )

        assert response.status_code == 302
        assert response["Location"] == f"/assessments/{awaiting.pk}/"
        approved = reread(awaiting)
        assert approved.status == AssessmentStatus.APPROVED
        assert approved.approver is not None and approved.approver.username == "beslutter"
        last = AuditEvent.objects.order_by("-seq").first()
        assert last is not None and last.action == "assessment.approved"
        page = beslutter.get(f"/assessments/{awaiting.pk}/")
        assertContains(page, 'data-status="approved"')
        assertContains(page, "Berit Beslutter")
        assertNotContains(page, 'data-testid="approval-form"')

    def test_returning_without_a_comment_is_shown_beside_the_comment(
        self, client_as: Login, awaiting: NeedsAssessment
    ) -> None:
        response = client_as("beslutter").post(
            f"/assessments/{awaiting.pk}/",
            {"action": "return", "version": str(awaiting.version), "comment": ""},
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "comment") == "Kommentaren mangler."
        assert reread(awaiting).status == AssessmentStatus.AWAITING_APPROVAL

    def test_the_author_forcing_an_approval_is_refused(
        self, veileder: Client, awaiting: NeedsAssessment
    ) -> None:
        response = veileder.post(
            f"/assessments/{awaiting.pk}/", {"action": "approve", "version": str(awaiting.version)}
        )

        assert response.status_code == 403
        assertContains(
            response, "Du kan ikke være beslutter for din egen vurdering.", status_code=403
        )
        assert reread(awaiting).status == AssessmentStatus.AWAITING_APPROVAL


@dataclass(frozen=True)
class Queue:
    """What waits for the approver at NAV Sagene: one assessment, by the office's caseworker."""

    approver: Client
    waiting: NeedsAssessment

    @property
    def author_name(self) -> str:
        return self.waiting.author.full_name


@pytest.fixture
def sagene_queue(db: None) -> Queue:
    """NAV Sagene's caseworker and approver, and a partially permanent assessment by the
    caseworker awaiting approval: the only one at the office, where the demo has no one."""
    author = staff_at("0320", "sagene-veileder")
    approver = staff_at("0320", "sagene-beslutter", Role.APPROVER)
    person = at_sagene()
    services.period_start(actor=author, person=person, caseworker=author.user)
    draft = services.assessment_create(
        actor=author,
        person=person,
        need_group="partially_permanent",
        main_goal="keep_work",
        reasoning="Du kan jobbe halv tid i jobben du har, med tilrettelegging. Det vil vare.",
        sources=["medical", "employer"],
    )
    waiting = services.assessment_submit(actor=author, assessment=draft, version=draft.version)
    assert approver.user is not None
    client = Client()
    client.force_login(approver.user)
    return Queue(approver=client, waiting=waiting)


class TestApprovalsPage:
    def test_lists_what_waits_for_the_approver(self, sagene_queue: Queue) -> None:
        waiting = sagene_queue.waiting

        response = sagene_queue.approver.get("/approvals/")

        assert response.status_code == 200
        assertContains(response, waiting.person.full_name)
        assertContains(response, f'href="/assessments/{waiting.pk}/"')
        assertContains(response, sagene_queue.author_name)

    def test_an_approved_assessment_leaves_the_queue(self, sagene_queue: Queue) -> None:
        waiting = sagene_queue.waiting
        approver = sagene_queue.approver
        approver.post(
            f"/assessments/{waiting.pk}/", {"action": "approve", "version": str(waiting.version)}
        )

        response = approver.get("/approvals/")

        assertNotContains(response, waiting.person.full_name)
        assertContains(response, nb("Nothing is waiting for you."))

    def test_is_refused_to_a_caseworker(self, veileder: Client, awaiting: NeedsAssessment) -> None:
        response = veileder.get("/approvals/")

        assert response.status_code == 403
        assertNotContains(response, awaiting.person.full_name, status_code=403)
