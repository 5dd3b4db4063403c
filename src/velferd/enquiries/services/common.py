"""What the enquiry services share: refusals in both languages, cleaning a text field,
locking an enquiry to change it, and saving a change with its audit event."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError

from ..models import Enquiry

LIMITS = {
    "name": 200,
    "email": 254,
    "organisation": 200,
    "subject": 200,
    "text": 10_000,
    "reply": 10_000,
    "provisional_reply": 10_000,
    "appeal": 10_000,
    "legal_basis": 200,
    "exemption": 100,
    "correspondent": 200,
    "title": 300,
    "public_title": 300,
    "case_reference": 20,
}


def invalid(code: str, field: str | None, nb: str, en: str, status: int = 422) -> DomainError:
    return DomainError(code=code, field=field, message_nb=nb, message_en=en, status=status)


def clean(field: str, value: str, nb: str, en: str, required: bool = True) -> str:
    """The value stripped; refused when required and blank, or longer than its limit."""
    value = (value or "").strip()
    if required and not value:
        raise invalid(f"{field}_required", field, f"{nb} mangler.", f"The {en} is missing.")
    if len(value) > LIMITS[field]:
        raise invalid(
            "too_long",
            field,
            f"{nb} kan være høyst {LIMITS[field]} tegn.",
            f"The {en} can be at most {LIMITS[field]} characters.",
        )
    return value


def past_date(value: datetime.date | None, field: str, earliest: datetime.date) -> datetime.date:
    """A date that has come (today when none is given), not before `earliest`."""
    day = value or timezone.localdate()
    if day > timezone.localdate():
        raise invalid(
            "date_in_future", field, "Datoen kan ikke være frem i tid.", "The date cannot be ahead."
        )
    if day < earliest:
        raise invalid(
            "date_before_receipt",
            field,
            "Datoen kan ikke være før henvendelsen kom inn.",
            "The date cannot be before the enquiry was received.",
        )
    return day


def locked(actor: Actor, enquiry: Enquiry, version: int) -> Enquiry:
    """The enquiry read again under its row lock, taken by primary key alone: a lock taken
    through a join would lose the row when a concurrent write had just changed what it
    joins on (the department). The version is checked only once the lock is held."""
    policies.require(actor, policies.can_handle_enquiry, enquiry)
    found = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    found.check_version(version)
    return found


def require_open(enquiry: Enquiry) -> None:
    if not enquiry.is_open:
        raise invalid(
            "enquiry_closed",
            "status",
            "Henvendelsen er allerede besvart eller lukket.",
            "The enquiry has already been answered or closed.",
            status=CONFLICT,
        )


def save(
    actor: Actor, enquiry: Enquiry, action: str, before: dict[str, Any], after: dict[str, Any]
) -> Enquiry:
    enquiry.bump_version()
    enquiry.save()
    audit.record(actor=actor, action=action, target=enquiry, before=before, after=after)
    return enquiry
