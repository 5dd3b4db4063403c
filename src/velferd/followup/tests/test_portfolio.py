"""The portfolio: the people in follow-up at an office, the flags that make the policy
happen, the count behind every flag, filters, sort orders and paging.

Every rule is tested at its edges on a fixed day, passed to the portfolio as `today`.
The people are built through the services at NAV Sagene (0320), where the demo has
nobody: a state caseworker, a municipal caseworker and an approver work there."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pytest
from django.utils import timezone

from velferd.access.actor import ANONYMOUS, Actor, system_actor
from velferd.access.models import User
from velferd.access.roles import PartnerService, Role
from velferd.access.selectors import actor_for_user
from velferd.access.services import role_assign, user_create
from velferd.core.errors import DomainError
from velferd.core.identifiers import synthetic_national_id
from velferd.followup import portfolio
from velferd.followup import services as followup
from velferd.followup.models import Activity, FollowUpPeriod, IndividualPlan
from velferd.followup.portfolio import FLAGS, Portfolio, PortfolioQuery
from velferd.organisation.selectors import office
from velferd.people.models import Consent, Person
from velferd.people.services import consent_give, consent_withdraw, person_register

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

# A fixed day for every rule; nothing in it is a 29 February.
D = datetime.date(2025, 9, 17)
DAY = datetime.timedelta(days=1)
REASONING = "Du trenger hjelp til å komme i jobb, og vi har snakket om hva som skal til."
SERIALS = itertools.count(1)


def years_before(years: int, day: datetime.date = D) -> datetime.date:
    return day.replace(year=day.year - years)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A moment on a day, in the office's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# The office and its staff --------------------------------------------------------------------


@dataclass(frozen=True)
class Sagene:
    state: Actor  # a state caseworker (veileder)
    municipal: Actor  # a municipal caseworker (social services)
    approver: Actor

    def register(
        self,
        given: str,
        family: str,
        born: datetime.date,
        *,
        children: Iterable[datetime.date] = (),
        **extra: object,
    ) -> Person:
        return person_register(
            actor=self.state,
            national_id=synthetic_national_id(born, next(SERIALS)),
            given_name=given,
            family_name=family,
            municipality_number="0301",
            district="Sagene",
            children=[("Barn", b) for b in children],
            **extra,  # type: ignore[arg-type]
        )

    def follow(
        self, who: Person, *, by: Actor | None = None, started_on: datetime.date = D - 60 * DAY
    ) -> FollowUpPeriod:
        """Start the follow-up with `by` as the caseworker; unassigned without one."""
        return followup.period_start(
            actor=by or self.state,
            person=who,
            caseworker=by.user if by else None,
            started_on=started_on,
        )

    def person(
        self,
        given: str,
        family: str = "Sagen",
        born: datetime.date = datetime.date(1990, 1, 10),
        *,
        by: Actor | None = None,
        started_on: datetime.date = D - 60 * DAY,
        **extra: object,
    ) -> Person:
        """A person in follow-up at Sagene."""
        who = self.register(given, family, born, **extra)  # type: ignore[arg-type]
        self.follow(who, by=by or self.state, started_on=started_on)
        return who

    def assistance(
        self, who: Person, since: datetime.date, until: datetime.date | None = None
    ) -> None:
        """Financial assistance, recorded by the municipal caseworker."""
        followup.benefit_record(
            actor=self.municipal,
            person=who,
            kind="financial_assistance",
            starts_on=since,
            ends_on=until,
        )

    def benefit(
        self, who: Person, kind: str, since: datetime.date, until: datetime.date | None = None
    ) -> None:
        followup.benefit_record(
            actor=self.municipal, person=who, kind=kind, starts_on=since, ends_on=until
        )

    def decide(
        self, who: Person, need_group: str, main_goal: str = "get_work", send: bool = True
    ) -> None:
        """A §14a decision, approved by the approver where the group needs it, and sent."""
        assessment = followup.assessment_create(
            actor=self.state,
            person=who,
            need_group=need_group,
            main_goal=main_goal,
            reasoning=REASONING,
        )
        if not send:
            return
        if assessment.needs_approval:
            assessment = followup.assessment_submit(
                actor=self.state, assessment=assessment, version=assessment.version
            )
            assessment = followup.assessment_approve(
                actor=self.approver, assessment=assessment, version=assessment.version
            )
        followup.assessment_send(
            actor=self.state, assessment=assessment, version=assessment.version
        )

    def activity(
        self,
        who: Person,
        ends_on: datetime.date | None,
        status: str = "planned",
        agreed: bool = True,
        kind: str = "scheme",
    ) -> Activity:
        activity = followup.activity_create(
            actor=self.state,
            person=who,
            kind=kind,
            title="Arbeidstrening",
            agreed_with_office=agreed,
            starts_on=D - 30 * DAY,
            ends_on=ends_on,
        )
        if status != "planned":
            activity = followup.activity_transition(
                actor=self.state, activity=activity, status=status, version=activity.version
            )
        return activity

    def meeting(self, who: Person, when: datetime.datetime, cancelled: bool = False) -> None:
        meeting = followup.activity_create(
            actor=self.state, person=who, kind="meeting", title="Oppfølgingsmøte", meeting_at=when
        )
        if cancelled:
            followup.activity_transition(
                actor=self.state, activity=meeting, status="cancelled", version=meeting.version
            )

    def plan(self, who: Person, *deadlines: datetime.date, done: int = 0) -> IndividualPlan:
        """An individual plan with a measure per deadline; the first `done` are done."""
        plan = followup.individual_plan_create(
            actor=self.state, person=who, coordinator="nav", members=["gp"]
        )
        for number, deadline in enumerate(deadlines):
            measure = followup.plan_measure_add(
                actor=self.state,
                plan=plan,
                text=f"Tiltak {number + 1}",
                responsible_service="nav",
                deadline=deadline,
            )
            if number < done:
                followup.plan_measure_done(actor=self.state, measure=measure, done_on=D - 5 * DAY)
        return plan

    def consent_for_nav(self, who: Person, starts_on: datetime.date = D - 30 * DAY) -> Consent:
        """The person lets NAV's state side see the social services' records; the
        municipal caseworker records it with the signed form."""
        return consent_give(
            actor=self.municipal,
            person=who,
            partner_service=PartnerService.NAV_STATE,
            purpose="Samarbeid om oppfølging",
            starts_on=starts_on,
            ends_on=timezone.localdate() + 365 * DAY,
            document="Signert samtykkeskjema",
        )


def staff(system: Actor, username: str, full_name: str, role: str) -> Actor:
    user = user_create(actor=system, username=username, full_name=full_name, password=None)
    role_assign(actor=system, user=user, role=role, office=office("0320"))
    return actor_for_user(user)


@pytest.fixture
def sagene(system: Actor) -> Sagene:
    return sagene_office(system)


def sagene_office(system: Actor) -> Sagene:
    """NAV Sagene with its state caseworker, municipal caseworker and approver."""
    return Sagene(
        state=staff(system, "sagene-veileder", "Silje Sagene", Role.CASEWORKER_STATE),
        municipal=staff(system, "sagene-sosial", "Mons Sosial", Role.CASEWORKER_MUNICIPAL),
        approver=staff(system, "sagene-beslutter", "Bjørn Beslutter", Role.APPROVER),
    )


# Reading the portfolio -----------------------------------------------------------------------


def look(
    actor: Actor,
    *flags: str,
    today: datetime.date = D,
    page: int = 1,
    page_size: int = 200,
    **query: str,
) -> Portfolio:
    return portfolio.portfolio(
        actor=actor,
        query=PortfolioQuery(flags=set(flags), **query),  # type: ignore[arg-type]
        page=page,
        page_size=page_size,
        today=today,
    )


def names(actor: Actor, *flags: str, today: datetime.date = D, **query: str) -> list[str]:
    """The given names of the rows, in the portfolio's order."""
    found = look(actor, *flags, today=today, **query)  # type: ignore[arg-type]
    return [row.person.given_name for row in found.rows]


