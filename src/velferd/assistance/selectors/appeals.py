"""Appeals against decisions on financial assistance: the office's list and one appeal (for
the office and for the person), and the decision the person appeals. Every read of an
appeal is logged."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import not_found

from ..models import Appeal, Decision
from ..services.appeals import OPEN
from .queue import PURPOSE


def _key(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def office_appeals(actor: Actor, open_only: bool = True) -> QuerySet[Appeal]:
    handled = Appeal.objects.filter(policies.assistance_appeals_handled(actor)).values("pk")
    rows = Appeal.objects.filter(pk__in=handled).select_related("decision__application__person")
    if open_only:
        rows = rows.filter(status__in=OPEN)
    return rows.order_by("received_on", "created_at")


def logged_appeals(actor: Actor, rows: list[Appeal]) -> list[Appeal]:
    audit.log_access_many(
        actor=actor,
        subjects=[a.decision.application.person for a in rows],
        what="assistance_appeal",
        purpose=PURPOSE,
    )
    return rows


def appeal(actor: Actor, appeal_id: object) -> Appeal:
    """One appeal the actor may see (404 otherwise), its read logged."""
    key = _key(appeal_id)
    found = (
        Appeal.objects.select_related("decision__application__person", "new_decision")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    if found is None or not policies.allows(actor, policies.can_view_assistance_appeal, found):
        raise not_found("klagen", "the appeal", field="appeal")
    person = found.decision.application.person
    audit.log_access(
        actor=actor,
        subject=person,
        what="assistance_appeal",
        purpose=PURPOSE,
        role=policies.role_reading(actor, person),
    )
    return found


def appealable_decision(actor: Actor, decision_id: object) -> Decision:
    """The decision the actor may appeal (the person's own, or the office's), 404 otherwise."""
    key = _key(decision_id)
    found = (
        Decision.objects.select_related("application__person").filter(pk=key).first()
        if key
        else None
    )
    if found is None or not policies.allows(actor, policies.can_appeal_assistance, found):
        raise not_found("vedtaket", "the decision", field="decision")
    return found


def appeals_of_decision(decision: Decision) -> list[Appeal]:
    return list(decision.appeals.order_by("-received_on", "-created_at"))
