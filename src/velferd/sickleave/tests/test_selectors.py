"""Reads: the masking rule, the figures, the comparison, the prioritisation list and the IW
centre's results, each with who may see it."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.employers.models import (
    Cooperation,
    CooperationEvent,
    CooperationStatus,
    Enterprise,
    Sector,
)
from velferd.organisation.models import Municipality
from velferd.sickleave import selectors
from velferd.sickleave.models import GroupSummary
from velferd.sickleave.periods import Period, four_quarters
from velferd.sickleave.selectors import Figure, PriorityFilters

from .factories import import_quarters, latest, make_enterprise

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]
D = Decimal


class TestMasking:
    def test_four_sick_listed_persons_are_masked(self) -> None:
        figure = Figure(D(1000), D(50), D(10), 4)
        assert figure.masked
        assert (figure.percentage, figure.graded_share) == (None, None)
        assert figure.as_dict() == {
            "masked": True,
            "reason": "few_persons",
            "percentage": None,
            "graded_share": None,
            "lost_workdays": None,
            "possible_workdays": None,
        }

    def test_five_sick_listed_persons_are_shown(self) -> None:
        figure = Figure(D(1000), D(50), D(10), 5)
        assert not figure.masked
        assert (figure.percentage, figure.graded_share) == (D("5.00"), D("20.00"))

    def test_four_quarters_of_four_persons_stay_masked(self, actor_of_login: ActorOf) -> None:
        """The same four people may be behind every quarter: the span counts the largest
        quarter, not the sum."""
        enterprise = make_enterprise()
        import_quarters([(enterprise, p, "1000", "50", "5", 4) for p in four_quarters(latest())])
        found = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=enterprise.organisation_number
        )
        own = found.four_quarters["enterprise"]
        assert own is not None and own.masked

    def test_the_demo_masks_some_groups_and_not_most(self, actor_of_login: ActorOf) -> None:
        analyst = actor_of_login("analytiker")
        industries = selectors.group_statistics(actor=analyst, kind="industry", key="47")
        assert any(g and g.masked for _p, g, _c in industries.history)
        shown = [f for _g, f in selectors.groups(actor=analyst, kind="industry")]
        assert sum(not f.masked for f in shown) > len(shown) / 2
        grocery = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number="999906087"
        )
        assert grocery.last_quarter["enterprise"] is not None
        assert grocery.last_quarter["enterprise"].masked


class TestFigures:
    def test_percentage_and_graded_share_follow_from_the_workdays(self) -> None:
        figure = Figure(D("812.50"), D("48.75"), D("12.19"), 9)
        assert figure.percentage == D("6.00")
        assert figure.graded_share == D("25.01")

    def test_no_possible_workdays_gives_no_percentage(self) -> None:
        assert Figure(D(0), D(0), D(0), 5).percentage is None
        assert Figure(D(100), D(0), D(0), 5).graded_share is None

    def test_the_four_quarters_are_weighted_by_workdays(self, actor_of_login: ActorOf) -> None:
        enterprise = make_enterprise()
        quarters = four_quarters(latest())
        # 10 % of 100 days, then 2 % of 900 days three times: the mean of the percentages
        # would be 4 %; the weighted figure is (10 + 54) / 2,800 = 2.29 %.
        import_quarters(
            [(enterprise, quarters[0], "100", "10", "5", 6)]
            + [(enterprise, p, "900", "18", "0", 6) for p in quarters[1:]]
        )
        found = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=enterprise.organisation_number
        )
        own = found.four_quarters["enterprise"]
        assert own is not None
        assert (own.percentage, own.graded_share) == (D("2.29"), D("7.81"))
        last = found.last_quarter["enterprise"]
        assert last is not None and last.percentage == D("2.00")
        assert [r.period for r in found.history][-4:] == quarters

    def test_an_older_quarter_stays_out_of_the_four_quarters(self, actor_of_login: ActorOf) -> None:
        enterprise = make_enterprise()
        old = latest().shifted(-6)
        import_quarters([(enterprise, old, "1000", "100", "0", 9)])
        found = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=enterprise.organisation_number
        )
        assert found.four_quarters["enterprise"] is None
        assert found.last_quarter["enterprise"] is None
        assert any(r.period == old and r.figures["enterprise"] for r in found.history)


class TestComparison:
    def test_the_enterprise_is_compared_with_its_industry_sector_county_and_country(
        self, actor_of_login: ActorOf
    ) -> None:
        found = selectors.enterprise_comparison(
            actor=actor_of_login("arbeidsgiver"), organisation_number="987654309"
        )
        assert {name: (g.kind, g.key) for name, g in found.groups.items()} == {
            "industry": ("industry", "87"),
            "sector": ("sector", "private"),
            "county": ("county", "46"),
            "country": ("country", "NO"),
        }
        assert all(found.four_quarters[name] for name in selectors.SERIES)
        assert len(found.history) == 12
        chart = found.chart()
        assert [s.key for s in chart.series] == list(selectors.SERIES)
        assert all(s.segments for s in chart.series)

    @pytest.mark.parametrize(
        ("login", "number", "allowed"),
        [
            ("arbeidsgiver", "987654309", True),
            ("arbeidsgiver", "964330123", False),
            ("ia-radgiver", "964330123", True),
            ("ia-radgiver", "971352418", False),
            ("ia-03", "971352418", True),
            ("admin", "971352418", True),
            ("analytiker", "987654309", False),
            ("departement", "987654309", False),
            ("veileder", "987654309", False),
        ],
    )
    def test_who_sees_one_enterprise(
        self, actor_of_login: ActorOf, login: str, number: str, allowed: bool
    ) -> None:
        actor = actor_of_login(login)
        if allowed:
            assert selectors.enterprise_comparison(actor=actor, organisation_number=number)
            return
        with pytest.raises(DomainError) as refused:
            selectors.enterprise_comparison(actor=actor, organisation_number=number)
        assert refused.value.status == 404

    @pytest.mark.parametrize("number", ["974760673", "123", "98765430x"])
    def test_an_unknown_or_invalid_number_is_404(
        self, actor_of_login: ActorOf, number: str
    ) -> None:
        with pytest.raises(DomainError) as refused:
            selectors.enterprise_comparison(
                actor=actor_of_login("admin"), organisation_number=number
            )
        assert refused.value.status == 404

    def test_analysts_see_groups(self, actor_of_login: ActorOf) -> None:
        found = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="46"
        )
        assert found.group.label == "Vestland"
        assert found.four_quarters is not None and not found.four_quarters.masked

    def test_citizens_see_no_groups(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(DomainError) as refused:
            selectors.groups(actor=actor_of_login("innbygger"), kind="industry")
        assert refused.value.status == 403


OLD = Period(2005, 1)  # a quarter of the tests' own, before every demo quarter


def in_county(municipality: str, **fields: object) -> Enterprise:
    return make_enterprise(municipality=Municipality.objects.get(number=municipality), **fields)


def quarter_of(found: selectors.GroupStatistics, period: Period) -> Figure:
    figure = next(g for p, g, _c in found.history if p == period)
    assert figure is not None
    return figure


class TestGroupDisclosure:
    """Groups are shown only with three enterprises or more, none of which dominates, and
    never so that a hidden group follows from the shown ones and the country."""

    def test_a_county_of_one_enterprise_is_hidden_every_quarter(
        self, actor_of_login: ActorOf
    ) -> None:
        """Troms has one demo enterprise, Tromsø Havn KF: its figures were the county's."""
        found = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="55"
        )
        figures = [g for _p, g, _c in found.history if g is not None]
        assert len(figures) == 12
        assert all(g.masked and g.as_dict()["lost_workdays"] is None for g in figures)
        assert all(g.reason == "few_enterprises" and g.percentage is None for g in figures)
        assert found.four_quarters is not None and found.four_quarters.masked
        assert found.country_four_quarters is not None and not found.country_four_quarters.masked
        listed = dict(selectors.groups(actor=actor_of_login("analytiker"), kind="county"))
        troms = next(f for g, f in listed.items() if g.key == "55")
        assert troms.masked and troms.as_dict()["lost_workdays"] is None

    def test_one_enterprise_with_85_per_cent_of_the_lost_workdays_hides_the_group(
        self, actor_of_login: ActorOf
    ) -> None:
        big, small, smaller = (in_county("5601") for _ in range(3))
        import_quarters(
            [
                (big, OLD, "10000", "900", "0", 20),
                (small, OLD, "1000", "60", "0", 5),
                (smaller, OLD, "1000", "40", "0", 5),
            ]
        )
        found = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="56"
        )
        assert quarter_of(found, OLD).masked
        assert quarter_of(found, OLD).reason == "dominant_enterprise"

    def test_three_comparable_enterprises_are_shown(self, actor_of_login: ActorOf) -> None:
        enterprises = [in_county("5601") for _ in range(3)]
        import_quarters(
            [
                (e, OLD, "1000", lost, "0", 5)
                for e, lost in zip(enterprises, ("50", "60", "70"), strict=True)
            ]
        )
        found = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="56"
        )
        shown = quarter_of(found, OLD)
        assert not shown.masked and shown.percentage == D("6.00")

    def test_the_hidden_counties_together_never_come_down_to_one_enterprise(
        self, actor_of_login: ActorOf
    ) -> None:
        """Finnmark has one enterprise. Were every other county shown, the country minus
        them would be Finnmark's enterprise; with the smallest county hidden too, 90 % would
        still be that enterprise's; so a second county is hidden."""
        figures = {
            "5601": ["900"],
            "4601": ["30", "30", "40"],
            "0301": ["200", "200", "200"],
            "1103": ["300", "300", "300"],
        }
        import_quarters(
            [
                (in_county(m), OLD, "10000", lost, "0", 5)
                for m, losts in figures.items()
                for lost in losts
            ]
        )
        analyst = actor_of_login("analytiker")
        finnmark = selectors.group_statistics(actor=analyst, kind="county", key="56")
        assert quarter_of(finnmark, OLD).masked
        reasons = {
            county: quarter_of(
                selectors.group_statistics(actor=analyst, kind="county", key=county), OLD
            ).reason
            for county in ("56", "46", "03", "11")
        }
        assert reasons == {
            "56": "few_enterprises",
            "46": "complementary",
            "03": "complementary",
            "11": None,
        }
        country = quarter_of(
            selectors.group_statistics(actor=analyst, kind="country", key="NO"), OLD
        )
        rogaland = quarter_of(
            selectors.group_statistics(actor=analyst, kind="county", key="11"), OLD
        )
        # What the shown figures give away: 1,600 lost workdays of 7 enterprises, 900 of
        # them Finnmark's (56 %).
        assert country.lost_workdays - rogaland.lost_workdays == D(1600)

    def test_a_four_quarter_figure_with_a_hidden_quarter_is_hidden(
        self, actor_of_login: ActorOf
    ) -> None:
        """Otherwise the four quarters minus the three shown would give the hidden one."""
        window = four_quarters(latest())
        enterprises = [in_county("5601") for _ in range(3)]
        import_quarters(
            [(e, p, "1000", "50", "0", 5) for e in enterprises for p in window[:3]]
            + [(enterprises[0], window[3], "1000", "50", "0", 5)]
        )
        found = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="56"
        )
        assert found.four_quarters is not None and found.four_quarters.masked
        assert found.last_quarter is not None and found.last_quarter.reason == "few_enterprises"
        assert found.four_quarters.reason == "hidden_part"


