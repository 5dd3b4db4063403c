"""Demo enterprises and their IW cooperations: one deferred for want of capacity, one with
an application for expert assistance, and prevention and facilitation subsidies from 2018,
when that scheme last ran."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import demo_actor
from velferd.organisation import selectors as organisation_selectors

from . import services as employer_services
from .models import (
    LAST_PREVENTION_YEAR,
    Cooperation,
    CooperationEvent,
    Enterprise,
    Sector,
    Subsidy,
    SubsidyBudget,
    scheme_of_year,
)


@dataclass(frozen=True)
class DemoEnterprise:
    organisation_number: str
    name: str
    municipality: str
    industry_code: str
    sector: Sector
    employees: int
    has_iw_agreement: bool


# 987654309 is the enterprise of the demo login "arbeidsgiver"; the IW centre of Vestland
# (the login "ia-radgiver") serves it.
DEMO_ENTERPRISES = [
    DemoEnterprise("987654309", "Bergen Omsorg AS", "4601", "87.301", Sector.PRIVATE, 140, True),
    DemoEnterprise(
        "964330123", "Fjordkysten Sjømat AS", "4601", "10.201", Sector.PRIVATE, 85, True
    ),
    DemoEnterprise(
        "935308291", "Askøy kommune, helse og omsorg", "4627", "88.101", Sector.MUNICIPAL, 420, True
    ),
    DemoEnterprise("976240391", "Vestlandsbuss AS", "4601", "49.391", Sector.PRIVATE, 230, False),
    DemoEnterprise(
        "922152799", "Voss Bygg og Anlegg AS", "4621", "41.200", Sector.PRIVATE, 38, False
    ),
    DemoEnterprise(
        "999906087", "Sunnfjord Daglegvare AS", "4647", "47.111", Sector.PRIVATE, 22, False
    ),
    DemoEnterprise(
        "925792403", "Statens vegkontor Vest", "4601", "84.130", Sector.STATE, 310, True
    ),
    DemoEnterprise(
        "971352418", "Grünerløkka Sykehjem", "0301", "87.301", Sector.MUNICIPAL, 160, True
    ),
    DemoEnterprise("919730609", "Oslo Renhold AS", "0301", "81.210", Sector.PRIVATE, 95, True),
    DemoEnterprise(
        "946020370", "Trondheim Kantine og Catering AS", "5001", "56.290", Sector.PRIVATE, 44, False
    ),
    DemoEnterprise(
        "916290721", "Nidaros Barnehager AS", "5001", "88.911", Sector.PRIVATE, 120, True
    ),
    DemoEnterprise("924419555", "Tromsø Havn KF", "5501", "52.221", Sector.MUNICIPAL, 64, False),
]


def load_demo_employers(*, system: Actor) -> int:
    """Create the demo enterprises that are missing, with their contact persons,
    cooperations, plans, surveys and subsidies, and this year's budgets; returns how many
    enterprises were created."""
    created = _load_enterprises(system)
    _load_budgets(system)
    _load_support()
    return created


def _load_enterprises(system: Actor) -> int:
    known = set(Enterprise.objects.values_list("organisation_number", flat=True))
    created = 0
    for row in DEMO_ENTERPRISES:
        if row.organisation_number in known:
            continue
        employer_services.enterprise_register(
            actor=system,
            organisation_number=row.organisation_number,
            name=row.name,
            municipality_number=row.municipality,
            industry_code=row.industry_code,
            sector=row.sector,
            employees=row.employees,
            has_iw_agreement=row.has_iw_agreement,
        )
        created += 1
    return created


def _advisor_of(county: str) -> Actor:
    """Vestland's enterprises are served by the demo login ia-radgiver, the others by the
    county's own demo advisor ia-NN."""
    return demo_actor("ia-radgiver" if county == "46" else f"ia-{county}")


# This year's expert-assistance budgets, and Vestland's prevention and facilitation budget
# for 2018, from which the demo's subsidies of that year were granted.
BUDGETS = {"46": Decimal("3500000.00"), "03": Decimal("4000000.00")}
DEFAULT_BUDGET = Decimal("2000000.00")
PREVENTION_BUDGETS = {"46": Decimal("1500000.00")}


def _load_budgets(system: Actor) -> None:
    year = timezone.localdate().year
    for county in organisation_selectors.counties():
        _budget(system, county.number, year, BUDGETS.get(county.number, DEFAULT_BUDGET))
    for county_number, amount in PREVENTION_BUDGETS.items():
        _budget(system, county_number, LAST_PREVENTION_YEAR, amount)


def _budget(system: Actor, county_number: str, year: int, amount: Decimal) -> None:
    if not SubsidyBudget.objects.filter(
        county_id=county_number, year=year, scheme=scheme_of_year(year)
    ).exists():
        employer_services.budget_set(
            actor=system, county_number=county_number, year=year, amount=amount
        )


