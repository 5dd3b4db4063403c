"""The supplier's side of participants: each list filter answers as the predicate beside it,
for every login and for new supplier staff, on participations of every status, some closed
within the access window and some after it, and on their proposals."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.roles import Role
from velferd.core.testing import filter_disagreements, login_actor, new_user
from velferd.participants.models import ChangeProposal, Participation, ParticipationStatus
from velferd.participants.tests.supplier_builders import closed_days_ago, participating
from velferd.people.tests.factories import strictly_confidential
from velferd.schemes.tests.factories import a_supplier

pytestmark = pytest.mark.django_db

LOGINS = ["leverandor", "veileder", "sosialkonsulent", "beslutter", "kontorleder", "innbygger"]
LOGINS += ["tiltaksforvalter", "admin"]


def actors(*more: Actor) -> list[Actor]:
    return [ANONYMOUS, *(login_actor(login) for login in LOGINS), *more]


@pytest.fixture
def rows() -> Actor:
    """Participations of every status with the demo supplier and another, one closed within
    the window and one after it, a strictly confidential participant, and a proposal on
    each; and a login of the other supplier."""
    other = a_supplier()
    for status in ParticipationStatus.values:
        participating(status=status, ended_at=timezone.now() if status == "ended" else None)
    closed_days_ago(3)
    closed_days_ago(60)
    participating(supplier=other)
    participating(person=strictly_confidential())
    participating(person=strictly_confidential(), supplier=other)
    actor = login_actor("leverandor")
    assert actor.user is not None
    for participation in Participation.objects.all():
        ChangeProposal.objects.create(
            participation=participation,
            kind="extension",
            ends_on=datetime.date(2030, 1, 1),
            proposed_by=actor.user,
        )
    return new_user(
        f"lev-{other.organisation_number}",
        Role.SUPPLIER,
        organisation_number=other.organisation_number,
    )


def test_participants_visible_to_the_supplier_as_the_predicate_says(rows: Actor) -> None:
    assert (
        filter_disagreements(
            Participation.objects.all(),
            policies.can_supplier_view_participant,
            policies.participants_visible_to_supplier,
            actors(rows),
        )
        == []
    )


def test_proposals_as_the_predicates_say(rows: Actor) -> None:
    found = ChangeProposal.objects.select_related("participation__person")
    assert (
        filter_disagreements(
            found, policies.can_decide_proposal, policies.proposals_decidable, actors(rows)
        )
        == []
    )
    assert (
        filter_disagreements(
            found, policies.can_view_proposal, policies.proposals_visible, actors(rows)
        )
        == []
    )
