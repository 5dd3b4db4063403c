"""The dialogue: threads between the person and the office, their messages, who has read
them and whom they wait for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.validation import invalid, required_text

from ..locking import lock_person, lock_record
from ..models import Activity, Message, Thread, Waiting
from .changes import require_user

if TYPE_CHECKING:
    from velferd.people.models import Person


def _after_message(thread: Thread, from_office: bool, wait_for_reply: bool) -> None:
    thread.last_message_at = timezone.now()
    if from_office:
        thread.read_by_person = False
        thread.read_by_office = True
        thread.waiting_for = Waiting.PERSON if wait_for_reply else Waiting.NOBODY
    else:
        thread.read_by_office = False
        thread.read_by_person = True
        thread.waiting_for = Waiting.OFFICE


def _message(actor: Actor, thread: Thread, text: str, from_office: bool) -> Message:
    return Message.objects.create(
        thread=thread,
        author=require_user(actor),
        author_label=actor.label,
        from_office=from_office,
        text=required_text(text, "text", "Meldingen", "message", 4000),
        sent_at=timezone.now(),
    )


@retried_atomic
def thread_start(
    *,
    actor: Actor,
    person: Person,
    subject: str,
    text: str,
    activity: Activity | None = None,
    wait_for_reply: bool = False,
) -> Thread:
    policies.require(actor, policies.can_take_part_in_plan, person)
    if activity is not None and activity.person_id != person.pk:
        raise invalid(
            "activity_of_someone_else",
            "activity",
            "Aktiviteten hører ikke til denne personen.",
            "The activity does not belong to this person.",
        )
    from_office = not policies.is_the_person(actor, person)
    lock_person(person.pk)
    thread = Thread(
        person=person,
        activity=activity,
        subject=required_text(subject, "subject", "Emnet", "subject", 200),
    )
    _after_message(thread, from_office, wait_for_reply)
    thread.save()
    _message(actor, thread, text, from_office)
    audit.record(
        actor=actor,
        action="thread.started",
        target=thread,
        after={"subject": thread.subject, "from_office": from_office},
    )
    return thread


@retried_atomic
def message_send(
    *, actor: Actor, thread: Thread, text: str, wait_for_reply: bool = False
) -> Message:
    policies.require(actor, policies.can_take_part_in_plan, thread.person)
    thread = lock_record(thread, "person")
    from_office = not policies.is_the_person(actor, thread.person)
    message = _message(actor, thread, text, from_office)
    _after_message(thread, from_office, wait_for_reply)
    thread.save()
    audit.record(
        actor=actor,
        action="message.sent",
        target=thread,
        after={
            "message": message.pk,
            "from_office": from_office,
            "waiting_for": thread.waiting_for,
        },
    )
    return message


@retried_atomic
def thread_mark_read(*, actor: Actor, thread: Thread) -> Thread:
    """The reader's side of the thread is read."""
    policies.require(actor, policies.can_take_part_in_plan, thread.person)
    thread = lock_record(thread, "person")
    field = "read_by_person" if policies.is_the_person(actor, thread.person) else "read_by_office"
    if not getattr(thread, field):
        setattr(thread, field, True)
        thread.save(update_fields=[field, "updated_at"])
        audit.record(actor=actor, action="thread.read", target=thread, after={field: True})
    return thread


@retried_atomic
def thread_set_waiting(*, actor: Actor, thread: Thread, waiting_for: str) -> Thread:
    """The office marks whom the thread waits for."""
    policies.require(actor, policies.can_follow_up, thread.person)
    if waiting_for not in Waiting.values:
        raise invalid("unknown_waiting", "waiting_for", "Ukjent verdi.", "Unknown value.")
    thread = lock_record(thread, "person")
    before = {"waiting_for": thread.waiting_for}
    thread.waiting_for = waiting_for
    thread.save(update_fields=["waiting_for", "updated_at"])
    audit.record(
        actor=actor,
        action="thread.waiting_changed",
        target=thread,
        before=before,
        after={"waiting_for": waiting_for},
    )
    return thread
