"""The IW centres' results, and who may see them."""

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
)
from velferd.sickleave import selectors
from velferd.sickleave.periods import Period

from ..factories import import_quarters, latest, make_enterprise
from .shared import in_county

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]
D = Decimal


def serve(enterprise: Enterprise, start: Period) -> Cooperation:
    """An active cooperation that started in `start` (no event log: its creation counts)."""
    cooperation = Cooperation.objects.create(enterprise=enterprise, status=CooperationStatus.ACTIVE)
    started = timezone.make_aware(datetime.datetime(start.year, start.quarter * 3 - 1, 10))
    Cooperation.objects.filter(pk=cooperation.pk).update(created_at=started)
    return cooperation


def only_the_tests_cooperations_served() -> None:
    """Close every cooperation being served that the test did not build: the counties are
    judged together, and a county hidden by cooperations the test knows nothing of would
    hide another's as well (see test_a_county_that_would_reveal_another_is_hidden). Call it
    before the test builds its own."""
    Cooperation.objects.filter(status__in=selectors.SERVED_STATUSES).update(
        status=CooperationStatus.CANCELLED, is_open=False
    )


class TestResults:
    @pytest.fixture
    def served(self) -> list[Enterprise]:
        """Three enterprises in Finnmark whose cooperations started two quarters ago: four
        quarters before at 10 %, two during at 5 % with more graded sick leave."""
        only_the_tests_cooperations_served()
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
        only_the_tests_cooperations_served()
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
        only_the_tests_cooperations_served()
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
        only_the_tests_cooperations_served()
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
