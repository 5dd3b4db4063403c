"""The groups' figures under disclosure control."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from velferd.access.actor import Actor
from velferd.sickleave import selectors
from velferd.sickleave.periods import four_quarters

from ..factories import import_quarters, latest, peers_with_statistics, with_statistics
from .shared import OLD, in_county, quarter_of

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]
D = Decimal


class TestGroupDisclosure:
    """Groups are shown only with three enterprises or more, none of which dominates, and
    never so that a hidden group follows from the shown ones and the country."""

    def test_a_county_of_one_enterprise_is_hidden_every_quarter(
        self, actor_of_login: ActorOf
    ) -> None:
        """Nordland has one enterprise, in Bodø: its figures were the county's; four more
        in Finnmark make the country."""
        with_statistics(in_county("1804"))
        peers_with_statistics("5601")
        found = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="18"
        )
        figures = [g for _p, g, _c in found.history if g is not None]
        assert len(figures) == 12
        assert all(g.masked and g.as_dict()["lost_workdays"] is None for g in figures)
        assert all(g.reason == "few_enterprises" and g.percentage is None for g in figures)
        assert found.four_quarters is not None and found.four_quarters.masked
        assert found.country_four_quarters is not None and not found.country_four_quarters.masked
        listed = dict(selectors.groups(actor=actor_of_login("analytiker"), kind="county"))
        nordland = next(f for g, f in listed.items() if g.key == "18")
        assert nordland.masked and nordland.as_dict()["lost_workdays"] is None

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
