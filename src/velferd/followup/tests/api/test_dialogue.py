"""The dialogue through the API: threads, replies, and the read and waiting flags."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import reread
from velferd.followup.models import Thread
from velferd.people.models import Person

from .calls import BASE, send

pytestmark = pytest.mark.django_db


class TestDialogue:
    def test_a_thread_the_person_starts_waits_for_the_office_unread_there(
        self, citizen: Client, me: Person
    ) -> None:
        response = send(
            citizen,
            "post",
            "/threads",
            {"person": str(me.pk), "subject": "Ny adresse", "text": "Jeg har flyttet."},
        )

        assert response.status_code == 201
        body = response.json()
        assert body["subject"] == "Ny adresse"
        assert body["waiting_for"] == "office"
        assert body["read_by_office"] is False
        assert body["read_by_person"] is True
        assert [(m["author"], m["from_office"], m["text"]) for m in body["messages"]] == [
            (me.full_name, False, "Jeg har flyttet.")
        ]

    def test_a_reply_waiting_for_an_answer_waits_for_the_person_unread_by_them(
        self, veileder: Client, question: Thread, me: Person
    ) -> None:
        response = send(
            veileder,
            "post",
            f"/threads/{question.pk}/messages",
            {"text": "Ta med CV-en din. Kommer du?", "wait_for_reply": True},
        )

        assert response.status_code == 201
        body = response.json()
        assert body["waiting_for"] == "person"
        assert body["read_by_person"] is False
        assert body["read_by_office"] is True
        assert [(m["author"], m["from_office"]) for m in body["messages"]] == [
            (me.full_name, False),
            ("Vera Veileder", True),
        ]

    def test_a_reply_without_waiting_waits_for_nobody(
        self, veileder: Client, question: Thread
    ) -> None:
        response = send(
            veileder, "post", f"/threads/{question.pk}/messages", {"text": "Ta med CV."}
        )

        assert response.json()["waiting_for"] == "nobody"

    def test_marking_read_flips_only_the_readers_flag(
        self, veileder: Client, citizen: Client, question: Thread
    ) -> None:
        send(veileder, "post", f"/threads/{question.pk}/messages", {"text": "Ta med CV."})

        by_person = citizen.post(f"{BASE}/threads/{question.pk}/read")

        assert by_person.status_code == 200
        assert by_person.json()["read_by_person"] is True
        assert by_person.json()["read_by_office"] is True

    def test_the_office_reading_the_persons_message_marks_it_read_for_the_office(
        self, veileder: Client, question: Thread
    ) -> None:
        assert question.read_by_office is False

        response = veileder.post(f"{BASE}/threads/{question.pk}/read")

        assert response.json()["read_by_office"] is True
        assert response.json()["read_by_person"] is True
        assert response.json()["waiting_for"] == "office"
        assert reread(question).read_by_office is True

    def test_an_empty_message_is_422_and_the_thread_is_unchanged(
        self, citizen: Client, question: Thread
    ) -> None:
        response = send(citizen, "post", f"/threads/{question.pk}/messages", {"text": "   "})

        assert response.status_code == 422
        assert response.json()["code"] == "text_required"
        assert response.json()["field"] == "text"
        assert reread(question).messages.count() == 1
