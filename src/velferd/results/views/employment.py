"""The employment register's import page, /results/employment/: the upload form with every
bad line when a file is refused, what the last import did, and the earlier imports."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError

from ..selectors import employment as selectors
from ..services.employment import COLUMNS, ImportRejected, employment_import
from ..services.outcomes import outcomes_derive


def _file_required() -> DomainError:
    return DomainError(
        code="file_required",
        field="file",
        message_nb="Velg en fil.",
        message_en="Choose a file.",
    )


@refusals_as_pages
def employment_page(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_import_employment)
    context: dict[str, Any] = {"columns": COLUMNS}
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise _file_required()
            context["report"] = employment_import(
                actor=actor, data=upload.read(), filename=upload.name or ""
            )
            context["derived"] = outcomes_derive(actor=actor)
        except ImportRejected as refused:
            context["rejected"] = context["error"] = refused
            status = refused.status
        except DomainError as refused:
            if refused.status in (401, 403):
                raise
            context["error"] = refused
            status = refused.status
    context["imports"] = selectors.recent_imports(actor=actor)
    context["first"], context["last"], context["held"] = selectors.months_covered(actor=actor)
    context["import_url"] = reverse("results:employment")
    return render(request, "results/employment.html", context, status=status)