def flagged(actor: Actor, flag: str, today: datetime.date = D) -> list[str]:
    return sorted(names(actor, flag, today=today))


def refusal(call: Callable[[], object]) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


# The activity requirement (under 30, financial assistance, no agreed activity) ---------------


class TestActivityRequirement:
    @pytest.mark.parametrize(
        ("born", "expected"),
        [
            pytest.param(years_before(30) + DAY, True, id="29-thirty-tomorrow"),
            pytest.param(years_before(30), False, id="thirty-today"),
            pytest.param(years_before(30) - DAY, False, id="thirty-yesterday"),
            pytest.param(years_before(18), True, id="eighteen-today"),
        ],
    )
    def test_only_those_under_30_on_the_day(
        self, sagene: Sagene, born: datetime.date, expected: bool
    ) -> None:
        who = sagene.person("Ung", born=born)
        sagene.assistance(who, since=D - 100 * DAY)

        assert flagged(sagene.municipal, "activity_requirement") == (["Ung"] if expected else [])

    def test_on_the_30th_birthday_the_flag_goes(self, sagene: Sagene) -> None:
        who = sagene.person("Ung", born=years_before(30) + DAY)
        sagene.assistance(who, since=D - 100 * DAY)

        assert flagged(sagene.municipal, "activity_requirement") == ["Ung"]
        assert flagged(sagene.municipal, "activity_requirement", today=D + DAY) == []

    @pytest.mark.parametrize(
        ("ends_on", "status", "agreed", "expected"),
        [
            pytest.param(D, "planned", True, False, id="agreed-ending-today-counts"),
            pytest.param(D, "in_progress", True, False, id="agreed-in-progress-ending-today"),
            pytest.param(None, "planned", True, False, id="agreed-without-end"),
            pytest.param(D - DAY, "planned", True, True, id="agreed-ended-yesterday"),
            pytest.param(D - DAY, "in_progress", True, True, id="in-progress-ended-yesterday"),
            pytest.param(D + 30 * DAY, "completed", True, True, id="agreed-but-completed"),
            pytest.param(D + 30 * DAY, "cancelled", True, True, id="agreed-but-cancelled"),
            pytest.param(D + 30 * DAY, "planned", False, True, id="not-agreed-with-the-office"),
        ],
    )
    def test_an_agreed_activity_counts_until_the_end_of_its_last_day(
        self,
        sagene: Sagene,
        ends_on: datetime.date | None,
        status: str,
        agreed: bool,
        expected: bool,
    ) -> None:
        who = sagene.person("Ung", born=datetime.date(2001, 5, 5))
        sagene.assistance(who, since=D - 100 * DAY)
        sagene.activity(who, ends_on, status=status, agreed=agreed)

        assert flagged(sagene.municipal, "activity_requirement") == (["Ung"] if expected else [])
        in_agreed = flagged(sagene.municipal, "in_agreed_activity")
        assert in_agreed == ([] if expected else ["Ung"])
        assert flagged(sagene.municipal, "not_in_agreed_activity") == (["Ung"] if expected else [])

    @pytest.mark.parametrize(
        ("since", "until", "expected"),
        [
            pytest.param(D - 100 * DAY, None, True, id="running"),
            pytest.param(D, None, True, id="starting-today"),
            pytest.param(D - 100 * DAY, D, True, id="ending-today"),
            pytest.param(D - 100 * DAY, D - DAY, False, id="ended-yesterday"),
            pytest.param(D + DAY, None, False, id="starting-tomorrow"),
        ],
    )
    def test_only_while_financial_assistance_runs(
        self,
        sagene: Sagene,
        since: datetime.date,
        until: datetime.date | None,
        expected: bool,
    ) -> None:
        who = sagene.person("Ung", born=datetime.date(2001, 5, 5))
        sagene.assistance(who, since=since, until=until)

        assert flagged(sagene.municipal, "activity_requirement") == (["Ung"] if expected else [])
        running = names(sagene.municipal, benefit="financial_assistance")
        assert running == (["Ung"] if expected else [])

    def test_another_benefit_is_not_financial_assistance(self, sagene: Sagene) -> None:
        who = sagene.person("Ung", born=datetime.date(2001, 5, 5))
        sagene.benefit(who, "unemployment_benefit", since=D - 100 * DAY)

        assert flagged(sagene.municipal, "activity_requirement") == []


