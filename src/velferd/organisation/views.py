"""Registry pages: the Ministry, the office directory, an office with its visiting address
and opening hours (and the administrators' form for them), its agreement, the agreements
that lack a minimum service."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, parse_version, post_form

from . import selectors, services
from .models import Weekday


def ministry(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "organisation/ministry.html",
        {
            "ministry": selectors.ministry(),
            "departments": selectors.departments(),
            "agencies": selectors.agencies(),
        },
    )


def directory(request: HttpRequest) -> HttpResponse:
    """Which office serves a municipality? Search by name or number."""
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "query": query,
        "hits": selectors.directory_search(query),
        "can_change_registry": policies.can_change_registry(actor_for_request(request)),
    }
    from_htmx = request.headers.get("HX-Request") == "true"
    template = (
        "organisation/_directory_results.html" if from_htmx else "organisation/directory.html"
    )
    return render(request, template, context)


@refusals_as_pages
def office(request: HttpRequest, unit_number: str) -> HttpResponse:
    office_ = selectors.office(unit_number)
    agreement_ = getattr(office_, "agreement", None)
    return render(
        request,
        "organisation/office.html",
        {
            "office": office_,
            "minimum_missing": selectors.missing_minimum(agreement_) if agreement_ else [],
            "iw_centre": selectors.iw_centre(office_.county.number),
            "can_change_registry": policies.can_change_registry(actor_for_request(request)),
        },
    )


def agreements_missing_minimum(request: HttpRequest) -> HttpResponse:
    """The agreements that lack a service every office must offer, with what is missing:
    the administrators' list of agreements to have renegotiated and saved again."""
    minimum = selectors.minimum_services()
    rows = [
        (agreement, selectors.missing_minimum(agreement, minimum))
        for agreement in selectors.agreements_missing_minimum()
    ]
    return render(
        request,
        "organisation/agreements_missing_minimum.html",
        {
            "rows": rows,
            "minimum": minimum,
            "can_edit": policies.can_change_registry(actor_for_request(request)),
        },
    )


def _parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DomainError(
            code="invalid_date",
            field="signed_on",
            message_nb="Skriv datoen som åååå-mm-dd.",
            message_en="Write the date as yyyy-mm-dd.",
        ) from None


