"""The competitions pages: the list (NAV's competitions; for supplier staff the open
competitions and their own bids), announcing one, and its page with its criteria,
evaluators, moves and, after the deadline only, its bids and ranking."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.roles import OFFICE_ROLES, Role
from velferd.access.selectors import actor_for_request
from velferd.core import pagination
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import DomainError, forbidden
from velferd.core.forms import FormErrors, parse_version, post_form
from velferd.organisation import selectors as registry
from velferd.schemes.selectors import procurement_support as schemes

from .. import lifecycles, selectors, services
from ..models import Competition, CompetitionStatus, Procedure
from . import forms


def _may_see_list(actor: Actor) -> bool:
    return actor.has_role(Role.SCHEME_MANAGER, Role.SUPPLIER, *OFFICE_ROLES)


@refusals_as_pages
def competition_list(request: HttpRequest) -> HttpResponse:
    """Anskaffelser: the competitions the reader runs or evaluates; for supplier staff,
    the competitions open for bids and their own bids."""
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if not _may_see_list(actor):
        raise forbidden()
    status = request.GET.get("status", "")
    status = status if status in CompetitionStatus.values else ""
    context: dict[str, Any] = {"status": status, "statuses": CompetitionStatus.choices}
    if actor.has_role(Role.SCHEME_MANAGER, *OFFICE_ROLES):
        found = selectors.competitions_visible_to(actor=actor, status=status)
        context["page"] = pagination.paginate(
            found, page=pagination.page_number(request.GET.get("page")), clamp=True
        )
        context["can_create"] = policies.can_start_competitions(actor)
    if actor.has_role(Role.SUPPLIER):
        context["open_competitions"] = list(selectors.open_competitions(actor=actor)[:50])
        context["own_bids"] = list(selectors.own_bids(actor=actor)[:50])
    return render(request, "procurement/list.html", context)


def _counties(actor: Actor) -> list[Any]:
    return [c for c in registry.counties() if policies.can_create_competition(actor, c.pk)]


def _offices(actor: Actor) -> list[Any]:
    managed = actor.office_ids(Role.OFFICE_MANAGER)
    return [o for o in registry.offices() if o.pk in managed]


def _form_context(actor: Actor) -> dict[str, Any]:
    kinds = list(schemes.procurable_scheme_types())
    models = sorted({code for kind in kinds for code in kind.price_models})
    return {
        "scheme_types": kinds,
        "procedures": Procedure.choices,
        "counties": _counties(actor),
        "offices": _offices(actor),
        "price_models": [(code, schemes.price_model_label(code)) for code in models],
    }


def _criterion_rows(data: Any) -> list[dict[str, Any]]:
    """The criteria table's rows as written (the first row's name field is the one the
    error summary's link to the criteria leads to)."""
    return [
        {
            "n": n,
            "id": "id_criteria" if n == 1 else f"id_criterion_{n}",
            "name": data.get(f"criterion_{n}", ""),
            "weight": data.get(f"weight_{n}", ""),
            "price": data.get("price_criterion", "") == str(n),
        }
        for n in range(1, forms.CRITERION_ROWS + 1)
    ]


@refusals_as_pages
def competition_new(request: HttpRequest) -> HttpResponse:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    if not policies.can_start_competitions(actor):
        raise forbidden()

    def show(errors: FormErrors) -> HttpResponse:
        return render(
            request,
            "procurement/new.html",
            {
                **_form_context(actor),
                "rows": _criterion_rows(request.POST),
                "errors": errors,
                "form": request.POST or {},
            },
        )

    return post_form(
        request,
        read=lambda errors: forms.competition_fields(request.POST, errors),
        save=lambda values: services.competition_create(actor=actor, **values),
        success=lambda made: reverse("procurement:competition", args=[made.pk]),
        show=show,
        saved=_("The competition was saved as a draft."),
    )


# The moves whose target the table allows from other states too, for other moves.
ONLY_FROM = {
    "evaluate": CompetitionStatus.PUBLISHED,
    "award": CompetitionStatus.EVALUATION,
    "propose": CompetitionStatus.EVALUATION,
    "approve": CompetitionStatus.AWAITING_APPROVAL,
    "return": CompetitionStatus.AWAITING_APPROVAL,
}


def _moves(actor: Actor, competition: Competition) -> list[str]:
    """The moves the reader may make from the competition's state, by name: an office's
    small tender is proposed (not awarded), and its award approved or sent back by the
    county's scheme manager."""
    manages = policies.can_manage_competition(actor, competition)
    approves = competition.is_local and policies.can_approve_award(actor, competition)
    may = {
        "award": manages and not competition.is_local,
        "propose": manages and competition.is_local,
        "approve": approves,
        "return": approves,
    }
    names = []
    for move in lifecycles.allowed(competition.status):
        shown_from = ONLY_FROM.get(move.name)
        if shown_from is not None and competition.status != shown_from:
            continue
        if may.get(move.name, manages):
            names.append(move.name)
    return names


def _run(actor: Actor, competition: Competition, data: Any) -> None:
    """The action the button names: a move, naming an evaluator, or a declaration."""
    action = data.get("action", "")
    if action == "add_evaluator":
        services.evaluator_add(
            actor=actor, competition=competition, username=data.get("username", "")
        )
        return
    if action == "declare":
        services.evaluator_declare(
            actor=actor,
            competition=competition,
            has_conflict=data.get("conflict") == "yes",
            note=data.get("note", ""),
        )
        return
    move = lifecycles.COMPETITION.move(action)
    given = lifecycles.arguments(move, data)
    if "bids" in given:
        given["bids"] = data.getlist("bids")
    service = lifecycles.COMPETITION.service_for(move.name)
    service(
        actor=actor,
        competition=competition,
        version=parse_version(data.get("version", "")),
        **given,
    )


def _detail_context(actor: Actor, competition: Competition) -> dict[str, Any]:
    manages = policies.can_manage_competition(actor, competition)
    evaluates = policies.is_evaluator(actor, competition)
    closed = selectors.deadline_passed(competition)
    sees_bids = (manages or evaluates) and closed
    return {
        "c": competition,
        "criteria": list(competition.criteria.all()),
        "price_model": schemes.price_model_label(competition.price_model),
        "manages": manages,
        "evaluates": evaluates,
        "closed": closed,
        "moves": _moves(actor, competition),
        "evaluators": selectors.evaluators_of(competition) if manages or evaluates else [],
        "me": selectors.evaluator_of(actor=actor, competition=competition),
        "ranking": selectors.ranking_of(competition) if sees_bids else [],
        "scores_missing": selectors.scores_missing(competition) if sees_bids else 0,
        "own_bid": selectors.own_bid_in(actor=actor, competition=competition),
        "is_supplier": actor.has_role(Role.SUPPLIER),
        "is_framework": competition.procedure == Procedure.FRAMEWORK,
    }


@refusals_as_pages
def competition_detail(request: HttpRequest, competition_id: int) -> HttpResponse:
    actor = actor_for_request(request)
    found = selectors.competition_for(actor=actor, competition_id=competition_id)
    error = None
    if request.method == "POST":
        try:
            _run(actor, found, request.POST)
        except DomainError as caught:
            if caught.status in (401, 403):
                raise
            error = caught
            found = selectors.competition_for(actor=actor, competition_id=competition_id)
        else:
            return redirect("procurement:competition", competition_id=found.pk)
    context = _detail_context(actor, found)
    context.update(error=error, form=request.POST if error else {})
    return render(
        request, "procurement/detail.html", context, status=error.status if error else 200
    )