class TestTheStateSideAndTheMunicipalRecords:
    """Financial assistance is the municipality's record: the state caseworker does not get
    the flags built on it, nor the filter, without the person's consent."""

    @pytest.fixture
    def young(self, sagene: Sagene) -> Person:
        who = sagene.person("Ung", born=datetime.date(2001, 5, 5))
        sagene.assistance(who, since=D - 100 * DAY)
        return who

    def test_the_municipal_caseworker_gets_the_flag_and_the_filter(
        self, sagene: Sagene, young: Person
    ) -> None:
        found = look(sagene.municipal)
        assert found.counts["activity_requirement"] == 1
        assert names(sagene.municipal, "activity_requirement") == ["Ung"]
        assert names(sagene.municipal, benefit="financial_assistance") == ["Ung"]

    def test_the_state_caseworker_gets_neither_without_consent(
        self, sagene: Sagene, young: Person
    ) -> None:
        found = look(sagene.state)
        assert found.total == 1
        assert found.counts["activity_requirement"] == 0
        assert names(sagene.state, "activity_requirement") == []
        assert names(sagene.state, benefit="financial_assistance") == []

    def test_the_approver_gets_neither_without_consent(self, sagene: Sagene, young: Person) -> None:
        assert look(sagene.approver).counts["activity_requirement"] == 0
        assert names(sagene.approver, benefit="financial_assistance") == []

    def test_with_the_persons_consent_the_state_caseworker_gets_both(
        self, sagene: Sagene, young: Person
    ) -> None:
        sagene.consent_for_nav(young)

        assert look(sagene.state).counts["activity_requirement"] == 1
        assert names(sagene.state, "activity_requirement") == ["Ung"]
        assert names(sagene.state, benefit="financial_assistance") == ["Ung"]

    def test_a_consent_from_tomorrow_does_not_count_today(
        self, sagene: Sagene, young: Person
    ) -> None:
        sagene.consent_for_nav(young, starts_on=D + DAY)

        assert names(sagene.state, "activity_requirement") == []
        assert names(sagene.state, "activity_requirement", today=D + DAY) == ["Ung"]

    def test_a_withdrawn_consent_counts_no_more(self, sagene: Sagene, young: Person) -> None:
        consent = sagene.consent_for_nav(young)
        consent_withdraw(actor=sagene.state, consent=consent)

        assert names(sagene.state, "activity_requirement") == []
        assert names(sagene.state, benefit="financial_assistance") == []

    def test_a_consent_for_a_partner_is_not_a_consent_for_nav(
        self, sagene: Sagene, young: Person
    ) -> None:
        consent_give(
            actor=sagene.state,
            person=young,
            partner_service=PartnerService.GP,
            purpose="Fastlegen",
            starts_on=D - 30 * DAY,
            ends_on=timezone.localdate() + 30 * DAY,
        )
        assert names(sagene.state, "activity_requirement") == []

    def test_the_qualification_benefit_filter_is_municipal_too(self, sagene: Sagene) -> None:
        who = sagene.person("Kval")
        sagene.benefit(who, "qualification_benefit", since=D - 10 * DAY)

        assert names(sagene.municipal, benefit="qualification_benefit") == ["Kval"]
        assert names(sagene.state, benefit="qualification_benefit") == []

    def test_a_state_benefit_filter_is_open_to_the_state_caseworker(self, sagene: Sagene) -> None:
        who = sagene.person("Aap")
        sagene.benefit(who, "work_assessment_allowance", since=D - 10 * DAY)

        assert names(sagene.state, benefit="work_assessment_allowance") == ["Aap"]


class TestAtTheDemoOffice:
    """Jonas at NAV Grünerløkka: under 30, on financial assistance for 200 days, no agreed
    activity, followed up by the municipal caseworker; no consent for NAV's state side."""

    @pytest.mark.parametrize(
        ("login", "expected"),
        [
            ("sosialkonsulent", ["Jonas"]),
            ("veileder", []),
            ("kontorleder", []),
            ("beslutter", []),
        ],
    )
    def test_jonas_is_flagged_for_the_municipal_caseworker_only(
        self, actor_of_login: Lookup, login: str, expected: list[str]
    ) -> None:
        actor, today = actor_of_login(login), timezone.localdate()
        assert flagged(actor, "activity_requirement", today=today) == expected
        assert names(actor, benefit="financial_assistance", today=today) == expected

    def test_with_jonass_consent_the_state_caseworker_sees_him_flagged(
        self, actor_of_login: Lookup
    ) -> None:
        today = timezone.localdate()
        consent_give(
            actor=system_actor("tests"),
            person=Person.objects.get(given_name="Jonas"),
            partner_service=PartnerService.NAV_STATE,
            purpose="Samarbeid",
            starts_on=today,
            ends_on=today + 30 * DAY,
        )
        assert flagged(actor_of_login("veileder"), "activity_requirement", today=today) == ["Jonas"]

    def test_marias_overdue_measure_flags_her_plan(self, actor_of_login: Lookup) -> None:
        today = timezone.localdate()
        assert flagged(actor_of_login("veileder"), "plan_overdue_measures", today=today) == [
            "Maria"
        ]

    def test_jonas_is_the_municipal_caseworkers_own(self, actor_of_login: Lookup) -> None:
        today = timezone.localdate()
        assert flagged(actor_of_login("sosialkonsulent"), "mine", today=today) == ["Jonas"]


# The qualification programme's target group --------------------------------------------------


