"""Reads of financial assistance for the applicant's own pages, and the attachment as a file
for everyone who may see it. A read by anyone but the person is logged, with the file's
name, so that the person sees who has opened their documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import not_found

from ..models import (
    Application,
    Attachment,
    Decision,
    DocumentationRequest,
    DocumentationRequestStatus,
)
from ..services.attachments import read_stored

ATTACHMENT_READ = "assistance_attachment"
PURPOSE = "financial_assistance"


def my_applications(actor: Actor) -> QuerySet[Application]:
    """The applicant's applications, the newest first (a draft before those sent)."""
    return (
        Application.objects.filter(policies.own_applications(actor))
        .select_related("office")
        .order_by("-created_at")
    )


def my_application(actor: Actor, application_id: Any) -> Application:
    """One of the applicant's applications with everything in it; 404 for anyone else's."""
    found = (
        Application.objects.filter(policies.own_applications(actor), pk=application_id)
        .select_related("office", "municipality", "person")
        .prefetch_related(
            "household",
            "money",
            Prefetch("attachments", queryset=Attachment.objects.order_by("created_at")),
            Prefetch(
                "documentation_requests",
                queryset=DocumentationRequest.objects.prefetch_related("attachments"),
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.prefetch_related("conditions").order_by(
                    "-decided_on", "-created_at"
                ),
            ),
        )
        .first()
    )
    if found is None:
        raise not_found("søknaden", "the application")
    return found


def open_requests(application: Application) -> list[DocumentationRequest]:
    return [
        r
        for r in application.documentation_requests.all()
        if r.status == DocumentationRequestStatus.OPEN
    ]


def my_documentation_request(actor: Actor, request_id: Any) -> DocumentationRequest:
    """One of the office's requests to the applicant; 404 for anyone else's."""
    found = (
        DocumentationRequest.objects.filter(
            policies.documentation_requests_answerable(actor), pk=request_id
        )
        .select_related("application", "application__person")
        .prefetch_related("attachments")
        .first()
    )
    if found is None:
        raise not_found("forespørselen", "the request")
    return found


def my_attachment(actor: Actor, attachment_id: Any) -> Attachment:
    """An attachment of the applicant's own (to take it off a draft)."""
    found = (
        Attachment.objects.filter(
            pk=attachment_id,
            application__in=Application.objects.filter(policies.own_applications(actor)),
        )
        .select_related("application", "application__person")
        .first()
    )
    if found is None:
        raise not_found("vedlegget", "the attachment")
    return found


@dataclass(frozen=True)
class AttachmentFile:
    attachment: Attachment
    content: bytes


def _may_see(actor: Actor, attachment: Attachment) -> bool:
    person = attachment.application.person
    return policies.can_know_person_exists(actor, person) and policies.allows(
        actor, policies.can_view_attachment, attachment
    )


def attachment_file(actor: Actor, attachment_id: Any) -> AttachmentFile:
    """The file, for whoever may see it; 404 for anyone else, as for an unknown file, so
    that the answer does not tell that the file exists (as the application's case answers).
    A read by anyone but the person is logged."""
    attachment = (
        Attachment.objects.select_related("application", "application__person")
        .filter(pk=attachment_id)
        .first()
    )
    if attachment is None or not _may_see(actor, attachment):
        raise not_found("vedlegget", "the attachment")
    person = attachment.application.person
    content = read_stored(attachment)
    if not policies.is_the_person(actor, person):
        audit.log_access(actor=actor, subject=person, what=ATTACHMENT_READ, purpose=PURPOSE)
    return AttachmentFile(attachment, content)
