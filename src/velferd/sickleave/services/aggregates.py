"""The aggregates the pages read, refreshed from the quarterly statistics: the sums per
group and quarter (with the two largest enterprises, for the disclosure rules), each
group's and each enterprise's last four quarters, and the workdays each enterprise could
save against its industry."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Greatest, RowNumber, Substr

from velferd.core import disclosure

from .. import selectors
from ..models import (
    COUNTRY_KEY,
    EnterpriseSummary,
    GroupKind,
    GroupQuarter,
    GroupSummary,
    QuarterlyStatistics,
)
from ..periods import Period, four_quarters, from_q, quarters_q, until_q
from ..programmes import PROGRAMMES
from ..published import percent
from .statistics_file import CHUNK


def _programme_key() -> Case:
    """The industry programme of the enterprise's NACE code; null outside every programme."""
    return Case(
        *(
            When(
                Q(enterprise__industry_code__in=p.codes)
                if p.codes
                else Q(enterprise__industry_code__startswith=p.division),
                then=Value(p.key),
            )
            for p in PROGRAMMES
        ),
        default=None,
        output_field=CharField(),
    )


GROUP_KEYS = {
    GroupKind.INDUSTRY: Substr("enterprise__industry_code", 1, 2),
    GroupKind.SECTOR: F("enterprise__sector"),
    GroupKind.COUNTY: F("enterprise__county_id"),
    GroupKind.COUNTRY: Value(COUNTRY_KEY),
    GroupKind.PROGRAMME: _programme_key(),
}


def refresh_aggregates(
    *,
    quarters: set[Period] | None = None,
    enterprise_ids: set[int] | None = None,
    latest_before: Period | None = None,
) -> None:
    """Recompute the group sums of the given quarters (None: all), the four-quarter group
    summaries, and the enterprise summaries of the given enterprises — of all of them when
    the latest quarter moved, since everyone's four-quarter window moved with it."""
    refresh_group_quarters(quarters)
    latest = selectors.latest_quarter()
    moved_industries = refresh_group_summaries(latest)
    if latest != latest_before:
        enterprise_ids = None
    refresh_enterprise_summaries(latest, enterprise_ids)
    if enterprise_ids is not None:
        refresh_saveable_workdays(moved_industries)


def percentage(lost: Decimal, possible: Decimal) -> Decimal | None:
    """The sick-leave percentage as NAV publishes it (one decimal)."""
    return percent(lost, possible)


def refresh_group_quarters(quarters: set[Period] | None) -> None:
    source = QuarterlyStatistics.objects.all()
    stale = GroupQuarter.objects.all()
    if quarters is not None:
        source = source.filter(quarters_q(quarters))
        stale = stale.filter(quarters_q(quarters))
    fresh: list[GroupQuarter] = []
    for kind, key in GROUP_KEYS.items():
        sums = (
            source.annotate(group_key=key)
            .filter(group_key__isnull=False)
            .values("group_key", "year", "quarter")
            .annotate(
                possible=Sum("possible_workdays"),
                lost=Sum("lost_workdays"),
                graded=Sum("graded_lost_workdays"),
                persons=Sum("sick_listed_persons"),
                count=Count("id"),
            )
            .order_by()
        )
        fresh.extend(
            GroupQuarter(
                kind=kind,
                key=s["group_key"],
                year=s["year"],
                quarter=s["quarter"],
                possible_workdays=s["possible"],
                lost_workdays=s["lost"],
                graded_lost_workdays=s["graded"],
                sick_listed_persons=s["persons"],
                enterprises=s["count"],
            )
            for s in sums
        )
    largest = _largest(source)
    for group in fresh:
        top = largest.get((group.kind, group.key, group.year, group.quarter), [])
        group.largest_lost_workdays = top[0] if top else Decimal(0)
        group.second_lost_workdays = top[1] if len(top) > 1 else Decimal(0)
    stale.delete()
    GroupQuarter.objects.bulk_create(fresh, batch_size=1000)


def _largest(
    source: QuerySet[QuarterlyStatistics],
) -> dict[tuple[str, str, int, int], list[Decimal]]:
    """The lost workdays of the two largest enterprises of every group and quarter (for the
    dominance and subtraction rules of velferd.core.disclosure): a window over each group's
    enterprises, largest first, of which the database returns the first two rows."""
    found: dict[tuple[str, str, int, int], list[Decimal]] = {}
    for kind, key in GROUP_KEYS.items():
        partition: list[Any] = [F("year"), F("quarter")]
        if kind != GroupKind.COUNTRY:
            partition.insert(0, key)
        ranked = (
            source.annotate(
                group_key=key,
                rank=Window(
                    RowNumber(),
                    partition_by=partition,
                    order_by=[F("lost_workdays").desc(), F("pk").asc()],
                ),
            )
            .filter(rank__lte=2, group_key__isnull=False)
            .order_by()
            .values_list("group_key", "year", "quarter", "rank", "lost_workdays")
        )
        for group_key, year, quarter, rank, lost in ranked:
            top = found.setdefault((kind, group_key, year, quarter), [Decimal(0), Decimal(0)])
            top[rank - 1] = Decimal(lost)
    return found


def _window(latest: Period | None, prefix: str = "") -> Q:
    if latest is None:
        return Q(pk__in=[])
    return from_q(four_quarters(latest)[0], prefix) & until_q(latest, prefix)


