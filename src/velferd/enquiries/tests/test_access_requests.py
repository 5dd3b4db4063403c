"""Access requests (innsynskrav, offentleglova): their own kind of enquiry, answered without
undue delay (§ 29 first paragraph, offentlegforskrifta § 7), refused only with the legal
basis named (§ 31 first paragraph), deemed refused when not answered within five working
days (§ 32 third paragraph), and then open to appeal (§ 32 first paragraph)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.enquiries import deadlines, selectors, services
from velferd.enquiries.models import Enquiry, EnquiryStatus, JournalEntry, RoutedBy

from .factories import a_journal_entry, an_access_request, an_enquiry

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]


def counts() -> tuple[int, int, int]:
    return Enquiry.objects.count(), JournalEntry.objects.count(), AuditEvent.objects.count()


refused = partial(refusal, unchanged=counts)


def officer(actor_of_login: Lookup) -> Actor:
    return actor_of_login("velferdspolitikk")


class TestReceiving:
    def test_a_request_from_a_journal_entry_goes_to_the_entrys_department(self) -> None:
        entry = a_journal_entry(department="integration", case_reference="26/9100")
        request = an_access_request(entry=entry)
        assert request.is_access_request and request.journal_entry == entry
        assert (request.department.slug, request.routed_by) == ("integration", RoutedBy.JOURNAL)
        event = AuditEvent.objects.get(action="enquiry.received", target_id=str(request.pk))
        assert isinstance(event.after, dict) and event.after["kind"] == "access_request"

    def test_it_is_due_within_three_working_days_offl_29(self) -> None:
        """Without undue delay: the Ministry's practice of one to three working days."""
        request = an_access_request()
        received = timezone.localdate(request.received_at)
        assert request.deadline == deadlines.add_working_days(received, 3)
        assert request.deemed_refused_after == deadlines.add_working_days(received, 5)
        assert request.provisional_reply_by is None

    def test_an_access_request_is_not_journalled_an_ordinary_enquiry_is(self) -> None:
        before = JournalEntry.objects.count()
        an_access_request()
        assert JournalEntry.objects.count() == before
        an_enquiry()
        assert JournalEntry.objects.count() == before + 1

    def test_a_journal_entry_asked_for_in_an_ordinary_enquiry_is_refused(self) -> None:
        entry = a_journal_entry()
        error = refused(lambda: an_enquiry(journal_entry=str(entry.pk)))
        assert (error.code, error.field, error.status) == (
            "entry_needs_access_request",
            "kind",
            422,
        )

    def test_an_unknown_journal_entry_is_404_and_nothing_is_written(self) -> None:
        error = refused(
            lambda: an_enquiry(
                kind="access_request", journal_entry="00000000-0000-0000-0000-000000000000"
            )
        )
        assert (error.code, error.status) == ("not_found", 404)

    def test_an_unknown_kind_is_refused(self) -> None:
        error = refused(lambda: an_enquiry(kind="complaint"))
        assert (error.code, error.field) == ("invalid_kind", "kind")


class TestDeemedRefused:
    def test_unanswered_after_five_working_days_it_counts_as_refused_offl_32(self) -> None:
        late = an_access_request(received_days_ago=14)
        fresh = an_access_request()
        assert late.is_deemed_refused and late.may_be_appealed
        assert not fresh.is_deemed_refused and not fresh.may_be_appealed
        flagged = Enquiry.objects.filter(selectors.deemed_refused())
        assert late in flagged and fresh not in flagged

    def test_an_answered_request_is_not_deemed_refused(self, actor_of_login: Lookup) -> None:
        late = an_access_request(received_days_ago=14)
        answered = services.enquiry_reply(
            actor=actor_of_login("departement"),
            enquiry=late,
            text="Du får innsyn.",
            access_outcome="granted",
            version=late.version,
        )
        assert not answered.is_deemed_refused and not answered.may_be_appealed


class TestAnswering:
    def test_a_refusal_must_name_its_legal_basis_offl_31(self, actor_of_login: Lookup) -> None:
        request = an_access_request()
        press = actor_of_login("departement")
        error = refused(
            lambda: services.enquiry_reply(
                actor=press, enquiry=request, text="Avslått.", access_outcome="refused", version=1
            )
        )
        assert (error.code, error.field) == ("legal_basis_required", "legal_basis")
        answered = services.enquiry_reply(
            actor=press,
            enquiry=request,
            text="Avslått.",
            access_outcome="refused",
            legal_basis="Offl. § 14 første ledd",
            version=1,
        )
        assert (answered.access_outcome, answered.legal_basis) == (
            "refused",
            "Offl. § 14 første ledd",
        )
        assert answered.may_be_appealed

    def test_an_access_request_needs_a_decision_on_access(self, actor_of_login: Lookup) -> None:
        request = an_access_request()
        error = refused(
            lambda: services.enquiry_reply(
                actor=actor_of_login("departement"), enquiry=request, text="Svar", version=1
            )
        )
        assert (error.code, error.field) == ("access_outcome_required", "access_outcome")

    def test_an_ordinary_enquiry_gets_no_decision_on_access(self, actor_of_login: Lookup) -> None:
        enquiry = an_enquiry()
        error = refused(
            lambda: services.enquiry_reply(
                actor=actor_of_login("departement"),
                enquiry=enquiry,
                text="Svar",
                access_outcome="granted",
                version=1,
            )
        )
        assert error.code == "not_an_access_request"


class TestAppeal:
    def test_a_deemed_refusal_may_be_appealed_offl_32(self, actor_of_login: Lookup) -> None:
        late = an_access_request(received_days_ago=14)
        appealed = services.access_request_appeal(
            actor=actor_of_login("departement"),
            enquiry=late,
            text="Jeg har ikke fått svar og klager.",
            version=late.version,
        )
        assert appealed.status == EnquiryStatus.APPEALED
        assert appealed.appealed_on == timezone.localdate()
        assert not appealed.is_deemed_refused and not appealed.may_be_appealed
        event = AuditEvent.objects.get(action="access_request.appealed", target_id=str(late.pk))
        assert isinstance(event.after, dict) and event.after["deemed_refused"] is True

    def test_a_request_neither_refused_nor_late_cannot_be_appealed(
        self, actor_of_login: Lookup
    ) -> None:
        fresh = an_access_request()
        error = refused(
            lambda: services.access_request_appeal(
                actor=actor_of_login("departement"), enquiry=fresh, text="Klage", version=1
            )
        )
        assert (error.code, error.status) == ("not_appealable", 409)

    def test_an_ordinary_enquiry_is_not_appealed_here(self, actor_of_login: Lookup) -> None:
        enquiry = an_enquiry()
        error = refused(
            lambda: services.access_request_appeal(
                actor=actor_of_login("departement"), enquiry=enquiry, text="Klage", version=1
            )
        )
        assert error.code == "not_an_access_request"

    def test_another_departments_officer_cannot_register_it(self, actor_of_login: Lookup) -> None:
        entry = a_journal_entry(department="integration", case_reference="26/9101")
        late = an_access_request(entry=entry, received_days_ago=14)
        error = refused(
            lambda: services.access_request_appeal(
                actor=officer(actor_of_login), enquiry=late, text="Klage", version=late.version
            )
        )
        assert error.status == 403
