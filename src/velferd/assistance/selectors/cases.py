"""The application's case for the staff: everything the applicant gave, the attachments, the
documentation requests, the decisions with their conditions, the calculation aid and the
history. Every read is logged; a draft or an application the actor may not see is 404."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import not_found

from ..calculation import Calculation, calculate
from ..models import Application, Attachment, Decision, DocumentationRequest
from .queue import PURPOSE


@dataclass(frozen=True)
class Event:
    at: datetime.datetime
    what: str  # a code the page labels
    detail: str = ""


@dataclass(frozen=True)
class Case:
    application: Application
    may_decide: bool
    calculation: Calculation
    history: list[Event]

    @property
    def current_decision(self) -> Decision | None:
        decisions = [d for d in self.application.decisions.all() if not _replaced(d)]
        return decisions[0] if decisions else None


def _replaced(decision: Decision) -> bool:
    try:
        return decision.replaced_by is not None
    except Decision.replaced_by.RelatedObjectDoesNotExist:
        return False


def _application(application_id: uuid.UUID | str) -> Application | None:
    try:
        key = uuid.UUID(str(application_id))
    except ValueError:
        return None
    return (
        Application.objects.filter(pk=key)
        .select_related("person", "office", "municipality")
        .prefetch_related(
            "household",
            "money",
            Prefetch("attachments", queryset=Attachment.objects.order_by("created_at")),
            Prefetch(
                "documentation_requests",
                queryset=DocumentationRequest.objects.select_related(
                    "requested_by"
                ).prefetch_related("attachments"),
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("decided_by", "replaced_by")
                .prefetch_related("conditions")
                .order_by("-decided_on", "-created_at"),
            ),
        )
        .first()
    )


def _history(application: Application) -> list[Event]:
    events = []
    if application.submitted_at:
        events.append(Event(application.submitted_at, "submitted"))
    for request in application.documentation_requests.all():
        events.append(Event(request.created_at, "documentation_requested", request.what))
        if request.answered_at:
            events.append(Event(request.answered_at, "documentation_answered", request.what))
    for decision in application.decisions.all():
        events.append(Event(decision.created_at, f"decision_{decision.reason}", decision.outcome))
    return sorted(events, key=lambda event: event.at)


def decision_of(actor: Actor, decision_id: uuid.UUID | str) -> tuple[Decision, Case]:
    """A decision and its application's case, read as the case is (the read logged); an
    unknown decision is refused as an application the actor may not see, so that the answer
    does not tell one from the other."""
    found = Decision.objects.filter(pk=decision_id).only("application_id").first()
    if found is None:
        raise not_found("søknaden", "the application", field="application")
    the_case = case(actor, found.application_id)
    decision = next(d for d in the_case.application.decisions.all() if d.pk == found.pk)
    return decision, the_case


def case(actor: Actor, application_id: uuid.UUID | str) -> Case:
    """The case of an application the actor may see; the read is logged."""
    found = _application(application_id)
    if found is None or not policies.allows(actor, policies.can_view_application, found):
        raise not_found("søknaden", "the application", field="application")
    audit.log_access(
        actor=actor,
        subject=found.person,
        what="assistance_application",
        purpose=PURPOSE,
        role=policies.role_reading(actor, found.person),
    )
    return Case(
        application=found,
        may_decide=policies.allows(actor, policies.can_decide_application, found),
        calculation=calculate(found, timezone.localdate()),
        history=_history(found),
    )


def current_decision_of(decision: Decision) -> bool:
    return not _replaced(decision)
