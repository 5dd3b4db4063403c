"""The caseworker's own: saved portfolio filters and private reminder notes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access import policies
from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..schemas import NoteIn, NoteOut, SavedFilterIn, SavedFilterOut
from .reads import read_person

router = Router()


@router.get(
    "/saved-filters",
    response={200: list[SavedFilterOut], **ERRORS},
    operation_id="velferd_followup_api_list_saved_filters",
)
def list_saved_filters(request: HttpRequest) -> Any:
    return list(selectors.saved_filters_of(actor=actor_of(request)))


@router.post(
    "/saved-filters",
    response={201: SavedFilterOut, **ERRORS},
    operation_id="velferd_followup_api_save_filter",
)
def save_filter(request: HttpRequest, payload: SavedFilterIn) -> Any:
    return Status(
        201,
        services.saved_filter_save(actor=actor_of(request), name=payload.name, query=payload.query),
    )


@router.delete(
    "/saved-filters/{filter_id}",
    response={204: None, **ERRORS},
    operation_id="velferd_followup_api_delete_saved_filter",
)
def delete_saved_filter(request: HttpRequest, filter_id: int) -> Any:
    actor = actor_of(request)
    services.saved_filter_delete(
        actor=actor, saved=selectors.saved_filter_for(actor=actor, filter_id=filter_id)
    )
    return Status(204, None)


@router.get(
    "/persons/{person_id}/notes",
    response={200: list[NoteOut], **ERRORS},
    operation_id="velferd_followup_api_list_notes",
)
def list_notes(request: HttpRequest, person_id: RecordId) -> Any:
    """The caller's own private notes about the person."""
    actor = actor_of(request)
    person = read_person(request, person_id, "notes")
    policies.require(actor, policies.can_follow_up, person)
    return list(selectors.reminder_notes(actor=actor, person=person))


@router.post(
    "/persons/{person_id}/notes",
    response={201: NoteOut, **ERRORS},
    operation_id="velferd_followup_api_add_note",
)
def add_note(request: HttpRequest, person_id: RecordId, payload: NoteIn) -> Any:
    return Status(
        201,
        services.reminder_note_add(
            actor=actor_of(request),
            person=read_person(request, person_id, "notes"),
            text=payload.text,
            remind_on=payload.remind_on,
        ),
    )


@router.delete(
    "/notes/{note_id}",
    response={204: None, **ERRORS},
    operation_id="velferd_followup_api_delete_note",
)
def delete_note(request: HttpRequest, note_id: int) -> Any:
    actor = actor_of(request)
    services.reminder_note_delete(
        actor=actor, note=selectors.reminder_note_for(actor=actor, note_id=note_id)
    )
    return Status(204, None)
