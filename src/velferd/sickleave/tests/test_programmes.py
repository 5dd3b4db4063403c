"""The industry programmes (bransjeprogrammer) of the IW agreement 2019–2024: an enterprise
in a programme's industry is compared with the programme, by the NACE codes NAV's
sick-leave statistics give each programme, under the same disclosure control as every
group."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.apps import apps
from django.test import Client
from django.utils import translation

from velferd.access.actor import Actor
from velferd.core.disclosure import Reason
from velferd.core.errors import DomainError
from velferd.core.testing import nb
from velferd.employers.models import Enterprise
from velferd.sickleave import selectors
from velferd.sickleave.models import EnterpriseSummary, GroupKind, GroupQuarter, GroupSummary
from velferd.sickleave.programmes import BY_KEY, programme_of
from velferd.sickleave.selectors import PriorityFilters

from .factories import import_quarters, in_county, latest
from .selectors.shared import OLD

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]
ClientAs = Callable[[str], Client]
D = Decimal
S = "/api/v1/sickleave"


class TestWhichProgramme:
    @pytest.mark.parametrize(
        ("code", "programme"),
        [
            ("88.911", "kindergartens"),
            ("10.201", "food_industry"),
            ("86.101", "hospitals"),
            ("86.107", "hospitals"),
            ("87.101", "nursing_homes"),
            ("87.102", "nursing_homes"),
            ("49.311", "transport"),
            ("49.392", "transport"),
            ("41.200", "construction"),
            ("42.110", "civil_engineering"),
        ],
    )
    def test_the_nace_codes_of_nav_programmes(self, code: str, programme: str) -> None:
        """NAV's statistics: kindergartens 88.911; food industry all of 10; hospitals 86.101,
        86.102, 86.104–86.107; nursing homes 87.101–87.102; transport 49.100, 49.311–49.312,
        49.391–49.392; construction all of 41; civil engineering all of 42."""
        found = programme_of(code)
        assert found is not None and found.key == programme

    @pytest.mark.parametrize("code", ["87.301", "86.211", "49.410", "88.991", "43.210", "62.010"])
    def test_codes_outside_every_programme(self, code: str) -> None:
        assert programme_of(code) is None


def kindergartens_and_other_social_work() -> list[Enterprise]:
    """In a quarter of the tests' own: four kindergartens (88.911: 50, 60, 70 and 80 lost of
    1,000) and three other social-work enterprises (88.991: 100 lost of 1,000 each)."""
    kindergartens = [in_county("5601", industry_code="88.911") for _ in range(4)]
    others = [in_county("5601", industry_code="88.991") for _ in range(3)]
    import_quarters(
        [(e, OLD, "1000", lost, "0", 6) for e, lost in zip(kindergartens, ("50", "60", "70", "80"),
                                                            strict=True)]
        + [(e, OLD, "1000", "100", "0", 6) for e in others]
    )  # fmt: skip
    return kindergartens


class TestComparison:
    def test_a_kindergarten_is_compared_with_its_programme_beside_its_industry(
        self, actor_of_login: ActorOf
    ) -> None:
        own = kindergartens_and_other_social_work()[0]
        found = selectors.enterprise_comparison(
            actor=actor_of_login("admin"),
            organisation_number=own.organisation_number,
        )
        assert (found.groups["programme"].kind, found.groups["programme"].key) == (
            "programme",
            "kindergartens",
        )
        assert found.series[:3] == ["enterprise", "programme", "industry"]
        old = next(row for row in found.history if row.period == OLD)
        programme, industry = old.figures["programme"], old.figures["industry"]
        assert programme is not None and industry is not None
        assert (programme.percentage, industry.percentage) == (D("6.5"), D("8.0"))

    def test_an_enterprise_outside_every_programme_has_none(self, actor_of_login: ActorOf) -> None:
        own = in_county("5601", industry_code="62.010")
        import_quarters([(own, OLD, "1000", "50", "0", 6)])
        found = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=own.organisation_number
        )
        assert "programme" not in found.groups and "programme" not in found.series

    def test_the_api_and_the_page_show_the_programme(self, client_as: ClientAs) -> None:
        own = kindergartens_and_other_social_work()[0]
        number = own.organisation_number
        body = client_as("admin").get(f"{S}/enterprises/{number}").json()
        assert body["groups"]["programme"]["key"] == "kindergartens"
        old = next(row for row in body["history"] if (row["year"], row["quarter"]) == (2005, 1))
        assert old["programme"]["percentage"] == "6.5"
        page = client_as("admin").get(f"/sick-leave/enterprises/{number}/").content.decode()
        assert 'data-series="programme"' in page
        assert str(body["groups"]["programme"]["label"]) in page

    def test_the_analysts_see_the_programmes_as_groups(self, client_as: ClientAs) -> None:
        kindergartens_and_other_social_work()
        body = client_as("analytiker").get(f"{S}/groups/programme/kindergartens").json()
        old = next(row for row in body["history"] if (row["year"], row["quarter"]) == (2005, 1))
        assert old["group"]["percentage"] == "6.5"

    def test_the_groups_page_lists_the_programmes_by_nav_names(self, client_as: ClientAs) -> None:
        made = [in_county("5601", industry_code="88.911") for _ in range(3)]
        import_quarters([(e, latest(), "1000", "60", "0", 6) for e in made])
        page = client_as("analytiker").get("/sick-leave/groups/", {"kind": "programme"})
        html = page.content.decode()
        assert nb(str(GroupKind.PROGRAMME.label)) in html
        with translation.override("nb"):
            assert str(BY_KEY["kindergartens"].label) in html  # Barnehager
        assert "/sick-leave/groups/programme/kindergartens/" in html


class TestPriorityFilter:
    def test_the_advisor_lists_the_enterprises_of_one_programme(
        self, actor_of_login: ActorOf, client_as: ClientAs
    ) -> None:
        """NAV's list for the IW advisors filters by industry programme."""
        made = {
            name: in_county("5601", name=name, industry_code=code)
            for name, code in (
                ("Barnehage 1 AS", "88.911"),
                ("Barnehage 2 AS", "88.911"),
                ("Avlastning AS", "88.991"),
                ("Sykehuset AS", "86.101"),
            )
        }
        import_quarters([(e, latest(), "1000", "60", "0", 6) for e in made.values()])

        def names(programme: str) -> list[str]:
            found = selectors.priorities(
                actor=actor_of_login("ia-56"), filters=PriorityFilters(programme=programme)
            )
            return sorted(s.enterprise.name for s in found)

        assert names("kindergartens") == ["Barnehage 1 AS", "Barnehage 2 AS"]
        assert names("hospitals") == ["Sykehuset AS"]
        with pytest.raises(DomainError) as refused:
            names("schools")
        assert refused.value.field == "programme"
        body = client_as("ia-56").get(f"{S}/priorities", {"programme": "hospitals"}).json()
        assert [r["name"] for r in body["items"]] == ["Sykehuset AS"]


