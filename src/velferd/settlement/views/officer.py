"""IMDi's pages: the round's overview, a case with the officer's lock, exclusion and
override, and a matching run with its proposals to review and send."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _, pgettext
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.core.decorators import refusals_as_pages
from velferd.core.forms import FormErrors, post_form

from .. import selectors, services
from ..models import CaseStatus
from ..services.matching_runs import employment_model
from .common import logged_in, percent, shown_year


@refusals_as_pages
def index(request: HttpRequest) -> HttpResponse:
    """The officer's round: need against decided and settled per municipality, and the
    waiting cases with their waiting time flagged. A coordinator goes to their page."""
    actor = logged_in(request)
    if not policies.allows(actor, policies.can_manage_settlement_round):
        number = sorted(policies.coordinated_municipalities(actor))[0]
        return redirect("settlement:municipality", number=number)
    year = shown_year(request)
    lines = selectors.round_lines(actor, year)
    waiting = list(selectors.cases_visible(actor, year.pk, CaseStatus.WAITING)[:500])
    selectors.log_case_list(actor, waiting, "settlement")
    runs = list(year.runs.all()[:5])
    return render(
        request,
        "settlement/index.html",
        {
            "year": year,
            "years": selectors.years(),
            "lines": lines,
            "totals": _totals(lines),
            "waiting": [(case, selectors.waiting_of(case)) for case in waiting],
            "runs": runs,
            "may_run": policies.allows(actor, policies.can_run_settlement_matching),
            "from_history": employment_model() is not None,
        },
    )


def _totals(lines: list[selectors.Capacity]) -> dict[str, int]:
    return {
        "requested": sum(line.request.persons for line in lines),
        "decided": sum(line.decided_persons for line in lines),
        "promised": sum(line.promised_persons for line in lines),
        "settled": sum(line.settled_persons for line in lines),
        "remaining": sum(line.remaining_persons for line in lines),
    }


@refusals_as_pages
@require_POST
def run_start(request: HttpRequest) -> HttpResponse:
    actor = logged_in(request)
    year = shown_year(request)
    run = services.matching_run(actor=actor, year=year.year)
    return redirect("settlement:run", run_id=run.pk)


def _override_form(request: HttpRequest, errors: FormErrors) -> dict[str, Any]:
    return {
        "case_id": request.POST.get("case", ""),
        "municipality_number": request.POST.get("municipality", "").strip(),
        "reason": request.POST.get("reason", ""),
    }


@refusals_as_pages
def run(request: HttpRequest, run_id: str) -> HttpResponse:
    """A matching run: objective, bound and gap, the proposals, the override form."""
    actor = logged_in(request)
    found = selectors.run_for(actor=actor, run_id=run_id)

    def show(errors: FormErrors) -> HttpResponse:
        proposals = selectors.run_proposals(actor, found)
        return render(
            request,
            "settlement/run.html",
            {
                "run": found,
                "gap_percent": percent(found.gap),
                "proposals": proposals,
                "drafts": sum(1 for p in proposals if p.status == "draft"),
                "errors": errors,
                "form": request.POST if errors else {},
            },
        )

    return post_form(
        request,
        read=lambda errors: _override_form(request, errors),
        save=lambda values: services.case_override(actor=actor, **values),
        success=lambda new_run: reverse("settlement:run", kwargs={"run_id": new_run.pk}),
        show=show,
        saved=_("The case is placed there and the rest matched again."),
    )


@refusals_as_pages
@require_POST
def run_send(request: HttpRequest, run_id: str) -> HttpResponse:
    actor = logged_in(request)
    services.run_send(actor=actor, run_id=run_id)
    messages.success(request, _("The proposals are sent to the municipalities."))
    return redirect("settlement:run", run_id=run_id)


def _case_action(request: HttpRequest, actor: Any, case_id: str) -> Any:
    action = request.POST.get("action", "")
    number = request.POST.get("municipality", "").strip()
    reason = request.POST.get("reason", "")
    if action == "exclude":
        return services.case_exclude(
            actor=actor, case_id=case_id, municipality_number=number, reason=reason
        )
    if action == "settle":
        return services.case_settle(actor=actor, case_id=case_id)
    return services.case_lock(
        actor=actor, case_id=case_id, municipality_number=number, reason=reason
    )


def _status_label(found: Any) -> str:
    """ "Settled" is also the funding domain's word (avregnet): a case is settled in a
    municipality (bosatt)."""
    if found.status == CaseStatus.SETTLED:
        return pgettext("settlement case", "Settled")
    return str(found.get_status_display())


@refusals_as_pages
def case(request: HttpRequest, case_id: str) -> HttpResponse:
    """A case with its persons and proposals; the officer locks it to a municipality or
    rules one out, each with a reason. The read is logged."""
    actor = logged_in(request)
    found = selectors.case_for(actor=actor, case_id=case_id)

    def show(errors: FormErrors) -> HttpResponse:
        officer = policies.allows(actor, policies.can_manage_settlement_case, found)
        proposals = [
            p for p in found.proposals.all() if officer or p.status in ("sent", "accepted")
        ]
        return render(
            request,
            "settlement/case.html",
            {
                "case": found,
                "status_label": _status_label(found),
                "waiting": selectors.waiting_of(found),
                "persons": list(found.persons.all()),
                "proposals": proposals,
                "officer": officer,
                "settleable": found.status == CaseStatus.ACCEPTED,
                "errors": errors,
                "form": request.POST if errors else {},
            },
        )

    return post_form(
        request,
        read=lambda errors: None,
        save=lambda _values: _case_action(request, actor, case_id),
        success=lambda _done: reverse("settlement:case", kwargs={"case_id": case_id}),
        show=show,
        saved=_("Saved."),
    )