def saveable(
    lost: Decimal, possible: Decimal, persons: int, industry_percentage: Decimal | None
) -> Decimal | None:
    """The lost workdays beyond what the industry's percentage would give; never below 0;
    none for masked figures (fewer than disclosure.MIN_PERSONS persons)."""
    if disclosure.persons_reason(persons) or industry_percentage is None:
        return None
    excess = Decimal(lost) - Decimal(possible) * industry_percentage / 100
    return max(excess, Decimal(0)).quantize(Decimal("0.01"))


def refresh_group_summaries(latest: Period | None) -> set[int]:
    """Returns the ids of the industries whose four-quarter percentage changed."""
    sums = {
        (s["kind"], s["key"]): s
        for s in GroupQuarter.objects.filter(_window(latest))
        .values("kind", "key")
        .annotate(
            possible=Sum("possible_workdays"),
            lost=Sum("lost_workdays"),
            graded=Sum("graded_lost_workdays"),
            persons=Max("sick_listed_persons"),
            count=Max("enterprises"),
        )
        .order_by()
    }
    existing = {(g.kind, g.key): g for g in GroupSummary.objects.all()}
    before = {key: g.percentage for key, g in existing.items()}
    for key in sums.keys() - existing.keys():
        existing[key] = GroupSummary(kind=key[0], key=key[1])
    for key, group in existing.items():
        s = sums.get(key)
        group.possible_workdays = s["possible"] if s else Decimal(0)
        group.lost_workdays = s["lost"] if s else Decimal(0)
        group.graded_lost_workdays = s["graded"] if s else Decimal(0)
        group.sick_listed_persons = s["persons"] if s else 0
        group.enterprises = s["count"] if s else 0
        group.percentage = percentage(group.lost_workdays, group.possible_workdays)
    fields = [
        "possible_workdays",
        "lost_workdays",
        "graded_lost_workdays",
        "sick_listed_persons",
        "enterprises",
        "percentage",
    ]
    GroupSummary.objects.bulk_update([g for g in existing.values() if g.pk], fields)
    GroupSummary.objects.bulk_create([g for g in existing.values() if not g.pk])
    return {
        g.pk
        for key, g in existing.items()
        if g.kind == GroupKind.INDUSTRY and before.get(key) != g.percentage
    }


def refresh_saveable_workdays(industry_ids: set[int]) -> None:
    """Rewrite the workdays to save of every enterprise of the given industries (their
    percentage moved), one UPDATE per industry."""
    for industry in GroupSummary.objects.filter(pk__in=industry_ids):
        rows = EnterpriseSummary.objects.filter(industry=industry)
        if industry.percentage is None:
            rows.update(saveable_workdays=None)
            continue
        excess = F("lost_workdays") - F("possible_workdays") * Value(industry.percentage) / Value(
            Decimal(100)
        )
        rows.update(
            saveable_workdays=Case(
                When(
                    sick_listed_persons__gte=disclosure.MIN_PERSONS,
                    then=Greatest(excess, Value(Decimal(0))),
                ),
                default=None,
                output_field=DecimalField(max_digits=14, decimal_places=2),
            )
        )


def refresh_enterprise_summaries(latest: Period | None, enterprise_ids: set[int] | None) -> None:
    industries = {
        key: (pk, pct)
        for key, pk, pct in GroupSummary.objects.filter(kind=GroupKind.INDUSTRY).values_list(
            "key", "pk", "percentage"
        )
    }
    source = QuarterlyStatistics.objects.filter(_window(latest))
    stale = EnterpriseSummary.objects.all()
    if enterprise_ids is not None:
        ids = sorted(enterprise_ids)
        for start in range(0, len(ids), CHUNK):
            EnterpriseSummary.objects.filter(enterprise_id__in=ids[start : start + CHUNK]).delete()
            _summarise(source.filter(enterprise_id__in=ids[start : start + CHUNK]), industries)
        return
    stale.delete()
    _summarise(source, industries)


def _summarise(source: object, industries: dict[str, tuple[int, Decimal | None]]) -> None:
    sums = (
        source.values(  # type: ignore[attr-defined]
            "enterprise_id", "enterprise__county_id", "enterprise__industry_code"
        )
        .annotate(
            possible=Sum("possible_workdays"),
            lost=Sum("lost_workdays"),
            graded=Sum("graded_lost_workdays"),
            persons=Max("sick_listed_persons"),
        )
        .order_by()
    )
    batch: list[EnterpriseSummary] = []
    for s in sums.iterator(chunk_size=5000):
        industry, industry_percentage = industries.get(
            s["enterprise__industry_code"][:2], (None, None)
        )
        batch.append(
            EnterpriseSummary(
                enterprise_id=s["enterprise_id"],
                county_id=s["enterprise__county_id"],
                industry_id=industry,
                saveable_workdays=saveable(
                    s["lost"], s["possible"], s["persons"], industry_percentage
                ),
                possible_workdays=s["possible"],
                lost_workdays=s["lost"],
                graded_lost_workdays=s["graded"],
                sick_listed_persons=s["persons"],
                percentage=percentage(s["lost"], s["possible"]),
                shown_lost_workdays=(
                    None if disclosure.persons_reason(s["persons"]) else s["lost"]
                ),
            )
        )
        if len(batch) >= 5000:
            EnterpriseSummary.objects.bulk_create(batch)
            batch = []
    EnterpriseSummary.objects.bulk_create(batch)
