"""The start page: the sections of the user's roles. A visitor goes to log in."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages

from .sections import sections_for


@refusals_as_pages
def start(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        return redirect_to_login(request.get_full_path())
    assert actor.user is not None
    name = (actor.user.full_name or actor.user.username).split()[0]
    return render(
        request, "start/start.html", {"sections": sections_for(actor), "first_name": name}
    )