def _parse_version(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DomainError(
            code="invalid_input",
            field="version",
            message_nb="Versjon mangler.",
            message_en="The version is missing.",
            status=400,
        ) from None


@refusals_as_pages
@require_http_methods(["GET", "POST"])
def agreement(request: HttpRequest, unit_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    office_ = selectors.office(unit_number)
    agreement_ = selectors.agreement_of(office_)
    context = {
        "office": office_,
        "agreement": agreement_,
        "service_types": selectors.service_types(),
        "chosen": {s.code for s in agreement_.services.all()},
        "minimum_missing": selectors.missing_minimum(agreement_),
        "can_edit": policies.can_change_registry(actor),
        "errors": FormErrors(),
        "form": {
            "signed_on": agreement_.signed_on.isoformat(),
            "notes": agreement_.notes,
            "version": agreement_.version,
        },
    }
    if request.method == "POST":
        chosen = request.POST.getlist("services")
        errors = FormErrors(*services.agreement_refusals(chosen))
        signed_on = errors.check(_parse_date, request.POST.get("signed_on", ""))
        version = errors.check(_parse_version, request.POST.get("version", ""))
        if not errors and signed_on is not None and version is not None:
            try:
                services.agreement_save(
                    actor=actor,
                    office=office_,
                    services=chosen,
                    signed_on=signed_on,
                    notes=request.POST.get("notes", "")[:4000],
                    version=version,
                )
            except DomainError as error:
                errors.add(error)
        if errors:
            context.update(errors=errors, chosen=set(chosen), form=request.POST)
            return render(request, "organisation/agreement.html", context, status=errors.status)
        messages.success(request, _("The agreement was saved."))
        return redirect("agreement", unit_number=unit_number)
    return render(request, "organisation/agreement.html", context)


def iw_centres(request: HttpRequest) -> HttpResponse:
    centres = [(c, selectors.iw_advisor_names(c)) for c in selectors.iw_centres()]
    return render(request, "organisation/iw_centres.html", {"centres": centres})


def _parse_time(value: str, field: str) -> datetime.time | None:
    value = value.strip().replace(".", ":")
    if not value:
        return None
    try:
        return datetime.time.fromisoformat(value)
    except ValueError:
        raise DomainError(
            code="invalid_time",
            field=field,
            message_nb="Skriv klokkeslettet som tt:mm, for eksempel 09:00.",
            message_en="Write the time as hh:mm, for example 09:00.",
        ) from None


def _read_opening(data: Any, weekday: int, errors: FormErrors) -> services.Opening | None:
    """One weekday's row of the form: both times, or neither (closed)."""
    opens = errors.check(_parse_time, data.get(f"opens_{weekday}", ""), f"opens_{weekday}")
    closes = errors.check(_parse_time, data.get(f"closes_{weekday}", ""), f"closes_{weekday}")
    written = [bool(data.get(f"{end}_{weekday}", "").strip()) for end in ("opens", "closes")]
    if written[0] != written[1]:
        missing = "closes" if written[0] else "opens"
        errors.add(
            DomainError(
                code="time_missing",
                field=f"{missing}_{weekday}",
                message_nb="Skriv både når kontoret åpner og når det stenger, eller ingen av dem.",
                message_en="Write both when the office opens and when it closes, or neither.",
            )
        )
    if opens is None or closes is None:
        return None
    return errors.check(services.check_opening, weekday, opens, closes)


def _read_visiting(data: Any, errors: FormErrors) -> dict[str, Any]:
    """Every field of the visiting form, each checked as the service will."""
    for refusal in services.check_address(
        data.get("street", ""), data.get("postcode", ""), data.get("place", "")
    ):
        errors.add(refusal)
    errors.check(services.check_postcode, data.get("postcode", ""))
    errors.check(services.check_phone, data.get("phone", ""))
    hours = [_read_opening(data, day, errors) for day, _label in Weekday.choices]
    return {
        "street": data.get("street", "")[:200],
        "postcode": data.get("postcode", "")[:4],
        "place": data.get("place", "")[:100],
        "phone": data.get("phone", "")[:20],
        "opening_note": data.get("opening_note", "")[:300],
        "opening_hours": [(h.weekday, h.opens, h.closes) for h in hours if h is not None],
    }


def _visiting_form(office_: Any) -> dict[str, str]:
    form = {name: getattr(office_, name) for name in services.VISITING_FIELDS}
    for h in office_.opening_hours.all():
        form[f"opens_{h.weekday}"] = f"{h.opens:%H:%M}"
        form[f"closes_{h.weekday}"] = f"{h.closes:%H:%M}"
    return {**form, "version": str(office_.version)}


@refusals_as_pages
@require_http_methods(["GET", "POST"])
def office_visiting(request: HttpRequest, unit_number: str) -> HttpResponse:
    """The administrators' form for an office's visiting address, phone and opening hours."""
    actor = actor_for_request(request)
    policies.require(actor, policies.can_change_registry)
    office_ = selectors.office(unit_number)

    def show(errors: FormErrors) -> HttpResponse:
        form = request.POST if request.method == "POST" else _visiting_form(office_)
        days = [
            (
                day,
                [
                    (f"{end}_{day}", f"{label}: {text}", form.get(f"{end}_{day}", ""))
                    for end, text in (("opens", _("opens")), ("closes", _("closes")))
                ],
            )
            for day, label in Weekday.choices
        ]
        return render(
            request,
            "organisation/office_visiting.html",
            {"office": office_, "errors": errors, "form": form, "days": days},
        )

    return post_form(
        request,
        read=lambda errors: _read_visiting(request.POST, errors),
        save=lambda fields: services.office_visiting_save(
            actor=actor,
            office=office_,
            version=parse_version(request.POST.get("version", "")),
            **fields,
        ),
        success=lambda saved: reverse("office", args=[saved.unit_number]),
        show=show,
        saved=_("The visiting address and opening hours were saved."),
    )
