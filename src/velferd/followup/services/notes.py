"""The caseworker's own: saved portfolio filters and private reminder notes."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import forbidden
from velferd.core.validation import invalid

from ..locking import lock_person
from ..models import ReminderNote, SavedFilter
from .changes import require_user

if TYPE_CHECKING:
    from velferd.people.models import Person


@retried_atomic
def saved_filter_save(*, actor: Actor, name: str, query: str) -> SavedFilter:
    owner = require_user(actor)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise invalid(
            "invalid_name",
            "name",
            "Gi filteret et navn på 1–100 tegn.",
            "Give the filter a name of 1–100 characters.",
        )
    saved, _ = SavedFilter.objects.update_or_create(
        owner=owner, name=name, defaults={"query": query[:1000]}
    )
    audit.record(
        actor=actor,
        action="saved_filter.saved",
        target=saved,
        after={"name": name, "query": saved.query},
    )
    return saved


@retried_atomic
def saved_filter_delete(*, actor: Actor, saved: SavedFilter) -> None:
    if saved.owner_id != require_user(actor).pk:
        raise forbidden()
    audit.record(
        actor=actor, action="saved_filter.deleted", target=saved, before={"name": saved.name}
    )
    saved.delete()


@retried_atomic
def reminder_note_add(
    *, actor: Actor, person: Person, text: str, remind_on: datetime.date | None = None
) -> ReminderNote:
    """A private note about a person, for the caseworker who writes it."""
    policies.require(actor, policies.can_follow_up, person)
    text = (text or "").strip()
    if not text:
        raise invalid("text_required", "text", "Notatet er tomt.", "The note is empty.")
    lock_person(person.pk)
    note = ReminderNote.objects.create(
        author=require_user(actor), person=person, text=text[:1000], remind_on=remind_on
    )
    audit.record(
        actor=actor,
        action="reminder_note.added",
        target=note,
        after={"person": str(person.pk), "remind_on": remind_on},
    )
    return note


@retried_atomic
def reminder_note_delete(*, actor: Actor, note: ReminderNote) -> None:
    if note.author_id != require_user(actor).pk:
        raise forbidden()
    lock_person(note.person_id)
    audit.record(
        actor=actor,
        action="reminder_note.deleted",
        target=note,
        before={"person": str(note.person_id)},
    )
    note.delete()
