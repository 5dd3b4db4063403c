"""The office's pages for its municipal caseworkers: the queue, the case, the documentation
request, the decision (with the calculation aid and the letter with its LIX) and the
reduction after a breach of a condition."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import forbidden
from velferd.core.forms import FormErrors, parse_version, post_form
from velferd.core.pagination import page_number
from velferd.organisation import selectors as organisation_selectors

from ..caseworker_labels import HISTORY
from ..letters import letter_readability
from ..models import Decision, DecisionReason, Frequency, Outcome
from ..selectors.cases import Case, case, decision_of
from ..selectors.queue import queue as office_queue
from ..services.casework import OPEN_STATUSES
from ..services.decision_checks import (
    ACTIVITY_REQUIREMENT_AGE,
    EXEMPTION_REASONS,
    DecisionInput,
    age_on,
)
from ..services.decisions import decision_make, decision_replace
from ..services.documentation_requests import documentation_request_create


def logged_in(request: HttpRequest) -> Actor:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    return actor


def _office(actor: Actor, unit: str) -> Any:
    offices = sorted(policies.assistance_queue_offices(actor))
    if not offices:
        raise forbidden()
    if unit:
        office = organisation_selectors.office(unit)
        if office.pk not in offices:
            raise forbidden()
        return office
    return organisation_selectors.offices().filter(pk=offices[0]).first()


@refusals_as_pages
def queue(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    office = _office(actor, request.GET.get("office", ""))
    status = request.GET.get("status", "")
    found = office_queue(actor, office, status, page_number(request.GET.get("page")), clamp=True)
    return render(
        request,
        "assistance/queue.html",
        {"queue": found, "statuses": OPEN_STATUSES, "today": timezone.localdate()},
    )


def _case_context(found: Case, **extra: Any) -> dict[str, Any]:
    current = found.current_decision
    letter = letter_readability(current.letter) if current else None
    return {
        "case": found,
        "a": found.application,
        "current": current,
        "letter_lix": letter,
        "history_labels": HISTORY,
        "today": timezone.localdate(),
        **extra,
    }


@refusals_as_pages
def case_page(request: HttpRequest, application_id: str) -> HttpResponse:
    actor = logged_in(request)
    return render(request, "assistance/case.html", _case_context(case(actor, application_id)))


@refusals_as_pages
def documentation_request(request: HttpRequest, application_id: str) -> HttpResponse:
    actor = logged_in(request)
    found = case(actor, application_id)
    if not found.may_decide:
        raise forbidden()

    def read(errors: FormErrors) -> dict[str, Any]:
        return {
            "version": errors.check(parse_version, request.POST.get("version", "")),
            "what": request.POST.get("what", ""),
            "deadline": request.POST.get("deadline", ""),
        }

    def show(errors: FormErrors) -> HttpResponse:
        context = _case_context(found, errors=errors, form=request.POST if errors else {})
        return render(request, "assistance/case.html", context)

    return post_form(
        request,
        read=read,
        save=lambda values: documentation_request_create(
            actor=actor, application_id=found.application.pk, **values
        ),
        success=lambda _request: reverse("assistance:case", args=[found.application.pk]),
        show=show,
        saved=_("The request for documentation is sent."),
    )


def _decision_input(request: HttpRequest) -> DecisionInput:
    post = request.POST
    return DecisionInput(
        outcome=post.get("outcome", ""),
        amount=post.get("amount", ""),
        frequency=post.get("frequency", ""),
        period_start=post.get("period_start", ""),
        period_end=post.get("period_end", ""),
        reasoning=post.get("reasoning", ""),
        conditions=post.get("conditions", "").splitlines(),
        activity=post.get("activity", ""),
        exemption_reason=post.get("exemption_reason", ""),
        exemption_explanation=post.get("exemption_explanation", ""),
    )


def _decision_form_context(found: Case, errors: FormErrors, form: Any) -> dict[str, Any]:
    born = found.application.person.birth_date
    return _case_context(
        found,
        errors=errors,
        form=form,
        under_30=age_on(born, timezone.localdate()) < ACTIVITY_REQUIREMENT_AGE,
        outcomes=Outcome.choices,
        frequencies=Frequency.choices,
        exemption_reasons=EXEMPTION_REASONS,
    )


@refusals_as_pages
def decide(request: HttpRequest, application_id: str) -> HttpResponse:
    """The decision form beside the calculation aid."""
    actor = logged_in(request)
    found = case(actor, application_id)
    if not found.may_decide:
        raise forbidden()

    def read(errors: FormErrors) -> dict[str, Any]:
        return {
            "version": errors.check(parse_version, request.POST.get("version", "")),
            "data": _decision_input(request),
        }

    def show(errors: FormErrors) -> HttpResponse:
        form = request.POST if request.method == "POST" else _suggested(found)
        context = _decision_form_context(found, errors, form)
        return render(request, "assistance/case_decide.html", context)

    return post_form(
        request,
        read=read,
        save=lambda values: decision_make(
            actor=actor, application_id=found.application.pk, **values
        ),
        success=lambda made: reverse("assistance:decision", args=[made.pk]),
        show=show,
        saved=_("The decision is made and the letter is sent."),
    )


def _suggested(found: Case) -> dict[str, str]:
    """The form's first values: the calculation aid's result for this month."""
    today = timezone.localdate()
    return {
        "amount": f"{found.calculation.result:.2f}".replace(".", ","),
        "period_start": today.isoformat(),
        "period_end": today.replace(day=28).isoformat(),
        "frequency": Frequency.ONE_OFF,
    }


@refusals_as_pages
def decision_page(request: HttpRequest, decision_id: str) -> HttpResponse:
    """A decision with its conditions and its letter, the letter's LIX beside it."""
    actor = logged_in(request)
    decision, found = decision_of(actor, decision_id)
    context = _case_context(
        found, decision=decision, decision_lix=letter_readability(decision.letter)
    )
    return render(request, "assistance/case_decision.html", context)


@refusals_as_pages
def reduce(request: HttpRequest, decision_id: str) -> HttpResponse:
    """A new decision reducing the amount after a breach of a condition."""
    actor = logged_in(request)
    decision, found = decision_of(actor, decision_id)
    if not found.may_decide:
        raise forbidden()

    def read(errors: FormErrors) -> dict[str, Any]:
        return {
            "data": _decision_input(request),
            "breached_condition": request.POST.get("breached_condition", ""),
        }

    def show(errors: FormErrors) -> HttpResponse:
        form = request.POST if request.method == "POST" else _as_form(decision)
        context = _decision_form_context(found, errors, form)
        context["decision"] = decision
        return render(request, "assistance/case_reduce.html", context)

    return post_form(
        request,
        read=read,
        save=lambda values: decision_replace(
            actor=actor,
            decision_id=decision.pk,
            reason=DecisionReason.BREACH_OF_CONDITION,
            **values,
        ),
        success=lambda made: reverse("assistance:decision", args=[made.pk]),
        show=show,
        saved=_("The new decision is made and the letter is sent."),
    )


def _as_form(decision: Decision) -> dict[str, str]:
    return {
        "outcome": Outcome.PARTLY_GRANTED,
        "amount": "",
        "frequency": decision.frequency,
        "period_start": timezone.localdate().isoformat(),
        "period_end": decision.period_end.isoformat(),
        "conditions": "\n".join(c.text for c in decision.conditions.all()),
        "activity": decision.activity,
        "exemption_reason": decision.exemption_reason,
        "exemption_explanation": decision.exemption_explanation,
    }
