"""The applicant's answer to the office's request for documentation (files and a comment,
on a phone)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, parse_version, post_form

from ..models import DocumentationRequest
from ..selectors import citizen as selectors
from ..services import answers, attachments
from .citizen import _actor, read_file


def _request_page(
    request: HttpRequest, found: DocumentationRequest, errors: FormErrors, failed: str
) -> HttpResponse:
    return render(
        request,
        "assistance/citizen_request.html",
        {
            "r": found,
            "a": found.application,
            "errors": errors,
            "failed": failed,
            "posted": request.POST if failed else {},
            "max_mb": attachments.max_file_bytes() // attachments.MB,
        },
    )


def _page_of(found: DocumentationRequest) -> str:
    return reverse("assistance:my_request", args=[found.pk])


@refusals_as_pages
def my_request(request: HttpRequest, request_id: str) -> HttpResponse:
    """The request, the files sent with it, and the answer to send."""
    actor = _actor(request)
    found = selectors.my_documentation_request(actor, request_id)

    def read(errors: FormErrors) -> dict[str, Any]:
        version = errors.check(parse_version, request.POST.get("version", ""))
        comment = errors.check(answers.answer_comment, request.POST.get("comment"))
        return {"version": version, "comment": comment or ""}

    return post_form(
        request,
        read=read,
        save=lambda values: answers.documentation_answer(
            actor=actor, request=found, version=values["version"], comment=values["comment"]
        ),
        success=lambda answered: reverse(
            "assistance:my_application", args=[answered.application_id]
        ),
        show=lambda errors: _request_page(request, found, errors, "answer" if errors else ""),
        saved=_("Your answer is sent to the NAV office."),
    )


@require_POST
@refusals_as_pages
def my_request_upload(request: HttpRequest, request_id: str) -> HttpResponse:
    actor = _actor(request)
    found = selectors.my_documentation_request(actor, request_id)
    return post_form(
        request,
        read=lambda errors: read_file(request, errors),
        save=lambda values: attachments.attachment_add(
            actor=actor,
            application=found.application,
            data=values[0],
            file_name=values[1],
            request=found,
        ),
        success=lambda _kept: _page_of(found) + "#files",
        show=lambda errors: _request_page(request, found, errors, "file"),
        saved=_("The file is added."),
    )