def _load_support() -> None:
    for enterprise in Enterprise.objects.filter(
        organisation_number__in=[row.organisation_number for row in DEMO_ENTERPRISES]
    ):
        advisor = _advisor_of(enterprise.county_id)
        if enterprise.contact_person_id is None:
            enterprise = employer_services.enterprise_assign_contact_person(
                actor=advisor,
                enterprise=enterprise,
                contact_person=advisor.user,  # type: ignore[arg-type]
                version=enterprise.version,
            )
        if enterprise.cooperations.exists():
            continue
        story = STORIES.get(enterprise.organisation_number)
        if story is not None:
            story(advisor, enterprise)
            _date_back(enterprise)


DAY = datetime.timedelta(days=1)


def _start(advisor: Actor, enterprise: Enterprise, *moves: str) -> Cooperation:
    cooperation = employer_services.cooperation_start(
        actor=advisor, enterprise=enterprise, comment="Meldt inn fra NAV-kontoret."
    )
    reasons = {
        "skip": "too_few_lost_workdays",
        "cancel": "enterprise_withdrew",
        "complete": "goals_reached",
    }
    for move in moves:
        cooperation = employer_services.TRANSITIONS[move](  # type: ignore[operator]
            actor=advisor,
            cooperation=cooperation,
            version=cooperation.version,
            **({"reason": reasons[move]} if move in reasons else {}),
        )
    return cooperation


def _answer(survey_token: str, group: str, values: dict[str, object]) -> None:
    employer_services.survey_answer(token=survey_token, group=group, answers=values)


def _bergen_omsorg(advisor: Actor, enterprise: Enterprise) -> None:
    """Assessing, with a needs assessment under way: six answers, but only two on the scale
    for "knowledge" (four don't know), so that question's results are hidden."""
    cooperation = _start(advisor, enterprise, "assess")
    survey = employer_services.survey_open(
        actor=advisor, cooperation=cooperation, kind="needs_assessment"
    )
    rows: list[tuple[str, list[object]]] = [
        ("employee", [2, 3, 2, 4, "dont_know", 3]),
        ("employee", [3, 2, 3, 3, "dont_know", 4]),
        ("employee", [2, 2, 1, 2, 4, 3]),
        ("manager", [4, 3, 3, 3, "dont_know", 4]),
        ("manager", [3, 4, 2, 3, "dont_know", 4]),
        ("manager", [4, 3, 3, 2, 5, 5]),
    ]
    codes = ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"]
    for group, values in rows:
        _answer(survey.token, group, dict(zip(codes, values, strict=True)))
    employer_services.expert_assistance_apply(
        actor=demo_actor("arbeidsgiver"),
        enterprise=enterprise,
        employee_name="Kari Nordmann",
        employee_agreed=True,
        employee_agreed_on=timezone.localdate() - 3 * DAY,
        sick_leave="frequent",
        measures_tried=(
            "Oppfølgingssamtaler, redusert turnus og faste vakter i tre måneder; "
            "bedriftshelsetjenesten har vurdert arbeidsplassen."
        ),
        expert_name="Eva Ekspert",
        expert_organisation="Arbeidshelse Vest AS",
        expert_independent=True,
        assignment="Kartlegge årsakene til fraværet og foreslå tiltak for å stå i jobb.",
        amount="18000.00",
    )


def _plan(advisor: Actor, cooperation: Cooperation, *, finished: bool) -> None:
    today = timezone.localdate()
    themes = [
        (
            "partnership",
            "Faste møter i arbeidsmiljøutvalget",
            "Ledelse, tillitsvalgte og verneombud møtes hver måned om sykefraværet.",
        ),
        (
            "sick_leave",
            "Rutiner for tidlig oppfølging",
            "Alle ledere følger opp sykmeldte innen sju dager.",
        ),
        ("working_environment", "Mindre tunge løft", "Færre belastningsskader i produksjonen."),
    ]
    for theme, title, goal in themes:
        sub_theme = employer_services.sub_theme_add(
            actor=advisor,
            cooperation=cooperation,
            theme=theme,
            title=title,
            goal=goal,
            starts_on=today - 60 * DAY,
            ends_on=today + 120 * DAY,
        )
        employer_services.sub_theme_change(
            actor=advisor,
            sub_theme=sub_theme,
            version=sub_theme.version,
            status="done" if finished else "ongoing",
        )
    training = employer_services.delivery_add(
        actor=advisor,
        cooperation=cooperation,
        kind="training",
        deadline=today - 10 * DAY,
        description="Kurs for mellomledere i sykefraværsoppfølging.",
    )
    if finished:
        employer_services.delivery_change(
            actor=advisor, delivery=training, version=training.version, status="delivered"
        )
    else:
        employer_services.delivery_add(
            actor=advisor,
            cooperation=cooperation,
            kind="occupational_health",
            deadline=today + 30 * DAY,
            description="Felles kartlegging med bedriftshelsetjenesten.",
        )


def _closed_needs_assessment(advisor: Actor, cooperation: Cooperation) -> None:
    survey = employer_services.survey_open(
        actor=advisor, cooperation=cooperation, kind="needs_assessment"
    )
    for group, value in [("employee", 2), ("employee", 3), ("manager", 3), ("manager", 4)]:
        _answer(
            survey.token,
            group,
            dict.fromkeys(
                ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"],
                value,
            ),
        )
    employer_services.survey_close(actor=advisor, survey=survey)


