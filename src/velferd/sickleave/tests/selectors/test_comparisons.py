"""One enterprise against its groups, and who may see it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from velferd.access.actor import Actor
from velferd.core.errors import DomainError
from velferd.employers.models import Enterprise
from velferd.sickleave import selectors

from ..factories import (
    a_representative,
    import_quarters,
    last_quarters,
    peers_with_statistics,
    with_statistics,
)
from .shared import OLD, in_county, quarter_of

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]
D = Decimal


@pytest.fixture
def vestland() -> list[Enterprise]:
    """Four private care homes (NACE 87.301) in Bergen, with 12 quarters of statistics."""
    return peers_with_statistics("4601", industry_code="87.301")


class TestComparison:
    def test_the_enterprise_is_compared_with_its_industry_sector_county_and_country(
        self, vestland: list[Enterprise]
    ) -> None:
        own = vestland[0]
        found = selectors.enterprise_comparison(
            actor=a_representative(own), organisation_number=own.organisation_number
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
        ("login", "which", "allowed"),
        [
            ("representant", "own", True),
            ("representant", "other", False),
            ("ia-radgiver", "other", True),
            ("ia-radgiver", "oslo", False),
            ("ia-03", "oslo", True),
            ("admin", "oslo", True),
            ("analytiker", "own", False),
            ("departement", "own", False),
            ("veileder", "own", False),
        ],
    )
    def test_who_sees_one_enterprise(
        self,
        actor_of_login: ActorOf,
        vestland: list[Enterprise],
        login: str,
        which: str,
        allowed: bool,
    ) -> None:
        """ "own" is the enterprise "representant" represents, "other" another in Vestland."""
        oslo = in_county("0301")
        with_statistics(oslo)
        number = {"own": vestland[0], "other": vestland[1], "oslo": oslo}[which].organisation_number
        actor = a_representative(vestland[0]) if login == "representant" else actor_of_login(login)
        if allowed:
            assert selectors.enterprise_comparison(actor=actor, organisation_number=number)
            return
        with pytest.raises(DomainError) as refused:
            selectors.enterprise_comparison(actor=actor, organisation_number=number)
        assert refused.value.status == 404

    @pytest.mark.parametrize("number", ["974760673", "123", "80000000x"])
    def test_an_unknown_or_invalid_number_is_404(
        self, actor_of_login: ActorOf, number: str
    ) -> None:
        with pytest.raises(DomainError) as refused:
            selectors.enterprise_comparison(
                actor=actor_of_login("admin"), organisation_number=number
            )
        assert refused.value.status == 404

    def test_analysts_see_groups(self, actor_of_login: ActorOf, vestland: list[Enterprise]) -> None:
        found = selectors.group_statistics(
            actor=actor_of_login("analytiker"), kind="county", key="46"
        )
        assert found.group.label == "Vestland"
        assert found.four_quarters is not None and not found.four_quarters.masked

    def test_citizens_see_no_groups(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(DomainError) as refused:
            selectors.groups(actor=actor_of_login("innbygger"), kind="industry")
        assert refused.value.status == 403


class TestOwnComparison:
    """An enterprise's comparison never shows a group from which its own figures can be
    subtracted to leave another enterprise's."""

    def test_a_county_of_two_enterprises_never_shows_the_other_ones_workdays(
        self, actor_of_login: ActorOf
    ) -> None:
        mine, theirs = in_county("5601"), in_county("5603")
        quarters = last_quarters(12)
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

    def test_an_employer_among_alike_enterprises_still_sees_its_groups(
        self, vestland: list[Enterprise]
    ) -> None:
        own = vestland[0]
        found = selectors.enterprise_comparison(
            actor=a_representative(own), organisation_number=own.organisation_number
        )
        for name in ("industry", "sector", "county", "country"):
            figure = found.four_quarters[name]
            assert figure is not None and not figure.masked, name