class TestQualificationTargetGroup:
    """18–66, financial assistance for at least 182 days, need group specially adapted or
    partially permanent in the sent decision, not yet assessed for the programme."""

    def candidate(
        self,
        sagene: Sagene,
        born: datetime.date = datetime.date(1985, 2, 2),
        since: datetime.date = D - 200 * DAY,
        until: datetime.date | None = None,
        need_group: str | None = "specially_adapted",
        send: bool = True,
    ) -> Person:
        who = sagene.person("Kandidat", born=born, by=sagene.municipal)
        sagene.assistance(who, since=since, until=until)
        if need_group:
            sagene.decide(who, need_group, send=send)
        return who

    def in_group(self, actor: Actor, today: datetime.date = D) -> bool:
        return flagged(actor, "qualification_not_assessed", today=today) == ["Kandidat"]

    def test_a_person_in_the_target_group_is_flagged(self, sagene: Sagene) -> None:
        self.candidate(sagene)
        assert self.in_group(sagene.municipal)
        assert look(sagene.municipal).counts["qualification_not_assessed"] == 1

    @pytest.mark.parametrize(
        ("born", "expected"),
        [
            pytest.param(years_before(18), True, id="eighteen-today"),
            pytest.param(years_before(18) + DAY, False, id="seventeen-eighteen-tomorrow"),
            pytest.param(years_before(67) + DAY, True, id="sixty-six-67-tomorrow"),
            pytest.param(years_before(67), False, id="sixty-seven-today"),
        ],
    )
    def test_working_age_is_18_to_66(
        self, sagene: Sagene, born: datetime.date, expected: bool
    ) -> None:
        self.candidate(sagene, born=born)
        assert self.in_group(sagene.municipal) is expected

    @pytest.mark.parametrize(
        ("since", "until", "expected"),
        [
            pytest.param(D - 182 * DAY, None, True, id="182-days"),
            pytest.param(D - 181 * DAY, None, False, id="181-days"),
            pytest.param(D - 400 * DAY, D, True, id="long-ending-today"),
            pytest.param(D - 400 * DAY, D - DAY, False, id="long-but-ended-yesterday"),
        ],
    )
    def test_financial_assistance_must_have_run_for_six_months(
        self,
        sagene: Sagene,
        since: datetime.date,
        until: datetime.date | None,
        expected: bool,
    ) -> None:
        self.candidate(sagene, since=since, until=until)
        assert self.in_group(sagene.municipal) is expected

    def test_the_181st_day_becomes_the_182nd(self, sagene: Sagene) -> None:
        self.candidate(sagene, since=D - 181 * DAY)
        assert not self.in_group(sagene.municipal)
        assert self.in_group(sagene.municipal, today=D + DAY)

    @pytest.mark.parametrize(
        ("need_group", "expected"),
        [
            ("specially_adapted", True),
            ("partially_permanent", True),
            ("standard", False),
            ("situation_specific", False),
            ("permanent", False),
            (None, False),
        ],
    )
    def test_the_need_group_of_the_sent_decision(
        self, sagene: Sagene, need_group: str | None, expected: bool
    ) -> None:
        self.candidate(sagene, need_group=need_group)
        assert self.in_group(sagene.municipal) is expected

    def test_a_draft_decision_does_not_count(self, sagene: Sagene) -> None:
        self.candidate(sagene, need_group="specially_adapted", send=False)
        assert not self.in_group(sagene.municipal)

    def test_the_latest_sent_decision_counts(self, sagene: Sagene) -> None:
        who = self.candidate(sagene, need_group="specially_adapted")
        sagene.decide(who, "situation_specific")
        assert not self.in_group(sagene.municipal)

    @pytest.mark.parametrize("outcome", ["offered", "not_entitled", "declined"])
    def test_once_assessed_the_person_is_not_flagged_whatever_the_outcome(
        self, sagene: Sagene, outcome: str
    ) -> None:
        who = self.candidate(sagene)
        followup.qualification_assessment_record(
            actor=sagene.municipal, person=who, outcome=outcome, assessed_on=D - 3 * DAY
        )
        assert not self.in_group(sagene.municipal)

    def test_the_state_caseworker_needs_the_persons_consent(self, sagene: Sagene) -> None:
        who = self.candidate(sagene)
        assert not self.in_group(sagene.state)

        sagene.consent_for_nav(who)

        assert self.in_group(sagene.state)


# The other flags -----------------------------------------------------------------------------


class TestOverdueActivities:
    @pytest.mark.parametrize(
        ("ends_on", "status", "agreed", "expected"),
        [
            pytest.param(D - DAY, "planned", True, True, id="planned-ended-yesterday"),
            pytest.param(D - DAY, "in_progress", False, True, id="own-in-progress-yesterday"),
            pytest.param(D, "planned", True, False, id="ending-today"),
            pytest.param(D - DAY, "completed", True, False, id="completed"),
            pytest.param(D - DAY, "cancelled", True, False, id="cancelled"),
            pytest.param(None, "planned", True, False, id="without-end"),
        ],
    )
    def test_an_open_activity_past_its_end(
        self,
        sagene: Sagene,
        ends_on: datetime.date | None,
        status: str,
        agreed: bool,
        expected: bool,
    ) -> None:
        who = sagene.person("Aktiv")
        sagene.activity(who, ends_on, status=status, agreed=agreed)
        assert flagged(sagene.state, "overdue_activities") == (["Aktiv"] if expected else [])


class TestMeetingsToday:
    @pytest.mark.parametrize(
        ("when", "cancelled", "expected"),
        [
            pytest.param(at(D, 0, 0), False, True, id="at-midnight"),
            pytest.param(at(D, 23, 59), False, True, id="just-before-midnight"),
            pytest.param(at(D - DAY, 23, 59), False, False, id="last-night"),
            pytest.param(at(D + DAY, 0, 0), False, False, id="tomorrow-at-midnight"),
            pytest.param(at(D, 10), True, False, id="cancelled"),
        ],
    )
    def test_a_meeting_on_the_day_in_the_offices_time_zone(
        self, sagene: Sagene, when: datetime.datetime, cancelled: bool, expected: bool
    ) -> None:
        who = sagene.person("Møte")
        sagene.meeting(who, when, cancelled=cancelled)
        assert flagged(sagene.state, "meetings_today") == (["Møte"] if expected else [])


