"""Figures as NAV's sick-leave statistics publish them (NAV, "Sykefraværsstatistikk", the
quarterly statistics for enterprises, industries and sectors): percentages and workdays with
one decimal, rounded half up, on the pages and in the API; the three sectors of the
statistics by NAV's names."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from django.test import Client

from velferd.core.testing import nb, row_of
from velferd.employers.models import Sector
from velferd.sickleave.sectors import SECTORS, sector_label
from velferd.sickleave.selectors import Figure

from .factories import import_quarters, in_county, latest
from .selectors.shared import OLD

pytestmark = pytest.mark.django_db
ClientAs = Callable[[str], Client]
D = Decimal
S = "/api/v1/sickleave"


class TestOneDecimal:
    def test_a_percentage_has_one_decimal_rounded_half_up_as_nav_publishes_it(self) -> None:
        """NAV's statistics round half up (6.45 → 6.5), not to the even digit."""
        figure = Figure(D(1000), D("64.50"), D("10.25"), 10)
        assert str(figure.percentage) == "6.5"
        assert str(figure.graded_share) == "15.9"  # 10.25 / 64.5 = 15.89 %
        assert Figure(D(1000), D("64.49"), D(0), 10).percentage == D("6.4")

    def test_the_api_gives_percentages_and_workdays_with_one_decimal(
        self, client_as: ClientAs
    ) -> None:
        """NAV's statistics API gives the percentage and the workdays with one decimal."""
        own, *others = [in_county("5601", industry_code="62.010") for _ in range(4)]
        q = latest()
        import_quarters(
            [(own, q, "1000", "64.55", "10.25", 10)]
            + [(e, q, "1000", "50", "0", 8) for e in others]
        )
        body = client_as("admin").get(f"{S}/enterprises/{own.organisation_number}").json()
        figure = body["last_quarter"]["enterprise"]
        assert (figure["percentage"], figure["lost_workdays"], figure["graded_share"]) == (
            "6.5",
            "64.6",
            "15.9",
        )
        assert figure["possible_workdays"] == "1000.0"

    def test_the_comparison_page_shows_one_decimal_with_a_decimal_comma(
        self, client_as: ClientAs
    ) -> None:
        own, *others = [in_county("5601", industry_code="62.010") for _ in range(4)]
        q = latest()
        import_quarters(
            [(own, q, "1000", "64.55", "0", 10)] + [(e, q, "1000", "50", "0", 8) for e in others]
        )
        page = client_as("admin").get(f"/sick-leave/enterprises/{own.organisation_number}/")
        row = row_of(page.content.decode(), "comparison", own.name)
        assert "6,5 %" in row and "6,46" not in row


class TestSectors:
    def test_the_sectors_are_those_of_nav_statistics_with_their_codes(self) -> None:
        """NAV's sick-leave statistics have three sectors: statlig forvaltning (1),
        kommunal forvaltning (2, county municipalities included) and privat og offentlig
        næringsvirksomhet (3); every sector of an enterprise is one of them."""
        assert {s.key: s.code for s in SECTORS} == {"state": "1", "municipal": "2", "private": "3"}
        assert {s.key for s in SECTORS} == set(Sector.values)

    def test_the_groups_page_names_the_sectors_as_nav_does(self, client_as: ClientAs) -> None:
        enterprises = [
            in_county("5601", sector=sector, industry_code="62.010")
            for sector in Sector.values
            for _ in range(3)
        ]
        import_quarters([(e, OLD, "1000", "50", "0", 6) for e in enterprises])
        page = client_as("analytiker").get("/sick-leave/groups/", {"kind": "sector"})
        html = page.content.decode()
        assert nb("Central government administration") in html
        assert all(sector_label_nb(key) in html for key in Sector.values)

    def test_the_comparison_names_the_enterprise_sector_as_nav_does(
        self, client_as: ClientAs
    ) -> None:
        own, *others = [
            in_county("5601", sector=Sector.MUNICIPAL, industry_code="84.110") for _ in range(4)
        ]
        import_quarters([(e, latest(), "1000", "50", "0", 6) for e in (own, *others)])
        body = client_as("admin").get(f"{S}/enterprises/{own.organisation_number}").json()
        assert body["groups"]["sector"]["label"] == sector_label_nb("municipal")


def sector_label_nb(key: str) -> str:
    from django.utils import translation

    with translation.override("nb"):
        return sector_label(key)
