"""The employers API, at /api/v1/employers/: enterprises and their contact person, the IW
cooperation and its lifecycle, the action plan, surveys, subsidies and county budgets.
Survey answers come in anonymously through the public answer link."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from ninja import Query, Router, Status

from velferd.access import selectors as access_selectors
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.constraints import CountyNumber, OrganisationNumber
from velferd.core.errors import DomainError
from velferd.core.pagination import paginate
from velferd.core.ratelimit import client_key

from . import selectors, services
from .answered import answered_in_session, remember_answer
from .models import Cooperation, Delivery, Enterprise, Subsidy, SubTheme, Survey
from .schemas import (
    AnswersIn,
    BudgetIn,
    BudgetList,
    BudgetOut,
    ContactPersonIn,
    CooperationIn,
    CooperationList,
    CooperationOut,
    CooperationStatusFilter,
    DeliveryIn,
    DeliveryList,
    DeliveryOut,
    DeliveryPatch,
    EnterpriseIn,
    EnterpriseList,
    EnterpriseOut,
    EnterprisePatch,
    EventList,
    GrantIn,
    MunicipalityFilter,
    OwnerIn,
    ReceiptOut,
    RefuseIn,
    SectorFilter,
    SubsidyIn,
    SubsidyList,
    SubsidyOut,
    SubsidyStatusFilter,
    SubThemeIn,
    SubThemeList,
    SubThemeOut,
    SubThemePatch,
    SurveyFormOut,
    SurveyIn,
    SurveyList,
    SurveyOut,
    SurveyToken,
    TransitionIn,
    VersionIn,
    Year,
)

router = Router(tags=["employers"])


def _paged(found: Any, paging: PageParams, out: Callable[[Any], dict[str, Any]]) -> Any:
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [out(item) for item in page.items], "count": page.count}


# Shapes --------------------------------------------------------------------------------------


def enterprise_out(enterprise: Enterprise) -> dict[str, Any]:
    centre = selectors.iw_centre_of(enterprise)
    person = enterprise.contact_person
    status = getattr(enterprise, "cooperation_status", None)
    if not hasattr(enterprise, "cooperation_status"):
        current = selectors.current_cooperation(enterprise)
        status = current.status if current else None
    return {
        "organisation_number": enterprise.organisation_number,
        "name": enterprise.name,
        "municipality": enterprise.municipality_id,
        "municipality_name": enterprise.municipality.name,
        "county": enterprise.county_id,
        "industry_code": enterprise.industry_code,
        "sector": enterprise.sector,
        "employees": enterprise.employees,
        "has_iw_agreement": enterprise.has_iw_agreement,
        "contact_person": {
            "name": str(person) if person else None,
            "username": person.username if person else None,
            "iw_centre": centre.name if centre else None,
        },
        "cooperation_status": status,
        "version": enterprise.version,
    }


def cooperation_out(cooperation: Cooperation) -> dict[str, Any]:
    blockers = selectors.completion_blockers(cooperation) if cooperation.is_open else []
    english = _english()
    return {
        "id": cooperation.pk,
        "organisation_number": cooperation.enterprise.organisation_number,
        "enterprise_name": cooperation.enterprise.name,
        "status": cooperation.status,
        "is_open": cooperation.is_open,
        "owner": str(cooperation.owner) if cooperation.owner else None,
        "owner_username": cooperation.owner.username if cooperation.owner else None,
        "reason": cooperation.reason,
        "started_at": cooperation.created_at,
        "completion_blockers": [en if english else nb for nb, en in blockers],
        "version": cooperation.version,
    }


def _english() -> bool:
    return (translation.get_language() or "nb").startswith("en")


def sub_theme_out(sub_theme: SubTheme) -> dict[str, Any]:
    return {
        "id": sub_theme.pk,
        "cooperation": sub_theme.cooperation_id,
        "theme": sub_theme.theme,
        "title": sub_theme.title,
        "goal": sub_theme.goal,
        "starts_on": sub_theme.starts_on,
        "ends_on": sub_theme.ends_on,
        "status": sub_theme.status,
        "version": sub_theme.version,
    }


def delivery_out(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.pk,
        "cooperation": delivery.cooperation_id,
        "kind": delivery.kind,
        "description": delivery.description,
        "deadline": delivery.deadline,
        "status": delivery.status,
        "delivered_on": delivery.delivered_on,
        "overdue": delivery.is_overdue,
        "version": delivery.version,
    }


def survey_out(survey: Survey) -> dict[str, Any]:
    return {
        "id": survey.pk,
        "cooperation": survey.cooperation_id,
        "kind": survey.kind,
        "status": survey.status,
        "answer_path": reverse("employers:survey_answer", args=[survey.token]),
        "responses": selectors.response_count(survey),
        "opened_at": survey.created_at,
        "closed_at": survey.closed_at,
        "results": [
            {
                "code": r.question.code,
                "text": r.question.text,
                "total": r.total.as_dict(),
                "groups": {group: cell.as_dict() for group, cell in r.groups.items()},
            }
            for r in selectors.survey_results(survey)
        ],
    }


def subsidy_out(subsidy: Subsidy) -> dict[str, Any]:
    return {
        "id": subsidy.pk,
        "organisation_number": subsidy.enterprise.organisation_number,
        "enterprise_name": subsidy.enterprise.name,
        "purpose": subsidy.purpose,
        "amount_applied": subsidy.amount_applied,
        "amount_granted": subsidy.amount_granted,
        "status": subsidy.status,
        "refusal_reason": subsidy.refusal_reason,
        "applied_on": subsidy.applied_on,
        "decided_on": subsidy.decided_on,
        "paid_on": subsidy.paid_on,
        "budget_year": subsidy.budget_year,
        "version": subsidy.version,
    }


def budget_out(line: selectors.BudgetLine) -> dict[str, Any]:
    return {
        "county": line.county.number,
        "county_name": line.county.name,
        "year": line.year,
        "amount": line.amount,
        "granted": line.granted,
        "paid": line.paid,
        "remaining": line.remaining,
        "version": line.budget.version if line.budget else None,
    }


# Enterprises ---------------------------------------------------------------------------------


def _enterprise(request: HttpRequest, organisation_number: str) -> Enterprise:
    return selectors.enterprise_for(
        actor=actor_of(request), organisation_number=organisation_number
    )


@router.get("/enterprises", response={200: EnterpriseList, **ERRORS}, auth=AUTH)
def list_enterprises(
    request: HttpRequest,
    paging: Query[PageParams],
    q: str = "",
    municipality: MunicipalityFilter = "",
    sector: SectorFilter = "",
    status: CooperationStatusFilter = "",
    iw_agreement: bool | None = None,
) -> Any:
    """Advisors: the enterprises of their county; an employer: their own. Search by name or
    organisation number; `status=none` for those without any cooperation."""
    found = selectors.enterprises_visible_to(
        actor=actor_of(request),
        query=q,
        municipality=municipality,
        sector=sector,
        status=status,
        iw_agreement=iw_agreement,
    )
    return _paged(found, paging, enterprise_out)


@router.post("/enterprises", response={201: EnterpriseOut, **ERRORS}, auth=AUTH)
def register_enterprise(request: HttpRequest, payload: EnterpriseIn) -> Any:
    data = payload.dict()
    data["municipality_number"] = data.pop("municipality")
    enterprise = services.enterprise_register(actor=actor_of(request), **data)
    return Status(201, enterprise_out(enterprise))


@router.get(
    "/enterprises/{organisation_number}", response={200: EnterpriseOut, **ERRORS}, auth=AUTH
)
def get_enterprise(request: HttpRequest, organisation_number: OrganisationNumber) -> Any:
    return enterprise_out(_enterprise(request, organisation_number))


@router.patch(
    "/enterprises/{organisation_number}", response={200: EnterpriseOut, **ERRORS}, auth=AUTH
)
def change_enterprise(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: EnterprisePatch
) -> Any:
    data = payload.dict(exclude_unset=True)
    if "municipality" in data:
        data["municipality_number"] = data.pop("municipality")
    return enterprise_out(
        services.enterprise_change(
            actor=actor_of(request),
            enterprise=_enterprise(request, organisation_number),
            **data,
        )
    )


@router.put(
    "/enterprises/{organisation_number}/contact-person",
    response={200: EnterpriseOut, **ERRORS},
    auth=AUTH,
)
def assign_contact_person(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: ContactPersonIn
) -> Any:
    """The IW centre of the enterprise's county assigns one of its advisors."""
    enterprise = _enterprise(request, organisation_number)
    return enterprise_out(
        services.enterprise_assign_contact_person(
            actor=actor_of(request),
            enterprise=enterprise,
            contact_person=_user(payload.username, "contact_person"),
            version=payload.version,
        )
    )


