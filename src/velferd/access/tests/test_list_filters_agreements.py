"""The agreements' and deliveries' list filters answer as the predicates beside them: for
every login and every row, an agreement or a delivery is in the list exactly when the
question about it says yes (can_view_agreement / agreements_visible, can_view_delivery /
deliveries_visible, can_manage_schemes_in / counties_managed). Checked on the demo's rows
and on generated agreements in several counties, of suppliers with a login of their own or
not, and a national scheme manager."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.roles import Role
from velferd.core.testing import filter_disagreements, login_actor, new_user
from velferd.schemes.models import Agreement, Delivery
from velferd.schemes.tests.factories import a_delivery, an_agreement

pytestmark = pytest.mark.django_db

LOGINS = ["tiltaksforvalter", "leverandor", "veileder", "beslutter", "ia-radgiver", "admin"]


def actors(*more: Actor) -> list[Actor]:
    return [ANONYMOUS, *(login_actor(login) for login in LOGINS), *more]


def disagreements(*more: Actor) -> list[tuple[str, str]]:
    everyone = actors(*more)
    return [
        *filter_disagreements(
            Agreement.objects.all(),
            policies.can_view_agreement,
            lambda actor: policies.agreements_visible(actor),
            everyone,
        ),
        *filter_disagreements(
            Delivery.objects.all(),
            policies.can_view_delivery,
            lambda actor: policies.deliveries_visible(actor),
            everyone,
        ),
    ]


def test_the_demo_agreements_and_deliveries_are_listed_as_the_predicates_say() -> None:
    assert disagreements() == []


def test_an_agreement_of_two_counties_is_listed_once() -> None:
    agreement = an_agreement(counties=["03", "46"])
    manager = login_actor("tiltaksforvalter")
    found = Agreement.objects.filter(policies.agreements_visible(manager)).distinct()
    assert list(found.filter(pk=agreement.pk)) == [agreement]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.tuples(st.sampled_from(["03", "46", "50"]), st.booleans()), min_size=1, max_size=3)
)
def test_generated_agreements_are_listed_as_the_predicates_say(
    rows: list[tuple[str, bool]],
) -> None:
    more: list[Actor] = [new_user(f"national-{len(rows)}-{id(rows)}", Role.SCHEME_MANAGER)]
    for n, (county, has_login) in enumerate(rows):
        delivery = a_delivery(agreement=an_agreement(counties=[county]))
        if has_login:
            more.append(
                new_user(
                    f"supplier-{id(rows)}-{n}",
                    Role.SUPPLIER,
                    organisation_number=delivery.supplier.organisation_number,
                )
            )
    assert disagreements(*more) == []
