"""The employers pages: the advisor's list of enterprises, the enterprise page (contact
person, cooperation and its event log, plan, deliveries, surveys, subsidies), the county
budgets, the employer's own start page and the public survey answer page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access import selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import checked, parse_date, parse_version
from velferd.core.pagination import paginate
from velferd.core.ratelimit import client_key
from velferd.organisation import selectors as organisation_selectors

from . import lifecycles, selectors, services
from .answered import answered_in_session, remember_answer
from .models import (
    CooperationReason,
    CooperationStatus,
    DeliveryKind,
    DeliveryStatus,
    Enterprise,
    PlanTheme,
    RespondentGroup,
    Sector,
    SubThemeStatus,
    SurveyKind,
)
from .questions import SCALE

# The lifecycle buttons, in the order they are shown.
MOVES = ["assess", "activate", "skip", "complete", "cancel"]


def _int(value: str, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DomainError(
            code="invalid_input",
            field=field,
            message_nb="Skriv et helt tall.",
            message_en="Write a whole number.",
        ) from None


def _moves(cooperation: Any) -> list[dict[str, Any]]:
    """The moves the table allows from the cooperation's status, with the reasons that fit."""
    if cooperation is None:
        return []
    allowed = lifecycles.COOPERATION[cooperation.status]
    return [
        {
            "name": name,
            "label": CooperationStatus(services.TARGETS[name]).label,
            "reasons": [
                (r, CooperationReason(r).label)
                for r in lifecycles.REASONS.get(services.TARGETS[name], ())
            ],
        }
        for name in MOVES
        if services.TARGETS[name] in allowed
    ]


def _enterprise_page(
    request: HttpRequest,
    actor: Actor,
    enterprise: Enterprise,
    *,
    error: DomainError | None = None,
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
        "delivery_kinds": DeliveryKind.choices,
        "delivery_statuses": DeliveryStatus.choices,
        "survey_kinds": SurveyKind.choices,
        "error": error,
        "failed": failed,
        "form": request.POST if error else {},
    }
    status = error.status if error else 200
    return render(request, "employers/enterprise.html", context, status=status)


