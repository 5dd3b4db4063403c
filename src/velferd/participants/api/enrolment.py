"""Enrolment and the participation's moves on NAV's side, and the person's own
participations: enrol, read, move, pass an offered place on, set the waiting-list priority,
change the dates, comment on the draft, a delivery's waiting list."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Status

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId
from velferd.people import selectors as people_selectors
from velferd.schemes import selectors as schemes_selectors

from .. import selectors, services
from ..labels import PURPOSE
from ..lifecycles import PARTICIPATION, moves_from
from ..models import DraftComment, Participation, ParticipationStatus
from ..schemas_enrolment import (
    CommentIn,
    DatesIn,
    DraftCommentOut,
    EnrolmentIn,
    MoveIn,
    MoveName,
    ParticipationList,
    ParticipationOut,
    PriorityIn,
    VersionIn,
    WaitingListOut,
)
from ..selectors.waiting_list import priority_counts
from .router import router

P = "/participations/{participation_id}"


def _operation(name: str) -> str:
    return f"velferd_participants_api_{name}"


def participation_out(participation: Participation) -> dict[str, Any]:
    delivery = participation.delivery
    return {
        "id": str(participation.pk),
        "person_id": str(participation.person_id),
        "person_name": participation.person.full_name,
        "delivery_id": delivery.pk,
        "delivery_name": delivery.name,
        "scheme_type": delivery.scheme_type.code,
        "scheme_type_name": delivery.scheme_type.name,
        "status": participation.status,
        "status_label": gettext(str(ParticipationStatus(participation.status).label)),
        "reason": participation.reason,
        "reason_text": participation.reason_text,
        "content": participation.content,
        "starts_on": participation.starts_on,
        "ends_on": participation.ends_on,
        "percentage": participation.percentage,
        "days_per_week": participation.days_per_week,
        "priority": participation.priority,
        "waiting_since": participation.waiting_since,
        "waiting_list_position": selectors.position_of(participation),
        "place_offered_at": participation.offered_at,
        "moves": [move.name for move in moves_from(participation.status)],
        "activity_id": str(participation.activity_id) if participation.activity_id else None,
        "version": participation.version,
    }


def comment_out(comment: DraftComment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "author": comment.author.full_name or comment.author.username,
        "text": comment.text,
        "written_at": comment.created_at,
    }


def _read(request: HttpRequest, participation_id: str) -> Participation:
    return selectors.participation_for(actor=actor_of(request), participation_id=participation_id)


@router.post(
    "/enrolments",
    response={201: ParticipationOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("enrol"),
)
def enrol(request: HttpRequest, payload: EnrolmentIn) -> Any:
    """Caseworkers who may change the person: enrol them in a delivery their office may
    enrol in, by the catalogue's rules (a refusal names the rule)."""
    actor = actor_of(request)
    person = people_selectors.person_for(
        actor=actor, person_id=payload.person_id, purpose=PURPOSE, what="person.details"
    )
    policies.require(actor, policies.can_enrol, person)
    delivery = schemes_selectors.delivery_for(actor=actor, delivery_id=payload.delivery_id)
    fields = payload.dict(exclude={"person_id", "delivery_id"})
    created = services.enrol(actor=actor, person=person, delivery=delivery, **fields)
    return Status(201, participation_out(_read(request, str(created.pk))))


@router.get(
    "/persons/{person_id}/participations",
    response={200: ParticipationList, **ERRORS},
    auth=AUTH,
    operation_id=_operation("list_participations_of_person"),
)
def list_participations_of_person(request: HttpRequest, person_id: RecordId) -> Any:
    """The office's staff: the person's participations (the read is logged)."""
    actor = actor_of(request)
    person = people_selectors.person_for(
        actor=actor, person_id=person_id, purpose=PURPOSE, what="participations"
    )
    found = list(selectors.participations_of(actor=actor, person=person))
    return {"items": [participation_out(p) for p in found], "count": len(found)}


@router.get(
    "/mine",
    response={200: ParticipationList, **ERRORS},
    auth=AUTH,
    operation_id=_operation("list_own_participations"),
)
def list_own_participations(request: HttpRequest) -> Any:
    """The person's own participations, drafts too, with their place on a waiting list."""
    _, found = selectors.own_participations(actor=actor_of(request))
    return {"items": [participation_out(p) for p in found], "count": len(found)}


