"""The suppliers' list filters answer as the predicates beside them: for every login and
every supplier, a supplier is in the list exactly when the question about it says yes.
Checked on the demo's suppliers and on generated ones, some with a login of their own."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.roles import Role
from velferd.core.testing import filter_disagreements, login_actor, new_user
from velferd.schemes.models import Supplier
from velferd.schemes.tests.factories import a_supplier

pytestmark = pytest.mark.django_db

LOGINS = [
    "tiltaksforvalter",
    "leverandor",
    "veileder",
    "beslutter",
    "ia-radgiver",
    "arbeidsgiver",
    "innbygger",
    "admin",
]


def actors(*more: Actor) -> list[Actor]:
    return [ANONYMOUS, *(login_actor(login) for login in LOGINS), *more]


def on_suppliers(*more: Actor) -> list[tuple[str, str]]:
    rows = Supplier.objects.all()
    return [
        *filter_disagreements(
            rows, policies.can_view_supplier, policies.suppliers_visible, actors(*more)
        ),
        *filter_disagreements(
            rows, policies.represents_supplier, policies.suppliers_represented, actors(*more)
        ),
    ]


def test_the_demo_suppliers_are_listed_as_the_predicates_say() -> None:
    assert on_suppliers() == []


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.booleans(), min_size=1, max_size=4))
def test_generated_suppliers_are_listed_as_the_predicates_say(with_login: list[bool]) -> None:
    more: list[Actor] = []
    for n, has_login in enumerate(with_login):
        supplier = a_supplier()
        if has_login:
            more.append(
                new_user(
                    f"lev-{supplier.organisation_number}-{n}",
                    Role.SUPPLIER,
                    organisation_number=supplier.organisation_number,
                )
            )
    assert on_suppliers(*more) == []
