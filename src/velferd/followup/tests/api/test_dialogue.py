"""The dialogue through the API: threads, replies, and the read and waiting flags."""

from __future__ import annotations

import pytest
from django.test import Client

from .calls import BASE, demo_thread, person, send

pytestmark = pytest.mark.django_db


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
