"""The portfolio: the people in follow-up at an office, with the flags that make the policy
happen, status counts, filters, sort and paging. It reads the office's state rows
(models.PortfolioState, kept by portfolio_state.py): one query for every count, one for the
page and one for the filtered count, whatever the office's size. A read room of followup
(see selectors.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Window,
)
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.core.pagination import MAX_PAGE, check_page, past_the_last

from .models import (
    MUNICIPAL_BENEFITS,
    Activity,
    ActivityStatus,
    Benefit,
    BenefitKind,
    MainGoal,
    NeedGroup,
    PortfolioState,
)

NEW_FOR_DAYS = 14
# The qualification programme's target group (Social Services Act § 29 and the qualification
# programme regulation), as the flag `qualification_not_assessed` reads it: working age
# (18–66), a considerably reduced ability to work and earn (need group specially adapted or
# partially permanent in the current §14a decision), no or very limited state benefits for
# a living (no work assessment allowance, disability, unemployment, sickness or transitional
# benefit running today: portfolio_state.STATE_LIVELIHOOD_BENEFITS), living on financial
# assistance today, and not yet assessed. The law sets no length of financial assistance; an
# office that waits a number of days first (six months: 182) says so in the local setting
# VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS, off (0) by default.
QUALIFICATION_AGES = (18, 66)
REDUCED_CAPACITY = (NeedGroup.SPECIALLY_ADAPTED, NeedGroup.PARTIALLY_PERMANENT)
# The activity requirement (Social Services Act § 20 a), as the flag `activity_requirement`
# reads it: under 30, on financial assistance today, and neither a condition of activity
# set nor an exemption for weighty reasons on record.
ACTIVITY_REQUIREMENT_AGE = 30


def assistance_days_before_qualification_flag() -> int:
    """The office's own waiting time (days of financial assistance) before the qualification
    flag shows: a local practice, not the law's; 0 when none."""
    return max(0, int(getattr(settings, "VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS", 0)))


# "Scheme ends within 14 days": a running scheme participation ending that soon.
SCHEME_ENDS_WITHIN_DAYS = 14

FLAGS = (
    "unassigned",
    "new",
    "assessment_missing",
    "waiting_for_office",
    "waiting_for_person",
    "overdue_activities",
    "in_agreed_activity",
    "not_in_agreed_activity",
    "meetings_today",
    "activity_requirement",
    "qualification_not_assessed",
    "plan_overdue_measures",
    "scheme_waiting",
    "scheme_ends_soon",
    "children_under_18",
    "needs_interpreter",
    "mine",
)
AGE_BANDS = {
    "under_25": (0, 24),
    "25_29": (25, 29),
    "30_39": (30, 39),
    "40_49": (40, 49),
    "50_59": (50, 59),
    "60_plus": (60, 200),
}
SORTS: dict[str, tuple[Any, ...]] = {
    "name": ("family_name", "given_name"),
    "-name": ("-family_name", "-given_name"),
    "age": ("-birth_date",),
    "-age": ("birth_date",),
    "started": ("started_on",),
    "-started": ("-started_on",),
    "deadline": (F("next_deadline").asc(nulls_last=True),),
}


@dataclass
class PortfolioQuery:
    office: int | None = None
    flags: set[str] = field(default_factory=set)
    need_group: str = ""
    main_goal: str = ""
    benefit: str = ""
    age_band: str = ""
    sort: str = "name"

    @property
    def chosen(self) -> int:
        """How many filters narrow the list (the order is no filter)."""
        narrowing = (self.need_group, self.main_goal, self.benefit, self.age_band)
        return len(self.flags) + sum(1 for value in narrowing if value)


@dataclass
class Portfolio:
    rows: list[Any]
    count: int
    counts: dict[str, int]
    total: int


def _years_ago(today: datetime.date, years: int) -> datetime.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _invalid(field_name: str, value: str) -> DomainError:
    return DomainError(
        code="invalid_filter",
        field=field_name,
        message_nb=f"Ukjent verdi for {field_name}: «{value}».",
        message_en=f"Unknown value for {field_name}: “{value}”.",
    )


