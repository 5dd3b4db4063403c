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
        assert refused.value.status == 403

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


class TestResults:
    @pytest.fixture
    def served(self) -> Enterprise:
        """An enterprise in Finnmark whose cooperation started two quarters ago: four quarters
        before at 10 %, two during at 5 % with more graded sick leave."""
        enterprise = make_enterprise()
        start = latest().shifted(-1)
        before = [(enterprise, start.shifted(n), "1000", "100", "10", 9) for n in range(-4, 0)]
        during = [(enterprise, start.shifted(n), "1000", "50", "25", 7) for n in range(0, 2)]
        import_quarters(before + during)
        cooperation = Cooperation.objects.create(
            enterprise=enterprise, status=CooperationStatus.ACTIVE
        )
        started = timezone.make_aware(datetime.datetime(start.year, start.quarter * 3 - 1, 10))
        Cooperation.objects.filter(pk=cooperation.pk).update(created_at=started)
        return enterprise

    def test_before_and_during_the_cooperation(
        self, actor_of_login: ActorOf, served: Enterprise
    ) -> None:
        found = selectors.iw_results(actor=actor_of_login("ia-56"), county=None)
        assert found.county is not None and found.county.number == "56"
        assert found.enterprises == 1
        assert found.before is not None and found.during is not None
        assert (found.before.percentage, found.before.graded_share) == (D("10.00"), D("10.00"))
        assert (found.during.percentage, found.during.graded_share) == (D("5.00"), D("50.00"))
        assert [n for n, _f in found.relative] == [-4, -3, -2, -1, 0, 1]
        assert [c.marker_x is not None for c in found.charts()] == [True, True]

    def test_the_quarter_it_became_active_counts_when_the_event_log_has_it(
        self, actor_of_login: ActorOf, served: Enterprise
    ) -> None:
        """Registered a year earlier, activated in the quarter of the fixture: the
        activation event, not the registration, starts "during"."""
        cooperation = Cooperation.objects.get(enterprise=served)
        start = latest().shifted(-1)
        activated = timezone.make_aware(datetime.datetime(start.year, start.quarter * 3 - 1, 10))
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

    def test_a_single_enterprise_quarter_under_five_is_masked(
        self, actor_of_login: ActorOf, served: Enterprise
    ) -> None:
        import_quarters([(served, latest(), "1000", "50", "25", 3)])
        found = selectors.iw_results(actor=actor_of_login("ia-56"), county="56")
        last = dict(found.relative)[1]
        assert last is not None and last.masked

    def test_analysts_see_any_county_and_the_country(
        self, actor_of_login: ActorOf, served: Enterprise
    ) -> None:
        analyst = actor_of_login("analytiker")
        assert selectors.iw_results(actor=analyst, county="56").enterprises == 1
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