@router.get(
    P, response={200: ParticipationOut, **ERRORS}, auth=AUTH, operation_id=_operation("get")
)
def get_participation(request: HttpRequest, participation_id: RecordId) -> Any:
    return participation_out(_read(request, participation_id))


@router.post(
    f"{P}/moves/{{move}}",
    response={200: ParticipationOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("move"),
)
def move_participation(
    request: HttpRequest, participation_id: RecordId, move: MoveName, payload: MoveIn
) -> Any:
    """A move of the lifecycle; one the table does not allow is 409 naming both states.
    `admit` gives a free place or puts the person on the waiting list (and confirms an
    offered place)."""
    found = _read(request, participation_id)
    PARTICIPATION.service_for(move)(
        actor=actor_of(request),
        participation=found,
        version=payload.version,
        reason=payload.reason,
        reason_text=payload.reason_text,
    )
    return participation_out(_read(request, participation_id))


@router.post(
    f"{P}/pass-offer",
    response={200: ParticipationOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("pass_offer"),
)
def pass_offer(request: HttpRequest, participation_id: RecordId, payload: VersionIn) -> Any:
    """The offered place goes to the next in line; the person waits again from now."""
    found = _read(request, participation_id)
    services.participation_pass_offer(
        actor=actor_of(request), participation=found, version=payload.version
    )
    return participation_out(_read(request, participation_id))


@router.post(
    f"{P}/priority",
    response={200: ParticipationOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("set_priority"),
)
def set_priority(request: HttpRequest, participation_id: RecordId, payload: PriorityIn) -> Any:
    """VTA only: a developmental disability puts the person first on the waiting list."""
    found = _read(request, participation_id)
    services.participation_set_priority(
        actor=actor_of(request),
        participation=found,
        version=payload.version,
        priority=payload.priority,
        reason_text=payload.reason,
    )
    return participation_out(_read(request, participation_id))


@router.post(
    f"{P}/dates",
    response={200: ParticipationOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("change_dates"),
)
def change_dates(request: HttpRequest, participation_id: RecordId, payload: DatesIn) -> Any:
    """Past the scheme type's maximum duration only with an extension reason."""
    found = _read(request, participation_id)
    services.participation_change_dates(
        actor=actor_of(request),
        participation=found,
        version=payload.version,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        extension_reason=payload.extension_reason,
    )
    return participation_out(_read(request, participation_id))


@router.get(
    f"{P}/comments",
    response={200: list[DraftCommentOut], **ERRORS},
    auth=AUTH,
    operation_id=_operation("list_comments"),
)
def list_comments(request: HttpRequest, participation_id: RecordId) -> Any:
    found = _read(request, participation_id)
    return [comment_out(c) for c in selectors.comments_of(found)]


@router.post(
    f"{P}/comments",
    response={201: DraftCommentOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("comment_on_draft"),
)
def comment_on_draft(request: HttpRequest, participation_id: RecordId, payload: CommentIn) -> Any:
    """The person and their caseworkers, while it is a draft (409 after)."""
    found = _read(request, participation_id)
    comment = services.draft_comment(
        actor=actor_of(request), participation=found, text=payload.text
    )
    return Status(201, comment_out(comment))


@router.get(
    "/deliveries/{delivery_id}/waiting-list",
    response={200: WaitingListOut, **ERRORS},
    auth=AUTH,
    operation_id=_operation("waiting_list"),
)
def waiting_list(request: HttpRequest, delivery_id: int) -> Any:
    """The caseworkers of the delivery's offices: those on the list they may see, in the
    order places are offered; the others counted."""
    found = selectors.waiting_list_for(actor=actor_of(request), delivery_id=delivery_id)
    delivery = found.delivery
    return {
        "delivery_id": delivery.pk,
        "delivery_name": delivery.name,
        "places": delivery.places,
        "places_taken": delivery.places_taken,
        "priority_first": priority_counts(delivery.scheme_type.code),
        "entries": [
            {
                "position": place,
                "participation_id": str(p.pk),
                "person_name": p.person.full_name,
                "priority": p.priority,
                "waiting_since": p.waiting_since,
                "place_offered_at": p.offered_at,
            }
            for place, p in found.entries
        ],
        "others": found.hidden,
    }
