"""Receiving, routing and handling the Ministry's enquiries. Every write is audited."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access import selectors as access_selectors
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.organisation import selectors as organisation_selectors

from . import classifier
from .models import Enquiry, EnquiryStatus, RoutedBy, RoutingCorrection

LIMITS = {"name": 200, "email": 254, "organisation": 200, "subject": 200, "text": 10_000}


def _invalid(code: str, field: str | None, nb: str, en: str, status: int = 422) -> DomainError:
    return DomainError(code=code, field=field, message_nb=nb, message_en=en, status=status)


def _clean(field: str, value: str, nb: str, en: str, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise _invalid(f"{field}_required", field, f"{nb} mangler.", f"The {en} is missing.")
    if len(value) > LIMITS[field]:
        raise _invalid(
            "too_long",
            field,
            f"{nb} kan være høyst {LIMITS[field]} tegn.",
            f"The {en} can be at most {LIMITS[field]} characters.",
        )
    return value


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The day `count` working days (Monday to Friday) after `day`."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _reference() -> str:
    year = timezone.localdate().year
    while True:
        reference = f"AID-{year}-{secrets.randbelow(1_000_000):06d}"
        if not Enquiry.objects.filter(reference=reference).exists():
            return reference


def _destination(routing: classifier.Routing, is_press: bool) -> tuple[str, str]:
    if is_press:
        return policies.PRESS_DIVISION, RoutedBy.PRESS
    if routing.confidence < settings.VELFERD_ENQUIRY_CONFIDENCE_THRESHOLD:
        return policies.PRESS_DIVISION, RoutedBy.LOW_CONFIDENCE
    return routing.department, RoutedBy.CLASSIFIER


@transaction.atomic
def enquiry_submit(
    *,
    actor: Actor,
    name: str,
    email: str,
    subject: str,
    text: str,
    organisation: str = "",
    is_press: bool = False,
    received_at: datetime.datetime | None = None,
) -> Enquiry:
    """Receive an enquiry from anyone, route it and give it a reference and a deadline
    (`received_at` is for enquiries that arrived earlier by other channels)."""
    name = _clean("name", name, "Navnet", "name")
    email = _clean("email", email, "E-postadressen", "e-mail address")
    try:
        validate_email(email)
    except ValidationError:
        raise _invalid(
            "invalid_email",
            "email",
            "E-postadressen er ikke gyldig.",
            "The e-mail address is not valid.",
        ) from None
    subject = _clean("subject", subject, "Emnet", "subject")
    text = _clean("text", text, "Teksten", "text")
    organisation = _clean(
        "organisation", organisation, "Organisasjonen", "organisation", required=False
    )
    routing = classifier.route(f"{subject}\n{text}")
    slug, routed_by = _destination(routing, is_press)
    days = (
        settings.VELFERD_PRESS_DEADLINE_WORKING_DAYS
        if is_press
        else settings.VELFERD_ENQUIRY_DEADLINE_WORKING_DAYS
    )
    received = received_at or timezone.now()
    enquiry = Enquiry.objects.create(
        reference=_reference(),
        name=name,
        email=email,
        organisation=organisation,
        is_press=is_press,
        subject=subject,
        text=text,
        department=organisation_selectors.department(slug),
        routed_by=routed_by,
        suggested_department=routing.department,
        confidence=routing.confidence,
        alternatives=routing.alternatives,
        received_at=received,
        deadline=add_working_days(timezone.localdate(received), days),
    )
    audit.record(
        actor=actor,
        action="enquiry.received",
        target=enquiry,
        after={
            "reference": enquiry.reference,
            "department": slug,
            "routed_by": routed_by,
            "confidence": routing.confidence,
        },
    )
    return enquiry


def _locked(actor: Actor, enquiry: Enquiry, version: int) -> Enquiry:
    """The enquiry read again under its row lock, taken by primary key alone: a lock taken
    through a join would lose the row when a concurrent write had just changed what it
    joins on (the department). The version is checked only once the lock is held."""
    policies.require(actor, policies.can_handle_enquiry, enquiry)
    locked = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    locked.check_version(version)
    return locked


def _require_open(enquiry: Enquiry) -> None:
    if not enquiry.is_open:
        raise _invalid(
            "enquiry_closed",
            "status",
            "Henvendelsen er allerede besvart eller lukket.",
            "The enquiry has already been answered or closed.",
            status=CONFLICT,
        )


def _save(
    actor: Actor, enquiry: Enquiry, action: str, before: dict[str, Any], after: dict[str, Any]
) -> Enquiry:
    enquiry.bump_version()
    enquiry.save()
    audit.record(actor=actor, action=action, target=enquiry, before=before, after=after)
    return enquiry


@transaction.atomic
def enquiry_assign(*, actor: Actor, enquiry: Enquiry, username: str, version: int) -> Enquiry:
    """Give the enquiry to a case officer in its department."""
    enquiry = _locked(actor, enquiry, version)
    _require_open(enquiry)
    officer = access_selectors.active_user_named(username)
    if enquiry.department.slug not in policies.ministry_departments(
        access_selectors.actor_for_user(officer)
    ):
        raise _invalid(
            "not_in_department",
            "assignee",
            f"{officer} arbeider ikke i {enquiry.department.name_nb}.",
            f"{officer} does not work in the {enquiry.department.name_en}.",
        )
    before = {"assignee": str(enquiry.assignee_id) if enquiry.assignee_id else None}
    enquiry.assignee = officer
    enquiry.status = EnquiryStatus.ASSIGNED
    return _save(actor, enquiry, "enquiry.assigned", before, {"assignee": str(officer.pk)})


@transaction.atomic
def enquiry_reroute(*, actor: Actor, enquiry: Enquiry, department: str, version: int) -> Enquiry:
    """Move the enquiry to another department. The correction is kept for training."""
    enquiry = _locked(actor, enquiry, version)
    _require_open(enquiry)
    target = organisation_selectors.department(department)
    if target.pk == enquiry.department_id:
        raise _invalid(
            "same_department",
            "department",
            "Henvendelsen ligger allerede hos denne avdelingen.",
            "The enquiry is already with this department.",
        )
    before = {"department": enquiry.department.slug}
    RoutingCorrection.objects.create(
        enquiry=enquiry,
        from_department=enquiry.department.slug,
        to_department=target.slug,
        corrected_by_label=actor.label,
    )
    enquiry.department = target
    enquiry.routed_by = RoutedBy.PERSON
    enquiry.assignee = None
    enquiry.status = EnquiryStatus.RECEIVED
    return _save(actor, enquiry, "enquiry.rerouted", before, {"department": target.slug})


@transaction.atomic
def enquiry_reply(*, actor: Actor, enquiry: Enquiry, text: str, version: int) -> Enquiry:
    enquiry = _locked(actor, enquiry, version)
    _require_open(enquiry)
    reply = (text or "").strip()
    if not reply:
        raise _invalid("reply_required", "reply", "Svaret mangler.", "The reply is missing.")
    enquiry.reply = reply[:10_000]
    enquiry.replied_at = timezone.now()
    enquiry.status = EnquiryStatus.ANSWERED
    return _save(actor, enquiry, "enquiry.answered", {}, {"replied_at": enquiry.replied_at})


@transaction.atomic
def enquiry_close(*, actor: Actor, enquiry: Enquiry, version: int) -> Enquiry:
    """Close an enquiry (answered or not, e.g. a duplicate)."""
    enquiry = _locked(actor, enquiry, version)
    if enquiry.status == EnquiryStatus.CLOSED:
        raise _invalid(
            "enquiry_closed",
            "status",
            "Henvendelsen er allerede lukket.",
            "The enquiry is already closed.",
            status=CONFLICT,
        )
    before = {"status": enquiry.status}
    enquiry.status = EnquiryStatus.CLOSED
    enquiry.closed_at = timezone.now()
    return _save(actor, enquiry, "enquiry.closed", before, {"status": enquiry.status})