class TestOwnComparison:
    """An enterprise's comparison never shows a group from which its own figures can be
    subtracted to leave another enterprise's."""

    def test_a_county_of_two_enterprises_never_shows_the_other_ones_workdays(
        self, actor_of_login: ActorOf
    ) -> None:
        mine, theirs = in_county("5601"), in_county("5603")
        quarters = [latest().shifted(-n) for n in range(12)]
        import_quarters(
            [(mine, p, "1000", "50", "5", 6) for p in quarters]
            + [(theirs, p, "2000", "140", "20", 9) for p in quarters]
        )
        found = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=mine.organisation_number
        )
        county = [row.figures["county"] for row in found.history if row.period in quarters]
        assert len(county) == 12
        assert all(
            f is not None and f.masked and f.as_dict()["lost_workdays"] is None for f in county
        )
        assert found.four_quarters["county"] is not None
        assert found.four_quarters["county"].masked

    def test_a_group_of_three_is_hidden_from_each_of_the_three(
        self, actor_of_login: ActorOf
    ) -> None:
        """The analysts see it; each member would subtract itself and see the other two."""
        members = [in_county("5601") for _ in range(3)]
        import_quarters([(e, OLD, "1000", "50", "0", 5) for e in members])
        analysts = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="56"
        )
        assert not quarter_of(analysts, OLD).masked
        own = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=members[0].organisation_number
        )
        county = next(r.figures["county"] for r in own.history if r.period == OLD)
        assert county is not None and county.masked and county.reason == "own_subtraction"

    def test_what_is_left_may_not_be_one_enterprise_s_either(self, actor_of_login: ActorOf) -> None:
        """100 of its own and 90, 5 and 5 of three others: the group is shown to the
        analysts, but without its own 100 the 90 are 90 % of what is left."""
        mine, *others = (in_county("5601") for _ in range(4))
        import_quarters(
            [(mine, OLD, "2000", "100", "0", 5)]
            + [
                (e, OLD, "2000", lost, "0", 5)
                for e, lost in zip(others, ("90", "5", "5"), strict=True)
            ]
        )
        assert not quarter_of(
            selectors.group_statistics(actor=actor_of_login("analytiker"), kind="county", key="56"),
            OLD,
        ).masked
        own = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=mine.organisation_number
        )
        county = next(r.figures["county"] for r in own.history if r.period == OLD)
        assert county is not None and county.masked and county.reason == "own_subtraction"
        small = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=others[1].organisation_number
        )
        county = next(r.figures["county"] for r in small.history if r.period == OLD)
        assert county is not None and not county.masked

    def test_the_demo_employer_still_sees_its_groups(self, actor_of_login: ActorOf) -> None:
        found = selectors.enterprise_comparison(
            actor=actor_of_login("arbeidsgiver"), organisation_number="987654309"
        )
        for name in ("industry", "sector", "county", "country"):
            figure = found.four_quarters[name]
            assert figure is not None and not figure.masked, name


