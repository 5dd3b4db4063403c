"""Competitions: announcing, the lifecycle's moves, the evaluators and the ranking."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.errors import forbidden

from .. import lifecycles, selectors, services
from ..lifecycles import deadline_passed as require_deadline_passed
from ..models import Competition
from ..schemas import (
    AwardIn,
    CompetitionIn,
    CompetitionList,
    CompetitionOut,
    DeclarationIn,
    EvaluatorIn,
    EvaluatorOut,
    RankingOut,
    ReasonIn,
    StatusFilter,
    VersionIn,
)
from .router import competition_of, operation, paged, router


def summary_out(competition: Competition) -> dict[str, Any]:
    return {
        "id": competition.pk,
        "number": competition.number,
        "title": competition.title,
        "scheme_type": competition.scheme_type.code,
        "procedure": competition.procedure,
        "county": competition.county_id,
        "status": competition.status,
        "bid_deadline": competition.bid_deadline,
    }


def competition_out(competition: Competition) -> dict[str, Any]:
    return {
        **summary_out(competition),
        "description": competition.description,
        "office": competition.office.unit_number if competition.office else None,
        "price_model": competition.price_model,
        "places": competition.places,
        "agreement_starts_on": competition.agreement_starts_on,
        "agreement_ends_on": competition.agreement_ends_on,
        "status_reason": competition.status_reason,
        "awarded_on": competition.awarded_on,
        "standstill_ends_on": competition.standstill_ends_on,
        "concluded_on": competition.concluded_on,
        "criteria": [
            {
                "id": c.pk,
                "position": c.position,
                "name": c.name,
                "description": c.description,
                "weight": c.weight,
                "is_price": c.is_price,
            }
            for c in competition.criteria.all()
        ],
        "version": competition.version,
    }


@router.get(
    "/competitions",
    response={200: CompetitionList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_competitions"),
)
def list_competitions(
    request: HttpRequest, paging: Query[PageParams], status: StatusFilter = ""
) -> Any:
    """Managers: the competitions they run; evaluators: those they evaluate; supplier
    staff: the published ones. No count of bids."""
    found = selectors.competitions_visible_to(actor=actor_of(request), status=status)
    return paged(found, paging, summary_out)


@router.post(
    "/competitions",
    response={201: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("create_competition"),
)
def create_competition(request: HttpRequest, payload: CompetitionIn) -> Any:
    """A draft competition with its criteria; the weights must sum to 100 (else 422
    naming the sum)."""
    data = payload.dict()
    data["criteria"] = [dict(c) for c in data["criteria"]]
    data["office"] = data["office"] or ""
    competition = services.competition_create(actor=actor_of(request), **data)
    return Status(201, competition_out(competition))


@router.get(
    "/competitions/{competition_id}",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_competition"),
)
def get_competition(request: HttpRequest, competition_id: int) -> Any:
    return competition_out(competition_of(request, competition_id))


def _move(request: HttpRequest, competition_id: int, name: str, **given: Any) -> Any:
    competition = competition_of(request, competition_id)
    service = lifecycles.COMPETITION.service_for(name)
    return competition_out(service(actor=actor_of(request), competition=competition, **given))


@router.post(
    "/competitions/{competition_id}/publish",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("publish_competition"),
)
def publish_competition(request: HttpRequest, competition_id: int, payload: VersionIn) -> Any:
    """draft → published: suppliers may bid until the deadline."""
    return _move(request, competition_id, "publish", version=payload.version)


@router.post(
    "/competitions/{competition_id}/evaluate",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("evaluate_competition"),
)
def evaluate_competition(request: HttpRequest, competition_id: int, payload: VersionIn) -> Any:
    """published → evaluation, after the bid deadline (409 naming it before)."""
    return _move(request, competition_id, "evaluate", version=payload.version)


@router.post(
    "/competitions/{competition_id}/award",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("award_competition"),
)
def award_competition(request: HttpRequest, competition_id: int, payload: AwardIn) -> Any:
    """Name the winning bid(s) (several only for a framework agreement) once every
    evaluator has scored every bid; the standstill of 10 days starts (an office's small
    tender: once the county approves)."""
    return _move(request, competition_id, "award", version=payload.version, bids=payload.bids)


@router.post(
    "/competitions/{competition_id}/approve",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("approve_award"),
)
def approve_award(request: HttpRequest, competition_id: int, payload: VersionIn) -> Any:
    """The county's scheme manager approves an office's award; the standstill starts."""
    return _move(request, competition_id, "approve", version=payload.version)


@router.post(
    "/competitions/{competition_id}/return",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("return_award"),
)
def return_award(request: HttpRequest, competition_id: int, payload: ReasonIn) -> Any:
    """The county's scheme manager sends an office's award back to evaluation."""
    return _move(request, competition_id, "return", version=payload.version, reason=payload.reason)


@router.post(
    "/competitions/{competition_id}/conclude",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("conclude_competition"),
)
def conclude_competition(request: HttpRequest, competition_id: int, payload: VersionIn) -> Any:
    """After the standstill (409 naming its last day before): the agreements are made."""
    return _move(request, competition_id, "conclude", version=payload.version)


@router.post(
    "/competitions/{competition_id}/cancel",
    response={200: CompetitionOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("cancel_competition"),
)
def cancel_competition(request: HttpRequest, competition_id: int, payload: ReasonIn) -> Any:
    return _move(request, competition_id, "cancel", version=payload.version, reason=payload.reason)


def evaluator_out(evaluator: Any) -> dict[str, Any]:
    return {
        "username": evaluator.user.username,
        "name": evaluator.user.full_name,
        "declared": evaluator.declared_at is not None,
        "has_conflict": evaluator.has_conflict,
        "replaced": evaluator.replaced,
    }


@router.post(
    "/competitions/{competition_id}/evaluators",
    response={201: EvaluatorOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_evaluator"),
)
def add_evaluator(request: HttpRequest, competition_id: int, payload: EvaluatorIn) -> Any:
    """Name an evaluator: a scheme manager of the county (an office's staff too, for its
    small tender)."""
    evaluator = services.evaluator_add(
        actor=actor_of(request),
        competition=competition_of(request, competition_id),
        username=payload.username,
    )
    return Status(201, evaluator_out(evaluator))


@router.post(
    "/competitions/{competition_id}/declaration",
    response={200: EvaluatorOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("declare_conflict"),
)
def declare_conflict(request: HttpRequest, competition_id: int, payload: DeclarationIn) -> Any:
    """The evaluator's declaration, once: no conflict of interest, or one (then they cannot
    score and are replaced)."""
    evaluator = services.evaluator_declare(
        actor=actor_of(request),
        competition=competition_of(request, competition_id),
        has_conflict=payload.has_conflict,
        note=payload.note,
    )
    return evaluator_out(evaluator)


@router.get(
    "/competitions/{competition_id}/ranking",
    response={200: RankingOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_ranking"),
)
def get_ranking(request: HttpRequest, competition_id: int) -> Any:
    """The ranking by the published formula, for the managers and evaluators once the
    deadline has passed (409 naming the deadline before)."""
    actor = actor_of(request)
    competition = competition_of(request, competition_id)
    if not (
        policies.can_manage_competition(actor, competition)
        or policies.is_evaluator(actor, competition)
    ):
        raise forbidden()
    require_deadline_passed(competition)
    return {
        "items": [
            {
                "bid": bid.pk,
                "organisation_number": bid.supplier.organisation_number,
                "supplier_name": bid.supplier.name,
                "price": bid.price,
                "rank": ranked.rank,
                "total": ranked.total,
                "scores": {
                    str(k): v.quantize(Decimal("0.01")) for k, v in ranked.criterion_scores.items()
                },
            }
            for bid, ranked in selectors.ranking_of(competition)
        ],
        "scores_missing": selectors.scores_missing(competition),
    }
