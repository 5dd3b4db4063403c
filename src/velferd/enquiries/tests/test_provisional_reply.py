"""The provisional reply (foreløpig svar, forvaltningsloven § 11a third paragraph): an
ordinary enquiry that cannot be answered within a month of its receipt gets one; the inbox
flags those still without one from a week before the month runs out, and recording it
keeps the date and the text and journals it as an outgoing document."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import partial

import pytest
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.enquiries import deadlines, selectors, services
from velferd.enquiries.models import Enquiry, JournalEntry

from .factories import an_access_request, an_enquiry

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]


def counts() -> tuple[int, int, int]:
    return Enquiry.objects.count(), JournalEntry.objects.count(), AuditEvent.objects.count()


refused = partial(refusal, unchanged=counts)


def record(
    actor: Actor,
    enquiry: Enquiry,
    text: str = "Vi trenger mer tid og svarer innen 1. mars.",
    sent_on: datetime.date | None = None,
) -> Enquiry:
    return services.enquiry_provisional_reply(
        actor=actor, enquiry=enquiry, version=enquiry.version, text=text, sent_on=sent_on
    )


def test_an_enquiry_is_due_a_provisional_reply_a_month_after_receipt_fvl_11a() -> None:
    enquiry = an_enquiry()
    received = timezone.localdate(enquiry.received_at)
    assert enquiry.provisional_reply_by == deadlines.one_month_after(received)


def test_it_is_flagged_from_a_week_before_the_month_runs_out_fvl_11a() -> None:
    waiting = an_enquiry(received_days_ago=26)
    recent = an_enquiry(received_days_ago=10)
    assert waiting.needs_provisional_reply and not recent.needs_provisional_reply
    flagged = Enquiry.objects.filter(selectors.provisional_reply_due())
    assert waiting in flagged and recent not in flagged


def test_recording_it_keeps_date_and_text_and_journals_it(actor_of_login: Lookup) -> None:
    enquiry = an_enquiry(received_days_ago=26)
    sent_on = timezone.localdate() - datetime.timedelta(days=1)
    done = record(actor_of_login("departement"), enquiry, sent_on=sent_on)
    assert (done.provisional_reply_on, done.needs_provisional_reply) == (sent_on, False)
    assert done.provisional_reply.startswith("Vi trenger mer tid")
    entry = JournalEntry.objects.get(enquiry=done, direction="outgoing")
    assert entry.document_number == 2 and entry.title.startswith("Foreløpig svar – ")
    assert entry.document_date == sent_on
    assert AuditEvent.objects.filter(
        action="enquiry.provisional_reply_sent", target_id=str(done.pk)
    ).exists()
    assert done not in Enquiry.objects.filter(selectors.provisional_reply_due())


def test_it_is_recorded_once(actor_of_login: Lookup) -> None:
    press = actor_of_login("departement")
    done = record(press, an_enquiry())
    error = refused(lambda: record(press, done))
    assert (error.code, error.status) == ("provisional_reply_sent", 409)


def test_an_access_request_gets_no_provisional_reply(actor_of_login: Lookup) -> None:
    request = an_access_request()
    error = refused(lambda: record(actor_of_login("departement"), request))
    assert (error.code, error.status) == ("not_for_access_requests", 422)


@pytest.mark.parametrize(("days", "code"), [(-1, "date_in_future"), (40, "date_before_receipt")])
def test_a_date_ahead_or_before_receipt_is_refused(
    actor_of_login: Lookup, days: int, code: str
) -> None:
    enquiry = an_enquiry(received_days_ago=5)
    sent_on = timezone.localdate() - datetime.timedelta(days=days)
    error = refused(lambda: record(actor_of_login("departement"), enquiry, sent_on=sent_on))
    assert (error.code, error.field) == (code, "provisional_reply_on")


def test_a_blank_provisional_reply_is_refused(actor_of_login: Lookup) -> None:
    enquiry = an_enquiry()
    error = refused(lambda: record(actor_of_login("departement"), enquiry, text=" "))
    assert (error.code, error.field) == ("provisional_reply_required", "provisional_reply")
