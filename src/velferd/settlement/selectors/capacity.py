"""What each municipality has left to give: its newest decision less the persons (and the
unaccompanied minors) of the cases sent to it and not yet answered, accepted or settled
there. A draft takes nothing: it is IMDi's until sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from ..models import MunicipalityDecision, MunicipalityRequest, Proposal, SettlementYear

PROMISED = ("sent", "accepted")


@dataclass(frozen=True)
class Capacity:
    municipality: Any
    request: MunicipalityRequest
    decision: MunicipalityDecision | None
    promised_persons: int
    promised_minors: int
    settled_persons: int

    @property
    def decided_persons(self) -> int:
        return self.decision.persons if self.decision else 0

    @property
    def decided_minors(self) -> int:
        return self.decision.unaccompanied_minors if self.decision else 0

    @property
    def health_competence(self) -> bool:
        return bool(self.decision and self.decision.health_competence)

    @property
    def remaining_persons(self) -> int:
        return max(0, self.decided_persons - self.promised_persons)

    @property
    def remaining_minors(self) -> int:
        return max(0, self.decided_minors - self.promised_minors)


def newest_decisions(year: SettlementYear) -> dict[int, MunicipalityDecision]:
    """The decision that holds for each request of the year (the newest decided, then the
    newest entered)."""
    newest: dict[int, MunicipalityDecision] = {}
    for decision in MunicipalityDecision.objects.filter(request__year=year).order_by(
        "request_id", "-decided_on", "-created_at"
    ):
        newest.setdefault(decision.request_id, decision)
    return newest


def _taken(year: SettlementYear) -> dict[str, dict[str, Any]]:
    rows = (
        Proposal.objects.filter(case__year=year, status__in=PROMISED)
        .values("municipality_id")
        .annotate(
            persons=Count("case__persons"),
            minors=Count("case__persons", filter=Q(case__persons__unaccompanied_minor=True)),
            settled=Count("case__persons", filter=Q(case__status="settled")),
        )
    )
    return {row["municipality_id"]: dict(row) for row in rows}


def capacities(year: SettlementYear, municipality_filter: Q | None = None) -> list[Capacity]:
    """A line per municipality IMDi asked this year, in the order of their numbers."""
    requests = MunicipalityRequest.objects.filter(year=year).select_related(
        "municipality", "municipality__county"
    )
    if municipality_filter is not None:
        requests = requests.filter(municipality_filter)
    decided = newest_decisions(year)
    taken = _taken(year)
    lines = []
    for request in requests.order_by("municipality__number"):
        used = taken.get(request.municipality_id, {})
        lines.append(
            Capacity(
                municipality=request.municipality,
                request=request,
                decision=decided.get(request.pk),
                promised_persons=used.get("persons", 0),
                promised_minors=used.get("minors", 0),
                settled_persons=used.get("settled", 0),
            )
        )
    return lines