def _applied_in_2018(advisor: Actor, enterprise: Enterprise, purpose: str, amount: str) -> Subsidy:
    """A prevention and facilitation subsidy applied for in 2018, the scheme's last year
    (no application is taken after it, so it is recorded as it came in then)."""
    return Subsidy.objects.create(
        enterprise=enterprise,
        purpose=purpose,
        amount_applied=Decimal(amount),
        applied_by=advisor.user,
        applied_on=datetime.date(LAST_PREVENTION_YEAR, 3, 12),
    )


def _decided_in_2018(enterprise: Enterprise) -> None:
    Subsidy.objects.filter(enterprise=enterprise, decided_on__isnull=False).update(
        decided_on=datetime.date(LAST_PREVENTION_YEAR, 4, 20)
    )
    Subsidy.objects.filter(enterprise=enterprise, paid_on__isnull=False).update(
        paid_on=datetime.date(LAST_PREVENTION_YEAR, 9, 3)
    )


def _deferred(advisor: Actor, enterprise: Enterprise) -> None:
    """Assessed, then deferred for three months: the IW centre has no capacity now."""
    cooperation = _start(advisor, enterprise, "assess")
    employer_services.cooperation_defer(
        actor=advisor,
        cooperation=cooperation,
        version=cooperation.version,
        deferred_until=timezone.localdate() + 90 * DAY,
        comment="Ingen ledig kapasitet i IA-senteret før over nyttår.",
    )


def _fjordkysten(advisor: Actor, enterprise: Enterprise) -> None:
    """Active, with a plan under way (one delivery overdue) and a granted subsidy."""
    cooperation = _start(advisor, enterprise, "assess", "activate")
    _closed_needs_assessment(advisor, cooperation)
    _plan(advisor, cooperation, finished=False)
    subsidy = _applied_in_2018(
        advisor, enterprise, "Løfteutstyr og opplæring på fileteringslinja.", "150000.00"
    )
    subsidy = employer_services.subsidy_assess(
        actor=advisor, subsidy=subsidy, version=subsidy.version
    )
    employer_services.subsidy_grant(
        actor=advisor, subsidy=subsidy, version=subsidy.version, amount="120000.00"
    )
    _decided_in_2018(enterprise)


def _vegkontor(advisor: Actor, enterprise: Enterprise) -> None:
    """Completed: the needs assessment closed, every sub-theme done, the subsidy paid."""
    cooperation = _start(advisor, enterprise, "assess", "activate")
    _closed_needs_assessment(advisor, cooperation)
    _plan(advisor, cooperation, finished=True)
    subsidy = _applied_in_2018(
        advisor, enterprise, "Ergonomisk tilpasning av kontorarbeidsplasser.", "60000.00"
    )
    for step in ("assess", "grant", "pay"):
        call = (
            employer_services.subsidy_grant
            if step == "grant"
            else (employer_services.SUBSIDY_TRANSITIONS[step])
        )
        subsidy = call(actor=advisor, subsidy=subsidy, version=subsidy.version)
    _decided_in_2018(enterprise)
    cooperation.refresh_from_db()
    employer_services.cooperation_complete(
        actor=advisor,
        cooperation=cooperation,
        version=cooperation.version,
        reason="goals_reached",
        comment="Sykefraværet er redusert med en tredjedel.",
    )


def _moves(*moves: str) -> Callable[[Actor, Enterprise], object]:
    return lambda advisor, enterprise: _start(advisor, enterprise, *moves)


STORIES: dict[str, Callable[[Actor, Enterprise], object]] = {
    "987654309": _bergen_omsorg,
    "964330123": _fjordkysten,
    "935308291": _deferred,
    "976240391": _moves("assess", "skip"),
    "925792403": _vegkontor,
    "971352418": _moves("assess", "activate"),
    "919730609": _moves("assess"),
    "916290721": _moves("assess", "activate", "cancel"),
}


# Not every demo cooperation began today: the events of these are dated back, a month
# apart from the day given (and a closing one three months ago), so that the IW centres'
# results have quarters before and during a cooperation to show.
STARTED_DAYS_AGO = {"964330123": 540, "925792403": 900, "971352418": 450, "916290721": 400}
CLOSED_DAYS_AGO = 90


def _date_back(enterprise: Enterprise) -> None:
    days = STARTED_DAYS_AGO.get(enterprise.organisation_number)
    if days is None:
        return
    cooperation = enterprise.cooperations.get()
    now = timezone.now()
    moments = []
    for number, event in enumerate(cooperation.events.order_by("occurred_at", "id")):
        moment = now - (days - 30 * number) * DAY
        if not cooperation.is_open and event.to_status == cooperation.status:
            moment = now - CLOSED_DAYS_AGO * DAY
        CooperationEvent.objects.filter(pk=event.pk).update(occurred_at=moment)
        moments.append(moment)
    Cooperation.objects.filter(pk=cooperation.pk).update(
        created_at=moments[0], updated_at=moments[-1]
    )
