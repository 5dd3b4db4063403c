"""The dialogue pages: a new conversation, and a conversation that opening marks read for
the reader's side."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, checked, post_form
from velferd.core.validation import required_text

from .. import selectors, services
from ..models import Waiting
from .people import person_url, read_person


@refusals_as_pages
def thread_new(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = read_person(actor, person_id, "dialogue")
    policies.require(actor, policies.can_take_part_in_plan, person)

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "followup/thread_form.html",
            {
                "person": person,
                "errors": errors,
                "form": request.POST or {"subject": request.GET.get("subject", "")[:200]},
                "by_person": policies.is_the_person(actor, person),
            },
        )

    return post_form(
        request,
        read=lambda errors: _read_thread(errors, request.POST),
        save=lambda fields: services.thread_start(actor=actor, person=person, **fields),
        success=lambda thread: reverse("thread", args=[thread.pk]),
        show=show,
        saved=_("The message was sent."),
    )


def _read_thread(errors: FormErrors, data: Any) -> dict[str, Any]:
    """A new conversation's subject and first message, both checked before it starts."""
    return {
        "subject": errors.check(
            required_text, data.get("subject"), "subject", "Emnet", "subject", 200
        ),
        "text": errors.check(required_text, data.get("text"), "text", "Meldingen", "message", 4000),
        "wait_for_reply": checked(data, "wait_for_reply"),
    }


def _thread_action(actor: Actor, thread: Any, data: Any) -> Any:
    if data.get("action") == "waiting":
        return services.thread_set_waiting(
            actor=actor, thread=thread, waiting_for=data.get("waiting_for", "")
        )
    return services.message_send(
        actor=actor,
        thread=thread,
        text=data.get("text", ""),
        wait_for_reply=checked(data, "wait_for_reply"),
    )


@refusals_as_pages
def thread(request: HttpRequest, thread_id: str) -> HttpResponse:
    """A conversation; opening it marks it read for the reader's side."""
    actor = actor_for_request(request)
    found = selectors.thread_for(actor=actor, thread_id=thread_id)

    def show(errors: FormErrors) -> HttpResponse:
        if policies.can_take_part_in_plan(actor, found.person):
            services.thread_mark_read(actor=actor, thread=found)
        return render(
            request,
            "followup/thread.html",
            {
                "thread": found,
                "errors": errors,
                "form": request.POST if errors else {},
                "by_person": policies.is_the_person(actor, found.person),
                "may_write": policies.can_take_part_in_plan(actor, found.person),
                "waiting_choices": Waiting.choices,
                "back": person_url(found.person, actor),
            },
        )

    replying = request.POST.get("action") != "waiting"
    return post_form(
        request,
        read=lambda errors: _read_reply(errors, request.POST) if replying else None,
        save=lambda _: _thread_action(actor, found, request.POST),
        success=lambda _: reverse("thread", args=[found.pk]),
        show=show,
        saved=_("The message was sent.") if replying else None,
    )


def _read_reply(errors: FormErrors, data: Any) -> None:
    errors.check(required_text, data.get("text"), "text", "Meldingen", "message", 4000)