class TestDisclosure:
    def test_a_programme_that_is_part_of_a_division_hides_where_the_rest_would_show(
        self,
    ) -> None:
        """Three nursing homes (87.101) and one other residential care home (87.301): the
        division (shown) minus the programme would be that one home's figures."""
        homes = [in_county("5601", industry_code="87.101") for _ in range(3)]
        other = in_county("5601", industry_code="87.301")
        import_quarters([(e, OLD, "1000", "60", "0", 6) for e in (*homes, other)])
        rows = selectors.group_rows({GroupKind.PROGRAMME})
        industry = rows.of(GroupKind.INDUSTRY, "87")[OLD]
        programme = rows.of(GroupKind.PROGRAMME, "nursing_homes")[OLD]
        assert industry.reason is None
        assert programme.reason == Reason.COMPLEMENTARY and programme.percentage is None

    def test_a_programme_that_is_a_whole_division_hides_with_the_division(self) -> None:
        """Construction is all of NACE 41. Two farms (01) are hidden for fewer than three
        enterprises, and construction, the other industry, with them (the country minus it
        would give the farms): the programme with the same figures must hide too."""
        builders = [in_county("5601", industry_code="41.200") for _ in range(3)]
        farms = [in_county("5601", industry_code="01.110") for _ in range(2)]
        import_quarters([(e, OLD, "1000", "60", "0", 6) for e in (*builders, *farms)])
        rows = selectors.group_rows({GroupKind.PROGRAMME})
        assert rows.of(GroupKind.INDUSTRY, "41")[OLD].reason == Reason.COMPLEMENTARY
        assert rows.of(GroupKind.PROGRAMME, "construction")[OLD].reason == Reason.COMPLEMENTARY

    def test_a_programme_of_too_few_enterprises_is_hidden_by_the_enterprises_rule(
        self,
    ) -> None:
        homes = [in_county("5601", industry_code="87.102") for _ in range(2)]
        import_quarters([(e, OLD, "1000", "60", "0", 6) for e in homes])
        rows = selectors.group_rows({GroupKind.PROGRAMME})
        assert rows.of(GroupKind.PROGRAMME, "nursing_homes")[OLD].reason == (Reason.FEW_ENTERPRISES)


class TestMigration:
    def test_statistics_on_record_get_the_groups_an_import_gives(self) -> None:
        """Migration 0004 adds the programmes' groups to the statistics already imported and
        states the summaries' percentages with one decimal: the same rows an import writes."""
        kindergartens_and_other_social_work()
        programme_rows = GroupQuarter.objects.filter(kind=GroupKind.PROGRAMME)
        fields = ("key", "year", "quarter", "possible_workdays", "lost_workdays",
                  "sick_listed_persons", "enterprises", "largest_lost_workdays",
                  "second_lost_workdays")  # fmt: skip
        imported = sorted(programme_rows.values_list(*fields))
        summaries = sorted(GroupSummary.objects.values_list("kind", "key", "percentage"))
        enterprises = sorted(
            EnterpriseSummary.objects.values_list(
                "enterprise_id", "percentage", "saveable_workdays", "shown_lost_workdays"
            )
        )
        assert imported
        programme_rows.delete()
        GroupSummary.objects.filter(kind=GroupKind.PROGRAMME).delete()
        EnterpriseSummary.objects.update(shown_lost_workdays=None, saveable_workdays=None)
        migration = importlib.import_module(
            "velferd.sickleave.migrations.0004_published_figures_programmes_duration"
        )
        migration.fill(apps, None)
        assert sorted(programme_rows.values_list(*fields)) == imported
        assert sorted(GroupSummary.objects.values_list("kind", "key", "percentage")) == summaries
        assert (
            sorted(
                EnterpriseSummary.objects.values_list(
                    "enterprise_id", "percentage", "saveable_workdays", "shown_lost_workdays"
                )
            )
            == enterprises
        )