class TestIndividualPlanWithOverdueMeasures:
    @pytest.mark.parametrize(
        ("deadlines", "done", "expected"),
        [
            pytest.param([D - DAY], 0, True, id="deadline-yesterday"),
            pytest.param([D], 0, False, id="deadline-today"),
            pytest.param([D - DAY], 1, False, id="done"),
            pytest.param([D - 10 * DAY, D - DAY], 1, True, id="one-of-two-done"),
            pytest.param([], 0, False, id="no-measures"),
        ],
    )
    def test_a_measure_not_done_past_its_deadline(
        self, sagene: Sagene, deadlines: list[datetime.date], done: int, expected: bool
    ) -> None:
        who = sagene.person("Plan")
        sagene.plan(who, *deadlines, done=done)
        assert flagged(sagene.state, "plan_overdue_measures") == (["Plan"] if expected else [])

    def test_no_plan_no_flag(self, sagene: Sagene) -> None:
        sagene.person("Plan")
        assert flagged(sagene.state, "plan_overdue_measures") == []


class TestChildrenUnder18:
    @pytest.mark.parametrize(
        ("children", "expected"),
        [
            pytest.param([years_before(18) + DAY], True, id="eighteen-tomorrow"),
            pytest.param([years_before(18)], False, id="eighteen-today"),
            pytest.param([years_before(18), D - 100 * DAY], True, id="one-grown-one-small"),
            pytest.param([], False, id="no-children"),
        ],
    )
    def test_a_child_under_18_on_the_day(
        self, sagene: Sagene, children: list[datetime.date], expected: bool
    ) -> None:
        sagene.person("Forelder", born=datetime.date(1980, 1, 1), children=children)
        assert flagged(sagene.state, "children_under_18") == (["Forelder"] if expected else [])


class TestOneLinerFlags:
    def test_interpreter(self, sagene: Sagene) -> None:
        sagene.person("Tolk", needs_interpreter=True, language="so")
        sagene.person("Uten")
        assert flagged(sagene.state, "needs_interpreter") == ["Tolk"]

    def test_mine_is_the_actors_own_people(self, sagene: Sagene) -> None:
        sagene.person("Statlig", by=sagene.state)
        sagene.person("Kommunal", by=sagene.municipal)
        sagene.follow(sagene.register("Ingen", "Sagen", datetime.date(1990, 1, 1)))

        assert flagged(sagene.state, "mine") == ["Statlig"]
        assert flagged(sagene.municipal, "mine") == ["Kommunal"]
        assert flagged(sagene.approver, "mine") == []

    def test_unassigned_is_whoever_has_no_caseworker(self, sagene: Sagene) -> None:
        sagene.person("Statlig", by=sagene.state)
        sagene.follow(sagene.register("Ingen", "Sagen", datetime.date(1990, 1, 1)))
        assert flagged(sagene.state, "unassigned") == ["Ingen"]

    @pytest.mark.parametrize(
        ("started_on", "expected"),
        [
            pytest.param(D, True, id="today"),
            pytest.param(D - 14 * DAY, True, id="14-days-ago"),
            pytest.param(D - 15 * DAY, False, id="15-days-ago"),
        ],
    )
    def test_new_is_started_within_14_days(
        self, sagene: Sagene, started_on: datetime.date, expected: bool
    ) -> None:
        sagene.person("Ny", started_on=started_on)
        assert flagged(sagene.state, "new") == (["Ny"] if expected else [])

    def test_assessment_missing_until_a_decision_is_sent(self, sagene: Sagene) -> None:
        who = sagene.person("Vedtak")
        sagene.decide(who, "standard", send=False)
        assert flagged(sagene.state, "assessment_missing") == ["Vedtak"]

        sagene.decide(who, "standard")

        assert flagged(sagene.state, "assessment_missing") == []

    def test_waiting_for_the_office_or_the_person(self, sagene: Sagene) -> None:
        asked = sagene.person("Spurt")
        answered = sagene.person("Svart")
        followup.thread_start(
            actor=sagene.state, person=asked, subject="Spørsmål", text="Hei", wait_for_reply=True
        )
        thread = followup.thread_start(
            actor=sagene.state, person=answered, subject="Svar", text="Hei"
        )
        followup.thread_set_waiting(actor=sagene.state, thread=thread, waiting_for="office")

        assert flagged(sagene.state, "waiting_for_person") == ["Spurt"]
        assert flagged(sagene.state, "waiting_for_office") == ["Svart"]


# Filters -------------------------------------------------------------------------------------


