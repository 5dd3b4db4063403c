"""The month's claims (scheme managers by status, suppliers their own), a claim and its
moves, the participation upload and the payment files."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, parse_version, post_form
from velferd.schemes import selectors as schemes_selectors

from .. import selectors, services
from ..lifecycles import CLAIM
from ..models import ClaimStatus
from .common import chosen_month, logged_in, neighbour_months


@refusals_as_pages
def claims(request: HttpRequest) -> HttpResponse:
    """The month's claims; scheme managers calculate the month here."""
    actor = logged_in(request)
    policies.require(actor, policies.can_work_with_funding)
    month = chosen_month(request.GET.get("month"))
    status = request.GET.get("status", "")
    manages = policies.allows(actor, policies.can_manage_funding)

    def read(errors: FormErrors) -> dict[str, Any]:
        return {"month": errors.check(chosen_month, request.POST.get("month", ""))}

    def show(errors: FormErrors) -> HttpResponse:
        before, after = neighbour_months(month)
        rows = selectors.claims(actor, month, status)
        return render(
            request,
            "funding/claims.html",
            {
                "claims": rows[:1000],
                "count": rows.count(),
                "month": month,
                "before": before,
                "after": after,
                "status": status,
                "statuses": ClaimStatus.choices,
                "manages": manages,
                "supplier": policies.allows(actor, policies.is_supplier_staff),
                "errors": errors,
            },
        )

    return post_form(
        request,
        read=read,
        save=lambda values: services.claims_calculate(actor=actor, **values),
        success=lambda run: f"{reverse('funding:claims')}?month={run.month:%Y-%m}",
        show=show,
        saved=_("The month's claims are calculated."),
    )


@refusals_as_pages
def claim(request: HttpRequest, claim_id: int) -> HttpResponse:
    """A claim: the supplier submits it with the bank account; NAV attests or returns it."""
    actor = logged_in(request)
    found = selectors.claim_for(actor, claim_id)

    def read(errors: FormErrors) -> dict[str, Any]:
        move = request.POST.get("move", "")
        CLAIM.move(move)
        values: dict[str, Any] = {
            "move": move,
            "version": errors.check(parse_version, request.POST.get("version", "")),
        }
        if move == "submit":
            values["bank_account"] = errors.check(
                services.valid_bank_account, request.POST.get("bank_account", "")
            )
        if move == "return":
            values["reason"] = request.POST.get("reason", "")
        return values

    def save(values: dict[str, Any]) -> Any:
        move = values.pop("move")
        return CLAIM.service_for(move)(actor=actor, claim_id=found.pk, **values)

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "funding/claim.html",
            {
                "c": found,
                "supplier_side": policies.allows(actor, policies.can_submit_claim, found),
                "nav_side": policies.allows(actor, policies.can_manage_claim, found),
                "errors": errors,
                "form": request.POST if errors else {},
            },
        )

    return post_form(
        request,
        read=read,
        save=save,
        success=lambda c: reverse("funding:claim", args=[c.pk]),
        show=show,
        saved=_("The claim is saved."),
    )


@refusals_as_pages
def participation(request: HttpRequest) -> HttpResponse:
    """Upload participation rows (CSV): all or nothing, every bad line named."""
    actor = logged_in(request)
    policies.require(actor, policies.can_manage_funding)

    def read(errors: FormErrors) -> dict[str, Any]:
        upload = request.FILES.get("file")
        if upload is None:
            errors.add(
                DomainError(
                    code="file_required",
                    field="file",
                    message_nb="Velg en fil.",
                    message_en="Choose a file.",
                )
            )
            return {}
        try:
            return {"text": upload.read().decode("utf-8")}
        except UnicodeDecodeError:
            errors.add(
                DomainError(
                    code="not_utf8",
                    field="file",
                    message_nb="Filen må være tekst i UTF-8.",
                    message_en="The file must be UTF-8 text.",
                )
            )
            return {}

    def show(errors: FormErrors) -> HttpResponse:
        return render(request, "funding/participation.html", {"errors": errors})

    return post_form(
        request,
        read=read,
        save=lambda values: services.participation_import(actor=actor, **values),
        success=lambda _rows: reverse("funding:participation"),
        show=show,
        saved=_("The participation rows are imported."),
    )


@refusals_as_pages
def exports(request: HttpRequest) -> HttpResponse:
    """The attested payments waiting to be sent, and the files sent; a file is made here."""
    actor = logged_in(request)
    policies.require(actor, policies.can_manage_funding)

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "funding/exports.html",
            {
                "waiting": selectors.to_export(actor)[:1000],
                "exports": selectors.exports(actor)[:200],
                "errors": errors,
            },
        )

    return post_form(
        request,
        read=lambda errors: {},
        save=lambda values: services.payments_export(actor=actor),
        success=lambda _export: reverse("funding:exports"),
        show=show,
        saved=_("The payment file is made."),
    )


@refusals_as_pages
def export_file(request: HttpRequest, export_id: int) -> HttpResponse:
    export = selectors.export_for(logged_in(request), export_id)
    response = HttpResponse(export.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


ENTERED_MODELS = ("agreed_hourly", "other", "outcome_based")


@refusals_as_pages
def claim_new(request: HttpRequest) -> HttpResponse:
    """The supplier's own claim for a delivery whose price model NAV does not calculate
    (hourly, other, outcome-based): the month, the amount and what it rests on."""
    actor = logged_in(request)
    policies.require(actor, policies.is_supplier_staff)
    deliveries = schemes_selectors.funding_deliveries(
        policies.suppliers_represented(actor, "supplier__")
    ).filter(agreement__price_model__in=ENTERED_MODELS)

    def read(errors: FormErrors) -> dict[str, Any]:
        delivery = request.POST.get("delivery", "")
        if not delivery.isdigit():
            errors.add(
                DomainError(
                    code="delivery_required",
                    field="delivery",
                    message_nb="Velg en gjennomføring.",
                    message_en="Choose a delivery.",
                )
            )
        return {
            "delivery_id": delivery,
            "month": errors.check(chosen_month, request.POST.get("month", "") or "x"),
            "amount": errors.check(services.valid_amount, request.POST.get("amount", "")),
            "basis": request.POST.get("basis", ""),
        }

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "funding/claim_form.html",
            {
                "deliveries": deliveries.order_by("number")[:500],
                "errors": errors,
                "form": request.POST if errors else {},
            },
        )

    return post_form(
        request,
        read=read,
        save=lambda values: services.claim_enter(actor=actor, **values),
        success=lambda c: reverse("funding:claim", args=[c.pk]),
        show=show,
        saved=_("The claim is saved. Submit it when it is ready."),
    )
