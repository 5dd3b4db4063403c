"""Follow-up pages for staff (a person's overview, assessments, activities, dialogue,
the approver's queue) and the activity and dialogue pages the person shares with them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from velferd.access import policies
from velferd.access import selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import checked, parse_date, parse_datetime, parse_version, post_or_show
from velferd.people import selectors as people_selectors

from . import portfolio, selectors, services
from .models import ActivityKind, ActivityStatus, BenefitKind, MainGoal, NeedGroup, Waiting

TRANSITION_TARGETS = {
    "plan": ActivityStatus.PLANNED,
    "start": ActivityStatus.IN_PROGRESS,
    "complete": ActivityStatus.COMPLETED,
    "cancel": ActivityStatus.CANCELLED,
}


def _person(actor: Actor, person_id: Any, what: str) -> Any:
    return people_selectors.person_for(
        actor=actor, person_id=person_id, purpose="follow_up", what=what
    )


def _person_url(person: Any, actor: Actor) -> str:
    if policies.is_the_person(actor, person):
        return reverse("my_plan")
    return reverse("person", args=[person.pk])


@refusals_as_pages
def overview(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.overview(actor=actor, person_id=person_id)
    return render(
        request,
        "followup/overview.html",
        {
            "o": found,
            "can_follow_up": policies.can_follow_up(actor, found.person),
            "can_assign": policies.can_assign_caseworker(actor, found.person),
            "caseworkers": access_selectors.caseworkers_at(found.person.office),
            "error": None,
            "benefits": selectors.benefits_visible(actor=actor, person=found.person),
            "individual_plan": selectors.individual_plan_of(found.person),
            "notes": selectors.reminder_notes(actor=actor, person=found.person),
        },
    )


@refusals_as_pages
@require_POST
def period_start(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = _person(actor, person_id, "period")
    mine = request.POST.get("assign_to_me") and actor.user
    services.period_start(actor=actor, person=person, caseworker=actor.user if mine else None)
    return redirect("person", person_id=person.pk)


@refusals_as_pages
@require_POST
def period_assign(request: HttpRequest, period_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    period = selectors.period_for(actor=actor, period_id=period_id)
    services.period_assign(
        actor=actor,
        period=period,
        caseworker=access_selectors.active_user_named(request.POST.get("caseworker", "")),
        version=parse_version(request.POST.get("version", "")),
    )
    return redirect("person", person_id=period.person_id)


@refusals_as_pages
@require_POST
def period_end(request: HttpRequest, period_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    period = selectors.period_for(actor=actor, period_id=period_id)
    services.period_end(
        actor=actor,
        period=period,
        reason=request.POST.get("reason", ""),
        version=parse_version(request.POST.get("version", "")),
    )
    return redirect("person", person_id=period.person_id)


# Needs assessments --------------------------------------------------------------------------


def _assessment_fields(data: Any) -> dict[str, str]:
    return {
        name: data.get(name, "") for name in ("need_group", "main_goal", "reasoning", "evidence")
    }


@refusals_as_pages
def assessment_new(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = _person(actor, person_id, "needs_assessment")
    policies.require(actor, policies.can_follow_up, person)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/assessment_form.html",
            {
                "person": person,
                "error": error,
                "form": request.POST or {},
                "need_groups": NeedGroup.choices,
                "main_goals": MainGoal.choices,
            },
        )

    return post_or_show(
        request,
        lambda: services.assessment_create(
            actor=actor, person=person, **_assessment_fields(request.POST)
        ),
        lambda assessment: reverse("assessment", args=[assessment.pk]),
        show,
    )


def _assessment_action(actor: Actor, assessment: Any, data: Any) -> Any:
    version = parse_version(data.get("version", ""))
    action = data.get("action")
    if action == "save":
        return services.assessment_update(
            actor=actor, assessment=assessment, version=version, **_assessment_fields(data)
        )
    if action == "submit":
        return services.assessment_submit(actor=actor, assessment=assessment, version=version)
    if action == "approve":
        return services.assessment_approve(actor=actor, assessment=assessment, version=version)
    if action == "return":
        return services.assessment_return(
            actor=actor, assessment=assessment, version=version, comment=data.get("comment", "")
        )
    if action == "send":
        return services.assessment_send(actor=actor, assessment=assessment, version=version)
    raise DomainError(
        code="unknown_action",
        field=None,
        status=400,
        message_nb="Ukjent handling.",
        message_en="Unknown action.",
    )


@refusals_as_pages
def assessment(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """An assessment with its letter (the preview and its LIX until it is sent)."""
    actor = actor_for_request(request)
    found = selectors.assessment_for(actor=actor, assessment_id=assessment_id)

    def show(error: DomainError | None) -> HttpResponse:
        text, readability = (
            (found.letter.body, None) if found.letter else selectors.letter_preview(found)
        )
        return render(
            request,
            "followup/assessment.html",
            {
                "a": found,
                "letter_text": text,
                "lix": readability,
                "error": error,
                "form": request.POST if error else {},
                "can_edit": policies.can_follow_up(actor, found.person),
                "can_approve": policies.can_approve_assessment(actor, found),
                "need_groups": NeedGroup.choices,
                "main_goals": MainGoal.choices,
            },
        )

    return post_or_show(
        request,
        lambda: _assessment_action(actor, found, request.POST),
        lambda _: reverse("assessment", args=[found.pk]),
        show,
    )


@refusals_as_pages
def approvals(request: HttpRequest) -> HttpResponse:
    """The approver's queue: permanent-group assessments waiting for a second signature."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if not actor.office_ids("approver"):
        raise forbidden()
    return render(
        request,
        "followup/approvals.html",
        {"assessments": selectors.awaiting_approval_for(actor=actor)},
    )


