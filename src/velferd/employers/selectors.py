"""Reading enterprises and their IW support, as far as the reader may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from velferd.access import policies
from velferd.access import selectors as access_selectors
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.core import disclosure
from velferd.core.disclosure import Reason
from velferd.core.errors import DomainError, forbidden, not_found
from velferd.organisation import selectors as organisation_selectors
from velferd.organisation.models import County, IWCentre

from .models import (
    GRANTED_STATUSES,
    UNFINISHED_SUB_THEME_STATUSES,
    Cooperation,
    CooperationEvent,
    CooperationStatus,
    Delivery,
    DeliveryStatus,
    Enterprise,
    PlanTheme,
    RespondentGroup,
    Sector,
    Subsidy,
    SubsidyBudget,
    SubsidyStatus,
    SubTheme,
    Survey,
    SurveyAnswer,
    SurveyKind,
    SurveyStatus,
)
from .questions import QUESTIONS, SCALE, Question


def _refuse(actor: Actor) -> DomainError:
    return forbidden() if actor.is_authenticated else policies.not_authenticated()


def _unknown(actor: Actor, what_nb: str, what_en: str) -> DomainError:
    """A record of an enterprise the actor may not see answers as an unknown one, so that
    an organisation number or an id tells nothing about whether it is on record."""
    return not_found(what_nb, what_en) if actor.is_authenticated else policies.not_authenticated()


def _as_int(value: object) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**62 else None


# Enterprises ---------------------------------------------------------------------------------


def enterprises_visible_to(
    *,
    actor: Actor,
    query: str = "",
    municipality: str = "",
    sector: str = "",
    status: str = "",
    iw_agreement: bool | None = None,
) -> QuerySet[Enterprise]:
    """The enterprises the actor may see (advisors: their county's; an employer: their
    own; administrators: all), with `cooperation_status` the status of the open (or else
    the latest) cooperation. `status="none"` finds those with no cooperation at all."""
    if not policies.can_list_enterprises(actor):
        raise _refuse(actor)
    latest = Cooperation.objects.filter(enterprise=OuterRef("pk")).order_by("-is_open", "-id")
    found = Enterprise.objects.select_related(
        "municipality", "county__iw_centre", "contact_person"
    ).annotate(cooperation_status=Subquery(latest.values("status")[:1]))
    if not actor.has_role(Role.ADMINISTRATOR):
        found = found.filter(
            Q(county__in=policies.iw_counties(actor))
            | Q(organisation_number__in=policies.employer_organisation_numbers(actor))
        )
    query = query.strip()
    if query.isdigit():
        found = found.filter(organisation_number__startswith=query)
    elif query:
        found = found.filter(name__icontains=query)
    if municipality:
        found = found.filter(municipality_id=municipality)
    if sector:
        if sector not in Sector.values:
            raise not_found(f"sektor «{sector}»", f"sector “{sector}”", field="sector")
        found = found.filter(sector=sector)
    if status == "none":
        found = found.filter(cooperation_status__isnull=True)
    elif status:
        if status not in CooperationStatus.values:
            raise not_found(f"status «{status}»", f"status “{status}”", field="status")
        found = found.filter(cooperation_status=status)
    if iw_agreement is not None:
        found = found.filter(has_iw_agreement=iw_agreement)
    return found


def enterprise_for(*, actor: Actor, organisation_number: str) -> Enterprise:
    found = (
        Enterprise.objects.select_related("municipality", "county__iw_centre", "contact_person")
        .filter(organisation_number=organisation_number)
        .first()
    )
    if found is None:
        raise _unknown(
            actor, f"virksomheten {organisation_number}", f"the enterprise {organisation_number}"
        )
    if not policies.can_view_enterprise(actor, found):
        raise _unknown(
            actor, f"virksomheten {organisation_number}", f"the enterprise {organisation_number}"
        )
    return found


def own_enterprises(*, actor: Actor) -> QuerySet[Enterprise]:
    """The enterprises the actor represents as an employer."""
    return Enterprise.objects.filter(
        organisation_number__in=policies.employer_organisation_numbers(actor)
    ).select_related("municipality", "county__iw_centre", "contact_person")


def iw_centre_of(enterprise: Enterprise) -> IWCentre | None:
    """The IW centre of the enterprise's county (selected with the enterprise)."""
    return getattr(enterprise.county, "iw_centre", None)