class TestPriorities:
    """A hand-built Finnmark: five enterprises in NACE 62, which no demo enterprise has."""

    @pytest.fixture
    def county(self) -> dict[str, Enterprise]:
        alta = Municipality.objects.get(number="5601")
        hammerfest = Municipality.objects.get(number="5603")
        made = {
            "big": make_enterprise(name="Alta Data AS", employees=200),
            "mid": make_enterprise(name="Hammerfest IT AS", employees=60, municipality=hammerfest),
            "small": make_enterprise(name="Liten Kode AS", employees=8),
            "public": make_enterprise(
                name="Finnmark IKT KF", employees=90, sector=Sector.MUNICIPAL, municipality=alta
            ),
            "masked": make_enterprise(name="Skjult AS", employees=30),
        }
        # four quarters each: (possible, lost, persons)
        figures = {
            "big": ("3000", "240", 30),  # 8 %
            "mid": ("1000", "30", 9),  # 3 %
            "small": ("100", "10", 5),  # 10 %
            "public": ("1500", "90", 12),  # 6 %
            "masked": ("500", "60", 4),  # 12 %, but masked
        }
        rows = [
            (made[name], p, possible, lost, "0", persons)
            for name, (possible, lost, persons) in figures.items()
            for p in four_quarters(latest())
        ]
        import_quarters(rows)
        return made

    @staticmethod
    def names(actor: Actor, **filters: object) -> list[str]:
        found = selectors.priorities(actor=actor, filters=PriorityFilters(**filters))  # type: ignore[arg-type]
        return [s.enterprise.name for s in found]

    def test_sorted_by_the_workdays_that_could_be_saved(
        self, actor_of_login: ActorOf, county: dict[str, Enterprise]
    ) -> None:
        industry = GroupSummary.objects.get(kind="industry", key="62")
        # (4 × 240 + 4 × 30 + 4 × 10 + 4 × 90 + 4 × 60) / (4 × 6,100) = 1,720 / 24,400
        assert industry.percentage == D("7.05")
        found = list(selectors.priorities(actor=actor_of_login("ia-56"), filters=PriorityFilters()))
        rows = [selectors.priority_row(s) for s in found]
        assert [(r["name"], r["saveable_workdays"]) for r in rows] == [
            ("Alta Data AS", D("114.00")),  # 960 − 12,000 × 7.05 % = 114
            ("Liten Kode AS", D("11.80")),  # 40 − 400 × 7.05 % = 11.8
            ("Finnmark IKT KF", D("0.00")),  # below the industry: never below 0
            ("Hammerfest IT AS", D("0.00")),
            ("Skjult AS", None),  # masked: last, no figures
        ]
        masked = rows[-1]
        assert masked["masked"] and masked["percentage"] is None and masked["lost_workdays"] is None
        assert rows[0]["percentage"] == D("8.00") and rows[0]["industry_percentage"] == D("7.05")

    def test_an_industry_the_analysts_do_not_see_is_left_out_of_the_list(
        self, actor_of_login: ActorOf, county: dict[str, Enterprise]
    ) -> None:
        """Two enterprises in NACE 01 (no demo enterprise has it): the industry's percentage
        would be the other's figures to the advisor, and so would the workdays to save."""
        farms = [make_enterprise(name=f"Gård {n} AS", industry_code="01.110") for n in (1, 2)]
        import_quarters(
            [(farm, p, "1000", lost, "0", 6)
             for farm, lost in zip(farms, ("80", "40"), strict=True)
             for p in four_quarters(latest())]
        )  # fmt: skip
        rows = selectors.priority_rows(
            selectors.priorities(actor=actor_of_login("ia-56"), filters=PriorityFilters())
        )
        farm = next(r for r in rows if r["name"] == "Gård 1 AS")
        assert (farm["industry_percentage"], farm["saveable_workdays"]) == (None, None)
        assert farm["industry_reason"] == "hidden_part"
        assert farm["percentage"] == D("8.00")
        data = next(r for r in rows if r["name"] == "Alta Data AS")
        assert data["industry_percentage"] == D("7.05") and data["industry_reason"] is None

    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            ({"min_percentage": D(7)}, ["Alta Data AS", "Liten Kode AS"]),
            ({"max_percentage": D(6)}, ["Finnmark IKT KF", "Hammerfest IT AS"]),
            ({"min_percentage": D(5), "max_percentage": D(9)}, ["Alta Data AS", "Finnmark IKT KF"]),
            ({"min_lost_workdays": D(300)}, ["Alta Data AS", "Finnmark IKT KF"]),
            ({"min_employees": 50, "max_employees": 100}, ["Finnmark IKT KF", "Hammerfest IT AS"]),
            ({"max_employees": 10}, ["Liten Kode AS"]),
            (
                {"industry": "62"},
                [
                    "Alta Data AS",
                    "Liten Kode AS",
                    "Finnmark IKT KF",
                    "Hammerfest IT AS",
                    "Skjult AS",
                ],
            ),
            ({"industry": "87"}, []),
            ({"sector": "municipal"}, ["Finnmark IKT KF"]),
            ({"municipality": "5603"}, ["Hammerfest IT AS"]),
        ],
    )
    def test_each_filter(
        self,
        actor_of_login: ActorOf,
        county: dict[str, Enterprise],
        filters: dict[str, object],
        expected: list[str],
    ) -> None:
        assert self.names(actor_of_login("ia-56"), **filters) == expected

    def test_the_cooperation_status_filter(
        self, actor_of_login: ActorOf, county: dict[str, Enterprise]
    ) -> None:
        Cooperation.objects.create(enterprise=county["big"], status=CooperationStatus.ACTIVE)
        Cooperation.objects.create(
            enterprise=county["mid"], status=CooperationStatus.CANCELLED, is_open=False
        )
        Cooperation.objects.create(enterprise=county["mid"], status=CooperationStatus.TO_ASSESS)
        Cooperation.objects.create(
            enterprise=county["small"], status=CooperationStatus.COMPLETED, is_open=False
        )
        advisor = actor_of_login("ia-56")
        assert self.names(advisor, cooperation_status="active") == ["Alta Data AS"]
        assert self.names(advisor, cooperation_status="to_assess") == ["Hammerfest IT AS"]
        assert self.names(advisor, cooperation_status="completed") == ["Liten Kode AS"]
        assert self.names(advisor, cooperation_status="none") == ["Finnmark IKT KF", "Skjult AS"]
        rows = selectors.priorities(actor=advisor, filters=PriorityFilters())
        assert [selectors.priority_row(s)["cooperation_status"] for s in rows] == [
            "active", "completed", "none", "to_assess", "none"]  # fmt: skip

    def test_another_county_sees_none_of_them(
        self, actor_of_login: ActorOf, county: dict[str, Enterprise]
    ) -> None:
        names = self.names(actor_of_login("ia-radgiver"))
        assert "Alta Data AS" not in names
        assert "Bergen Omsorg AS" in names

    def test_a_county_not_ones_own_is_403(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(DomainError) as refused:
            self.names(actor_of_login("ia-radgiver"), county="56")
        assert refused.value.status == 403

    @pytest.mark.parametrize("login", ["analytiker", "admin", "arbeidsgiver", "veileder"])
    def test_only_advisors_get_the_list(self, actor_of_login: ActorOf, login: str) -> None:
        with pytest.raises(DomainError) as refused:
            self.names(actor_of_login(login))
        assert refused.value.status == 403

    @pytest.mark.parametrize(
        "filters",
        [
            {"cooperation_status": "friendly"},
            {"sector": "church"},
            {"min_percentage": D(9), "max_percentage": D(3)},
        ],
    )
    def test_a_bad_filter_is_422(self, actor_of_login: ActorOf, filters: dict[str, object]) -> None:
        with pytest.raises(DomainError) as refused:
            self.names(actor_of_login("ia-56"), **filters)
        assert refused.value.status == 422


def serve(enterprise: Enterprise, start: Period) -> Cooperation:
    """An active cooperation that started in `start` (no event log: its creation counts)."""
    cooperation = Cooperation.objects.create(enterprise=enterprise, status=CooperationStatus.ACTIVE)
    started = timezone.make_aware(datetime.datetime(start.year, start.quarter * 3 - 1, 10))
    Cooperation.objects.filter(pk=cooperation.pk).update(created_at=started)
    return cooperation


def without_the_demo_results() -> None:
    """Leave the demo's served enterprises (two in Vestland) out of the results: the
    counties are judged together, and Vestland's hidden results would otherwise hide
    another county's as well (see test_a_county_that_would_reveal_another_is_hidden)."""
    Cooperation.objects.filter(status__in=selectors.SERVED_STATUSES).update(
        status=CooperationStatus.CANCELLED, is_open=False
    )


class TestResults:
    @pytest.fixture
    def served(self) -> list[Enterprise]:
        """Three enterprises in Finnmark whose cooperations started two quarters ago: four
        quarters before at 10 %, two during at 5 % with more graded sick leave."""
        without_the_demo_results()
        enterprises = [make_enterprise() for _ in range(3)]
        start = latest().shifted(-1)
        for enterprise in enterprises:
            import_quarters(
                [(enterprise, start.shifted(n), "1000", "100", "10", 9) for n in range(-4, 0)]
                + [(enterprise, start.shifted(n), "1000", "50", "25", 7) for n in range(0, 2)]
            )
            serve(enterprise, start)
        return enterprises

    def test_before_and_during_the_cooperation(
        self, actor_of_login: ActorOf, served: list[Enterprise]
    ) -> None:
        found = selectors.iw_results(actor=actor_of_login("ia-56"), county=None)
        assert found.county is not None and found.county.number == "56"
        assert found.enterprises == 3
        assert found.before is not None and found.during is not None
        assert (found.before.percentage, found.before.graded_share) == (D("10.00"), D("10.00"))
        assert (found.during.percentage, found.during.graded_share) == (D("5.00"), D("50.00"))
        assert [n for n, _f in found.relative] == [-4, -3, -2, -1, 0, 1]
        assert [c.marker_x is not None for c in found.charts()] == [True, True]

    def test_the_quarter_it_became_active_counts_when_the_event_log_has_it(
        self, actor_of_login: ActorOf, served: list[Enterprise]
    ) -> None:
        """Registered a year earlier, activated in the quarter of the fixture: the
        activation event, not the registration, starts "during"."""
        start = latest().shifted(-1)
        activated = timezone.make_aware(datetime.datetime(start.year, start.quarter * 3 - 1, 10))
        for cooperation in Cooperation.objects.filter(enterprise__in=served):
            Cooperation.objects.filter(pk=cooperation.pk).update(
                created_at=activated - datetime.timedelta(days=365)
            )
            CooperationEvent.objects.create(
                cooperation=cooperation,
                occurred_at=activated,
                actor_label="Ivar IA-rådgiver",
                from_status=CooperationStatus.ASSESSING,
                to_status=CooperationStatus.ACTIVE,
            )

        found = selectors.iw_results(actor=actor_of_login("ia-56"), county="56")

        assert [n for n, _f in found.relative] == [-4, -3, -2, -1, 0, 1]
        assert found.during is not None and found.during.percentage == D("5.00")

    def test_a_quarter_under_five_persons_is_masked_and_so_is_its_span(
        self, actor_of_login: ActorOf, served: list[Enterprise]
    ) -> None:
        import_quarters([(e, latest(), "1000", "50", "25", 1) for e in served])
        found = selectors.iw_results(actor=actor_of_login("ia-56"), county="56")
        last = dict(found.relative)[1]
        assert found.during is not None and found.during.masked
        assert last is not None and last.reason == "few_persons"
        assert found.during is not None and found.during.reason == "hidden_part"
        assert found.before is not None and not found.before.masked

    def test_the_results_of_one_enterprise_are_hidden(self, actor_of_login: ActorOf) -> None:
        """A county with one enterprise in cooperation: its results would be that
        enterprise's figures."""
        without_the_demo_results()
        enterprise = make_enterprise()
        start = latest().shifted(-1)
        import_quarters(
            [(enterprise, start.shifted(n), "1000", "80", "8", 9) for n in range(-4, 2)]
        )
        serve(enterprise, start)
        found = selectors.iw_results(actor=actor_of_login("analytiker"), county="56")
        assert found.enterprises == 1
        assert all(f is None or f.masked for _n, f in found.relative)
        assert all(f is None or f.reason == "few_enterprises" for _n, f in found.relative)
        assert found.before is not None and found.before.reason == "few_enterprises"
        assert found.during is not None and found.during.as_dict()["percentage"] is None

    def test_a_county_that_would_reveal_another_is_hidden(self, actor_of_login: ActorOf) -> None:
        """Two enterprises in cooperation in Vestland, hidden; were Finnmark's three shown,
        the country minus Finnmark would be Vestland's two."""
        without_the_demo_results()
        start = latest().shifted(-1)
        for municipality in ("4601", "4601", "5601", "5601", "5601"):
            enterprise = in_county(municipality)
            import_quarters(
                [(enterprise, start.shifted(n), "1000", "80", "8", 9) for n in range(-4, 2)]
            )
            serve(enterprise, start)
        analyst = actor_of_login("analytiker")
        vestland = selectors.iw_results(actor=analyst, county="46")
        finnmark = selectors.iw_results(actor=analyst, county="56")
        assert all(f.masked for _n, f in vestland.relative + finnmark.relative if f)
        assert {f.reason for _n, f in vestland.relative if f} == {"few_enterprises"}
        assert {f.reason for _n, f in finnmark.relative if f} == {"complementary"}
        assert finnmark.during is not None and finnmark.during.reason == "hidden_part"
        country = selectors.iw_results(actor=analyst, county=None)
        assert all(f and not f.masked for _n, f in country.relative)

    def test_one_enterprise_dominating_the_results_hides_them(
        self, actor_of_login: ActorOf
    ) -> None:
        without_the_demo_results()
        enterprises = [make_enterprise() for _ in range(3)]
        start = latest().shifted(-1)
        for enterprise, lost in zip(enterprises, ("900", "50", "50"), strict=True):
            import_quarters([(enterprise, start, "10000", lost, "0", 9)])
            serve(enterprise, start)
        found = selectors.iw_results(actor=actor_of_login("analytiker"), county="56")
        started = dict(found.relative)[0]
        assert started is not None and started.masked and started.reason == "dominant_enterprise"

    def test_analysts_see_any_county_and_the_country(
        self, actor_of_login: ActorOf, served: list[Enterprise]
    ) -> None:
        analyst = actor_of_login("analytiker")
        assert selectors.iw_results(actor=analyst, county="56").enterprises == 3
        assert selectors.iw_results(actor=analyst, county=None).county is None

    def test_an_advisor_sees_only_their_county(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(DomainError) as refused:
            selectors.iw_results(actor=actor_of_login("ia-radgiver"), county="56")
        assert refused.value.status == 403

    @pytest.mark.parametrize("login", ["arbeidsgiver", "veileder", "innbygger"])
    def test_others_see_no_results(self, actor_of_login: ActorOf, login: str) -> None:
        with pytest.raises(DomainError) as refused:
            selectors.iw_results(actor=actor_of_login(login), county=None)
        assert refused.value.status == 403

    def test_an_unknown_county_is_404(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(DomainError) as refused:
            selectors.iw_results(actor=actor_of_login("analytiker"), county="99")
        assert refused.value.status == 404


def test_periods_roll_over_the_year() -> None:
    assert Period(2025, 4).shifted(1) == Period(2026, 1)
    assert four_quarters(Period(2026, 2)) == [
        Period(2025, 3), Period(2025, 4), Period(2026, 1), Period(2026, 2)]  # fmt: skip