# The activity plan --------------------------------------------------------------------------


def _activity_fields(data: Any, by_person: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "kind": data.get("kind", ""),
        "title": data.get("title", ""),
        "description": data.get("description", ""),
        "starts_on": parse_date(data.get("starts_on", ""), "starts_on"),
        "ends_on": parse_date(data.get("ends_on", ""), "ends_on"),
        "meeting_at": parse_datetime(data.get("meeting_at", ""), "meeting_at"),
    }
    if not by_person:
        fields["agreed_with_office"] = checked(data, "agreed_with_office")
    return fields


@refusals_as_pages
def activity_new(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = _person(actor, person_id, "activity_plan")
    policies.require(actor, policies.can_take_part_in_plan, person)
    by_person = policies.is_the_person(actor, person)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/activity_form.html",
            {
                "person": person,
                "error": error,
                "form": request.POST or {},
                "kinds": ActivityKind.choices,
                "by_person": by_person,
            },
        )

    return post_or_show(
        request,
        lambda: services.activity_create(
            actor=actor, person=person, **_activity_fields(request.POST, by_person)
        ),
        lambda _: _person_url(person, actor),
        show,
    )


def _activity_action(actor: Actor, activity: Any, data: Any) -> Any:
    action = data.get("action", "")
    if action == "comment":
        return services.activity_comment(actor=actor, activity=activity, text=data.get("text", ""))
    version = parse_version(data.get("version", ""))
    if action in TRANSITION_TARGETS:
        return services.activity_transition(
            actor=actor, activity=activity, version=version, status=TRANSITION_TARGETS[action]
        )
    if action == "save":
        by_person = policies.is_the_person(actor, activity.person)
        return services.activity_update(
            actor=actor, activity=activity, version=version, **_activity_fields(data, by_person)
        )
    raise DomainError(
        code="unknown_action",
        field=None,
        status=400,
        message_nb="Ukjent handling.",
        message_en="Unknown action.",
    )


