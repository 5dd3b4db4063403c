"""Reading participations on NAV's side and the person's own: a participation with its
moves, comments and waiting-list position, a person's participations, the deliveries a
person may be enrolled in with the rules each fails, and a delivery's waiting list. Staff
reads of a person's participations are logged like any read of personal data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import DomainError, forbidden, not_found
from velferd.core.identifiers import as_uuid
from velferd.people import selectors as people_selectors
from velferd.schemes import selectors as schemes_selectors

from .. import eligibility
from ..labels import PURPOSE
from ..models import DraftComment, Participation
from .waiting_list import position, waiting

RELATED = ("person", "person__office", "delivery", "delivery__scheme_type", "delivery__supplier")


def _unknown() -> DomainError:
    return not_found("deltakelsen", "the participation")


def _log(actor: Actor, person: Any, what: str) -> None:
    if not policies.is_the_person(actor, person):
        audit.log_access(
            actor=actor,
            subject=person,
            what=what,
            purpose=PURPOSE,
            role=policies.role_reading(actor, person),
        )


def participation_for(*, actor: Actor, participation_id: object) -> Participation:
    """One participation for the person or the office's staff (logged); 404 otherwise."""
    key = as_uuid(participation_id)
    found = (
        Participation.objects.select_related(*RELATED, "caseworker").filter(pk=key).first()
        if key
        else None
    )
    if found is None or not policies.can_view_participation(actor, found):
        raise _unknown()
    _log(actor, found.person, "participation")
    return found


def participations_of(*, actor: Actor, person: Any) -> QuerySet[Participation]:
    """The person's participations, newest first, as far as the actor may see them."""
    found = Participation.objects.filter(policies.participations_visible(actor), person=person)
    return found.select_related(*RELATED).order_by("-created_at")


def own_participations(*, actor: Actor) -> tuple[Any, list[Participation]]:
    """The logged-in person's own participations (drafts too), each with its waiting-list
    position; (None, []) for someone who is no person on record."""
    person = people_selectors.own_person(actor=actor)
    if person is None:
        return None, []
    found = list(
        Participation.objects.filter(policies.the_person(actor, "person__"), person=person)
        .select_related(*RELATED)
        .order_by("-created_at")
    )
    for participation in found:
        participation.position = position(participation)  # type: ignore[attr-defined]
    return person, found


def comments_of(participation: Participation) -> QuerySet[DraftComment]:
    return participation.comments.select_related("author").order_by("created_at")


@dataclass(frozen=True)
class Option:
    """A delivery the person's office may enrol in, with the rules the person fails."""

    delivery: Any
    refusals: list[DomainError]

    @property
    def full(self) -> bool:
        return self.delivery.free_places == 0


def enrolment_options(*, actor: Actor, person: Any, scheme_type: str = "") -> list[Option]:
    """The planned and running deliveries at the person's office (the caseworkers'
    catalogue), full ones too (the person joins the waiting list), each with the rules the
    person fails."""
    policies.require(actor, policies.can_enrol, person)
    query = schemes_selectors.CatalogueQuery(
        scheme_type=scheme_type, office=person.office.unit_number
    )
    _, found = schemes_selectors.delivery_catalogue(actor=actor, query=query)
    return [Option(d, eligibility.refusals(person, d)) for d in found[:200]]


@dataclass(frozen=True)
class WaitingList:
    delivery: Any
    entries: list[tuple[int, Participation]]
    hidden: int


def waiting_list_for(*, actor: Actor, delivery_id: Any) -> WaitingList:
    """A delivery's waiting list for the caseworkers of its offices: the people they may see
    with their places in line; the others only counted."""
    delivery = schemes_selectors.delivery_for(actor=actor, delivery_id=delivery_id)
    offices = schemes_selectors.delivery_office_ids(delivery)
    if not policies.can_view_waiting_list(actor, offices):
        raise policies.not_authenticated() if not actor.is_authenticated else forbidden()
    everyone = list(waiting(delivery).values_list("pk", flat=True))
    visible = {
        p.pk: p
        for p in waiting(delivery)
        .filter(policies.participations_visible(actor))
        .select_related(*RELATED)
    }
    entries = [(index + 1, visible[pk]) for index, pk in enumerate(everyone) if pk in visible]
    for _, participation in entries:
        _log(actor, participation.person, "waiting_list")
    return WaitingList(delivery, entries, len(everyone) - len(entries))


def position_of(participation: Participation) -> int | None:
    return position(participation)
