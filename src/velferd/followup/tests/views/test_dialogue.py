"""The dialogue page: opening a conversation marks it read for the reader's side."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from velferd.core.testing import field_error, reread
from velferd.followup.models import Thread, Waiting
from velferd.people.models import Person

from .pages import Login, by_testid

pytestmark = pytest.mark.django_db


class TestThreadPage:
    def test_opening_it_marks_it_read_for_the_office_only(
        self, veileder: Client, question: Thread, me: Person
    ) -> None:
        assert question.read_by_office is False

        response = veileder.get(f"/threads/{question.pk}/")

        assert response.status_code == 200
        assertContains(response, "Må jeg ha med meg noe til kurset på mandag?")
        question.refresh_from_db()
        assert question.read_by_office is True
        assert question.read_by_person is True
        assert question.waiting_for == Waiting.OFFICE
        overview = veileder.get(f"/people/{me.pk}/").content.decode()
        assert "tag--new" not in by_testid(overview, "threads")

    def test_the_person_opening_it_does_not_mark_it_read_for_the_office(
        self, citizen: Client, question: Thread
    ) -> None:
        citizen.get(f"/threads/{question.pk}/")

        assert reread(question).read_by_office is False

    def test_an_approver_reading_it_does_not_mark_it_read_for_the_office(
        self, client_as: Login, question: Thread
    ) -> None:
        response = client_as("beslutter").get(f"/threads/{question.pk}/")

        assert response.status_code == 200
        assertNotContains(response, 'data-testid="reply-form"')
        assert reread(question).read_by_office is False

    def test_a_reply_waiting_for_an_answer_waits_for_the_person(
        self, veileder: Client, question: Thread
    ) -> None:
        response = veileder.post(
            f"/threads/{question.pk}/", {"text": "Ta med CV-en.", "wait_for_reply": "on"}
        )

        assert response.status_code == 302
        question.refresh_from_db()
        assert question.waiting_for == Waiting.PERSON
        assert question.read_by_person is False
        assert [m.text for m in question.messages.all()][-1] == "Ta med CV-en."

    def test_an_empty_reply_is_shown_beside_the_text(
        self, veileder: Client, question: Thread
    ) -> None:
        response = veileder.post(f"/threads/{question.pk}/", {"text": ""})

        assert response.status_code == 422
        assert field_error(response.content.decode(), "text") == "Meldingen mangler."
        assert reread(question).messages.count() == 1
