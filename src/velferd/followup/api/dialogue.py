"""The dialogue between the person and the office: threads, messages, read and waiting."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from velferd.access.api_auth import actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import RecordId

from .. import selectors, services
from ..models import Thread
from ..schemas import MessageIn, ThreadIn, ThreadOut, WaitingIn
from .activities import read_activity
from .reads import read_person

router = Router()


def thread_out(thread: Thread) -> dict[str, Any]:
    return {
        "id": str(thread.pk),
        "person": str(thread.person_id),
        "subject": thread.subject,
        "activity": str(thread.activity_id) if thread.activity_id else None,
        "waiting_for": thread.waiting_for,
        "read_by_person": thread.read_by_person,
        "read_by_office": thread.read_by_office,
        "last_message_at": thread.last_message_at,
        "messages": [
            {
                "author": m.author_label,
                "from_office": m.from_office,
                "text": m.text,
                "sent_at": m.sent_at,
            }
            for m in thread.messages.all()
        ],
    }


def _thread(request: HttpRequest, thread_id: str) -> Thread:
    return selectors.thread_for(actor=actor_of(request), thread_id=thread_id)


@router.get(
    "/persons/{person_id}/threads",
    response={200: list[ThreadOut], **ERRORS},
    operation_id="velferd_followup_api_list_threads",
)
def list_threads(request: HttpRequest, person_id: RecordId) -> Any:
    person = read_person(request, person_id, "dialogue")
    return [thread_out(t) for t in selectors.threads_of(person).prefetch_related("messages")]


@router.post(
    "/threads",
    response={201: ThreadOut, **ERRORS},
    operation_id="velferd_followup_api_start_thread",
)
def start_thread(request: HttpRequest, payload: ThreadIn) -> Any:
    activity = read_activity(request, payload.activity) if payload.activity else None
    thread = services.thread_start(
        actor=actor_of(request),
        person=read_person(request, payload.person, "dialogue"),
        subject=payload.subject,
        text=payload.text,
        activity=activity,
        wait_for_reply=payload.wait_for_reply,
    )
    return Status(201, thread_out(selectors.thread_as_written(thread)))


@router.get(
    "/threads/{thread_id}",
    response={200: ThreadOut, **ERRORS},
    operation_id="velferd_followup_api_get_thread",
)
def get_thread(request: HttpRequest, thread_id: RecordId) -> Any:
    return thread_out(_thread(request, thread_id))


@router.post(
    "/threads/{thread_id}/messages",
    response={201: ThreadOut, **ERRORS},
    operation_id="velferd_followup_api_send_message",
)
def send_message(request: HttpRequest, thread_id: RecordId, payload: MessageIn) -> Any:
    thread = _thread(request, thread_id)
    services.message_send(
        actor=actor_of(request),
        thread=thread,
        text=payload.text,
        wait_for_reply=payload.wait_for_reply,
    )
    return Status(201, thread_out(selectors.thread_as_written(thread)))


@router.post(
    "/threads/{thread_id}/read",
    response={200: ThreadOut, **ERRORS},
    operation_id="velferd_followup_api_mark_thread_read",
)
def mark_thread_read(request: HttpRequest, thread_id: RecordId) -> Any:
    written = services.thread_mark_read(actor=actor_of(request), thread=_thread(request, thread_id))
    return thread_out(selectors.thread_as_written(written))


@router.post(
    "/threads/{thread_id}/waiting",
    response={200: ThreadOut, **ERRORS},
    operation_id="velferd_followup_api_set_thread_waiting",
)
def set_thread_waiting(request: HttpRequest, thread_id: RecordId, payload: WaitingIn) -> Any:
    written = services.thread_set_waiting(
        actor=actor_of(request), thread=_thread(request, thread_id), waiting_for=payload.waiting_for
    )
    return thread_out(selectors.thread_as_written(written))
