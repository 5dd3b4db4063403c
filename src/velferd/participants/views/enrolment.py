"""The caseworker's enrolment pages: enrol a person from their page (the deliveries their
office may enrol in, each with the rules the person fails), and a delivery's waiting list."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, parse_date, post_form
from velferd.core.validation import invalid
from velferd.people import selectors as people_selectors
from velferd.schemes import selectors as schemes_selectors

from .. import selectors, services
from ..labels import PURPOSE
from ..selectors.waiting_list import priority_counts

WHAT = ("draft", "apply", "admit")


def _choice(value: str) -> str:
    if value not in WHAT:
        raise invalid(
            "choose_what", "what", "Velg hva som skal skje.", "Choose what should happen."
        )
    return value


def _delivery_id(value: str) -> int:
    if not value.isdigit():
        raise invalid(
            "delivery_required", "delivery", "Velg en gjennomføring.", "Choose a delivery."
        )
    return int(value)


def _read(data: Any, errors: FormErrors) -> dict[str, Any]:
    return {
        "delivery_id": errors.check(_delivery_id, data.get("delivery", "")),
        "what": errors.check(_choice, data.get("what", "")),
        "starts_on": errors.check(parse_date, data.get("starts_on", ""), "starts_on"),
        "ends_on": errors.check(parse_date, data.get("ends_on", ""), "ends_on"),
        "content": data.get("content", ""),
        "percentage": data.get("percentage", "").strip().replace(",", ".") or None,
        "extension_reason": data.get("extension_reason", ""),
    }


@refusals_as_pages
def enrol(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = people_selectors.person_for(
        actor=actor, person_id=person_id, purpose=PURPOSE, what="person.details"
    )
    policies.require(actor, policies.can_enrol, person)

    def save(values: dict[str, Any]) -> Any:
        delivery = schemes_selectors.delivery_for(actor=actor, delivery_id=values["delivery_id"])
        what = values.pop("what")
        values.pop("delivery_id")
        try:
            return services.enrol(
                actor=actor,
                person=person,
                delivery=delivery,
                as_draft=what == "draft",
                admit=what == "admit",
                **values,
            )
        except ArithmeticError as error:
            raise invalid(
                "invalid_number", "percentage", "Skriv et tall.", "Write a number."
            ) from error

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "participants/enrol.html",
            {
                "person": person,
                "options": selectors.enrolment_options(actor=actor, person=person),
                "participations": selectors.participations_of(actor=actor, person=person),
                "errors": errors,
                "form": request.POST or {},
            },
        )

    return post_form(
        request,
        read=lambda errors: _read(request.POST, errors),
        save=save,
        success=lambda found: reverse("participants:participation", args=[found.pk]),
        show=show,
        saved=_("The person was enrolled."),
    )


@refusals_as_pages
def waiting_list(request: HttpRequest, delivery_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.waiting_list_for(actor=actor, delivery_id=delivery_id)
    return render(
        request,
        "participants/waiting_list.html",
        {
            "waiting": found,
            "delivery": found.delivery,
            "priority_first": priority_counts(found.delivery.scheme_type.code),
        },
    )
