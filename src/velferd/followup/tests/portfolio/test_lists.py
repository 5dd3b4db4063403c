"""The portfolio as a list: filters, sort orders, pages and counts, refusals, and a whole
office counted flag by flag."""

from __future__ import annotations

import datetime

import pytest

from velferd.access.actor import ANONYMOUS, system_actor
from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.core.errors import DomainError
from velferd.core.testing import refusal
from velferd.followup import portfolio, services as followup
from velferd.followup.models import FollowUpPeriod
from velferd.followup.portfolio import FLAGS, PortfolioQuery
from velferd.organisation.selectors import office
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, citizen_of

from ..sagene import DAY, D, Lookup, Sagene, at, look, names, years_before

pytestmark = pytest.mark.django_db


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

    @pytest.mark.parametrize("login", ["admin", "fastlege", "citizen", "analytiker"])
    def test_someone_without_an_office_has_no_portfolio(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        """A staff login without an office, or a person's own citizen login."""
        actor = citizen_of(a_person()) if login == "citizen" else actor_of_login(login)
        error = refusal(lambda: portfolio.portfolio(actor=actor, query=PortfolioQuery()))
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
        # On financial assistance with the condition of activity set (Social Services Act
        # § 20 a), in an agreed activity ending today; interpreter.
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
        followup.activity_requirement_record(
            actor=m,
            person=casper,
            outcome="condition_set",
            decided_on=D - 50 * DAY,
            activity="Arbeidstrening",
        )
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
        sagene.decide(froydis, "specially_adapted", "get_work")
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
        "scheme_waiting": 0,
        "scheme_ends_soon": 0,
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
        assert names(s, main_goal="get_work") == ["Casper", "Frøydis", "Hanne", "Ivar"]
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
