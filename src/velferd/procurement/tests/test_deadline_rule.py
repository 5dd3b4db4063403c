"""Nobody at NAV sees a bid before the deadline: not its content, not that it exists —
in the policy and its list filter, the API's lists and counts, the pages and the audit
trail. After the deadline the competition's managers and evaluators see its bids; supplier
staff see their own supplier's bids at any time, and no other supplier's."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access import policies
from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor
from velferd.procurement import services
from velferd.procurement.models import Bid

from .factories import a_bid, a_scheme_manager, manager, past_deadline, published

pytestmark = pytest.mark.django_db

NAV = ["tiltaksforvalter", "veileder", "beslutter", "kontorleder", "admin", "analytiker"]


@pytest.fixture
def sealed() -> tuple[Bid, Bid]:
    """Two bids from two suppliers in a published competition, whose evaluators are
    tiltaksforvalter and a second scheme manager."""
    competition = published()
    for evaluator in (manager(), a_scheme_manager()):
        assert evaluator.user is not None
        services.evaluator_add(
            actor=manager(), competition=competition, username=evaluator.user.username
        )
    first, _ = a_bid(competition, "21000.00")
    second, _ = a_bid(competition, "22000.00")
    return first, second


def moments(bid: Bid) -> tuple[datetime.datetime, datetime.datetime]:
    deadline = bid.competition.bid_deadline
    return deadline - datetime.timedelta(seconds=1), deadline


@pytest.mark.parametrize("username", NAV)
def test_no_one_at_nav_sees_a_bid_before_the_deadline(
    sealed: tuple[Bid, Bid], username: str
) -> None:
    actor = login_actor(username)
    before, _ = moments(sealed[0])
    for bid in sealed:
        assert not policies.can_view_bid(actor, bid, now=before)
    in_it = Bid.objects.filter(competition=sealed[0].competition)
    assert not in_it.filter(policies.bids_visible(actor, now=before)).exists()


def test_the_evaluators_see_the_bids_from_the_deadline(sealed: tuple[Bid, Bid]) -> None:
    _, at = moments(sealed[0])
    evaluator = login_actor(sealed[0].competition.evaluators.last().user.username)  # type: ignore[union-attr]
    for reader in (manager(), evaluator):
        assert all(policies.can_view_bid(reader, bid, now=at) for bid in sealed)
        visible = Bid.objects.filter(policies.bids_visible(reader, now=at)).distinct()
        assert set(visible) >= set(sealed)
    outsider = a_scheme_manager("46")
    assert not any(policies.can_view_bid(outsider, bid, now=at) for bid in sealed)


def test_supplier_staff_see_their_own_bid_and_never_another_suppliers(
    sealed: tuple[Bid, Bid],
) -> None:
    first, second = sealed
    from .factories import a_supplier_login

    staff = a_supplier_login(first.supplier)
    before, at = moments(first)
    for now in (before, at + datetime.timedelta(days=30)):
        assert policies.can_view_bid(staff, first, now=now)
        assert not policies.can_view_bid(staff, second, now=now)
        assert list(Bid.objects.filter(policies.bids_visible(staff, now=now))) == [first]


def test_the_list_filter_agrees_with_the_predicate_on_every_bid(sealed: tuple[Bid, Bid]) -> None:
    before, at = moments(sealed[0])
    readers = [login_actor(u) for u in [*NAV, "leverandor"]]
    for now in (before, at):
        for reader in readers:
            listed = set(Bid.objects.filter(policies.bids_visible(reader, now=now)).distinct())
            allowed = {b for b in Bid.objects.all() if policies.can_view_bid(reader, b, now=now)}
            assert listed == allowed, (reader.label, now)


def client_of(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_nothing_leaks_in_the_api_or_pages_before_the_deadline(sealed: tuple[Bid, Bid]) -> None:
    competition = sealed[0].competition
    client = client_of("tiltaksforvalter")
    listed = client.get(f"/api/v1/procurement/competitions/{competition.pk}/bids").json()
    assert listed == {"items": [], "count": 0}
    for bid in sealed:
        assert client.get(f"/api/v1/procurement/bids/{bid.pk}").status_code == 404
    detail = client.get(f"/api/v1/procurement/competitions/{competition.pk}").json()
    assert "bid" not in str(sorted(detail)).replace("bid_deadline", "")
    page = client.get(f"/procurement/{competition.pk}/").content.decode()
    assert "21 000" not in page and "22 000" not in page
    assert sealed[0].supplier.name not in page and sealed[1].supplier.name not in page
    assert 'data-testid="sealed"' in page
    assert client.get(f"/procurement/bids/{sealed[0].pk}/").status_code == 404


def test_the_audit_trail_holds_no_content_of_a_bid(sealed: tuple[Bid, Bid]) -> None:
    events = AuditEvent.objects.filter(
        target_type="procurement.bid", target_id__in=[str(bid.pk) for bid in sealed]
    )
    assert events.count() == 2
    for event in events:
        assert event.before is None and event.after is None
        assert event.target_label.split()[-1] == event.target_id
        for bid in sealed:
            assert bid.supplier.name not in event.target_label
    page = client_of("admin").get("/audit/").content.decode()
    for bid in sealed:
        assert bid.supplier.name not in page
        assert "21000" not in page


def test_after_the_deadline_the_api_gives_the_bids_to_the_evaluators(
    sealed: tuple[Bid, Bid],
) -> None:
    competition = past_deadline(sealed[0].competition)
    client = client_of("tiltaksforvalter")
    listed = client.get(f"/api/v1/procurement/competitions/{competition.pk}/bids").json()
    assert listed["count"] == 2
    assert client.get(f"/api/v1/procurement/bids/{sealed[0].pk}").status_code == 200
    assert client_of("veileder").get(f"/api/v1/procurement/bids/{sealed[0].pk}").status_code == 404
    assert timezone.now() > competition.bid_deadline
