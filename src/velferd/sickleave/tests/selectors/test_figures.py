"""The masking rule and the figures."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from velferd.access.actor import Actor
from velferd.sickleave import selectors
from velferd.sickleave.periods import four_quarters
from velferd.sickleave.selectors import Figure

from ..factories import import_quarters, latest, make_enterprise, peers_with_statistics

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
            "duration_split": False,
            "short_term_percentage": None,
            "long_term_percentage": None,
        }

    def test_five_sick_listed_persons_are_shown(self) -> None:
        """With one decimal, as NAV's sick-leave statistics publish percentages."""
        figure = Figure(D(1000), D(50), D(10), 5)
        assert not figure.masked
        assert (str(figure.percentage), str(figure.graded_share)) == ("5.0", "20.0")

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

    def test_few_persons_mask_some_groups_and_not_most(self, actor_of_login: ActorOf) -> None:
        """Farms (NACE 01) with one sick-listed person each in one quarter, a small farm with
        three in the last, and ordinary IT (62) and engineering (71) firms."""
        farms = peers_with_statistics("5601", size=3, industry_code="01.110")
        import_quarters([(farm, latest().shifted(-4), "1000", "10", "0", 1) for farm in farms])
        small = make_enterprise(industry_code="01.110")
        import_quarters([(small, latest(), "300", "20", "0", 3)])
        peers_with_statistics("5601", industry_code="62.010")
        peers_with_statistics("5601", industry_code="71.129")
        analyst = actor_of_login("analytiker")
        industries = selectors.group_statistics(actor=analyst, kind="industry", key="01")
        assert any(g and g.masked for _p, g, _c in industries.history)
        shown = [
            f
            for g, f in selectors.groups(actor=analyst, kind="industry")
            if g.key in ("01", "62", "71")
        ]
        assert len(shown) == 3 and sum(not f.masked for f in shown) > len(shown) / 2
        grocery = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=small.organisation_number
        )
        assert grocery.last_quarter["enterprise"] is not None
        assert grocery.last_quarter["enterprise"].masked


class TestFigures:
    def test_percentage_and_graded_share_follow_from_the_workdays(self) -> None:
        """One decimal, as NAV's sick-leave statistics publish them: 12.19 / 48.75 = 25.005 %
        is 25.0."""
        figure = Figure(D("812.50"), D("48.75"), D("12.19"), 9)
        assert str(figure.percentage) == "6.0"
        assert str(figure.graded_share) == "25.0"

    def test_no_possible_workdays_gives_no_percentage(self) -> None:
        assert Figure(D(0), D(0), D(0), 5).percentage is None
        assert Figure(D(100), D(0), D(0), 5).graded_share is None

    def test_the_four_quarters_are_weighted_by_workdays(self, actor_of_login: ActorOf) -> None:
        enterprise = make_enterprise()
        quarters = four_quarters(latest())
        # 10 % of 100 days, then 2 % of 900 days three times: the mean of the percentages
        # would be 4 %; the weighted figure is (10 + 54) / 2,800 = 2.29 %, published as 2.3.
        import_quarters(
            [(enterprise, quarters[0], "100", "10", "5", 6)]
            + [(enterprise, p, "900", "18", "0", 6) for p in quarters[1:]]
        )
        found = selectors.enterprise_comparison(
            actor=actor_of_login("admin"), organisation_number=enterprise.organisation_number
        )
        own = found.four_quarters["enterprise"]
        assert own is not None
        assert (str(own.percentage), str(own.graded_share)) == ("2.3", "7.8")
        last = found.last_quarter["enterprise"]
        assert last is not None and str(last.percentage) == "2.0"
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
