"""The enterprise page: its contact person, cooperation and event log, plan, deliveries,
surveys and subsidies; the forms on it post to the other views, which show it again with
the message beside the form when a write is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.policies import employers as employer_policies
from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, post_form

from .. import lifecycles, selectors
from ..models import (
    CooperationReason,
    CooperationStatus,
    DeliveryKind,
    DeliveryStatus,
    Enterprise,
    SickLeavePattern,
    SurveyKind,
    max_rate,
)


def _moves(cooperation: Any) -> list[dict[str, Any]]:
    """The lifecycle buttons: the moves the table allows from the cooperation's status, in
    the order they are declared, with the reasons that fit and whether a date is asked."""
    if cooperation is None:
        return []
    return [
        {
            "name": move.name,
            "label": CooperationStatus(move.target).label,
            "reasons": [(r, CooperationReason(r).label) for r in move.reasons],
            "asks_date": "deferred_until" in move.inputs,
        }
        for move in lifecycles.allowed(lifecycles.COOPERATION, cooperation.status)
    ]


def enterprise_page(
    request: HttpRequest,
    actor: Actor,
    enterprise: Enterprise,
    *,
    error: DomainError | None = None,
    errors: FormErrors | None = None,
    failed: str = "",
) -> HttpResponse:
    cooperation = selectors.current_cooperation(enterprise)
    can_advise = policies.can_advise_enterprise(actor, enterprise)
    context = {
        "e": enterprise,
        "centre": selectors.iw_centre_of(enterprise),
        "advisors": selectors.iw_advisors_of(enterprise.county_id) if can_advise else [],
        "can_advise": can_advise,
        "can_change": policies.can_change_enterprise(actor, enterprise),
        "can_apply": policies.can_apply_for_subsidy(actor, enterprise),
        "can_decide": policies.can_decide_subsidy(actor, enterprise),
        "cooperation": cooperation,
        "earlier": list(selectors.cooperations_of(enterprise)[1:]) if cooperation else [],
        "events": list(selectors.events_of(cooperation)) if cooperation else [],
        "moves": _moves(cooperation) if can_advise and cooperation else [],
        "blockers": selectors.completion_blockers(cooperation)
        if cooperation and cooperation.status == CooperationStatus.ACTIVE
        else [],
        "plan": selectors.plan_of(cooperation) if cooperation else [],
        "deliveries": list(selectors.deliveries_of(cooperation)) if cooperation else [],
        "surveys": list(selectors.surveys_of(cooperation)) if cooperation else [],
        "subsidies": list(selectors.subsidies_of(enterprise)),
        "expert_assistance": list(
            selectors.expert_assistance_of(actor=actor, enterprise=enterprise)
        ),
        "can_view_expert_assistance": employer_policies.can_view_expert_assistance(
            actor, enterprise
        ),
        "can_apply_expert": employer_policies.can_apply_for_expert_assistance(actor, enterprise),
        "sick_leave_patterns": SickLeavePattern.choices,
        "max_rate": max_rate(timezone.localdate().year),
        "delivery_kinds": DeliveryKind.choices,
        "delivery_statuses": DeliveryStatus.choices,
        "survey_kinds": SurveyKind.choices,
        "error": error,
        "errors": errors,
        "failed": failed,
        "form": request.POST if error or errors else {},
    }
    status = error.status if error else errors.status if errors else 200
    return render(request, "employers/enterprise.html", context, status=status)


def post_on_enterprise_page(
    request: HttpRequest,
    actor: Actor,
    enterprise: Enterprise,
    failed: str,
    action: Callable[[], Any],
    anchor: str,
) -> HttpResponse:
    """Run a write posted from a form on the enterprise page; on a refusal show the page
    again with the message beside that form."""
    try:
        action()
    except DomainError as error:
        if error.status in (401, 403):
            raise
        enterprise.refresh_from_db()
        return enterprise_page(request, actor, enterprise, error=error, failed=failed)
    url = reverse("employers:enterprise", args=[enterprise.organisation_number])
    return redirect(f"{url}#{anchor}")


def post_form_on_enterprise_page(
    request: HttpRequest,
    actor: Actor,
    enterprise: Enterprise,
    failed: str,
    *,
    read: Callable[[FormErrors], Any],
    save: Callable[[Any], Any],
    anchor: str,
    saved: str,
) -> HttpResponse:
    """Run a form posted from the enterprise page with the form pattern: every mistake at
    once beside that form, the answers kept; a saved form goes back to its place on the
    page with a confirmation."""
    url = reverse("employers:enterprise", args=[enterprise.organisation_number])

    def show(errors: FormErrors) -> HttpResponse:
        enterprise.refresh_from_db()
        return enterprise_page(request, actor, enterprise, errors=errors, failed=failed)

    return post_form(
        request,
        read=read,
        save=save,
        success=lambda _: f"{url}#{anchor}",
        show=show,
        saved=saved,
    )
