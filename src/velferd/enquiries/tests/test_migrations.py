"""The enquiries received before access requests and the journal existed stay valid: they
are ordinary enquiries, keep their deadlines and get the day their provisional reply is due
(forvaltningsloven § 11a third paragraph)."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from velferd.enquiries.models import Enquiry, EnquiryKind

from .factories import an_enquiry

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("velferd.enquiries.migrations.0002_access_requests_and_journal")


def test_an_earlier_enquiry_gets_its_provisional_reply_date_and_keeps_its_deadline() -> None:
    enquiry = an_enquiry()
    received = datetime.datetime(2026, 1, 31, 9, tzinfo=datetime.UTC)
    Enquiry.objects.filter(pk=enquiry.pk).update(
        received_at=received, deadline=datetime.date(2026, 2, 13), provisional_reply_by=None
    )

    MIGRATION.provisional_reply_dates(apps, None)

    enquiry.refresh_from_db()
    assert enquiry.kind == EnquiryKind.ORDINARY
    assert enquiry.deadline == datetime.date(2026, 2, 13)
    assert enquiry.provisional_reply_by == datetime.date(2026, 2, 28)
    assert timezone.localdate(enquiry.received_at) == datetime.date(2026, 1, 31)