def iw_advisors_of(county_number: str) -> list[User]:
    """The active advisors of a county's IW centre: who may be a contact person there."""
    centre = IWCentre.objects.filter(county_id=county_number).first()
    if centre is None:
        return []
    return [
        access_selectors.active_user_named(name)
        for name in access_selectors.usernames_in_role(Role.IW_ADVISOR, iw_centre=centre)
    ]


def counties_advised_by(actor: Actor) -> QuerySet[County]:
    return organisation_selectors.counties().filter(number__in=policies.iw_counties(actor))


# Cooperations --------------------------------------------------------------------------------


def open_cooperation(enterprise: Enterprise) -> Cooperation | None:
    return (
        Cooperation.objects.select_related("owner", "enterprise")
        .filter(enterprise=enterprise, is_open=True)
        .first()
    )


def cooperations_of(enterprise: Enterprise) -> QuerySet[Cooperation]:
    """Every cooperation with the enterprise, the open one first, then the latest."""
    return (
        Cooperation.objects.select_related("owner", "enterprise")
        .filter(enterprise=enterprise)
        .order_by("-is_open", "-id")
    )


def current_cooperation(enterprise: Enterprise) -> Cooperation | None:
    return cooperations_of(enterprise).first()


def cooperation_for(*, actor: Actor, cooperation_id: object) -> Cooperation:
    key = _as_int(cooperation_id)
    found = (
        Cooperation.objects.select_related("owner", "enterprise", "enterprise__county")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    if found is None:
        raise _unknown(actor, "samarbeidet", "the cooperation")
    if not policies.can_view_cooperation(actor, found.enterprise):
        raise _unknown(actor, "samarbeidet", "the cooperation")
    return found


def events_of(cooperation: Cooperation) -> QuerySet[CooperationEvent]:
    return cooperation.events.select_related("actor")


def completion_blockers(cooperation: Cooperation) -> list[tuple[str, str]]:
    """What keeps a cooperation from being completed, in Norwegian and English; empty when
    it may be completed. A cooperation is unfinished while
    - no needs assessment survey has been closed, or one is still open for answers;
    - its plan has no sub-theme, or a sub-theme is still planned or ongoing;
    - a delivery is still planned (neither delivered nor cancelled)."""
    blockers = []
    needs = cooperation.surveys.filter(kind=SurveyKind.NEEDS_ASSESSMENT)
    if not needs.filter(status=SurveyStatus.CLOSED).exists():
        blockers.append(
            ("ingen behovsvurdering er avsluttet", "no needs assessment survey has been closed")
        )
    if needs.filter(status=SurveyStatus.OPEN).exists():
        blockers.append(
            ("en behovsvurdering er fortsatt åpen", "a needs assessment survey is still open")
        )
    sub_themes = cooperation.sub_themes
    if not sub_themes.exists():
        blockers.append(("planen har ingen undertemaer", "the plan has no sub-themes"))
    elif sub_themes.filter(status__in=UNFINISHED_SUB_THEME_STATUSES).exists():
        blockers.append(
            (
                "undertemaer i planen er fortsatt planlagt eller pågår",
                "sub-themes of the plan are still planned or ongoing",
            )
        )
    if cooperation.deliveries.filter(status=DeliveryStatus.PLANNED).exists():
        blockers.append(("leveranser er fortsatt planlagt", "deliveries are still planned"))
    return blockers


# The plan ------------------------------------------------------------------------------------


@dataclass
class ThemePlan:
    theme: str
    label: str
    sub_themes: list[SubTheme]


def plan_of(cooperation: Cooperation) -> list[ThemePlan]:
    """The plan's three themes, each with its sub-themes (possibly none)."""
    by_theme: dict[str, list[SubTheme]] = {t: [] for t in PlanTheme.values}
    for sub_theme in cooperation.sub_themes.all():
        by_theme[sub_theme.theme].append(sub_theme)
    return [ThemePlan(t, str(PlanTheme(t).label), by_theme[t]) for t in PlanTheme.values]


def deliveries_of(cooperation: Cooperation) -> QuerySet[Delivery]:
    return cooperation.deliveries.all()


def sub_theme_for(*, actor: Actor, sub_theme_id: object) -> SubTheme:
    key = _as_int(sub_theme_id)
    found = (
        SubTheme.objects.select_related("cooperation__enterprise").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise _unknown(actor, "undertemaet", "the sub-theme")
    if not policies.can_view_cooperation(actor, found.cooperation.enterprise):
        raise _unknown(actor, "undertemaet", "the sub-theme")
    return found


def delivery_for(*, actor: Actor, delivery_id: object) -> Delivery:
    key = _as_int(delivery_id)
    found = (
        Delivery.objects.select_related("cooperation__enterprise").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise _unknown(actor, "leveransen", "the delivery")
    if not policies.can_view_cooperation(actor, found.cooperation.enterprise):
        raise _unknown(actor, "leveransen", "the delivery")
    return found


# Surveys -------------------------------------------------------------------------------------


def surveys_of(cooperation: Cooperation) -> QuerySet[Survey]:
    return cooperation.surveys.all()


def survey_for(*, actor: Actor, survey_id: object) -> Survey:
    key = _as_int(survey_id)
    found = (
        Survey.objects.select_related("cooperation__enterprise").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise _unknown(actor, "undersøkelsen", "the survey")
    if not policies.can_view_cooperation(actor, found.cooperation.enterprise):
        raise _unknown(actor, "undersøkelsen", "the survey")
    return found


def survey_by_token(token: str) -> Survey:
    """The survey a public answer link opens. Anyone holding the link may answer."""
    found = (
        Survey.objects.select_related("cooperation__enterprise").filter(token=token).first()
        if token
        else None
    )
    if found is None:
        raise not_found("undersøkelsen", "the survey")
    return found


def questions_of(survey: Survey) -> tuple[Question, ...]:
    return QUESTIONS[survey.kind]


@dataclass
class Cell:
    """The answers of one group to one question. `reason` says why nothing but that fact
    may be shown (velferd.core.disclosure): fewer than 3 answers on the scale, another
    group below 3, or the survey still open."""

    answers: int = 0
    dont_know: int = 0
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    reason: Reason | None = None

    @property
    def shown(self) -> bool:
        return self.reason is None

    @property
    def reason_text(self) -> str:
        return disclosure.explain(self.reason) if self.reason else ""

    @property
    def mean(self) -> Decimal | None:
        if not self.shown or not self.answers:
            return None
        total = sum(value * n for value, n in self.counts.items())
        return (Decimal(total) / Decimal(self.answers)).quantize(Decimal("0.1"))

    def add(self, value: int | None) -> None:
        if value is None:
            self.dont_know += 1
        else:
            self.answers += 1
            self.counts[value] += 1

    def as_dict(self) -> dict[str, object]:
        if not self.shown:
            return {
                "shown": False,
                "reason": self.reason,
                "answers": None,
                "mean": None,
                "counts": None,
                "dont_know": None,
            }
        return {
            "shown": True,
            "reason": None,
            "answers": self.answers,
            "mean": self.mean,
            "counts": {str(k): v for k, v in self.counts.items()},
            "dont_know": self.dont_know,
        }


@dataclass
class QuestionResult:
    question: Question
    total: Cell
    groups: dict[str, Cell]


GROUPS = tuple(RespondentGroup.values)


def results_shown(survey: Survey) -> bool:
    """Results are shown once the survey is closed: while it takes answers, a reader could
    compare the results before and after one answer and read that answer off."""
    return disclosure.survey_results_reason(is_open=survey.status == SurveyStatus.OPEN) is None


def survey_results(survey: Survey) -> list[QuestionResult]:
    """The results per question, for everyone and per respondent group, masked for
    anonymity (velferd.core.disclosure): nothing while the survey is open; a cell with fewer
    than 3 answers on the scale shows nothing but "fewer than 3 answers"; the group cells of
    a question are all masked when any group that answered is below the minimum, because
    the masked group's figures would otherwise follow from the total minus the shown group.
    """
    is_open = survey.status == SurveyStatus.OPEN
    cells = {q.code: (Cell(), {g: Cell() for g in GROUPS}) for q in questions_of(survey)}
    if not is_open:
        answers = SurveyAnswer.objects.filter(response__survey=survey).values_list(
            "question", "value", "response__group"
        )
        for code, value, group in answers:
            if code in cells:
                total, groups = cells[code]
                total.add(value)
                groups[group].add(value)
    results = []
    for question in questions_of(survey):
        total, groups = cells[question.code]
        total.reason, verdicts = disclosure.survey_reasons(
            is_open=is_open,
            total_answers=total.answers,
            groups={g: (c.answers, c.dont_know) for g, c in groups.items()},
        )
        for group, cell in groups.items():
            cell.reason = verdicts[group]
        results.append(QuestionResult(question, total, groups))
    return results


def response_count(survey: Survey) -> int:
    return survey.responses.count()


# Subsidies and budgets -----------------------------------------------------------------------


def subsidies_visible_to(*, actor: Actor, status: str = "") -> QuerySet[Subsidy]:
    if not policies.can_list_enterprises(actor):
        raise _refuse(actor)
    found = Subsidy.objects.select_related("enterprise", "enterprise__county")
    if not actor.has_role(Role.ADMINISTRATOR):
        found = found.filter(
            Q(enterprise__county__in=policies.iw_counties(actor))
            | Q(enterprise__organisation_number__in=policies.employer_organisation_numbers(actor))
        )
    if status:
        if status not in SubsidyStatus.values:
            raise not_found(f"status «{status}»", f"status “{status}”", field="status")
        found = found.filter(status=status)
    return found


def subsidies_of(enterprise: Enterprise) -> QuerySet[Subsidy]:
    return enterprise.subsidies.all()


def subsidy_for(*, actor: Actor, subsidy_id: object) -> Subsidy:
    key = _as_int(subsidy_id)
    found = (
        Subsidy.objects.select_related("enterprise", "enterprise__county").filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        raise _unknown(actor, "søknaden om tilskudd", "the subsidy application")
    if not policies.can_view_cooperation(actor, found.enterprise):
        raise _unknown(actor, "søknaden om tilskudd", "the subsidy application")
    return found


CENTS = Decimal("0.01")


def granted_total(county_number: str, year: int) -> Decimal:
    """What the county has granted from the year's budget (paid grants included)."""
    total = Subsidy.objects.filter(
        enterprise__county_id=county_number, budget_year=year, status__in=GRANTED_STATUSES
    ).aggregate(total=Sum("amount_granted"))["total"]
    return Decimal(total or 0).quantize(CENTS)


def paid_total(county_number: str, year: int) -> Decimal:
    total = Subsidy.objects.filter(
        enterprise__county_id=county_number, budget_year=year, status=SubsidyStatus.PAID
    ).aggregate(total=Sum("amount_granted"))["total"]
    return Decimal(total or 0).quantize(CENTS)


@dataclass
class BudgetLine:
    county: County
    year: int
    budget: SubsidyBudget | None
    granted: Decimal
    paid: Decimal

    @property
    def amount(self) -> Decimal:
        return self.budget.amount.quantize(CENTS) if self.budget else Decimal("0.00")

    @property
    def remaining(self) -> Decimal:
        return self.amount - self.granted


def this_year() -> int:
    return timezone.localdate().year


def budget_line(*, actor: Actor, county_number: str, year: int) -> BudgetLine:
    county = organisation_selectors.county(county_number)
    if not policies.can_view_subsidy_budget(actor, county.number):
        raise _refuse(actor)
    return BudgetLine(
        county=county,
        year=year,
        budget=SubsidyBudget.objects.filter(county=county, year=year).first(),
        granted=granted_total(county.number, year),
        paid=paid_total(county.number, year),
    )


def budget_lines(*, actor: Actor, year: int) -> list[BudgetLine]:
    """The year's budget of every county the actor may see: all for administrators, the
    advisor's own county. Nobody else."""
    counties = [
        c
        for c in organisation_selectors.counties()
        if policies.can_view_subsidy_budget(actor, c.number)
    ]
    if not counties:
        raise _refuse(actor)
    return [budget_line(actor=actor, county_number=c.number, year=year) for c in counties]


def valid_year(value: object) -> int:
    year = _as_int(value)
    if year is None or not 2000 <= year <= 2100:
        raise DomainError(
            code="invalid_year",
            field="year",
            message_nb="Året må være mellom 2000 og 2100.",
            message_en="The year must be between 2000 and 2100.",
        )
    return year


def today() -> datetime.date:
    return timezone.localdate()
