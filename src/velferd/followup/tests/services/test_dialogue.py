"""The dialogue: threads, messages, read flags on each side and whom a thread waits for."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.followup import selectors, services
from velferd.followup.models import Activity, Thread, Waiting
from velferd.people.models import Person

from .writes import actions_since, audit_mark, last_event, refused, row_of

pytestmark = pytest.mark.django_db


class TestThreadStart:
    def test_the_person_starts_a_thread_and_it_waits_for_the_office(
        self, citizen: Actor, followed: Person
    ) -> None:
        mark = audit_mark()
        thread = services.thread_start(
            actor=citizen, person=followed, subject="Sykemelding", text="Jeg er syk i dag."
        )

        assert thread.waiting_for == Waiting.OFFICE
        assert not thread.read_by_office
        assert thread.read_by_person
        (message,) = thread.messages.all()
        assert (message.text, message.from_office, message.author_label) == (
            "Jeg er syk i dag.",
            False,
            followed.full_name,
        )
        assert actions_since(mark) == ["thread.started"]
        assert last_event().after == {"subject": "Sykemelding", "from_office": False}

    def test_the_office_starts_a_thread_about_an_activity_and_waits_for_a_reply(
        self, vera: Actor, followed: Person, job_hunt: Activity
    ) -> None:
        thread = services.thread_start(
            actor=vera,
            person=followed,
            subject="Jobbsøking",
            text="Hvilke jobber har du søkt på?",
            activity=job_hunt,
            wait_for_reply=True,
        )
        assert thread.activity == job_hunt
        assert thread.waiting_for == Waiting.PERSON
        assert not thread.read_by_person and thread.read_by_office
        assert thread in selectors.threads_of(followed)

    def test_an_activity_of_someone_else_cannot_be_attached(
        self, vera: Actor, followed: Person, unfollowed: Person
    ) -> None:
        someone_elses = services.activity_create(
            actor=vera, person=unfollowed, kind="meeting", title="Møte på kontoret"
        )
        error = refused(
            lambda: services.thread_start(
                actor=vera,
                person=followed,
                subject="Møte",
                text="Hei",
                activity=someone_elses,
            )
        )
        assert (error.code, error.status, error.field) == (
            "activity_of_someone_else",
            422,
            "activity",
        )

    def test_an_empty_message_starts_nothing(self, citizen: Actor, followed: Person) -> None:
        error = refused(
            lambda: services.thread_start(actor=citizen, person=followed, subject="Hei", text="")
        )
        assert (error.code, error.status) == ("text_required", 422)

    def test_the_person_cannot_write_on_someone_elses_behalf(
        self, citizen: Actor, unfollowed: Person
    ) -> None:
        error = refused(
            lambda: services.thread_start(
                actor=citizen, person=unfollowed, subject="Hei", text="Hei"
            )
        )
        assert error.status == 403


class TestMessages:
    def test_the_office_replies_and_waits_for_the_person(
        self, vera: Actor, question: Thread
    ) -> None:
        assert question.waiting_for == Waiting.OFFICE and not question.read_by_office
        mark = audit_mark()

        message = services.message_send(
            actor=vera, thread=question, text="Ta med legitimasjon.", wait_for_reply=True
        )

        question.refresh_from_db()
        assert message.from_office and message.author_label == "Vera Veileder"
        assert question.waiting_for == Waiting.PERSON
        assert not question.read_by_person
        assert question.read_by_office
        assert [m.text for m in question.messages.all()][-1] == "Ta med legitimasjon."
        assert actions_since(mark) == ["message.sent"]
        assert last_event().after == {
            "message": message.pk,
            "from_office": True,
            "waiting_for": "person",
        }

    def test_an_office_reply_without_waiting_leaves_nobody_waiting(
        self, vera: Actor, question: Thread
    ) -> None:
        services.message_send(actor=vera, thread=question, text="Nei, bare møt opp.")
        question.refresh_from_db()
        assert question.waiting_for == Waiting.NOBODY
        assert not question.read_by_person

    def test_the_persons_answer_waits_for_the_office_again(
        self, vera: Actor, citizen: Actor, question: Thread
    ) -> None:
        services.message_send(
            actor=vera, thread=question, text="Når passer det?", wait_for_reply=True
        )
        services.message_send(actor=citizen, thread=question, text="Tirsdag.")
        question.refresh_from_db()
        assert question.waiting_for == Waiting.OFFICE
        assert not question.read_by_office and question.read_by_person

    def test_an_empty_message_is_refused(self, vera: Actor, question: Thread) -> None:
        error = refused(
            lambda: services.message_send(actor=vera, thread=question, text=" "), question
        )
        assert (error.code, error.status) == ("text_required", 422)


class TestThreadRead:
    def test_the_office_marks_its_side_read(self, vera: Actor, question: Thread) -> None:
        mark = audit_mark()

        services.thread_mark_read(actor=vera, thread=question)

        stored = row_of(question)
        assert stored["read_by_office"] is True
        assert stored["read_by_person"] is True
        assert actions_since(mark) == ["thread.read"]
        assert last_event().after == {"read_by_office": True}

    def test_the_person_marks_their_side_read(
        self, vera: Actor, citizen: Actor, question: Thread
    ) -> None:
        services.message_send(actor=vera, thread=question, text="Svar.", wait_for_reply=True)
        question.refresh_from_db()
        mark = audit_mark()

        services.thread_mark_read(actor=citizen, thread=question)

        stored = row_of(question)
        assert stored["read_by_person"] is True
        assert stored["waiting_for"] == Waiting.PERSON
        assert actions_since(mark) == ["thread.read"]
        assert last_event().after == {"read_by_person": True}

    def test_marking_a_read_thread_again_writes_nothing(
        self, citizen: Actor, question: Thread
    ) -> None:
        assert question.read_by_person
        mark, rows = audit_mark(), row_of(question)
        services.thread_mark_read(actor=citizen, thread=question)
        assert actions_since(mark) == []
        assert row_of(question) == rows


class TestThreadWaiting:
    def test_the_office_sets_whom_the_thread_waits_for(self, vera: Actor, question: Thread) -> None:
        mark = audit_mark()

        services.thread_set_waiting(actor=vera, thread=question, waiting_for="nobody")

        assert row_of(question)["waiting_for"] == Waiting.NOBODY
        assert actions_since(mark) == ["thread.waiting_changed"]
        event = last_event()
        assert (event.before, event.after) == ({"waiting_for": "office"}, {"waiting_for": "nobody"})

    def test_the_person_cannot_set_waiting(self, citizen: Actor, question: Thread) -> None:
        error = refused(
            lambda: services.thread_set_waiting(
                actor=citizen, thread=question, waiting_for="nobody"
            ),
            question,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_unknown_value_is_refused(self, vera: Actor, question: Thread) -> None:
        error = refused(
            lambda: services.thread_set_waiting(
                actor=vera, thread=question, waiting_for="everyone"
            ),
            question,
        )
        assert (error.code, error.status) == ("unknown_waiting", 422)
