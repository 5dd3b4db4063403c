"""The county's budgets and commitments, for its scheme managers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, parse_date, parse_version, post_form
from velferd.organisation import selectors as organisation_selectors
from velferd.schemes import selectors as schemes_selectors

from .. import selectors, services
from ..lifecycles import COMMITMENT
from ..models import CommitmentStatus
from .common import logged_in


@refusals_as_pages
def index(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    policies.require(actor, policies.can_work_with_funding)
    return render(
        request,
        "funding/index.html",
        {"manages": policies.allows(actor, policies.can_manage_funding)},
    )


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    return min(max(year, 2000), 2100)


@refusals_as_pages
def budgets(request: HttpRequest) -> HttpResponse:
    """The year's budgets per scheme type of the counties the manager works for; a budget
    is set (or changed) here."""
    actor = logged_in(request)
    policies.require(actor, policies.can_manage_funding)
    year = _year(request)

    def read(errors: FormErrors) -> dict[str, Any]:
        version = request.POST.get("version", "")
        return {
            "county_number": request.POST.get("county", ""),
            "scheme_type": request.POST.get("scheme_type", ""),
            "amount": request.POST.get("amount", ""),
            "version": errors.check(parse_version, version) if version else None,
        }

    def show(errors: FormErrors) -> HttpResponse:
        counties = organisation_selectors.counties().filter(policies.counties_managed(actor, "pk"))
        return render(
            request,
            "funding/budgets.html",
            {
                "lines": selectors.budget_lines(actor, year),
                "year": year,
                "years": [year - 1, year, year + 1],
                "counties": counties,
                "scheme_types": schemes_selectors.funding_scheme_types(),
                "errors": errors,
                "form": request.POST if errors else {},
                "failed": request.POST.get("county", "") + request.POST.get("scheme_type", ""),
            },
        )

    return post_form(
        request,
        read=read,
        save=lambda values: services.budget_set(actor=actor, year=year, **values),
        success=lambda _budget: f"{reverse('funding:budgets')}?year={year}",
        show=show,
        saved=_("The budget is saved."),
    )


@refusals_as_pages
def commitments(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    status = request.GET.get("status", "")
    rows = selectors.commitments(actor, status)[:500]
    return render(
        request,
        "funding/commitments.html",
        {"commitments": rows, "status": status, "statuses": CommitmentStatus.choices},
    )


def _commitment_fields(request: HttpRequest, errors: FormErrors) -> dict[str, Any]:
    start = errors.check(parse_date, request.POST.get("period_start", ""), "period_start")
    end = errors.check(parse_date, request.POST.get("period_end", ""), "period_end")
    for value, field in ((start, "period_start"), (end, "period_end")):
        if value is None and errors.get(field) is None:
            errors.add(
                DomainError(
                    code="date_required",
                    field=field,
                    message_nb="Velg en dato.",
                    message_en="Choose a date.",
                )
            )
    return {
        "period_start": start,
        "period_end": end,
        "amount": request.POST.get("amount", "") or None,
        "basis": request.POST.get("basis", ""),
    }


@refusals_as_pages
def commitment_new(request: HttpRequest) -> HttpResponse:
    """Propose a commitment: the amount is calculated from the price model where it can
    be, and entered with its basis where it cannot."""
    actor = logged_in(request)
    deliveries = selectors.deliveries_to_commit(actor).order_by("number")[:500]

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
        return {"delivery_id": delivery, **_commitment_fields(request, errors)}

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "funding/commitment_form.html",
            {"deliveries": deliveries, "errors": errors, "form": request.POST if errors else {}},
        )

    return post_form(
        request,
        read=read,
        save=lambda values: services.commitment_propose(actor=actor, **values),
        success=lambda c: reverse("funding:commitment", args=[c.pk]),
        show=show,
        saved=_("The commitment is proposed. Someone else must approve it."),
    )


@refusals_as_pages
def commitment(request: HttpRequest, commitment_id: int) -> HttpResponse:
    """A commitment with its moves: approve, return or annul with a reason, or propose a
    returned one again."""
    actor = logged_in(request)
    found = selectors.commitment_for(actor, commitment_id)

    def read(errors: FormErrors) -> dict[str, Any]:
        move = request.POST.get("move", "")
        COMMITMENT.move(move)
        values: dict[str, Any] = {
            "move": move,
            "version": errors.check(parse_version, request.POST.get("version", "")),
        }
        if move in ("return", "annul"):
            values["reason"] = request.POST.get("reason", "")
        if move == "resubmit":
            values |= _commitment_fields(request, errors)
        return values

    def save(values: dict[str, Any]) -> Any:
        move = values.pop("move")
        return COMMITMENT.service_for(move)(actor=actor, commitment_id=found.pk, **values)

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "funding/commitment.html",
            {
                "c": found,
                "remaining": selectors.commitment_remaining(found),
                "claims": found.claims.select_related("delivery").order_by("-month"),
                "errors": errors,
                "form": request.POST if errors else {},
                "is_proposer": found.proposed_by_id == actor.user.pk if actor.user else False,
            },
        )

    return post_form(
        request,
        read=read,
        save=save,
        success=lambda c: reverse("funding:commitment", args=[c.pk]),
        show=show,
        saved=_("The commitment is saved."),
    )