def _post_on_enterprise_page(
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
        return _enterprise_page(request, actor, enterprise, error=error, failed=failed)
    url = reverse("employers:enterprise", args=[enterprise.organisation_number])
    return redirect(f"{url}#{anchor}")


# Lists and the enterprise page ---------------------------------------------------------------


@refusals_as_pages
def enterprise_list(request: HttpRequest) -> HttpResponse:
    """Virksomheter: the advisor's enterprises, searchable and filtered."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if actor.roles == {"employer"}:
        return redirect("employers:mine")
    filters = {
        "query": request.GET.get("q", ""),
        "municipality": request.GET.get("municipality", ""),
        "sector": request.GET.get("sector", ""),
        "status": request.GET.get("status", ""),
    }
    found = selectors.enterprises_visible_to(
        actor=actor,
        query=filters["query"],
        municipality=filters["municipality"],
        sector=filters["sector"],
        status=filters["status"],
    )
    page = paginate(found, page=pagination.page_number(request.GET.get("page")), clamp=True)
    return render(
        request,
        "employers/list.html",
        {
            "page": page,
            "filters": filters,
            "sectors": Sector.choices,
            "statuses": CooperationStatus.choices,
            "counties": selectors.counties_advised_by(actor),
            "can_register": policies.can_register_enterprise(actor),
        },
    )


@refusals_as_pages
def mine(request: HttpRequest) -> HttpResponse:
    """The employer's own start page: their enterprise, its contact person, cooperation,
    plan and subsidies."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    own = list(selectors.own_enterprises(actor=actor))
    if not own:
        raise forbidden()
    if len(own) > 1:
        return render(request, "employers/mine.html", {"enterprises": own})
    return _enterprise_page(request, actor, own[0])


@refusals_as_pages
def enterprise(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    return _enterprise_page(request, actor, found)


def _enterprise_fields(data: Any) -> dict[str, Any]:
    return {
        "name": data.get("name", ""),
        "municipality_number": data.get("municipality", "").strip(),
        "industry_code": data.get("industry_code", ""),
        "sector": data.get("sector", ""),
        "employees": _int(data.get("employees", ""), "employees"),
        "has_iw_agreement": checked(data, "has_iw_agreement"),
    }


def _enterprise_form(
    request: HttpRequest, action: Callable[[], Enterprise], context: dict[str, Any]
) -> HttpResponse:
    error = None
    if request.method == "POST":
        try:
            saved = action()
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
        else:
            return redirect("employers:enterprise", organisation_number=saved.organisation_number)
    response = render(
        request,
        "employers/enterprise_form.html",
        {**context, "error": error, "sectors": Sector.choices, "form": request.POST or {}},
    )
    response.status_code = error.status if error else 200
    return response


@refusals_as_pages
def enterprise_new(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    policies.require(actor, policies.can_register_enterprise)
    return _enterprise_form(
        request,
        lambda: services.enterprise_register(
            actor=actor,
            organisation_number=request.POST.get("organisation_number", "").strip(),
            **_enterprise_fields(request.POST),
        ),
        {"e": None},
    )


@refusals_as_pages
def enterprise_edit(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_change_enterprise, found)
    return _enterprise_form(
        request,
        lambda: services.enterprise_change(
            actor=actor,
            enterprise=found,
            version=parse_version(request.POST.get("version", "")),
            **_enterprise_fields(request.POST),
        ),
        {"e": found},
    )


@refusals_as_pages
@require_POST
def contact_person(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_assign_contact_person, found)

    def assign() -> Any:
        try:
            person = access_selectors.active_user_named(request.POST.get("contact_person", ""))
        except DomainError as error:
            error.field = "contact_person"
            raise
        return services.enterprise_assign_contact_person(
            actor=actor,
            enterprise=found,
            contact_person=person,
            version=parse_version(request.POST.get("version", "")),
        )

    return _post_on_enterprise_page(request, actor, found, "contact", assign, "contact")


@refusals_as_pages
@require_POST
def cooperation_start(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_advise_enterprise, found)
    return _post_on_enterprise_page(
        request,
        actor,
        found,
        "start",
        lambda: services.cooperation_start(
            actor=actor, enterprise=found, comment=request.POST.get("comment", "")
        ),
        "cooperation",
    )


@refusals_as_pages
@require_POST
def cooperation_move(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    """A lifecycle button: `move` names the transition; closing ones carry a reason."""
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    move = request.POST.get("move", "")
    if move not in services.TRANSITIONS:
        raise DomainError(
            code="unknown_action",
            status=400,
            message_nb="Ukjent handling.",
            message_en="Unknown action.",
        )

    def act() -> Any:
        extra = {"reason": request.POST.get("reason", "")} if move in services.NEEDS_REASON else {}
        return services.TRANSITIONS[move](  # type: ignore[operator]
            actor=actor,
            cooperation=cooperation,
            version=parse_version(request.POST.get("version", "")),
            comment=request.POST.get("comment", ""),
            **extra,
        )

    return _post_on_enterprise_page(
        request, actor, cooperation.enterprise, move, act, "cooperation"
    )


# The plan ------------------------------------------------------------------------------------


def _sub_theme_fields(data: Any) -> dict[str, Any]:
    return {
        "theme": data.get("theme", ""),
        "title": data.get("title", ""),
        "goal": data.get("goal", ""),
        "starts_on": parse_date(data.get("starts_on", ""), "starts_on"),
        "ends_on": parse_date(data.get("ends_on", ""), "ends_on"),
    }


def _sub_theme_form(
    request: HttpRequest,
    cooperation: Any,
    sub_theme: Any,
    action: Callable[[], Any],
) -> HttpResponse:
    error = None
    if request.method == "POST":
        try:
            action()
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
        else:
            url = reverse("employers:enterprise", args=[cooperation.enterprise.organisation_number])
            return redirect(f"{url}#plan")
    return render(
        request,
        "employers/sub_theme_form.html",
        {
            "cooperation": cooperation,
            "s": sub_theme,
            "themes": PlanTheme.choices,
            "statuses": SubThemeStatus.choices,
            "error": error,
            "form": request.POST or {},
        },
        status=error.status if error else 200,
    )


@refusals_as_pages
def sub_theme_new(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    return _sub_theme_form(
        request,
        cooperation,
        None,
        lambda: services.sub_theme_add(
            actor=actor, cooperation=cooperation, **_sub_theme_fields(request.POST)
        ),
    )


@refusals_as_pages
def sub_theme_edit(request: HttpRequest, sub_theme_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    sub_theme = selectors.sub_theme_for(actor=actor, sub_theme_id=sub_theme_id)
    policies.require(actor, policies.can_advise_enterprise, sub_theme.cooperation.enterprise)
    return _sub_theme_form(
        request,
        sub_theme.cooperation,
        sub_theme,
        lambda: services.sub_theme_change(
            actor=actor,
            sub_theme=sub_theme,
            version=parse_version(request.POST.get("version", "")),
            status=request.POST.get("status") or None,
            **_sub_theme_fields(request.POST),
        ),
    )


@refusals_as_pages
@require_POST
def delivery_add(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    return _post_on_enterprise_page(
        request,
        actor,
        cooperation.enterprise,
        "delivery",
        lambda: services.delivery_add(
            actor=actor,
            cooperation=cooperation,
            kind=request.POST.get("kind", ""),
            deadline=parse_date(request.POST.get("deadline", ""), "deadline"),
            description=request.POST.get("description", ""),
        ),
        "deliveries",
    )


@refusals_as_pages
@require_POST
def delivery_change(request: HttpRequest, delivery_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    delivery = selectors.delivery_for(actor=actor, delivery_id=delivery_id)
    enterprise = delivery.cooperation.enterprise
    policies.require(actor, policies.can_advise_enterprise, enterprise)
    return _post_on_enterprise_page(
        request,
        actor,
        enterprise,
        f"delivery-{delivery.pk}",
        lambda: services.delivery_change(
            actor=actor,
            delivery=delivery,
            version=parse_version(request.POST.get("version", "")),
            status=request.POST.get("status", ""),
        ),
        "deliveries",
    )


# Surveys -------------------------------------------------------------------------------------


@refusals_as_pages
@require_POST
def survey_open(request: HttpRequest, cooperation_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    cooperation = selectors.cooperation_for(actor=actor, cooperation_id=cooperation_id)
    policies.require(actor, policies.can_advise_enterprise, cooperation.enterprise)
    return _post_on_enterprise_page(
        request,
        actor,
        cooperation.enterprise,
        "survey",
        lambda: services.survey_open(
            actor=actor, cooperation=cooperation, kind=request.POST.get("kind", "")
        ),
        "surveys",
    )


@refusals_as_pages
def survey(request: HttpRequest, survey_id: int) -> HttpResponse:
    """A survey's results (once it is closed, and masked below 3 answers) and its answer
    link; the advisor closes it here."""
    actor = actor_for_request(request)
    found = selectors.survey_for(actor=actor, survey_id=survey_id)
    can_close = policies.can_advise_enterprise(actor, found.cooperation.enterprise)
    if request.method == "POST":
        policies.require(actor, policies.can_advise_enterprise, found.cooperation.enterprise)
        services.survey_close(actor=actor, survey=found)
        return redirect("employers:survey", survey_id=found.pk)
    return render(
        request,
        "employers/survey.html",
        {
            "s": found,
            "e": found.cooperation.enterprise,
            "results": selectors.survey_results(found),
            "results_shown": selectors.results_shown(found),
            "responses": selectors.response_count(found),
            "answer_url": request.build_absolute_uri(
                reverse("employers:survey_answer", args=[found.token])
            ),
            "can_close": can_close,
            "groups": RespondentGroup.choices,
        },
    )


def survey_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The public, anonymous answer page behind the survey's link."""
    try:
        found = selectors.survey_by_token(token)
    except DomainError as unknown:
        return render(request, "core/error.html", {"error": unknown}, status=404)
    error = None
    answered = answered_in_session(request)
    if request.method == "POST":
        codes = [q.code for q in selectors.questions_of(found)]
        try:
            services.survey_answer_allowed(
                token=token, address=client_key(request), answered=answered
            )
            services.survey_answer(
                token=token,
                group=request.POST.get("group", ""),
                answers={code: request.POST.get(code, "") for code in codes},
                answered=answered,
            )
        except DomainError as caught:
            error = caught
        else:
            response = redirect("employers:survey_thanks")
            remember_answer(response, request, token)
            return response
    return render(
        request,
        "employers/survey_answer.html",
        {
            "s": found,
            "questions": selectors.questions_of(found),
            "scale": SCALE,
            "groups": RespondentGroup.choices,
            "error": error,
            "form": request.POST or {},
            "already_answered": services.answer_key(token) in answered,
        },
        status=error.status if error else 200,
    )


def survey_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "employers/survey_thanks.html")


# Subsidies and budgets -----------------------------------------------------------------------


@refusals_as_pages
@require_POST
def subsidy_apply(request: HttpRequest, organisation_number: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.enterprise_for(actor=actor, organisation_number=organisation_number)
    policies.require(actor, policies.can_apply_for_subsidy, found)
    return _post_on_enterprise_page(
        request,
        actor,
        found,
        "subsidy",
        lambda: services.subsidy_apply(
            actor=actor,
            enterprise=found,
            purpose=request.POST.get("purpose", ""),
            amount=request.POST.get("amount", ""),
        ),
        "subsidies",
    )


def _subsidy_action(actor: Actor, found: Any, data: Any) -> Any:
    version = parse_version(data.get("version", ""))
    action = data.get("action")
    if action == "grant":
        amount = data.get("amount", "").strip()
        return services.subsidy_grant(
            actor=actor, subsidy=found, version=version, amount=amount or None
        )
    if action == "refuse":
        return services.subsidy_refuse(
            actor=actor, subsidy=found, version=version, reason=data.get("reason", "")
        )
    if action in services.SUBSIDY_TRANSITIONS:
        return services.SUBSIDY_TRANSITIONS[action](actor=actor, subsidy=found, version=version)
    raise DomainError(
        code="unknown_action",
        status=400,
        message_nb="Ukjent handling.",
        message_en="Unknown action.",
    )


@refusals_as_pages
def subsidy(request: HttpRequest, subsidy_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.subsidy_for(actor=actor, subsidy_id=subsidy_id)
    error = None
    if request.method == "POST":
        policies.require(actor, policies.can_decide_subsidy, found.enterprise)
        try:
            _subsidy_action(actor, found, request.POST)
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
            found.refresh_from_db()
        else:
            return redirect("employers:subsidy", subsidy_id=found.pk)
    allowed = lifecycles.SUBSIDY[found.status]
    return render(
        request,
        "employers/subsidy.html",
        {
            "g": found,
            "can_decide": policies.can_decide_subsidy(actor, found.enterprise),
            "allowed": allowed,
            "can_grant": bool(allowed & {"granted", "partly_granted"}),
            "error": error,
            "form": request.POST if error else {},
        },
        status=error.status if error else 200,
    )


@refusals_as_pages
def budgets(request: HttpRequest) -> HttpResponse:
    """The counties' subsidy budgets for a year: budget, granted, paid, remaining."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    year = selectors.valid_year(request.GET.get("year") or selectors.this_year())
    error, failed = None, ""
    if request.method == "POST":
        county = request.POST.get("county", "")
        policies.require(actor, policies.can_set_subsidy_budget, county)
        version = request.POST.get("version", "")
        try:
            services.budget_set(
                actor=actor,
                county_number=county,
                year=year,
                amount=request.POST.get("amount", ""),
                version=parse_version(version) if version else None,
            )
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error, failed = caught, county
        else:
            return redirect(f"{reverse('employers:budgets')}?year={year}")
    lines = selectors.budget_lines(actor=actor, year=year)
    return render(
        request,
        "employers/budgets.html",
        {
            "lines": lines,
            "year": year,
            "years": [year - 1, year, year + 1],
            "error": error,
            "failed": failed,
            "form": request.POST if error else {},
            "counties": organisation_selectors.counties(),
        },
        status=error.status if error else 200,
    )