def _user(username: str, field: str) -> Any:
    try:
        return access_selectors.active_user_named(username)
    except DomainError as error:
        error.field = field
        raise


@router.get(
    "/enterprises/{organisation_number}/cooperations",
    response={200: CooperationList, **ERRORS},
    auth=AUTH,
)
def list_cooperations(
    request: HttpRequest, organisation_number: OrganisationNumber, paging: Query[PageParams]
) -> Any:
    """The enterprise's cooperations, the open one first."""
    enterprise = _enterprise(request, organisation_number)
    return _paged(selectors.cooperations_of(enterprise), paging, cooperation_out)


@router.post(
    "/enterprises/{organisation_number}/cooperations",
    response={201: CooperationOut, **ERRORS},
    auth=AUTH,
)
def start_cooperation(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: CooperationIn
) -> Any:
    """Start a cooperation (to assess); 409 while one is open."""
    enterprise = _enterprise(request, organisation_number)
    cooperation = services.cooperation_start(
        actor=actor_of(request),
        enterprise=enterprise,
        owner=_user(payload.owner, "owner") if payload.owner else None,
        comment=payload.comment,
    )
    return Status(201, cooperation_out(cooperation))


@router.get(
    "/enterprises/{organisation_number}/subsidies",
    response={200: SubsidyList, **ERRORS},
    auth=AUTH,
)
def list_enterprise_subsidies(
    request: HttpRequest, organisation_number: OrganisationNumber, paging: Query[PageParams]
) -> Any:
    enterprise = _enterprise(request, organisation_number)
    return _paged(selectors.subsidies_of(enterprise), paging, subsidy_out)


