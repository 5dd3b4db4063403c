"""The caseworker's own: saved portfolio filters and private reminder notes."""

from __future__ import annotations

import json

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.followup import selectors, services
from velferd.followup.models import ReminderNote, SavedFilter
from velferd.people.models import Person

from .writes import (
    DAY,
    TODAY,
    Lookup,
    actions_since,
    audit_mark,
    last_event,
    refused_in_coordination as refused,
)

pytestmark = pytest.mark.django_db


class TestSavedFilters:
    def test_a_caseworker_saves_a_filter_and_sees_it(self, vera: Actor) -> None:
        mark = audit_mark()

        saved = services.saved_filter_save(
            actor=vera, name="  Unge uten aktivitet  ", query="flag=activity_requirement"
        )

        assert saved.name == "Unge uten aktivitet"
        assert list(selectors.saved_filters_of(actor=vera)) == [saved]
        assert actions_since(mark) == ["saved_filter.saved"]
        assert last_event().after == {
            "name": "Unge uten aktivitet",
            "query": "flag=activity_requirement",
        }

    def test_saving_under_the_same_name_replaces_the_query(self, vera: Actor) -> None:
        first = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")
        second = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine&sort=age")

        assert second.pk == first.pk
        assert [(s.name, s.query) for s in selectors.saved_filters_of(actor=vera)] == [
            ("Mine", "flag=mine&sort=age")
        ]

    def test_each_owner_has_their_own_filters(self, vera: Actor, social: Actor) -> None:
        veras = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")
        sindres = services.saved_filter_save(actor=social, name="Mine", query="flag=new")
        services.saved_filter_save(actor=social, name="Andre", query="flag=unassigned")

        assert list(selectors.saved_filters_of(actor=vera)) == [veras]
        assert [s.name for s in selectors.saved_filters_of(actor=social)] == ["Andre", "Mine"]
        assert selectors.saved_filter_for(actor=social, filter_id=sindres.pk) == sindres
        error = refusal(lambda: selectors.saved_filter_for(actor=social, filter_id=veras.pk))
        assert (error.code, error.status) == ("not_found", 404)

    def test_only_the_owner_deletes_a_filter(self, vera: Actor, social: Actor) -> None:
        saved = services.saved_filter_save(actor=vera, name="Mine", query="flag=mine")

        error = refused(lambda: services.saved_filter_delete(actor=social, saved=saved), saved)
        assert error.status == 403

        services.saved_filter_delete(actor=vera, saved=saved)
        assert not SavedFilter.objects.filter(pk=saved.pk).exists()
        assert last_event().action == "saved_filter.deleted"

    @pytest.mark.parametrize("name", ["", "   ", "x" * 101])
    def test_a_filter_needs_a_name_of_1_to_100_characters(self, vera: Actor, name: str) -> None:
        error = refused(lambda: services.saved_filter_save(actor=vera, name=name, query="a=b"))
        assert (error.code, error.status, error.field) == ("invalid_name", 422, "name")

    def test_anonymous_has_no_filters_and_saves_none(self) -> None:
        assert list(selectors.saved_filters_of(actor=ANONYMOUS)) == []
        error = refused(lambda: services.saved_filter_save(actor=ANONYMOUS, name="A", query=""))
        assert error.status == 401


# Reminder notes ------------------------------------------------------------------------------


class TestReminderNotes:
    def test_a_caseworker_writes_a_note_about_a_person(self, vera: Actor, followed: Person) -> None:
        mark = audit_mark()

        note = services.reminder_note_add(
            actor=vera, person=followed, text="  Ring etter kurset  ", remind_on=TODAY() + DAY
        )

        assert note.text == "Ring etter kurset"
        assert list(selectors.reminder_notes(actor=vera, person=followed)) == [note]
        assert actions_since(mark) == ["reminder_note.added"]
        assert last_event().after == {
            "person": str(followed.pk),
            "remind_on": (TODAY() + DAY).isoformat(),
        }

    def test_a_note_is_private_to_its_author(
        self, vera: Actor, social: Actor, followed: Person
    ) -> None:
        veras = services.reminder_note_add(actor=vera, person=followed, text="Vera sin")
        sindres = services.reminder_note_add(actor=social, person=followed, text="Sindre sin")

        assert list(selectors.reminder_notes(actor=vera, person=followed)) == [veras]
        assert list(selectors.reminder_notes(actor=social, person=followed)) == [sindres]
        assert selectors.reminder_note_for(actor=vera, note_id=veras.pk) == veras
        error = refusal(lambda: selectors.reminder_note_for(actor=social, note_id=veras.pk))
        assert (error.code, error.status) == ("not_found", 404)

    @pytest.mark.parametrize("login", ["kontorleder", "admin", "citizen"])
    def test_nobody_else_reads_it_not_even_the_manager_or_the_person(
        self, vera: Actor, acting_as: Lookup, login: str, followed: Person
    ) -> None:
        note = services.reminder_note_add(actor=vera, person=followed, text="Vera sin")
        actor = acting_as(login)

        assert list(selectors.reminder_notes(actor=actor, person=followed)) == []
        assert (
            refusal(lambda: selectors.reminder_note_for(actor=actor, note_id=note.pk)).status == 404
        )

    def test_the_notes_text_is_not_copied_into_the_audit_trail(
        self, vera: Actor, followed: Person
    ) -> None:
        text = "Virker deprimert, spør om fastlegen"
        note = services.reminder_note_add(actor=vera, person=followed, text=text)
        services.reminder_note_delete(actor=vera, note=note)

        for event in AuditEvent.objects.filter(action__startswith="reminder_note."):
            written = json.dumps([event.before, event.after, event.target_label])
            assert "deprimert" not in written

    def test_only_the_author_deletes_a_note(
        self, vera: Actor, social: Actor, followed: Person
    ) -> None:
        note = services.reminder_note_add(actor=vera, person=followed, text="Vera sin")

        error = refused(lambda: services.reminder_note_delete(actor=social, note=note), note)
        assert error.status == 403

        services.reminder_note_delete(actor=vera, note=note)
        assert not ReminderNote.objects.filter(pk=note.pk).exists()
        assert last_event().action == "reminder_note.deleted"

    def test_an_empty_note_is_refused_with_422(self, vera: Actor, followed: Person) -> None:
        error = refused(lambda: services.reminder_note_add(actor=vera, person=followed, text="  "))
        assert (error.code, error.status, error.field) == ("text_required", 422, "text")

    @pytest.mark.parametrize("login", ["beslutter", "fastlege", "citizen"])
    def test_only_those_who_follow_the_person_up_write_notes(
        self, acting_as: Lookup, login: str, followed: Person
    ) -> None:
        error = refused(
            lambda: services.reminder_note_add(actor=acting_as(login), person=followed, text="Hei")
        )
        assert error.status == 403
