"""The advisors' prioritisation list, and who may see it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.employers.models import (
    Cooperation,
    CooperationStatus,
    Enterprise,
    Sector,
)
from velferd.organisation.models import Municipality
from velferd.sickleave import selectors
from velferd.sickleave.models import GroupSummary
from velferd.sickleave.periods import four_quarters
from velferd.sickleave.selectors import PriorityFilters

from ..factories import import_quarters, latest, make_enterprise

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]
D = Decimal


class TestPriorities:
    """A hand-built Finnmark: five enterprises in NACE 62."""

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
        """velferd's own measure, against the industry's percentage as NAV's statistics
        publish it (one decimal)."""
        industry = GroupSummary.objects.get(kind="industry", key="62")
        # (4 × 240 + 4 × 30 + 4 × 10 + 4 × 90 + 4 × 60) / (4 × 6,100) = 1,720 / 24,400 = 7.05
        assert industry.percentage == D("7.0")
        found = list(
            selectors.priorities(
                actor=actor_of_login("ia-56"), filters=PriorityFilters(sort="saveable_workdays")
            )
        )
        rows = [selectors.priority_row(s) for s in found]
        assert [(r["name"], r["saveable_workdays"]) for r in rows] == [
            ("Alta Data AS", D("120.0")),  # 960 − 12,000 × 7.0 % = 120
            ("Liten Kode AS", D("12.0")),  # 40 − 400 × 7.0 % = 12
            ("Finnmark IKT KF", D("0.0")),  # below the industry: never below 0
            ("Hammerfest IT AS", D("0.0")),
            ("Skjult AS", None),  # masked: last, no figures
        ]
        masked = rows[-1]
        assert masked["masked"] and masked["percentage"] is None and masked["lost_workdays"] is None
        assert (str(rows[0]["percentage"]), str(rows[0]["industry_percentage"])) == ("8.0", "7.0")

    def test_an_industry_the_analysts_do_not_see_is_left_out_of_the_list(
        self, actor_of_login: ActorOf, county: dict[str, Enterprise]
    ) -> None:
        """Two enterprises in NACE 01 (and no others): the industry's percentage
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
        assert farm["percentage"] == D("8.0")
        data = next(r for r in rows if r["name"] == "Alta Data AS")
        assert data["industry_percentage"] == D("7.0") and data["industry_reason"] is None

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
                    "Finnmark IKT KF",
                    "Hammerfest IT AS",
                    "Liten Kode AS",
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
        # By lost workdays: Alta, Finnmark IKT, Hammerfest IT, Liten Kode, then the masked one.
        assert [selectors.priority_row(s)["cooperation_status"] for s in rows] == [
            "active", "none", "to_assess", "completed", "none"]  # fmt: skip

    def test_another_county_sees_none_of_them(
        self, actor_of_login: ActorOf, county: dict[str, Enterprise]
    ) -> None:
        bergen = make_enterprise(
            name="Fjellbekk Omsorg AS", municipality=Municipality.objects.get(number="4601")
        )
        import_quarters([(bergen, p, "1000", "80", "0", 10) for p in four_quarters(latest())])
        names = self.names(actor_of_login("ia-radgiver"))
        assert "Alta Data AS" not in names
        assert "Fjellbekk Omsorg AS" in names

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
