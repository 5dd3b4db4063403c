"""Applications for expert assistance as far as the reader may see them: the enterprise's
representative and the advisors of its county. An application names an employee and their
sick leave, so reading one is logged."""

from __future__ import annotations

from django.db.models import QuerySet

from velferd.access.actor import Actor
from velferd.access.policies import employers as employer_policies
from velferd.audit import services as audit
from velferd.core.errors import not_found

from ..models import Enterprise, ExpertAssistance, ExpertAssistanceStatus
from .lookups import as_int, refused, unknown


def expert_assistance_visible_to(*, actor: Actor, status: str = "") -> QuerySet[ExpertAssistance]:
    """Advisors: the applications of their county's enterprises; an employer: their own."""
    if not employer_policies.can_list_expert_assistance(actor):
        raise refused(actor)
    found = ExpertAssistance.objects.select_related("enterprise", "enterprise__county").filter(
        employer_policies.expert_assistance_visible(actor)
    )
    if status:
        if status not in ExpertAssistanceStatus.values:
            raise not_found(f"status «{status}»", f"status “{status}”", field="status")
        found = found.filter(status=status)
    return found


def expert_assistance_of(*, actor: Actor, enterprise: Enterprise) -> QuerySet[ExpertAssistance]:
    """The enterprise's applications, for the reader who may see them (none for others)."""
    if not employer_policies.can_view_expert_assistance(actor, enterprise):
        return ExpertAssistance.objects.none()
    return enterprise.expert_assistance.select_related("enterprise")


def expert_assistance_for(*, actor: Actor, application_id: object) -> ExpertAssistance:
    """One application; one the reader may not see answers as unknown. The read is logged."""
    key = as_int(application_id)
    found = (
        ExpertAssistance.objects.select_related("enterprise", "enterprise__county")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    if found is None or not employer_policies.can_view_expert_assistance(actor, found.enterprise):
        raise unknown(actor, "søknaden om ekspertbistand", "the expert assistance application")
    audit.log_access(
        actor=actor, subject=found, what="expert_assistance", purpose="expert_assistance"
    )
    return found