@router.post(
    "/enterprises/{organisation_number}/subsidies",
    response={201: SubsidyOut, **ERRORS},
    auth=AUTH,
)
def apply_for_subsidy(
    request: HttpRequest, organisation_number: OrganisationNumber, payload: SubsidyIn
) -> Any:
    """Apply for a prevention and facilitation subsidy: the employer, or an advisor on the
    enterprise's behalf."""
    subsidy = services.subsidy_apply(
        actor=actor_of(request),
        enterprise=_enterprise(request, organisation_number),
        purpose=payload.purpose,
        amount=payload.amount,
    )
    return Status(201, subsidy_out(subsidy))


# Cooperations --------------------------------------------------------------------------------


def _cooperation(request: HttpRequest, cooperation_id: int) -> Cooperation:
    return selectors.cooperation_for(actor=actor_of(request), cooperation_id=cooperation_id)


@router.get("/cooperations/{cooperation_id}", response={200: CooperationOut, **ERRORS}, auth=AUTH)
def get_cooperation(request: HttpRequest, cooperation_id: int) -> Any:
    return cooperation_out(_cooperation(request, cooperation_id))


@router.put(
    "/cooperations/{cooperation_id}/owner", response={200: CooperationOut, **ERRORS}, auth=AUTH
)
def set_owner(request: HttpRequest, cooperation_id: int, payload: OwnerIn) -> Any:
    cooperation = _cooperation(request, cooperation_id)
    return cooperation_out(
        services.cooperation_set_owner(
            actor=actor_of(request),
            cooperation=cooperation,
            owner=_user(payload.username, "owner"),
            version=payload.version,
        )
    )


