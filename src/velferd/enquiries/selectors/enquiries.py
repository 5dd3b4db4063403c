"""Reading the enquiries inbox, as far as the reader's departments reach, with the flags
of the deadlines: overdue, an access request deemed refused (offentleglova § 32 third
paragraph), a provisional reply due (forvaltningsloven § 11a third paragraph)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from velferd.access import policies, selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.policies import ministry as ministry_policies
from velferd.audit import services as audit
from velferd.core.errors import forbidden, not_found
from velferd.core.identifiers import as_uuid
from velferd.organisation import selectors as organisation_selectors

from .. import classifier
from ..deadlines import PROVISIONAL_REPLY_WARNING
from ..models import OPEN_STATUSES, Enquiry, EnquiryKind, EnquiryStatus

if TYPE_CHECKING:
    from velferd.organisation.models import Department


def departments_visible_to(*, actor: Actor) -> list[Department]:
    return [
        d for d in organisation_selectors.departments() if policies.can_view_inbox(actor, d.slug)
    ]


def deemed_refused() -> Q:
    """Access requests still open after their five working days (offl. § 32)."""
    return Q(status__in=OPEN_STATUSES, deemed_refused_after__lt=timezone.localdate())


def provisional_reply_due() -> Q:
    """Open enquiries without a provisional reply whose month runs out within a week."""
    return Q(
        status__in=OPEN_STATUSES,
        provisional_reply_on__isnull=True,
        provisional_reply_by__lte=timezone.localdate() + PROVISIONAL_REPLY_WARNING,
    )


def inbox(
    *,
    actor: Actor,
    department: str = "",
    status: str = "",
    overdue: bool = False,
    query: str = "",
    kind: str = "",
    flag: str = "",
) -> QuerySet[Enquiry]:
    """The enquiries of the departments the actor may see, oldest deadline first; `flag`
    is "deemed_refused" or "provisional_reply_due"."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if not policies.can_route_enquiries(actor):
        raise forbidden()
    found = Enquiry.objects.filter(ministry_policies.enquiries_handled(actor)).select_related(
        "department", "assignee"
    )
    if kind:
        if kind not in EnquiryKind.values:
            raise not_found(f"typen «{kind}»", f"kind “{kind}”", field="kind")
        found = found.filter(kind=kind)
    if flag:
        flags = {"deemed_refused": deemed_refused, "provisional_reply_due": provisional_reply_due}
        if flag not in flags:
            raise not_found(f"merket «{flag}»", f"flag “{flag}”", field="flag")
        found = found.filter(flags[flag]())
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
    """Open, overdue and deemed-refused enquiries per department, for the inbox's tabs."""
    today = timezone.localdate()
    rows = (
        Enquiry.objects.filter(ministry_policies.enquiries_handled(actor), status__in=OPEN_STATUSES)
        .values("department__slug")
        .annotate(
            open=Count("id"),
            overdue=Count("id", filter=Q(deadline__lt=today)),
            deemed_refused=Count("id", filter=deemed_refused()),
        )
    )
    return {
        r["department__slug"]: {
            "open": r["open"],
            "overdue": r["overdue"],
            "deemed_refused": r["deemed_refused"],
        }
        for r in rows
    }


def enquiry_for(*, actor: Actor, enquiry_id: object) -> Enquiry:
    """One enquiry, for those who handle it; reading its sender's name and address is
    logged."""
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
    audit.log_access(actor=actor, subject=found, what="enquiry.sender", purpose="enquiry_handling")
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
