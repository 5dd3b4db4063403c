"""The flags that use the municipality's records: the activity requirement (Social Services
Act § 20 a: under 30, on financial assistance, and neither a condition of activity nor an
exemption recorded) and the qualification programme's target group (§ 29), shown to the
state side only while the person's consent holds."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from velferd.access.actor import Actor, system_actor
from velferd.access.roles import PartnerService
from velferd.followup import services as followup
from velferd.people.models import Person
from velferd.people.services import consent_give, consent_withdraw
from velferd.people.tests.factories import a_person

from ..sagene import DAY, D, Lookup, Sagene, flagged, look, names, years_before

pytestmark = pytest.mark.django_db


# The activity requirement (§ 20 a: under 30, financial assistance, nothing recorded) ---------


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
        """An agreed activity is not the condition of activity on record (Social Services Act
        § 20 a): the requirement's flag stays until the municipality records its decision."""
        who = sagene.person("Ung", born=datetime.date(2001, 5, 5))
        sagene.assistance(who, since=D - 100 * DAY)
        sagene.activity(who, ends_on, status=status, agreed=agreed)

        assert flagged(sagene.municipal, "activity_requirement") == ["Ung"]
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


def among(found: list[str], *people: Person) -> list[str]:
    """The names in a list of the portfolio that are these people's, in the list's order: the
    demo's office has the demo's people too."""
    ours = {person.given_name for person in people}
    return [name for name in found if name in ours]


class TestAtTheDemoOffice:
    """At NAV Grünerløkka, as the demo's logins there: a person under 30, on financial
    assistance for 200 days, with no agreed activity, followed up by the municipal caseworker
    and with no consent for NAV's state side; a person whose GP coordinates their plan with
    their consent and has a measure overdue."""

    @pytest.fixture
    def young(self, actor_of_login: Lookup) -> Person:
        social, today = actor_of_login("sosialkonsulent"), timezone.localdate()
        person = a_person(birth_date=today - 25 * 365 * DAY)
        followup.period_start(
            actor=social, person=person, caseworker=social.user, started_on=today - 40 * DAY
        )
        followup.benefit_record(
            actor=social,
            person=person,
            kind="financial_assistance",
            starts_on=today - 200 * DAY,
        )
        return person

    @pytest.fixture
    def coordinated_by_gp(self, actor_of_login: Lookup) -> Person:
        vera, today = actor_of_login("veileder"), timezone.localdate()
        person = a_person()
        consent_give(
            actor=vera,
            person=person,
            partner_service=PartnerService.GP,
            purpose="Individuell plan",
            starts_on=today - 60 * DAY,
            ends_on=today + 300 * DAY,
        )
        followup.period_start(
            actor=vera, person=person, caseworker=vera.user, started_on=today - 120 * DAY
        )
        plan = followup.individual_plan_create(
            actor=vera, person=person, coordinator="gp", members=["nav", "child_welfare"]
        )
        followup.plan_measure_add(
            actor=vera,
            plan=plan,
            text="Vurdere arbeidsevnen",
            responsible_service="gp",
            deadline=today - 3 * DAY,
        )
        return person

    @pytest.mark.parametrize(
        ("login", "sees"),
        [
            ("sosialkonsulent", True),
            ("veileder", False),
            ("kontorleder", False),
            ("beslutter", False),
        ],
    )
    def test_the_young_person_is_flagged_for_the_municipal_caseworker_only(
        self, actor_of_login: Lookup, young: Person, login: str, sees: bool
    ) -> None:
        actor, today = actor_of_login(login), timezone.localdate()
        expected = [young.given_name] if sees else []
        assert among(flagged(actor, "activity_requirement", today=today), young) == expected
        assert among(names(actor, benefit="financial_assistance", today=today), young) == expected

    def test_with_their_consent_the_state_caseworker_sees_them_flagged(
        self, actor_of_login: Lookup, young: Person
    ) -> None:
        today = timezone.localdate()
        consent_give(
            actor=system_actor("tests"),
            person=young,
            partner_service=PartnerService.NAV_STATE,
            purpose="Samarbeid",
            starts_on=today,
            ends_on=today + 30 * DAY,
        )
        flagged_for_vera = flagged(actor_of_login("veileder"), "activity_requirement", today=today)
        assert among(flagged_for_vera, young) == [young.given_name]

    def test_an_overdue_measure_flags_the_plan(
        self, actor_of_login: Lookup, coordinated_by_gp: Person
    ) -> None:
        today = timezone.localdate()
        overdue = flagged(actor_of_login("veileder"), "plan_overdue_measures", today=today)
        assert among(overdue, coordinated_by_gp) == [coordinated_by_gp.given_name]

    def test_the_young_person_is_the_municipal_caseworkers_own(
        self, actor_of_login: Lookup, young: Person
    ) -> None:
        today = timezone.localdate()
        mine = flagged(actor_of_login("sosialkonsulent"), "mine", today=today)
        assert among(mine, young) == [young.given_name]


# The qualification programme's target group --------------------------------------------------


class TestQualificationTargetGroup:
    """Social Services Act § 29: 18–66, on financial assistance with no state benefit for a
    living, need group specially adapted or partially permanent in the sent decision, not yet
    assessed for the programme. Six months of assistance is only an office's own setting."""

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
            pytest.param(D - DAY, None, True, id="since-yesterday"),
            pytest.param(D - 181 * DAY, None, True, id="181-days"),
            pytest.param(D - 400 * DAY, D, True, id="long-ending-today"),
            pytest.param(D - 400 * DAY, D - DAY, False, id="long-but-ended-yesterday"),
            pytest.param(D + DAY, None, False, id="from-tomorrow"),
        ],
    )
    def test_s29_financial_assistance_running_today_of_any_length(
        self,
        sagene: Sagene,
        since: datetime.date,
        until: datetime.date | None,
        expected: bool,
    ) -> None:
        """The law sets no length of financial assistance; with the office's own setting
        off (the default), assistance that runs today is enough."""
        self.candidate(sagene, since=since, until=until)
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
    @override_settings(VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS=182)
    def test_the_offices_own_setting_of_six_months_of_assistance(
        self,
        sagene: Sagene,
        since: datetime.date,
        until: datetime.date | None,
        expected: bool,
    ) -> None:
        self.candidate(sagene, since=since, until=until)
        assert self.in_group(sagene.municipal) is expected

    @override_settings(VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS=182)
    def test_with_the_offices_setting_the_181st_day_becomes_the_182nd(self, sagene: Sagene) -> None:
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
