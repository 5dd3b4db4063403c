"""The applicant answers the office's request for documentation: the files sent with it
(services/attachments.py) and a comment. When no request is left open, the application is
ready for the office's decision."""

from __future__ import annotations

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.validation import invalid
from velferd.people import selectors as people_selectors

from ..models import (
    Application,
    ApplicationStatus,
    DocumentationRequest,
    DocumentationRequestStatus,
)

MAX_COMMENT = 4000


def answer_comment(value: object) -> str:
    text = str(value or "").strip()
    if len(text) > MAX_COMMENT:
        raise invalid(
            "too_long",
            "comment",
            f"Skriv høyst {MAX_COMMENT} tegn.",
            f"Write at most {MAX_COMMENT} characters.",
        )
    return text


def _require_something(request: DocumentationRequest, comment: str) -> None:
    if not comment and not request.attachments.exists():
        raise invalid(
            "answer_empty",
            "file",
            "Last opp dokumentasjonen, eller skriv hvorfor du ikke kan sende den.",
            "Upload the documentation, or write why you cannot send it.",
        )


@retried_atomic
def documentation_answer(
    *, actor: Actor, request: DocumentationRequest, version: int, comment: str = ""
) -> DocumentationRequest:
    """Send the answer: the request is answered; the application is ready for decision when
    it was the last one open."""
    policies.require(actor, policies.can_answer_documentation_request, request)
    text = answer_comment(comment)
    people_selectors.lock_person(request.application.person_id)
    application = Application.objects.select_for_update().get(pk=request.application_id)
    locked = DocumentationRequest.objects.select_for_update().get(pk=request.pk)
    locked.check_version(version)
    if locked.status != DocumentationRequestStatus.OPEN:
        raise invalid(
            "request_closed",
            None,
            "Denne forespørselen om dokumentasjon er allerede besvart eller trukket.",
            "This request for documentation has already been answered or withdrawn.",
            status=409,
        )
    _require_something(locked, text)
    locked.status = DocumentationRequestStatus.ANSWERED
    locked.answered_at = timezone.now()
    locked.answer_comment = text
    locked.bump_version()
    locked.save()
    audit.record(
        actor=actor,
        action="assistance_documentation.answered",
        target=locked,
        after={"files": locked.attachments.count(), "comment": bool(text)},
    )
    _ready_when_all_answered(actor, application)
    return locked


def _ready_when_all_answered(actor: Actor, application: Application) -> None:
    if application.status != ApplicationStatus.AWAITING_DOCUMENTATION:
        return
    if application.documentation_requests.filter(status=DocumentationRequestStatus.OPEN).exists():
        return
    application.status = ApplicationStatus.READY_FOR_DECISION
    application.bump_version()
    application.save(update_fields=["status", "version", "updated_at"])
    audit.record(
        actor=actor,
        action="assistance_application.ready_for_decision",
        target=application,
        before={"status": ApplicationStatus.AWAITING_DOCUMENTATION},
        after={"status": ApplicationStatus.READY_FOR_DECISION},
    )
