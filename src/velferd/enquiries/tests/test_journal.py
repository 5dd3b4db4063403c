"""The public mail journal (offentlig journal, offentleglova § 10 and arkivforskrifta
§ 10): enquiries received and replies sent are journalled as they happen, a private
sender's name is withheld from the public and screened out of the title, case officers
journal documents by hand and mark an exemption with its legal basis (offentleglova
chapter 3); every write is audited."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import partial

import pytest
from django.utils import timezone

from velferd.access.actor import ANONYMOUS, Actor
from velferd.audit.models import AccessEvent, AuditEvent
from velferd.core.testing import nb, refusal
from velferd.enquiries import selectors, services
from velferd.enquiries.models import JournalEntry

from .factories import a_journal_entry, an_enquiry

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]


def counts() -> tuple[int, int]:
    return JournalEntry.objects.count(), AuditEvent.objects.count()


refused = partial(refusal, unchanged=counts)


def titles_found(actor: Actor, query: str) -> list[str]:
    return [
        line.title
        for line in selectors.lines_for(
            actor, list(selectors.journal_search(actor=actor, query=query))
        )
    ]


class TestFromEnquiries:
    def test_a_received_enquiry_is_journalled_with_the_private_name_withheld(self) -> None:
        enquiry = an_enquiry(subject="Klage fra Mari Moe på saksbehandlingen")
        entry = JournalEntry.objects.get(enquiry=enquiry)
        assert (entry.case_reference, entry.document_number) == (enquiry.reference, 1)
        assert (entry.direction, entry.correspondent_is_private) == ("incoming", True)
        assert entry.public_title == "Klage fra ***** ***** på saksbehandlingen"
        line = selectors.journal_entry_for(actor=ANONYMOUS, entry_id=entry.pk)
        assert "Mari" not in line.title and "Moe" not in line.correspondent
        assert line.correspondent == nb("Private individual") == "Privatperson"

    def test_an_organisations_enquiry_names_the_organisation(self) -> None:
        enquiry = an_enquiry(organisation="Hamar kommune")
        entry = JournalEntry.objects.get(enquiry=enquiry)
        line = selectors.journal_entry_for(actor=ANONYMOUS, entry_id=entry.pk)
        assert (line.correspondent, entry.correspondent_is_private) == ("Hamar kommune", False)

    def test_the_reply_is_journalled_as_the_next_outgoing_document(
        self, actor_of_login: Lookup
    ) -> None:
        enquiry = an_enquiry()
        services.enquiry_reply(
            actor=actor_of_login("departement"), enquiry=enquiry, text="Svar", version=1
        )
        reply = JournalEntry.objects.get(enquiry=enquiry, direction="outgoing")
        assert reply.document_number == 2 and reply.public_title == "Svar – Sykepenger"

    def test_a_rerouted_enquiry_takes_its_journal_entries_along(
        self, actor_of_login: Lookup
    ) -> None:
        enquiry = an_enquiry()
        services.enquiry_reroute(
            actor=actor_of_login("departement"), enquiry=enquiry, department="pension", version=1
        )
        assert JournalEntry.objects.get(enquiry=enquiry).department.slug == "pension"


class TestSearch:
    def test_the_public_never_finds_an_entry_by_a_private_persons_name(
        self, actor_of_login: Lookup
    ) -> None:
        an_enquiry(name="Tora Tangen", subject="Spørsmål om dagpenger")
        assert titles_found(ANONYMOUS, "Tangen") == []
        assert titles_found(actor_of_login("veileder"), "Tangen") == []
        # The Press and Communications Division sees every department's entries in full.
        assert titles_found(actor_of_login("departement"), "Tangen") == ["Spørsmål om dagpenger"]

    def test_search_by_reference_dates_department_and_direction(self) -> None:
        today = timezone.localdate()
        entry = a_journal_entry(case_reference="26/7777", direction="outgoing")
        found = selectors.journal_search(
            actor=ANONYMOUS,
            reference="26/7777",
            date_from=today,
            date_to=today,
            department="welfare-policy",
            direction="outgoing",
        )
        assert list(found) == [entry]
        assert not selectors.journal_search(
            actor=ANONYMOUS, reference="26/7777", department="pension"
        ).exists()

    def test_staff_read_of_a_private_name_is_logged(self, actor_of_login: Lookup) -> None:
        entry = JournalEntry.objects.get(enquiry=an_enquiry())
        selectors.journal_entry_for(actor=ANONYMOUS, entry_id=entry.pk)
        assert not AccessEvent.objects.filter(subject_id=str(entry.pk)).exists()
        line = selectors.journal_entry_for(actor=actor_of_login("departement"), entry_id=entry.pk)
        assert line.in_full and line.correspondent == "Mari Moe"
        assert (
            AccessEvent.objects.get(subject_id=str(entry.pk)).what == "journal_entry.correspondent"
        )


class TestByHand:
    def test_documents_of_a_case_are_numbered_in_turn_and_audited(self) -> None:
        first = a_journal_entry(case_reference="26/8001")
        second = a_journal_entry(case_reference="26/8001", direction="outgoing")
        assert (first.document_number, second.document_number) == (1, 2)
        assert second.document_reference == "26/8001-2"
        assert AuditEvent.objects.filter(
            action="journal_entry.recorded", target_id=str(second.pk)
        ).exists()

    def test_a_private_correspondents_name_is_screened_from_the_public_title(self) -> None:
        entry = a_journal_entry(
            correspondent="Per Hansen",
            correspondent_is_private=True,
            title="Søknad fra Per Hansen om tilskudd",
        )
        assert entry.public_title == "Søknad fra ***** ***** om tilskudd"

    def test_an_officer_journals_only_for_their_department(self, actor_of_login: Lookup) -> None:
        error = refused(
            lambda: services.journal_entry_record(
                actor=actor_of_login("integrering"),
                department="welfare-policy",
                case_reference="26/8002",
                direction="internal",
                document_date=timezone.localdate(),
                title="Notat",
            )
        )
        assert error.status == 403

    @pytest.mark.parametrize(
        ("fields", "code", "field"),
        [
            ({"case_reference": "26 1234"}, "invalid_case_reference", "case_reference"),
            ({"title": " "}, "title_required", "title"),
            ({"correspondent": ""}, "correspondent_required", "correspondent"),
            ({"exemption": "Offentleglova"}, "exemption_needs_provision", "exemption"),
            ({"direction": "sideways"}, "invalid_direction", "direction"),
        ],
    )
    def test_bad_input_is_refused_beside_its_field(
        self, fields: dict[str, str], code: str, field: str
    ) -> None:
        error = refused(lambda: a_journal_entry(**fields))
        assert (error.code, error.field, error.status) == (code, field, 422)

    def test_a_document_date_ahead_is_refused(self) -> None:
        ahead = timezone.localdate() + datetime.timedelta(days=1)
        error = refused(lambda: a_journal_entry(document_date=ahead))
        assert error.code == "date_in_future"


class TestExemption:
    def test_marking_and_lifting_an_exemption_is_audited(self, actor_of_login: Lookup) -> None:
        officer = actor_of_login("velferdspolitikk")
        entry = a_journal_entry()
        exempt = services.journal_entry_set_exemption(
            actor=officer, entry=entry, exemption="Offl. § 13 jf. fvl. § 13", version=1
        )
        assert exempt.is_exempt and exempt.version == 2
        public = services.journal_entry_set_exemption(
            actor=officer, entry=exempt, exemption="", version=2
        )
        assert not public.is_exempt
        actions = list(
            AuditEvent.objects.filter(target_id=str(entry.pk))
            .order_by("seq")
            .values_list("action", flat=True)
        )
        assert actions == [
            "journal_entry.recorded",
            "journal_entry.exempted",
            "journal_entry.exemption_lifted",
        ]

    def test_a_stale_version_is_refused(self, actor_of_login: Lookup) -> None:
        entry = a_journal_entry()
        error = refused(
            lambda: services.journal_entry_set_exemption(
                actor=actor_of_login("velferdspolitikk"), entry=entry, exemption="", version=9
            )
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_another_department_cannot_mark_it(self, actor_of_login: Lookup) -> None:
        entry = a_journal_entry()
        error = refused(
            lambda: services.journal_entry_set_exemption(
                actor=actor_of_login("integrering"),
                entry=entry,
                exemption="Offl. § 14 første ledd",
                version=1,
            )
        )
        assert error.status == 403
