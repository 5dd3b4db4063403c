"""A person who moves to another office's area takes their follow-up with them."""

from __future__ import annotations

import pytest
from django.db.models import QuerySet

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.followup import portfolio
from velferd.followup.models import FollowUpPeriod, PortfolioState
from velferd.followup.portfolio import PortfolioQuery
from velferd.organisation.selectors import office
from velferd.people.services import person_update

from .sagene import Sagene, sagene_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def sagene(system: Actor) -> Sagene:
    return sagene_office(system)


def names(actor: Actor, *flags: str, page_size: int = 200) -> list[str]:
    """The given names on every page of the actor's portfolio, under these flags."""
    query, found_names, page = PortfolioQuery(flags=set(flags)), [], 1
    while True:
        found = portfolio.portfolio(actor=actor, query=query, page=page, page_size=page_size)
        found_names += [row.person.given_name for row in found.rows]
        if page * page_size >= found.count:
            return found_names
        page += 1


def transfers_of(period: FollowUpPeriod) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(action="period.transferred", target_id=str(period.pk))


def test_the_follow_up_moves_to_the_new_office_unassigned(
    sagene: Sagene, actor_of_login: object
) -> None:
    who = sagene.person("Flytter", by=sagene.state)
    grunerlokka_manager = actor_of_login("kontorleder")  # type: ignore[operator]
    assert "Flytter" in names(sagene.state, "mine")

    person_update(actor=sagene.state, person=who, version=who.version, district="Grünerløkka")

    period = FollowUpPeriod.objects.get(person=who, ended_on__isnull=True)
    assert (period.office.unit_number, period.caseworker) == ("0317", None)
    [event] = transfers_of(period)
    assert sagene.state.user is not None
    assert (event.before, event.after) == (
        {"office": str(office("0320").pk), "caseworker": str(sagene.state.user.pk)},
        {"office": str(period.office_id), "caseworker": None},
    )
    assert "Flytter" not in names(sagene.state)
    assert "Flytter" in names(grunerlokka_manager, "unassigned")
    state = PortfolioState.objects.get(person=who)
    assert (state.office_id, state.person_office_id) == (period.office_id, period.office_id)


def test_a_move_within_the_office_leaves_the_follow_up_alone(sagene: Sagene) -> None:
    who = sagene.person("Blir", by=sagene.state)

    person_update(actor=sagene.state, person=who, version=who.version, address_line="Ny gate 2")

    assert "Blir" in names(sagene.state, "mine")
    assert not transfers_of(FollowUpPeriod.objects.get(person=who))