class TestFilters:
    def test_need_group_and_main_goal_come_from_the_sent_decision(self, sagene: Sagene) -> None:
        standard = sagene.person("Standard")
        sagene.decide(standard, "standard", "get_work")
        adapted = sagene.person("Tilpasset")
        sagene.decide(adapted, "specially_adapted", "keep_work")
        draft = sagene.person("Utkast")
        sagene.decide(draft, "specially_adapted", "keep_work", send=False)

        assert names(sagene.state, need_group="specially_adapted") == ["Tilpasset"]
        assert names(sagene.state, need_group="standard") == ["Standard"]
        assert names(sagene.state, need_group="permanent") == []
        assert names(sagene.state, main_goal="keep_work") == ["Tilpasset"]
        assert names(sagene.state, main_goal="get_work") == ["Standard"]
        assert names(sagene.state, need_group="standard", main_goal="keep_work") == []

    @pytest.mark.parametrize(
        ("since", "until", "expected"),
        [
            pytest.param(D - 10 * DAY, None, True, id="running"),
            pytest.param(D - 10 * DAY, D, True, id="ending-today"),
            pytest.param(D - 10 * DAY, D - DAY, False, id="ended-yesterday"),
            pytest.param(D + DAY, None, False, id="from-tomorrow"),
        ],
    )
    def test_a_benefit_filter_finds_a_benefit_running_on_the_day(
        self,
        sagene: Sagene,
        since: datetime.date,
        until: datetime.date | None,
        expected: bool,
    ) -> None:
        who = sagene.person("Aap")
        sagene.benefit(who, "work_assessment_allowance", since=since, until=until)
        found = names(sagene.state, benefit="work_assessment_allowance")
        assert found == (["Aap"] if expected else [])

    @pytest.mark.parametrize(
        ("years", "days", "band"),
        [
            pytest.param(24, 0, "under_25", id="24-today"),
            pytest.param(25, -1, "under_25", id="25-tomorrow"),
            pytest.param(25, 0, "25_29", id="25-today"),
            pytest.param(29, 0, "25_29", id="29-today"),
            pytest.param(30, -1, "25_29", id="30-tomorrow"),
            pytest.param(30, 0, "30_39", id="30-today"),
            pytest.param(40, 0, "40_49", id="40-today"),
            pytest.param(50, 0, "50_59", id="50-today"),
            pytest.param(60, -1, "50_59", id="60-tomorrow"),
            pytest.param(60, 0, "60_plus", id="60-today"),
            pytest.param(70, 0, "60_plus", id="70"),
        ],
    )
    def test_an_age_band_holds_the_ages_on_the_day(
        self, sagene: Sagene, years: int, days: int, band: str
    ) -> None:
        sagene.person("Alder", born=years_before(years) - days * DAY)

        bands = [b for b in portfolio.AGE_BANDS if names(sagene.state, age_band=b) == ["Alder"]]

        assert bands == [band]

    def test_filters_and_flags_combine(self, sagene: Sagene) -> None:
        young = sagene.person("Ung", born=datetime.date(2003, 1, 1), needs_interpreter=True)
        sagene.person("Eldre", born=datetime.date(1960, 1, 1), needs_interpreter=True)
        sagene.decide(young, "standard")

        assert names(sagene.state, "needs_interpreter", age_band="under_25") == ["Ung"]
        assert names(sagene.state, "needs_interpreter", "assessment_missing") == ["Eldre"]
        assert names(sagene.state, "needs_interpreter", "new") == []


# Sort orders and paging ----------------------------------------------------------------------


class TestSortAndPages:
    @pytest.fixture
    def three(self, sagene: Sagene) -> None:
        alf = sagene.person("Alf", "Berg", datetime.date(1980, 3, 3), started_on=D - 10 * DAY)
        sagene.activity(alf, D + 5 * DAY)
        bodil = sagene.person("Bodil", "Aas", datetime.date(1990, 3, 3), started_on=D - 20 * DAY)
        sagene.activity(bodil, D + DAY)
        sagene.activity(bodil, D + 9 * DAY)
        cato = sagene.person("Cato", "Berg", datetime.date(2000, 3, 3), started_on=D - 5 * DAY)
        sagene.activity(cato, D - 3 * DAY, status="completed")

    @pytest.mark.parametrize(
        ("sort", "expected"),
        [
            ("name", ["Bodil", "Alf", "Cato"]),
            ("-name", ["Cato", "Alf", "Bodil"]),
            ("age", ["Cato", "Bodil", "Alf"]),
            ("-age", ["Alf", "Bodil", "Cato"]),
            ("started", ["Bodil", "Alf", "Cato"]),
            ("-started", ["Cato", "Alf", "Bodil"]),
            ("deadline", ["Bodil", "Alf", "Cato"]),
            ("", ["Bodil", "Alf", "Cato"]),
        ],
    )
    def test_each_sort_order(
        self, sagene: Sagene, three: None, sort: str, expected: list[str]
    ) -> None:
        assert names(sagene.state, sort=sort) == expected

    def test_the_next_deadline_is_the_earliest_open_activitys_end(
        self, sagene: Sagene, three: None
    ) -> None:
        rows = {r.person.given_name: r.next_deadline for r in look(sagene.state).rows}
        assert rows == {"Alf": D + 5 * DAY, "Bodil": D + DAY, "Cato": None}

    def test_pages_split_the_rows_and_the_counts_stay_whole(
        self, sagene: Sagene, three: None
    ) -> None:
        pages = [look(sagene.state, page=n, page_size=2) for n in (1, 2)]

        assert [[r.person.given_name for r in p.rows] for p in pages] == [
            ["Bodil", "Alf"],
            ["Cato"],
        ]
        assert {(p.count, p.total) for p in pages} == {(3, 3)}
        with pytest.raises(DomainError) as past_the_last:
            look(sagene.state, page=3, page_size=2)
        assert (past_the_last.value.code, past_the_last.value.field) == ("invalid_page", "page")

    def test_the_count_is_of_the_filtered_rows_and_the_flag_counts_of_all(
        self, sagene: Sagene, three: None
    ) -> None:
        everyone = look(sagene.state)
        mine = look(sagene.state, "mine", page_size=1)
        new = look(sagene.state, "new")

        assert (everyone.count, mine.count, new.count) == (3, 3, 2)
        assert len(mine.rows) == 1
        assert mine.counts == new.counts == everyone.counts
        assert mine.total == new.total == 3


# Refusals ------------------------------------------------------------------------------------


