"""Places and the waiting list: "admit" gives the person a free place (awaiting start) or,
when the delivery is full, puts them on its waiting list; a place freed is offered to the
first in line (waiting_list.offer_freed_places), who holds it until the caseworker confirms
it (awaiting start) or passes it on to the next. A participation holds a place while
awaiting start or participating, and on the waiting list once offered one."""

from __future__ import annotations

from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid
from velferd.schemes import services as schemes

from ..lifecycles import PARTICIPATION
from ..models import HOLDS_A_PLACE, Participation, ParticipationStatus
from .changes import changing
from .waiting_list import offer_freed_places

S = ParticipationStatus


def holds_a_place(participation: Participation) -> bool:
    if participation.status in HOLDS_A_PLACE:
        return True
    return participation.status == S.WAITING_LIST and participation.offered_at is not None


def release_place(actor: Actor, participation: Participation, held: bool) -> None:
    """After a move: a place held before and not now goes back, and on to the next in line.
    Call it under the delivery's lock (services.changes)."""
    if held and not holds_a_place(participation):
        participation.offered_at = None
        schemes.free_place(participation.delivery_id)
        offer_freed_places(actor, participation.delivery, exclude=participation.pk)


def place_or_waiting_list(participation: Participation) -> None:
    """The admit move on a locked participation: its offered place, or a free one, or the
    waiting list (refused when it is on the list already and there is no place)."""
    PARTICIPATION.require(participation.status, S.AWAITING_START)
    offered = participation.status == S.WAITING_LIST and participation.offered_at is not None
    if offered or schemes.take_place(participation.delivery_id):
        PARTICIPATION.enter(participation, PARTICIPATION.move("admit"))
    elif participation.status == S.WAITING_LIST:
        raise invalid(
            "delivery_full",
            "delivery",
            "Gjennomføringen er full. Personen står fortsatt på ventelisten.",
            "The delivery is full. The person is still on the waiting list.",
            status=CONFLICT,
        )
    else:
        PARTICIPATION.require(participation.status, S.WAITING_LIST)
        participation.status = S.WAITING_LIST
        participation.waiting_since = timezone.now()
        return
    participation.offered_at = None


@PARTICIPATION.service("admit")
@retried_atomic
def participation_admit(
    *, actor: Actor, participation: Participation, version: int | None, **_: object
) -> Participation:
    """Give the person a place, or put them on the waiting list when the delivery is full;
    an offered place is confirmed this way."""
    policies.require(actor, policies.can_change_participation, participation)
    with changing(actor, participation, "participation.admitted", version=version) as step:
        place_or_waiting_list(step.record)
        if step.record.status == S.WAITING_LIST:
            step.after = {"event": "participation.waiting_list"}
    return step.record


@retried_atomic
def participation_pass_offer(
    *, actor: Actor, participation: Participation, version: int
) -> Participation:
    """The person cannot take the offered place now: they go back in line (from now) and
    the place is offered to the next."""
    policies.require(actor, policies.can_change_participation, participation)
    with changing(actor, participation, "participation.offer_passed", version=version) as step:
        record = step.record
        if record.status != S.WAITING_LIST or record.offered_at is None:
            raise invalid(
                "no_offer",
                None,
                "Personen har ikke fått tilbud om plass.",
                "The person has not been offered a place.",
                status=CONFLICT,
            )
        record.offered_at = None
        record.waiting_since = timezone.now()
        schemes.free_place(record.delivery_id)
        offer_freed_places(actor, record.delivery, exclude=record.pk)
    return record


__all__ = [
    "holds_a_place",
    "participation_admit",
    "participation_pass_offer",
    "place_or_waiting_list",
    "release_place",
]