def _check(query: PortfolioQuery) -> None:
    for name in query.flags - set(FLAGS):
        raise _invalid("flag", name)
    for name, value, allowed in (
        ("need_group", query.need_group, NeedGroup.values),
        ("main_goal", query.main_goal, MainGoal.values),
        ("benefit", query.benefit, BenefitKind.values),
        ("age_band", query.age_band, AGE_BANDS),
        ("sort", query.sort, SORTS),
    ):
        if value and value not in allowed:
            raise _invalid(name, value)


def _offices(actor: Actor, office: int | None) -> set[int]:
    offices = actor.office_ids(*policies.OFFICE_STAFF)
    if office is None:
        return offices
    if office not in offices:
        raise DomainError(
            code="forbidden",
            status=403,
            message_nb="Du har ikke tilgang til dette kontoret.",
            message_en="You do not have access to this office.",
        )
    return {office}


def _running(prefix: str, first: datetime.date, last: datetime.date) -> Q:
    """The stretch kept under `prefix` covers every day from `first` to `last`."""
    return Q(**{f"{prefix}_from__lte": first, f"{prefix}_until__gte": last})


def _flag_rules(actor: Actor, offices: set[int], today: datetime.date) -> dict[str, Q]:
    """Each flag as a condition on the state row, decided against today."""
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    meetings = (
        Activity.objects.filter(
            kind="meeting",
            meeting_at__gte=start_of_day,
            meeting_at__lt=start_of_day + datetime.timedelta(days=1),
        )
        .exclude(status=ActivityStatus.CANCELLED)
        .values("person")
    )
    # Flags that use the municipality's records follow can_view_municipal_records.
    municipal_visible = policies.portfolio_rows_municipal(actor, offices, today)
    in_agreed = Q(agreed_open_until__gte=today)
    assisted = _running("financial_assistance", today, today)
    return {
        "unassigned": Q(caseworker__isnull=True),
        "new": Q(started_on__gte=today - datetime.timedelta(days=NEW_FOR_DAYS)),
        "assessment_missing": Q(need_group=""),
        "waiting_for_office": Q(waiting_for_office=True),
        "waiting_for_person": Q(waiting_for_person=True),
        "overdue_activities": Q(next_deadline__lt=today),
        "in_agreed_activity": in_agreed,
        "not_in_agreed_activity": ~in_agreed,
        "meetings_today": Q(person__in=meetings),
        "activity_requirement": Q(birth_date__gt=_years_ago(today, ACTIVITY_REQUIREMENT_AGE))
        & assisted
        & Q(activity_requirement_recorded=False)
        & municipal_visible,
        "qualification_not_assessed": _qualification_target_group(today)
        & Q(qualification_assessed=False)
        & municipal_visible,
        "plan_overdue_measures": Q(plan_overdue_from__lt=today),
        "scheme_waiting": Q(scheme_waiting=True),
        "scheme_ends_soon": Q(
            scheme_ends_on__gte=today,
            scheme_ends_on__lte=today + datetime.timedelta(days=SCHEME_ENDS_WITHIN_DAYS),
        ),
        "children_under_18": Q(youngest_child_born__gt=_years_ago(today, 18)),
        "needs_interpreter": Q(needs_interpreter=True),
        "mine": Q(caseworker=actor.user) if actor.user else Q(pk__in=[]),
    }


def _qualification_target_group(today: datetime.date) -> Q:
    """The qualification programme's target group on the state row (see the top of the
    module): working age, reduced capacity, on financial assistance (for the office's
    waiting time, if it has one) and no state benefit for a living running today."""
    waited = today - datetime.timedelta(days=assistance_days_before_qualification_flag())
    return (
        Q(
            birth_date__lte=_years_ago(today, QUALIFICATION_AGES[0]),
            birth_date__gt=_years_ago(today, QUALIFICATION_AGES[1] + 1),
            need_group__in=REDUCED_CAPACITY,
        )
        & _running("financial_assistance", waited, today)
        & ~_running("livelihood_benefit", today, today)
    )


