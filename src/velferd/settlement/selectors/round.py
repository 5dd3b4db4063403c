"""The round as each reader may see it: the year, the municipalities' lines (requested,
decided, promised, settled, remaining) and one municipality's request with its decisions."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from velferd.access import policies
from velferd.access.actor import Actor

from ..models import MatchingRun, MunicipalityDecision, MunicipalityRequest, SettlementYear
from .capacity import Capacity, capacities


def years() -> QuerySet[SettlementYear]:
    return SettlementYear.objects.all()


def current_year(year: object = None) -> SettlementYear | None:
    """The year asked for, or the newest."""
    text = str(year or "")
    if text.isdigit() and len(text) == 4:
        return SettlementYear.objects.filter(year=int(text)).first()
    return SettlementYear.objects.first()


def round_lines(actor: Actor, year: SettlementYear) -> list[Capacity]:
    """A line per municipality the reader may see the request of."""
    return capacities(year, policies.municipalities_in_settlement(actor, "municipality__"))


def request_of(actor: Actor, year: SettlementYear, municipality: Any) -> MunicipalityRequest | None:
    policies.require(actor, policies.can_view_settlement_request, municipality)
    return MunicipalityRequest.objects.filter(year=year, municipality=municipality).first()


def decisions_of(request: MunicipalityRequest) -> QuerySet[MunicipalityDecision]:
    """Every decision on the request, the newest (which holds) first."""
    return request.decisions.select_related("entered_by").order_by("-decided_on", "-created_at")


def runs_of(year: SettlementYear) -> QuerySet[MatchingRun]:
    return year.runs.select_related("started_by")