@refusals_as_pages
def activity(request: HttpRequest, activity_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.activity_for(actor=actor, activity_id=activity_id)

    def show(error: DomainError | None) -> HttpResponse:
        by_person = policies.is_the_person(actor, found.person)
        may_edit = policies.can_take_part_in_plan(actor, found.person) and (
            not by_person or (found.proposed_by_person and not found.agreed_with_office)
        )
        return render(
            request,
            "followup/activity.html",
            {
                "activity": found,
                "history": selectors.history_of(found),
                "error": error,
                "form": request.POST if error else {},
                "kinds": ActivityKind.choices,
                "by_person": by_person,
                "may_edit": may_edit and not found.is_locked,
                "may_comment": policies.can_take_part_in_plan(actor, found.person),
                "back": _person_url(found.person, actor),
            },
        )

    return post_or_show(
        request,
        lambda: _activity_action(actor, found, request.POST),
        lambda _: reverse("activity", args=[found.pk]),
        show,
    )


# Dialogue -----------------------------------------------------------------------------------


@refusals_as_pages
def thread_new(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = _person(actor, person_id, "dialogue")
    policies.require(actor, policies.can_take_part_in_plan, person)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/thread_form.html",
            {
                "person": person,
                "error": error,
                "form": request.POST or {},
                "by_person": policies.is_the_person(actor, person),
            },
        )

    return post_or_show(
        request,
        lambda: services.thread_start(
            actor=actor,
            person=person,
            subject=request.POST.get("subject", ""),
            text=request.POST.get("text", ""),
            wait_for_reply=checked(request.POST, "wait_for_reply"),
        ),
        lambda thread: reverse("thread", args=[thread.pk]),
        show,
    )


def _thread_action(actor: Actor, thread: Any, data: Any) -> Any:
    if data.get("action") == "waiting":
        return services.thread_set_waiting(
            actor=actor, thread=thread, waiting_for=data.get("waiting_for", "")
        )
    return services.message_send(
        actor=actor,
        thread=thread,
        text=data.get("text", ""),
        wait_for_reply=checked(data, "wait_for_reply"),
    )


@refusals_as_pages
def thread(request: HttpRequest, thread_id: str) -> HttpResponse:
    """A conversation; opening it marks it read for the reader's side."""
    actor = actor_for_request(request)
    found = selectors.thread_for(actor=actor, thread_id=thread_id)

    def show(error: DomainError | None) -> HttpResponse:
        if policies.can_take_part_in_plan(actor, found.person):
            services.thread_mark_read(actor=actor, thread=found)
        return render(
            request,
            "followup/thread.html",
            {
                "thread": found,
                "error": error,
                "form": request.POST if error else {},
                "by_person": policies.is_the_person(actor, found.person),
                "may_write": policies.can_take_part_in_plan(actor, found.person),
                "waiting_choices": Waiting.choices,
                "back": _person_url(found.person, actor),
            },
        )

    return post_or_show(
        request,
        lambda: _thread_action(actor, found, request.POST),
        lambda _: reverse("thread", args=[found.pk]),
        show,
    )


# Coordination: the portfolio, individual plans, benefits, notes --------------------------------

PORTFOLIO_PARAMS = ("need_group", "main_goal", "benefit", "age_band", "sort")


def _portfolio_query(data: Any) -> portfolio.PortfolioQuery:
    office = data.get("office", "")
    return portfolio.PortfolioQuery(
        office=int(office) if office.isdigit() else None,
        flags={flag for flag in data.getlist("flag") if flag},
        **{name: data.get(name, "") for name in PORTFOLIO_PARAMS},
    )


@refusals_as_pages
def portfolio_page(request: HttpRequest) -> HttpResponse:
    """The caseworker's and office manager's overview of the office's people."""
    actor = actor_for_request(request)
    query = _portfolio_query(request.GET)
    query.sort = query.sort or "name"
    page_number = pagination.page_number(request.GET.get("page"))
    found = portfolio.portfolio(
        actor=actor, query=query, page=page_number, page_size=50, clamp=True
    )
    pages = max(1, -(-found.count // 50))
    page_number = min(page_number, pages)
    return render(
        request,
        "followup/portfolio.html",
        {
            "p": found,
            "query": query,
            "page": page_number,
            "pages": pages,
            "flag_labels": portfolio_labels(),
            "need_groups": NeedGroup.choices,
            "main_goals": MainGoal.choices,
            "need_group_labels": dict(NeedGroup.choices),
            "benefits": BenefitKind.choices,
            "age_bands": list(portfolio.AGE_BANDS),
            "querystring": request.GET.urlencode(),
            "saved": selectors.saved_filters_of(actor=actor),
        },
    )


def portfolio_labels() -> list[tuple[str, str]]:
    labels = {
        "unassigned": _("Unassigned"),
        "new": _("New"),
        "assessment_missing": _("Needs assessment missing"),
        "waiting_for_office": _("Waiting for the office"),
        "waiting_for_person": _("Waiting for the person"),
        "overdue_activities": _("Overdue activities"),
        "in_agreed_activity": _("In an agreed activity"),
        "not_in_agreed_activity": _("Not in an agreed activity"),
        "meetings_today": _("Meetings today"),
        "activity_requirement": _("Under 30 on financial assistance without an activity"),
        "qualification_not_assessed": _("Not assessed for the qualification programme"),
        "plan_overdue_measures": _("Individual plan with overdue measures"),
        "children_under_18": _("Children under 18"),
        "needs_interpreter": _("Interpreter"),
        "mine": _("My people"),
    }
    return [(flag, str(labels[flag])) for flag in portfolio.FLAGS]


@refusals_as_pages
@require_POST
def saved_filter_save(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    services.saved_filter_save(
        actor=actor, name=request.POST.get("name", ""), query=request.POST.get("query", "")
    )
    return redirect(f"{reverse('portfolio')}?{request.POST.get('query', '')}")


@refusals_as_pages
def plans_page(request: HttpRequest) -> HttpResponse:
    """For a partner: the individual plans their service takes part in."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    return render(
        request, "followup/plans.html", {"plans": selectors.plans_for_partner(actor=actor)}
    )


def _plan_action(actor: Actor, plan: Any, data: Any) -> Any:
    action = data.get("action")
    if action == "measure":
        return services.plan_measure_add(
            actor=actor,
            plan=plan,
            text=data.get("text", ""),
            responsible_service=data.get("responsible_service", ""),
            deadline=parse_date(data.get("deadline", ""), "deadline") or _missing_deadline(),
        )
    if action == "done":
        measure = selectors.measure_for(actor=actor, measure_id=data.get("measure", ""))
        return services.plan_measure_done(actor=actor, measure=measure)
    if action == "goals":
        return services.plan_goals_update(
            actor=actor,
            plan=plan,
            goals=data.get("goals", ""),
            version=parse_version(data.get("version", "")),
        )
    if action == "member":
        return services.plan_member_add(actor=actor, plan=plan, service=data.get("service", ""))
    if action == "coordinator":
        return services.plan_set_coordinator(
            actor=actor,
            plan=plan,
            service=data.get("service", ""),
            version=parse_version(data.get("version", "")),
        )
    raise DomainError(
        code="unknown_action",
        status=400,
        message_nb="Ukjent handling.",
        message_en="Unknown action.",
    )


def _missing_deadline() -> Any:
    raise DomainError(
        code="deadline_required",
        field="deadline",
        message_nb="Frist mangler.",
        message_en="The deadline is missing.",
    )


@refusals_as_pages
def plan_page(request: HttpRequest, plan_id: str) -> HttpResponse:
    """An individual plan: members, the coordinator, goals and measures."""
    actor = actor_for_request(request)
    plan = selectors.individual_plan_for(actor=actor, plan_id=plan_id)

    def show(error: DomainError | None) -> HttpResponse:
        return render(
            request,
            "followup/plan.html",
            {
                "plan": plan,
                "error": error,
                "form": request.POST if error else {},
                "today": timezone.localdate(),
                "may_change": policies.can_change_individual_plan(actor, plan),
                "may_manage": policies.can_manage_plan_members(actor, plan),
                "services": sorted(services.PLAN_SERVICES),
            },
        )

    return post_or_show(
        request,
        lambda: _plan_action(actor, plan, request.POST),
        lambda _: reverse("plan", args=[plan.pk]),
        show,
    )


@refusals_as_pages
@require_POST
def note_add(request: HttpRequest, person_id: str) -> HttpResponse:
    actor = actor_for_request(request)
    person = _person(actor, person_id, "notes")
    services.reminder_note_add(
        actor=actor,
        person=person,
        text=request.POST.get("text", ""),
        remind_on=parse_date(request.POST.get("remind_on", ""), "remind_on"),
    )
    return redirect("person", person_id=person.pk)