def _filtered(
    rows: QuerySet[PortfolioState],
    query: PortfolioQuery,
    rules: dict[str, Q],
    municipal_visible: Q,
    today: datetime.date,
) -> QuerySet[PortfolioState]:
    for flag in query.flags:
        rows = rows.filter(rules[flag])
    if query.need_group:
        rows = rows.filter(need_group=query.need_group)
    if query.main_goal:
        rows = rows.filter(main_goal=query.main_goal)
    if query.benefit:
        running = Benefit.objects.filter(
            person=OuterRef("person"), kind=query.benefit, starts_on__lte=today
        ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        rows = rows.filter(Exists(running))
        if query.benefit in MUNICIPAL_BENEFITS:
            rows = rows.filter(municipal_visible)
    if query.age_band:
        low, high = AGE_BANDS[query.age_band]
        rows = rows.filter(
            birth_date__lte=_years_ago(today, low),
            birth_date__gt=_years_ago(today, high + 1),
        )
    return rows


def _with_flags(rows: QuerySet[PortfolioState], rules: dict[str, Q]) -> QuerySet[PortfolioState]:
    """The page's rows with each flag, and since when the activity requirement is undecided:
    the start of the financial assistance that runs without a § 20 a record."""
    return rows.annotate(
        **{
            f"f_{flag}": ExpressionWrapper(rule, output_field=BooleanField())
            for flag, rule in rules.items()
        },
        requirement_flagged_since=F("financial_assistance_from"),
    )


def portfolio(
    *,
    actor: Actor,
    query: PortfolioQuery,
    page: int = 1,
    page_size: int = 50,
    today: datetime.date | None = None,
    clamp: bool = False,
) -> Portfolio:
    """A page of the office's people in follow-up and the count behind every flag. A page
    past the last is refused, or with `clamp` the last page is given."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    _check(query)
    page = min(page, MAX_PAGE) if clamp else page
    check_page(page, page_size)
    day = today or timezone.localdate()
    offices = _offices(actor, query.office)
    if not offices:
        raise DomainError(
            code="forbidden",
            status=403,
            message_nb="Du har ingen portefølje.",
            message_en="You have no portfolio.",
        )
    rules = _flag_rules(actor, offices, day)
    base = PortfolioState.objects.filter(policies.portfolio_rows_visible(actor, offices))
    counts = base.aggregate(
        total=Count("pk"), **{flag: Count("pk", filter=rule) for flag, rule in rules.items()}
    )
    rows = _filtered(
        base, query, rules, policies.portfolio_rows_municipal(actor, offices, day), day
    )
    sort = SORTS[query.sort or "name"]
    page_rows, count = _page(rows, rules, day, sort, (page - 1) * page_size, page_size)
    last = max(1, -(-count // page_size))
    if page > last:
        if not clamp:
            raise past_the_last(last)
        page_rows, count = _page(rows, rules, day, sort, (last - 1) * page_size, page_size)
    return Portfolio(
        rows=page_rows,
        count=count,
        counts={flag: counts[flag] for flag in FLAGS},
        total=counts["total"],
    )


def _page(
    rows: QuerySet[PortfolioState],
    rules: dict[str, Q],
    today: datetime.date,
    sort: tuple[Any, ...],
    start: int,
    size: int,
) -> tuple[list[PortfolioState], int]:
    """The page's rows and how many match: first which rows, from the office's index alone,
    with the count of all matches beside them; then those few with their flags, person and
    caseworker."""
    chosen = list(
        rows.annotate(matches=Window(Count("pk")))
        .order_by(*sort, "pk")
        .values_list("pk", "matches")[start : start + size]
    )
    count = chosen[0][1] if chosen else rows.count()
    found = _with_flags(PortfolioState.objects.filter(pk__in=[pk for pk, _ in chosen]), rules)
    by_period = {row.pk: row for row in found.select_related("person", "caseworker")}
    return [by_period[pk] for pk, _ in chosen], count
