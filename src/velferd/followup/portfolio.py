"""The portfolio: the people in follow-up at an office, with the flags that make the policy
happen, status counts, filters, sort and paging — one query for the page and one for the
counts, whatever the office's size. A read room of followup (see selectors.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.people import selectors as people_selectors
from velferd.people.models import Child, Consent

from .models import (
    Activity,
    ActivityStatus,
    AssessmentStatus,
    Benefit,
    BenefitKind,
    FollowUpPeriod,
    MainGoal,
    NeedGroup,
    NeedsAssessment,
    PlanMeasure,
    QualificationAssessment,
    Thread,
    Waiting,
)

OPEN = (ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS)
NEW_FOR_DAYS = 14
# The qualification programme's target group (Social Services Act § 29), as a rule:
# working age (18–66), financial assistance running for at least six months, and a
# considerably reduced ability to work and earn (need group specially adapted or partially
# permanent in the current §14a decision).
QUALIFICATION_AGES = (18, 66)
LONG_TERM_DAYS = 182
REDUCED_CAPACITY = (NeedGroup.SPECIALLY_ADAPTED, NeedGroup.PARTIALLY_PERMANENT)
ACTIVITY_REQUIREMENT_AGE = 30

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
    "name": ("person__family_name", "person__given_name"),
    "-name": ("-person__family_name", "-person__given_name"),
    "age": ("-person__birth_date",),
    "-age": ("person__birth_date",),
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


def _municipal_visible(actor: Actor, offices: set[int], today: datetime.date) -> Any:
    """Whether the social-services records of the row's person may be used: always for the
    municipal caseworkers of the office, for the state side with the person's consent."""
    municipal_offices = actor.office_ids("caseworker_municipal") & offices
    consent = Exists(
        Consent.objects.filter(
            person=OuterRef("person"),
            partner_service="nav_state",
            withdrawn_at__isnull=True,
            starts_on__lte=today,
            ends_on__gte=today,
        )
    )
    if not municipal_offices:
        return consent
    return Q(office__in=municipal_offices) | Q(consent)