class TestRefusals:
    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ({"flags": {"bogus"}}, "flag"),
            ({"flags": {"mine", "overdue"}}, "flag"),
            ({"need_group": "very_special"}, "need_group"),
            ({"main_goal": "retire"}, "main_goal"),
            ({"benefit": "lottery"}, "benefit"),
            ({"age_band": "teens"}, "age_band"),
            ({"sort": "shoe_size"}, "sort"),
        ],
    )
    def test_an_unknown_value_is_refused_with_422(
        self, sagene: Sagene, query: dict[str, object], field: str
    ) -> None:
        error = refusal(
            lambda: portfolio.portfolio(
                actor=sagene.state,
                query=PortfolioQuery(**query),  # type: ignore[arg-type]
                today=D,
            )
        )
        assert (error.code, error.status, error.field) == ("invalid_filter", 422, field)

    def test_another_offices_portfolio_is_403(self, sagene: Sagene) -> None:
        error = refusal(
            lambda: portfolio.portfolio(
                actor=sagene.state, query=PortfolioQuery(office=office("0317").pk), today=D
            )
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_the_own_office_may_be_named(self, sagene: Sagene) -> None:
        sagene.person("Her")
        found = portfolio.portfolio(
            actor=sagene.state, query=PortfolioQuery(office=office("0320").pk), today=D
        )
        assert [r.person.given_name for r in found.rows] == ["Her"]

    @pytest.mark.parametrize("login", ["admin", "fastlege", "innbygger", "analytiker"])
    def test_someone_without_an_office_has_no_portfolio(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        error = refusal(
            lambda: portfolio.portfolio(actor=actor_of_login(login), query=PortfolioQuery())
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_anonymous_is_told_to_log_in(self) -> None:
        error = refusal(lambda: portfolio.portfolio(actor=ANONYMOUS, query=PortfolioQuery()))
        assert (error.code, error.status) == ("not_authenticated", 401)


# A whole office, counted ---------------------------------------------------------------------


class TestAWholeOffice:
    """Ten people at NAV Sagene with known properties, two hidden ones and one whose
    follow-up has ended; every count of the portfolio, for the municipal and the state
    caseworker."""

    @pytest.fixture
    def office_people(self, sagene: Sagene) -> None:
        s, m = sagene.state, sagene.municipal

        # Under 30 on financial assistance, no activity.
        aksel = sagene.person("Aksel", "Aune", datetime.date(2001, 3, 2), by=m)
        sagene.assistance(aksel, since=D - 100 * DAY)
        # Thirty today, on financial assistance, no activity.
        berit = sagene.person("Berit", "Brekke", years_before(30), by=m)
        sagene.assistance(berit, since=D - 100 * DAY)
        # On financial assistance, in an agreed activity ending today; interpreter.
        casper = sagene.person(
            "Casper",
            "Dahle",
            datetime.date(2000, 1, 10),
            by=s,
            started_on=D - 30 * DAY,
            needs_interpreter=True,
            language="pl",
        )
        sagene.assistance(casper, since=D - 50 * DAY)
        sagene.activity(casper, D)
        sagene.decide(casper, "standard", "get_work")
        # On financial assistance, agreed activity ended yesterday; consent for NAV.
        dorthe = sagene.person(
            "Dorthe", "Eng", datetime.date(1999, 5, 5), by=s, started_on=D - 30 * DAY
        )
        sagene.assistance(dorthe, since=D - 50 * DAY)
        sagene.activity(dorthe, D - DAY, status="in_progress")
        sagene.decide(dorthe, "situation_specific", "keep_work")
        sagene.consent_for_nav(dorthe)
        # Unassigned and new (14 days); financial assistance ended yesterday.
        eirik = sagene.register("Eirik", "Fossum", datetime.date(2003, 2, 2))
        sagene.follow(eirik, started_on=D - 14 * DAY)
        sagene.assistance(eirik, since=D - 300 * DAY, until=D - DAY)
        # 66 (67 tomorrow), 182 days of assistance, specially adapted: the target group.
        froydis = sagene.person(
            "Frøydis", "Gran", years_before(67) + DAY, by=m, started_on=D - 400 * DAY
        )
        sagene.assistance(froydis, since=D - 182 * DAY)
        sagene.decide(froydis, "specially_adapted", "increase_participation")
        # 67 today: too old for the programme; an individual plan with an overdue measure.
        gunnar = sagene.person("Gunnar", "Haug", years_before(67), by=m)
        sagene.assistance(gunnar, since=D - 300 * DAY)
        sagene.decide(gunnar, "partially_permanent", "keep_work")
        sagene.plan(gunnar, D - DAY, D + 10 * DAY)
        # Assessed for the programme already; a meeting today; the office waits for her.
        hanne = sagene.person("Hanne", "Ims", datetime.date(1985, 2, 2), by=m)
        sagene.assistance(hanne, since=D - 200 * DAY)
        sagene.decide(hanne, "partially_permanent", "get_work")
        followup.qualification_assessment_record(
            actor=m, person=hanne, outcome="offered", assessed_on=D - 20 * DAY
        )
        sagene.meeting(hanne, at(D, 10))
        thread = followup.thread_start(actor=m, person=hanne, subject="Kurs", text="Hei")
        followup.thread_set_waiting(actor=m, thread=thread, waiting_for="office")
        # Started 15 days ago; a child who is 18 today; work assessment allowance.
        ivar = sagene.person(
            "Ivar",
            "Jensen",
            datetime.date(1990, 7, 7),
            by=s,
            started_on=D - 15 * DAY,
            children=[years_before(18)],
        )
        sagene.decide(ivar, "standard", "get_work")
        sagene.benefit(ivar, "work_assessment_allowance", since=D - 10 * DAY)
        # A child who is 18 tomorrow; interpreter; a plan with nothing overdue; the office
        # waits for her answer; a meeting last night and a cancelled one today.
        jorunn = sagene.person(
            "Jorunn",
            "Kleven",
            datetime.date(1988, 8, 8),
            by=s,
            started_on=D - 200 * DAY,
            children=[years_before(18) + DAY],
            needs_interpreter=True,
            language="ar",
        )
        sagene.plan(jorunn, D - 5 * DAY, D, done=1)
        followup.thread_start(
            actor=s, person=jorunn, subject="Møte", text="Passer torsdag?", wait_for_reply=True
        )
        sagene.meeting(jorunn, at(D - DAY, 23, 30))
        sagene.meeting(jorunn, at(D, 12), cancelled=True)

        # Not in the portfolio: a strictly confidential address, an office employee, and
        # a follow-up that has ended.
        # (Nobody at the office may see the first two, so the system starts them.)
        for given, family, hidden in (
            ("Lone", "Mo", {"address_protection": "strictly_confidential"}),
            ("Mats", "Nes", {"is_office_employee": True}),
        ):
            followup.period_start(
                actor=system_actor("tests"),
                person=sagene.register(given, family, datetime.date(1980, 1, 1), **hidden),
                caseworker=s.user,
                started_on=D - 60 * DAY,
            )
        ended = sagene.person("Nils", "Ovesen", started_on=D - 300 * DAY)
        period = FollowUpPeriod.objects.get(person=ended)
        followup.period_end(
            actor=s, period=period, version=period.version, reason="I jobb", ended_on=D - 30 * DAY
        )

    COMMON = {
        "unassigned": 1,
        "new": 1,
        "assessment_missing": 4,
        "waiting_for_office": 1,
        "waiting_for_person": 1,
        "overdue_activities": 1,
        "in_agreed_activity": 1,
        "not_in_agreed_activity": 9,
        "meetings_today": 1,
        "plan_overdue_measures": 1,
        "children_under_18": 1,
        "needs_interpreter": 2,
    }

    def test_every_count_for_the_municipal_caseworker(
        self, sagene: Sagene, office_people: None
    ) -> None:
        found = look(sagene.municipal)

        assert found.total == found.count == 10
        assert found.counts == {
            **self.COMMON,
            "activity_requirement": 2,
            "qualification_not_assessed": 1,
            "mine": 5,
        }
        assert set(found.counts) == set(FLAGS)

    def test_every_count_for_the_state_caseworker(
        self, sagene: Sagene, office_people: None
    ) -> None:
        found = look(sagene.state)

        assert found.total == found.count == 10
        assert found.counts == {
            **self.COMMON,
            "activity_requirement": 1,
            "qualification_not_assessed": 0,
            "mine": 4,
        }

    def test_everyone_in_name_order(self, sagene: Sagene, office_people: None) -> None:
        assert names(sagene.state) == [
            "Aksel",
            "Berit",
            "Casper",
            "Dorthe",
            "Eirik",
            "Frøydis",
            "Gunnar",
            "Hanne",
            "Ivar",
            "Jorunn",
        ]

    @pytest.mark.parametrize(
        ("flag", "municipal", "state"),
        [
            ("unassigned", ["Eirik"], ["Eirik"]),
            ("new", ["Eirik"], ["Eirik"]),
            ("assessment_missing", ["Aksel", "Berit", "Eirik", "Jorunn"], None),
            ("waiting_for_office", ["Hanne"], None),
            ("waiting_for_person", ["Jorunn"], None),
            ("overdue_activities", ["Dorthe"], None),
            ("in_agreed_activity", ["Casper"], None),
            ("meetings_today", ["Hanne"], None),
            ("activity_requirement", ["Aksel", "Dorthe"], ["Dorthe"]),
            ("qualification_not_assessed", ["Frøydis"], []),
            ("plan_overdue_measures", ["Gunnar"], None),
            ("children_under_18", ["Jorunn"], None),
            ("needs_interpreter", ["Casper", "Jorunn"], None),
            ("mine", ["Aksel", "Berit", "Frøydis", "Gunnar", "Hanne"], None),
        ],
    )
    def test_each_flag_lists_its_people(
        self,
        sagene: Sagene,
        office_people: None,
        flag: str,
        municipal: list[str],
        state: list[str] | None,
    ) -> None:
        assert names(sagene.municipal, flag) == municipal
        if flag == "mine":
            state = ["Casper", "Dorthe", "Ivar", "Jorunn"]
        assert names(sagene.state, flag) == (municipal if state is None else state)

    def test_the_filters_list_their_people(self, sagene: Sagene, office_people: None) -> None:
        m, s = sagene.municipal, sagene.state

        assert names(m, benefit="financial_assistance") == [
            "Aksel",
            "Berit",
            "Casper",
            "Dorthe",
            "Frøydis",
            "Gunnar",
            "Hanne",
        ]
        assert names(s, benefit="financial_assistance") == ["Dorthe"]
        assert names(s, benefit="work_assessment_allowance") == ["Ivar"]
        assert names(s, need_group="partially_permanent") == ["Gunnar", "Hanne"]
        assert names(s, need_group="standard") == ["Casper", "Ivar"]
        assert names(s, main_goal="keep_work") == ["Dorthe", "Gunnar"]
        assert names(s, main_goal="increase_participation") == ["Frøydis"]
        assert names(s, age_band="under_25") == ["Aksel", "Eirik"]
        assert names(s, age_band="25_29") == ["Casper", "Dorthe"]
        assert names(s, age_band="30_39") == ["Berit", "Ivar", "Jorunn"]
        assert names(s, age_band="40_49") == ["Hanne"]
        assert names(s, age_band="60_plus") == ["Frøydis", "Gunnar"]
        assert names(m, "mine", "not_in_agreed_activity", age_band="under_25") == ["Aksel"]

    def test_sorted_by_age_youngest_first(self, sagene: Sagene, office_people: None) -> None:
        assert names(sagene.state, sort="age")[:3] == ["Eirik", "Aksel", "Casper"]
        assert names(sagene.state, sort="-age")[:2] == ["Gunnar", "Frøydis"]

    def test_the_hidden_and_the_ended_are_nowhere(
        self, sagene: Sagene, office_people: None
    ) -> None:
        everyone = set(names(sagene.state)) | set(names(sagene.municipal))
        assert not everyone & {"Lone", "Mats", "Nils"}
        assert Person.objects.filter(office=office("0320")).count() == 13

    def test_a_cleared_caseworker_also_sees_the_strictly_confidential(
        self, sagene: Sagene, office_people: None
    ) -> None:
        User.objects.filter(username="sagene-veileder").update(cleared_strictly_confidential=True)
        cleared = actor_for_user(User.objects.get(username="sagene-veileder"))

        found = look(cleared)

        assert found.total == 11
        assert "Lone" in names(cleared)
        assert found.counts["unassigned"] == 1
