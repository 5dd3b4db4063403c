"""The dialogue page: opening a conversation marks it read for the reader's side."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from velferd.followup.models import (
    Waiting,
)

from .pages import Login, by_testid, demo_thread, field_error, person

pytestmark = pytest.mark.django_db


class TestThreadPage:
    def test_opening_it_marks_it_read_for_the_office_only(self, veileder: Client) -> None:
        thread = demo_thread()
        assert thread.read_by_office is False

        response = veileder.get(f"/threads/{thread.pk}/")

        assert response.status_code == 200
        assertContains(response, "Må jeg ha med meg noe til kurset på mandag?")
        thread.refresh_from_db()
        assert thread.read_by_office is True
        assert thread.read_by_person is True
        assert thread.waiting_for == Waiting.OFFICE
        overview = veileder.get(f"/people/{person('Ola').pk}/").content.decode()
        assert "tag--new" not in by_testid(overview, "threads")

    def test_the_person_opening_it_does_not_mark_it_read_for_the_office(self, ola: Client) -> None:
        ola.get(f"/threads/{demo_thread().pk}/")

        assert demo_thread().read_by_office is False

    def test_an_approver_reading_it_does_not_mark_it_read_for_the_office(
        self, client_as: Login
    ) -> None:
        response = client_as("beslutter").get(f"/threads/{demo_thread().pk}/")

        assert response.status_code == 200
        assertNotContains(response, 'data-testid="reply-form"')
        assert demo_thread().read_by_office is False

    def test_a_reply_waiting_for_an_answer_waits_for_the_person(self, veileder: Client) -> None:
        thread = demo_thread()

        response = veileder.post(
            f"/threads/{thread.pk}/", {"text": "Ta med CV-en.", "wait_for_reply": "on"}
        )

        assert response.status_code == 302
        thread.refresh_from_db()
        assert thread.waiting_for == Waiting.PERSON
        assert thread.read_by_person is False
        assert [m.text for m in thread.messages.all()][-1] == "Ta med CV-en."

    def test_an_empty_reply_is_shown_beside_the_text(self, veileder: Client) -> None:
        response = veileder.post(f"/threads/{demo_thread().pk}/", {"text": ""})

        assert response.status_code == 422
        assert field_error(response.content.decode(), "text") == "Meldingen mangler."
        assert demo_thread().messages.count() == 1