def _annotated(actor: Actor, offices: set[int], today: datetime.date) -> QuerySet[Any]:
    person = OuterRef("person")
    tomorrow = today + datetime.timedelta(days=1)
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    end_of_day = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    agreed_open = Activity.objects.filter(
        person=person, agreed_with_office=True, status__in=OPEN
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    financial_assistance = Benefit.objects.filter(
        person=person, kind=BenefitKind.FINANCIAL_ASSISTANCE, starts_on__lte=today
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    decision = NeedsAssessment.objects.filter(person=person, status=AssessmentStatus.SENT).order_by(
        "-sent_at"
    )
    last_agreed_end = (
        Activity.objects.filter(person=person, agreed_with_office=True, ends_on__lt=today)
        .order_by("-ends_on")
        .values("ends_on")[:1]
    )
    visible = people_selectors.persons_visible_to(actor=actor).values("pk")
    return (
        FollowUpPeriod.objects.filter(office__in=offices, ended_on__isnull=True, person__in=visible)
        .annotate(
            f_unassigned=Q(caseworker__isnull=True),
            f_new=Q(started_on__gte=today - datetime.timedelta(days=NEW_FOR_DAYS)),
            f_assessment_missing=~Exists(decision),
            f_waiting_for_office=Exists(
                Thread.objects.filter(person=person, waiting_for=Waiting.OFFICE)
            ),
            f_waiting_for_person=Exists(
                Thread.objects.filter(person=person, waiting_for=Waiting.PERSON)
            ),
            f_overdue_activities=Exists(
                Activity.objects.filter(person=person, status__in=OPEN, ends_on__lt=today)
            ),
            f_in_agreed_activity=Exists(agreed_open),
            f_meetings_today=Exists(
                Activity.objects.filter(
                    person=person,
                    kind="meeting",
                    meeting_at__gte=start_of_day,
                    meeting_at__lt=end_of_day,
                ).exclude(status=ActivityStatus.CANCELLED)
            ),
            f_plan_overdue_measures=Exists(
                PlanMeasure.objects.filter(
                    plan__person=person, done_on__isnull=True, deadline__lt=today
                )
            ),
            f_children_under_18=Exists(
                Child.objects.filter(person=person, birth_date__gt=_years_ago(today, 18))
            ),
            f_needs_interpreter=F("person__needs_interpreter"),
            f_mine=Q(caseworker=actor.user) if actor.user else Value(False),
            f_municipal_visible=_municipal_visible(actor, offices, today),
            has_financial_assistance=Exists(financial_assistance),
            long_financial_assistance=Exists(
                financial_assistance.filter(
                    starts_on__lte=today - datetime.timedelta(days=LONG_TERM_DAYS)
                )
            ),
            need_group=Subquery(decision.values("need_group")[:1]),
            main_goal=Subquery(decision.values("main_goal")[:1]),
            qualification_assessed=Exists(QualificationAssessment.objects.filter(person=person)),
            financial_assistance_since=Subquery(
                financial_assistance.order_by("starts_on").values("starts_on")[:1]
            ),
            next_deadline=Subquery(
                Activity.objects.filter(person=person, status__in=OPEN, ends_on__isnull=False)
                .order_by("ends_on")
                .values("ends_on")[:1]
            ),
        )
        .annotate(
            f_not_in_agreed_activity=~Q(f_in_agreed_activity=True),
            f_activity_requirement=Q(
                person__birth_date__gt=_years_ago(today, ACTIVITY_REQUIREMENT_AGE),
                has_financial_assistance=True,
                f_in_agreed_activity=False,
                f_municipal_visible=True,
            ),
            f_qualification_not_assessed=Q(
                person__birth_date__lte=_years_ago(today, QUALIFICATION_AGES[0]),
                person__birth_date__gt=_years_ago(today, QUALIFICATION_AGES[1] + 1),
                long_financial_assistance=True,
                need_group__in=REDUCED_CAPACITY,
                qualification_assessed=False,
                f_municipal_visible=True,
            ),
            requirement_flagged_since=Greatest(
                "financial_assistance_since",
                Coalesce(Subquery(last_agreed_end), "financial_assistance_since"),
            ),
        )
    )


def _filtered(rows: QuerySet[Any], query: PortfolioQuery, today: datetime.date) -> QuerySet[Any]:
    for flag in query.flags:
        rows = rows.filter(**{f"f_{flag}": True})
    if query.need_group:
        rows = rows.filter(need_group=query.need_group)
    if query.main_goal:
        rows = rows.filter(main_goal=query.main_goal)
    if query.benefit:
        running = Benefit.objects.filter(
            person=OuterRef("person"), kind=query.benefit, starts_on__lte=today
        ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        rows = rows.filter(Exists(running))
        if query.benefit in (BenefitKind.FINANCIAL_ASSISTANCE, BenefitKind.QUALIFICATION_BENEFIT):
            rows = rows.filter(f_municipal_visible=True)
    if query.age_band:
        low, high = AGE_BANDS[query.age_band]
        rows = rows.filter(
            person__birth_date__lte=_years_ago(today, low),
            person__birth_date__gt=_years_ago(today, high + 1),
        )
    return rows


def portfolio(
    *,
    actor: Actor,
    query: PortfolioQuery,
    page: int = 1,
    page_size: int = 50,
    today: datetime.date | None = None,
) -> Portfolio:
    """A page of the office's people in follow-up and the count behind every flag."""
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    _check(query)
    day = today or timezone.localdate()
    offices = _offices(actor, query.office)
    if not offices:
        raise DomainError(
            code="forbidden",
            status=403,
            message_nb="Du har ingen portefølje.",
            message_en="You have no portfolio.",
        )
    base = _annotated(actor, offices, day)
    counts = base.aggregate(
        total=Count("pk"), **{flag: Count("pk", filter=Q(**{f"f_{flag}": True})) for flag in FLAGS}
    )
    rows = _filtered(base, query, day)
    ordered = rows.select_related("person", "caseworker").order_by(
        *SORTS[query.sort or "name"], "pk"
    )
    start = (page - 1) * page_size
    return Portfolio(
        rows=list(ordered[start : start + page_size]),
        count=rows.count(),
        counts={flag: counts[flag] for flag in FLAGS},
        total=counts["total"],
    )
