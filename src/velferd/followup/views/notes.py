"""The caseworker's own: saving a portfolio filter, writing a reminder note."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import parse_date

from .. import services
from .people import read_person


@refusals_as_pages
@require_POST
def saved_filter_save(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    services.saved_filter_save(
        actor=actor, name=request.POST.get("name", ""), query=request.POST.get("query", "")
    )
    return redirect(f"{reverse('portfolio')}?{request.POST.get('query', '')}")


@refusals_as_pages
@require_POST
def note_add(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = read_person(actor, person_id, "notes")
    services.reminder_note_add(
        actor=actor,
        person=person,
        text=request.POST.get("text", ""),
        remind_on=parse_date(request.POST.get("remind_on", ""), "remind_on"),
    )
    return redirect("person", person_id=person.pk)
