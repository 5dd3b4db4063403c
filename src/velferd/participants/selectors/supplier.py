"""What the supplier reads of its participants: the minimum NAV's supplier portal shares
(deltakeroversikt) and nothing else.

A supplier sees a participant's name, contact, address (only when it is not protected),
start and end, participation percentage or days a week, status and the caseworker's name;
never the §14a decision or its reasoning, benefits, health or other services' records. The
pages and the API show only `SupplierParticipant`, built here field by field, so nothing
else of the person can slip through. Every read of one participant, and every row of a list
shown, is logged for the person as a read by the supplier, named."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.policies.participants import SHARED_WHILE_OPEN
from velferd.access.roles import Role
from velferd.audit import services as audit
from velferd.core.errors import not_found
from velferd.core.identifiers import as_uuid
from velferd.schemes import selectors as scheme_selectors

from ..models import (
    ChangeProposal,
    Participation,
    ParticipationStatus,
    ProgressReport,
    ProposalStatus,
)

# How a supplier's read is named in the person's access log (participants/apps.py labels).
WHAT_READ = "participation.supplier"
WHY_READ = "scheme_delivery"


@dataclass(frozen=True)
class SupplierParticipant:
    """A participant as the supplier sees them."""

    id: str
    name: str
    email: str
    address: str
    address_protected: bool
    status: str
    status_label: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    percentage: Decimal | None
    days_per_week: Decimal | None
    caseworker_name: str
    delivery_id: int
    delivery_number: str
    delivery_name: str
    supplier_name: str
    is_open: bool
    version: int
    proposals: list[ChangeProposal] = field(default_factory=list)
    reports: list[ProgressReport] = field(default_factory=list)


def _unknown() -> Exception:
    return not_found("deltakeren", "the participant", field="participation")


def _address(person: Any) -> str:
    parts = [person.address_line, f"{person.postal_code} {person.postal_town}".strip()]
    return ", ".join(part for part in parts if part)


def as_seen_by_supplier(participation: Participation) -> SupplierParticipant:
    person = participation.person
    shown = policies.address_goes_to_supplier(participation)
    user = person.user
    return SupplierParticipant(
        id=str(participation.pk),
        name=person.full_name,
        email=(user.email if user is not None and shown else ""),
        address=_address(person) if shown else "",
        address_protected=not shown,
        status=participation.status,
        status_label=str(ParticipationStatus(participation.status).label),
        starts_on=participation.starts_on,
        ends_on=participation.ends_on,
        percentage=participation.percentage,
        days_per_week=participation.days_per_week,
        caseworker_name=str(participation.caseworker),
        delivery_id=participation.delivery_id,
        delivery_number=participation.delivery.number,
        delivery_name=participation.delivery.name,
        supplier_name=participation.delivery.supplier.name,
        is_open=participation.status in SHARED_WHILE_OPEN,
        version=participation.version,
    )


def _log(actor: Actor, participation: Participation) -> None:
    audit.log_access(
        actor=actor,
        subject=participation.person,
        what=WHAT_READ,
        purpose=WHY_READ,
        role=Role.SUPPLIER,
        unit=participation.delivery.supplier.name,
    )


def _visible(actor: Actor) -> QuerySet[Participation]:
    return Participation.objects.filter(
        policies.participants_visible_to_supplier(actor)
    ).select_related("person", "person__user", "delivery", "delivery__supplier", "caseworker")


def supplier_deliveries(*, actor: Actor) -> list[dict[str, Any]]:
    """The supplier's deliveries that have participants it sees, with how many; no person
    is read."""
    policies.require(actor, policies.can_list_supplier_participants)
    rows: Any = (
        Participation.objects.filter(policies.participants_visible_to_supplier(actor))
        .values("delivery_id", "delivery__number", "delivery__name")
        .annotate(participants=Count("pk"))
        .order_by("delivery__number")
    )
    return [dict(row) for row in rows]


def pending_proposal_count(*, actor: Actor) -> int:
    return ChangeProposal.objects.filter(
        policies.participants_visible_to_supplier(actor, "participation__"),
        status=ProposalStatus.PENDING,
    ).count()


def participant_count(*, actor: Actor) -> int:
    return Participation.objects.filter(policies.participants_visible_to_supplier(actor)).count()


def participants_of_delivery(*, actor: Actor, delivery_id: int) -> list[SupplierParticipant]:
    """The participants of one of the supplier's deliveries; each row shown is a read,
    logged for its person (all in one insert). Another supplier's delivery, or none, is
    404."""
    policies.require(actor, policies.can_list_supplier_participants)
    delivery = scheme_selectors.delivery_for(actor=actor, delivery_id=delivery_id)
    shown = list(
        Participation.objects.filter(
            policies.participants_visible_to_supplier(actor), delivery_id=delivery_id
        )
        .select_related("person", "person__user", "caseworker")
        .order_by("person__family_name", "person__given_name")
    )
    if not shown:
        return []
    audit.log_access_many(
        actor=actor,
        subjects=[participation.person for participation in shown],
        what=WHAT_READ,
        purpose=WHY_READ,
        role=Role.SUPPLIER,
        unit=delivery.supplier.name,
    )
    for participation in shown:
        participation.delivery = delivery  # read once for the whole list
    return [as_seen_by_supplier(participation) for participation in shown]


def participation_for_supplier(*, actor: Actor, participation_id: object) -> Participation:
    """The participation, for a write of the supplier's: 404 unless it sees it (someone
    else's, a draft, or closed longer ago than the access window)."""
    key = as_uuid(participation_id)
    found = _visible(actor).filter(pk=key).first() if key else None
    if found is None:
        raise _unknown()
    return found


def participant_for_supplier(*, actor: Actor, participation_id: object) -> SupplierParticipant:
    """One participant with the supplier's proposals and reports; the read is logged."""
    participation = participation_for_supplier(actor=actor, participation_id=participation_id)
    _log(actor, participation)
    seen = as_seen_by_supplier(participation)
    seen.proposals.extend(participation.proposals.order_by("-created_at"))
    seen.reports.extend(participation.reports.order_by("-month"))
    return seen
