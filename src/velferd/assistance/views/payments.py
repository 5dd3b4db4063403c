"""The office's payments page: the payments of its decisions (approve a planned one), the
municipalities it sends payments for (send the approved ones to accounting as a run) and
the runs already sent, each file to download."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import forbidden
from velferd.core.forms import FormErrors, parse_version, post_form
from velferd.core.pagination import page_number

from ..models import PaymentStatus
from ..selectors import payments as selectors
from ..services.exports import payments_export
from ..services.payments import payment_approve
from .caseworker import logged_in


def _context(request: HttpRequest, actor: Any, errors: FormErrors) -> dict[str, Any]:
    status = request.GET.get("status", "")
    return {
        "payments": selectors.payments_list(
            actor, status, page_number(request.GET.get("page")), clamp=True
        ),
        "statuses": PaymentStatus.choices,
        "waiting": selectors.waiting_for_export(actor),
        "runs": list(selectors.export_runs(actor)[:20]),
        "errors": errors,
    }


def _show(request: HttpRequest, actor: Any, errors: FormErrors) -> HttpResponse:
    if not selectors.exportable_municipalities(actor):
        raise forbidden()
    return render(request, "assistance/payments.html", _context(request, actor, errors))


@refusals_as_pages
def payments(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    return _show(request, actor, FormErrors())


@refusals_as_pages
def approve(request: HttpRequest, payment_id: str) -> HttpResponse:
    actor = logged_in(request)

    def read(errors: FormErrors) -> dict[str, Any]:
        return {"version": errors.check(parse_version, request.POST.get("version", ""))}

    return post_form(
        request,
        read=read,
        save=lambda values: payment_approve(actor=actor, payment_id=payment_id, **values),
        success=lambda _payment: reverse("assistance:payments"),
        show=lambda errors: _show(request, actor, errors),
        saved=_("The payment is approved."),
    )


@refusals_as_pages
def export(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    return post_form(
        request,
        read=lambda errors: request.POST.get("municipality", ""),
        save=lambda number: payments_export(actor=actor, municipality_number=number),
        success=lambda _run: reverse("assistance:payments"),
        show=lambda errors: _show(request, actor, errors),
        saved=_("The approved payments are sent to accounting."),
    )


@refusals_as_pages
def run_file(request: HttpRequest, export_id: int) -> HttpResponse:
    found = selectors.export_run(logged_in(request), export_id)
    response = HttpResponse(found.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{selectors.export_filename(found)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
