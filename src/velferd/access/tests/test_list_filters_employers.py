"""The employers' and the sick-leave statistics' list filters answer as the predicates
beside them: for every login and every row, a row is in the list exactly when the question
about that row says yes. Checked on the demo's rows and on generated enterprises (in
several counties, represented by an employer of their own or not) with a subsidy and a line
on the prioritisation list each."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import count
from typing import Any

import pytest
from django.db.models import Q, QuerySet
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.roles import Role
from velferd.core.testing import filter_disagreements, login_actor, new_user
from velferd.employers.models import Enterprise, Subsidy
from velferd.employers.tests.factories import an_enterprise
from velferd.organisation.models import County, Municipality
from velferd.sickleave.models import EnterpriseSummary

pytestmark = pytest.mark.django_db

LOGINS = [
    "ia-radgiver",
    "ia-56",
    "arbeidsgiver",
    "admin",
    "analytiker",
    "departement",
    "veileder",
    "innbygger",
]


def actors(*more: Actor) -> list[Actor]:
    return [ANONYMOUS, *(login_actor(login) for login in LOGINS), *more]


def disagreements(
    rows: QuerySet[Any],
    rule: Callable[[Actor, Any], bool],
    filter_of: Callable[[Actor], Q],
    *more: Actor,
) -> list[tuple[str, str]]:
    return filter_disagreements(rows, rule, filter_of, actors(*more))


def on_enterprises(rows: QuerySet[Any], *more: Actor) -> list[tuple[str, str]]:
    """Every rule whose list is of enterprises, on these enterprises."""
    return [
        *disagreements(rows, policies.can_view_enterprise, policies.enterprises_visible, *more),
        *disagreements(rows, policies.can_advise_enterprise, policies.enterprises_advised, *more),
        *disagreements(
            rows, policies.represents_enterprise, policies.enterprises_represented, *more
        ),
    ]


def on_subsidies(rows: QuerySet[Any], *more: Actor) -> list[tuple[str, str]]:
    """A subsidy is listed where its enterprise is seen."""
    return disagreements(
        rows.select_related("enterprise"),
        lambda actor, subsidy: policies.can_view_enterprise(actor, subsidy.enterprise),
        lambda actor: policies.enterprises_visible(actor, "enterprise__"),
        *more,
    )


def on_priority_lines(rows: QuerySet[Any], *more: Actor) -> list[tuple[str, str]]:
    return disagreements(
        rows, policies.can_view_priority_line, policies.priority_lines_visible, *more
    )


def test_who_sees_which_enterprises() -> None:
    assert on_enterprises(Enterprise.objects.all()) == []


def test_who_sees_which_subsidies() -> None:
    assert Subsidy.objects.exists()
    assert on_subsidies(Subsidy.objects.all()) == []


def test_whose_budgets_are_listed() -> None:
    assert (
        disagreements(
            County.objects.all(),
            lambda actor, county: policies.can_view_subsidy_budget(actor, county.number),
            policies.subsidy_budget_counties,
        )
        == []
    )


def test_whose_results_may_be_chosen() -> None:
    assert (
        disagreements(
            County.objects.all(),
            lambda actor, county: policies.can_view_iw_results(actor, county.number),
            policies.iw_results_counties,
        )
        == []
    )


def test_who_sees_which_lines_of_the_prioritisation_list() -> None:
    assert EnterpriseSummary.objects.exists()
    assert on_priority_lines(EnterpriseSummary.objects.all()) == []


def test_the_results_shown_unasked_are_results_the_actor_may_see() -> None:
    for actor in actors():
        county = policies.iw_results_county(actor)
        mine = policies.iw_counties(actor)
        if policies.can_view_iw_results(actor, None):
            assert county is None, actor.label
        elif mine:
            assert county in mine and policies.can_view_iw_results(actor, county), actor.label
        else:
            assert not policies.can_view_iw_results(actor, county), actor.label


SERIALS = count(5000)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    municipality=st.sampled_from(["4601", "5601", "0301", "1103", "5501"]),
    represented=st.booleans(),
    persons=st.integers(min_value=0, max_value=20),
)
def test_generated_enterprises_subsidies_and_lines_agree(
    municipality: str, represented: bool, persons: int
) -> None:
    serial = next(SERIALS)
    enterprise = an_enterprise(municipality=Municipality.objects.get(number=municipality))
    more = []
    if represented:
        more.append(
            new_user(
                f"arbeidsgiver-{serial}",
                Role.EMPLOYER,
                organisation_number=enterprise.organisation_number,
            )
        )
    Subsidy.objects.create(
        enterprise=enterprise, purpose="Tilrettelegging", amount_applied=Decimal("1000.00")
    )
    EnterpriseSummary.objects.create(
        enterprise=enterprise,
        county_id=enterprise.county_id,
        possible_workdays=Decimal(1000),
        lost_workdays=Decimal(50),
        graded_lost_workdays=Decimal(0),
        sick_listed_persons=persons,
    )
    enterprises = Enterprise.objects.filter(pk=enterprise.pk)
    assert on_enterprises(enterprises, *more) == []
    assert on_subsidies(Subsidy.objects.filter(enterprise=enterprise), *more) == []
    assert on_priority_lines(EnterpriseSummary.objects.filter(enterprise=enterprise), *more) == []
