"""Reading the enquiries inbox, as far as the reader's departments reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from velferd.access import policies
from velferd.access import selectors as access_selectors
from velferd.access.actor import Actor
from velferd.core.errors import forbidden, not_found
from velferd.core.identifiers import as_uuid
from velferd.organisation import selectors as organisation_selectors

from . import classifier
from .models import OPEN_STATUSES, Enquiry, EnquiryStatus

if TYPE_CHECKING:
    from velferd.organisation.models import Department


def departments_visible_to(*, actor: Actor) -> list[Department]:
    return [
        d for d in organisation_selectors.departments() if policies.can_view_inbox(actor, d.slug)
    ]


def inbox(
    *,
    actor: Actor,
    department: str = "",
    status: str = "",
    overdue: bool = False,
    query: str = "",
) -> QuerySet[Enquiry]:
    """The enquiries of the departments the actor may see, oldest deadline first."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    visible = [d.pk for d in departments_visible_to(actor=actor)]
    if not visible:
        raise forbidden()
    found = Enquiry.objects.filter(department__in=visible).select_related("department", "assignee")
    if department:
        found = found.filter(department__slug=department)
    if status:
        if status not in EnquiryStatus.values:
            raise not_found(f"status «{status}»", f"status “{status}”", field="status")
        found = found.filter(status=status)
    if overdue:
        found = found.filter(status__in=OPEN_STATUSES, deadline__lt=timezone.localdate())
    if query.strip():
        found = found.filter(Q(reference__iexact=query.strip()) | Q(subject__icontains=query))
    return found


def open_counts(*, actor: Actor) -> dict[str, dict[str, int]]:
    """Open and overdue enquiries per department, for the inbox's tabs."""
    today = timezone.localdate()
    rows = (
        Enquiry.objects.filter(
            department__in=[d.pk for d in departments_visible_to(actor=actor)],
            status__in=OPEN_STATUSES,
        )
        .values("department__slug")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(deadline__lt=today)))
    )
    return {r["department__slug"]: {"open": r["open"], "overdue": r["overdue"]} for r in rows}


def enquiry_for(*, actor: Actor, enquiry_id: object) -> Enquiry:
    key = as_uuid(enquiry_id)
    found = (
        Enquiry.objects.select_related("department", "assignee").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise not_found("henvendelsen", "the enquiry")
    if not policies.can_handle_enquiry(actor, found):
        raise forbidden() if actor.is_authenticated else policies.not_authenticated()
    return found


def corrected_examples() -> list[classifier.Example]:
    """Enquiries that staff moved to another department, labelled where they ended up:
    training examples for the next model."""
    return [
        classifier.Example(text=f"{e.subject}\n{e.text}", department=e.department.slug)
        for e in Enquiry.objects.filter(corrections__isnull=False)
        .select_related("department")
        .distinct()
    ]


def can_still_see(actor: Actor, enquiry: Enquiry) -> bool:
    """After a re-route the enquiry may have left the actor's inboxes."""
    return policies.can_handle_enquiry(actor, enquiry)


def officers_of(department: Department) -> list[str]:
    """Usernames of the case officers of a department."""
    return access_selectors.usernames_in_role("ministry_staff", department=department)


def suggestions_named(enquiry: Enquiry) -> list[tuple[str, float]]:
    """The model's suggestion and its two runners-up, by department name."""
    names = {d.slug: d.name for d in organisation_selectors.departments()}
    ranked = [
        {"department": enquiry.suggested_department, "confidence": enquiry.confidence},
        *enquiry.alternatives,
    ]
    return [(names.get(r["department"], r["department"]), r["confidence"]) for r in ranked]
