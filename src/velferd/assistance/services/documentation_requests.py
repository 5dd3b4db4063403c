"""The office asks the applicant for documentation by a deadline: the application waits for
it (status `awaiting_documentation`) until every request is answered (the applicant's
answer, `answers.py`, makes it ready for decision) or withdrawn."""

from __future__ import annotations

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, not_found
from velferd.core.validation import invalid, required_text

from ..models import ApplicationStatus, DocumentationRequest, DocumentationRequestStatus
from .casework import (
    acting_user,
    application_to_work,
    locked_application,
    require_open,
    status_change,
)

MAX_WHAT = 2000
LONGEST_DEADLINE = 90  # days; a longer wait is no deadline for someone asking for help


def _deadline(value: object, today: datetime.date) -> datetime.date:
    day = value if isinstance(value, datetime.date) else None
    if day is None:
        try:
            day = datetime.date.fromisoformat(str(value or "").strip())
        except ValueError:
            day = None
    if day is None:
        raise invalid(
            "deadline_required",
            "deadline",
            "Skriv fristen som en dato.",
            "Write the deadline as a date.",
        )
    if not today <= day <= today + datetime.timedelta(days=LONGEST_DEADLINE):
        raise invalid(
            "deadline_out_of_range",
            "deadline",
            f"Fristen må være fra i dag og høyst {LONGEST_DEADLINE} dager fram.",
            f"The deadline must be from today and at most {LONGEST_DEADLINE} days ahead.",
        )
    return day


@transaction.atomic
def documentation_request_create(
    *,
    actor: Actor,
    application_id: uuid.UUID | str,
    version: int,
    what: str,
    deadline: object,
) -> DocumentationRequest:
    """Ask for documentation (what, by when); the application then waits for it."""
    application = application_to_work(actor, application_id)
    today = timezone.localdate()
    text = required_text(what, "what", "Hva søkeren skal sende", "what to send", MAX_WHAT)
    day = _deadline(deadline, today)
    locked = locked_application(application, version)
    require_open(locked)
    request = DocumentationRequest.objects.create(
        application=locked, what=text, deadline=day, requested_by=acting_user(actor)
    )
    before = status_change(locked, ApplicationStatus.AWAITING_DOCUMENTATION)
    audit.record(
        actor=actor,
        action="assistance_application.documentation_requested",
        target=locked,
        before=before,
        after={"status": locked.status, "request": str(request.pk), "deadline": day},
    )
    return request


@transaction.atomic
def documentation_request_withdraw(
    *, actor: Actor, request_id: uuid.UUID | str, version: int
) -> DocumentationRequest:
    """Withdraw a request the applicant need no longer answer; with none left open the
    application is ready for decision."""
    key = _key(request_id)
    found = DocumentationRequest.objects.filter(pk=key).first() if key else None
    if found is None:
        raise not_found("forespørselen", "the request", field="request")
    application = locked_application(application_to_work(actor, found.application_id), None)
    request = DocumentationRequest.objects.select_for_update().get(pk=found.pk)
    request.check_version(version)
    if request.status != DocumentationRequestStatus.OPEN:
        raise invalid(
            "request_not_open",
            None,
            "Forespørselen er allerede besvart eller trukket.",
            "The request is already answered or withdrawn.",
            status=CONFLICT,
        )
    request.status = DocumentationRequestStatus.WITHDRAWN
    request.bump_version()
    request.save(update_fields=["status", "version", "updated_at"])
    before = {"status": application.status}
    still_open = application.documentation_requests.filter(status=DocumentationRequestStatus.OPEN)
    if application.status == ApplicationStatus.AWAITING_DOCUMENTATION and not still_open.exists():
        before = status_change(application, ApplicationStatus.READY_FOR_DECISION)
    audit.record(
        actor=actor,
        action="assistance_application.documentation_withdrawn",
        target=application,
        before=before,
        after={"status": application.status, "request": str(request.pk)},
    )
    return request


def _key(value: uuid.UUID | str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