def _transition_route(name: str, summary: str) -> None:
    def transition(request: HttpRequest, cooperation_id: int, payload: TransitionIn) -> Any:
        cooperation = _cooperation(request, cooperation_id)
        extra = {"reason": payload.reason} if name in services.NEEDS_REASON else {}
        moved = services.TRANSITIONS[name](  # type: ignore[operator]
            actor=actor_of(request),
            cooperation=cooperation,
            version=payload.version,
            comment=payload.comment,
            **extra,
        )
        return cooperation_out(moved)

    router.post(
        f"/cooperations/{{cooperation_id}}/{name}",
        response={200: CooperationOut, **ERRORS},
        auth=AUTH,
        operation_id=f"employers_cooperation_{name}",
        summary=summary,
    )(transition)


_transition_route("assess", "To assess → assessing")
_transition_route("activate", "Assessing → active")
_transition_route("skip", "Assessing → not relevant (needs a reason)")
_transition_route(
    "complete", "Active → completed (needs a reason, and the assessment and plan finished)"
)
_transition_route("cancel", "Active → cancelled (needs a reason)")


@router.get("/cooperations/{cooperation_id}/events", response={200: EventList, **ERRORS}, auth=AUTH)
def list_events(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    """The cooperation's event log, the latest first."""
    cooperation = _cooperation(request, cooperation_id)
    return _paged(
        selectors.events_of(cooperation),
        paging,
        lambda e: {
            "occurred_at": e.occurred_at,
            "actor": e.actor_label,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "reason": e.reason,
            "comment": e.comment,
        },
    )


# The plan ------------------------------------------------------------------------------------


@router.get(
    "/cooperations/{cooperation_id}/sub-themes",
    response={200: SubThemeList, **ERRORS},
    auth=AUTH,
)
def list_sub_themes(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    cooperation = _cooperation(request, cooperation_id)
    return _paged(cooperation.sub_themes.all(), paging, sub_theme_out)


@router.post(
    "/cooperations/{cooperation_id}/sub-themes",
    response={201: SubThemeOut, **ERRORS},
    auth=AUTH,
)
def add_sub_theme(request: HttpRequest, cooperation_id: int, payload: SubThemeIn) -> Any:
    sub_theme = services.sub_theme_add(
        actor=actor_of(request), cooperation=_cooperation(request, cooperation_id), **payload.dict()
    )
    return Status(201, sub_theme_out(sub_theme))


@router.patch("/sub-themes/{sub_theme_id}", response={200: SubThemeOut, **ERRORS}, auth=AUTH)
def change_sub_theme(request: HttpRequest, sub_theme_id: int, payload: SubThemePatch) -> Any:
    actor = actor_of(request)
    sub_theme = selectors.sub_theme_for(actor=actor, sub_theme_id=sub_theme_id)
    return sub_theme_out(
        services.sub_theme_change(
            actor=actor, sub_theme=sub_theme, **payload.dict(exclude_unset=True)
        )
    )


@router.get(
    "/cooperations/{cooperation_id}/deliveries",
    response={200: DeliveryList, **ERRORS},
    auth=AUTH,
)
def list_deliveries(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    cooperation = _cooperation(request, cooperation_id)
    return _paged(selectors.deliveries_of(cooperation), paging, delivery_out)


@router.post(
    "/cooperations/{cooperation_id}/deliveries",
    response={201: DeliveryOut, **ERRORS},
    auth=AUTH,
)
def add_delivery(request: HttpRequest, cooperation_id: int, payload: DeliveryIn) -> Any:
    delivery = services.delivery_add(
        actor=actor_of(request), cooperation=_cooperation(request, cooperation_id), **payload.dict()
    )
    return Status(201, delivery_out(delivery))


@router.patch("/deliveries/{delivery_id}", response={200: DeliveryOut, **ERRORS}, auth=AUTH)
def change_delivery(request: HttpRequest, delivery_id: int, payload: DeliveryPatch) -> Any:
    actor = actor_of(request)
    delivery = selectors.delivery_for(actor=actor, delivery_id=delivery_id)
    return delivery_out(
        services.delivery_change(actor=actor, delivery=delivery, **payload.dict(exclude_unset=True))
    )


# Surveys -------------------------------------------------------------------------------------


@router.get(
    "/cooperations/{cooperation_id}/surveys", response={200: SurveyList, **ERRORS}, auth=AUTH
)
def list_surveys(request: HttpRequest, cooperation_id: int, paging: Query[PageParams]) -> Any:
    """The cooperation's surveys with their results: none while a survey is open (its cells
    masked with reason `survey_open`, only the number of responses given), and questions
    with fewer than 3 answers masked."""
    cooperation = _cooperation(request, cooperation_id)
    return _paged(selectors.surveys_of(cooperation), paging, survey_out)


@router.post(
    "/cooperations/{cooperation_id}/surveys", response={201: SurveyOut, **ERRORS}, auth=AUTH
)
def open_survey(request: HttpRequest, cooperation_id: int, payload: SurveyIn) -> Any:
    survey = services.survey_open(
        actor=actor_of(request),
        cooperation=_cooperation(request, cooperation_id),
        kind=payload.kind,
    )
    return Status(201, survey_out(survey))


@router.get("/surveys/{survey_id}", response={200: SurveyOut, **ERRORS}, auth=AUTH)
def get_survey(request: HttpRequest, survey_id: int) -> Any:
    return survey_out(selectors.survey_for(actor=actor_of(request), survey_id=survey_id))


@router.post("/surveys/{survey_id}/close", response={200: SurveyOut, **ERRORS}, auth=AUTH)
def close_survey(request: HttpRequest, survey_id: int) -> Any:
    actor = actor_of(request)
    survey = selectors.survey_for(actor=actor, survey_id=survey_id)
    return survey_out(services.survey_close(actor=actor, survey=survey))


@router.get("/survey-answers/{token}", response={200: SurveyFormOut, **ERRORS}, auth=None)
def survey_form(request: HttpRequest, token: SurveyToken) -> Any:
    """The questions behind a public answer link (no login: anyone holding the link)."""
    survey = selectors.survey_by_token(token)
    return {
        "kind": survey.kind,
        "enterprise_name": survey.cooperation.enterprise.name,
        "open": survey.status == "open",
        "questions": [{"code": q.code, "text": q.text} for q in selectors.questions_of(survey)],
        "scale": [1, 2, 3, 4, 5],
    }


@router.post("/survey-answers/{token}", response={201: ReceiptOut, **ERRORS}, auth=None)
def answer_survey(
    request: HttpRequest, response: HttpResponse, token: SurveyToken, payload: AnswersIn
) -> Any:
    """One anonymous response: the respondent group and an answer to every question. One
    answer per browser session (a cookie; a second is 409 `already_answered`); at most 10 a
    minute and 100 an hour from one address to one survey (429 past that)."""
    answered = answered_in_session(request)
    services.survey_answer_allowed(token=token, address=client_key(request), answered=answered)
    services.survey_answer(
        token=token, group=payload.group, answers=payload.answers, answered=answered
    )
    remember_answer(response, request, token)
    return Status(201, {"received": True})


# Subsidies and budgets -----------------------------------------------------------------------


@router.get("/subsidies", response={200: SubsidyList, **ERRORS}, auth=AUTH)
def list_subsidies(
    request: HttpRequest, paging: Query[PageParams], status: SubsidyStatusFilter = ""
) -> Any:
    """Advisors: the applications of their county; an employer: their own."""
    return _paged(
        selectors.subsidies_visible_to(actor=actor_of(request), status=status),
        paging,
        subsidy_out,
    )


def _subsidy(request: HttpRequest, subsidy_id: int) -> Subsidy:
    return selectors.subsidy_for(actor=actor_of(request), subsidy_id=subsidy_id)


@router.get("/subsidies/{subsidy_id}", response={200: SubsidyOut, **ERRORS}, auth=AUTH)
def get_subsidy(request: HttpRequest, subsidy_id: int) -> Any:
    return subsidy_out(_subsidy(request, subsidy_id))


@router.post("/subsidies/{subsidy_id}/assess", response={200: SubsidyOut, **ERRORS}, auth=AUTH)
def assess_subsidy(request: HttpRequest, subsidy_id: int, payload: VersionIn) -> Any:
    return subsidy_out(
        services.subsidy_assess(
            actor=actor_of(request), subsidy=_subsidy(request, subsidy_id), version=payload.version
        )
    )


@router.post("/subsidies/{subsidy_id}/grant", response={200: SubsidyOut, **ERRORS}, auth=AUTH)
def grant_subsidy(request: HttpRequest, subsidy_id: int, payload: GrantIn) -> Any:
    """Grant all (granted) or part (partly granted) of the amount; 409 naming the remaining
    budget when the county's budget for the year would be exceeded."""
    return subsidy_out(
        services.subsidy_grant(
            actor=actor_of(request),
            subsidy=_subsidy(request, subsidy_id),
            version=payload.version,
            amount=payload.amount,
        )
    )


@router.post("/subsidies/{subsidy_id}/refuse", response={200: SubsidyOut, **ERRORS}, auth=AUTH)
def refuse_subsidy(request: HttpRequest, subsidy_id: int, payload: RefuseIn) -> Any:
    return subsidy_out(
        services.subsidy_refuse(
            actor=actor_of(request),
            subsidy=_subsidy(request, subsidy_id),
            version=payload.version,
            reason=payload.reason,
        )
    )


@router.post("/subsidies/{subsidy_id}/pay", response={200: SubsidyOut, **ERRORS}, auth=AUTH)
def pay_subsidy(request: HttpRequest, subsidy_id: int, payload: VersionIn) -> Any:
    return subsidy_out(
        services.subsidy_pay(
            actor=actor_of(request), subsidy=_subsidy(request, subsidy_id), version=payload.version
        )
    )


@router.get("/budgets", response={200: BudgetList, **ERRORS}, auth=AUTH)
def list_budgets(request: HttpRequest, year: Year | None = None) -> Any:
    """The year's subsidy budget of each county the caller may see, with what is granted,
    paid and remaining."""
    lines = selectors.budget_lines(
        actor=actor_of(request), year=selectors.valid_year(year or selectors.this_year())
    )
    return {"items": [budget_out(line) for line in lines], "count": len(lines)}


@router.get("/budgets/{county}/{year}", response={200: BudgetOut, **ERRORS}, auth=AUTH)
def get_budget(request: HttpRequest, county: CountyNumber, year: Year) -> Any:
    return budget_out(
        selectors.budget_line(
            actor=actor_of(request), county_number=county, year=selectors.valid_year(year)
        )
    )


@router.put("/budgets/{county}/{year}", response={200: BudgetOut, **ERRORS}, auth=AUTH)
def set_budget(request: HttpRequest, county: CountyNumber, year: Year, payload: BudgetIn) -> Any:
    """Set the county's budget for the year (administrators or the county's IW centre)."""
    actor = actor_of(request)
    services.budget_set(
        actor=actor,
        county_number=county,
        year=year,
        amount=payload.amount,
        version=payload.version,
    )
    return budget_out(selectors.budget_line(actor=actor, county_number=county, year=year))
