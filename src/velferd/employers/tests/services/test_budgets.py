"""The counties' subsidy budgets: for each year the subsidy of that year (prevention and
facilitation up to 2018, IA agreement 2014–2018; expert assistance since, IA agreement
2019–2024 and its extension), never below what is granted from them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from velferd.access.actor import Actor
from velferd.employers import selectors, services
from velferd.employers.models import (
    Enterprise,
    SubsidyBudget,
)
from velferd.employers.services.budgets import _budget_create
from velferd.organisation.selectors import county

from ..deferrals import applied
from ..writes import TODAY, Lookup, actions_since, audit_mark, refused

pytestmark = pytest.mark.django_db


class TestBudget:
    def test_exactly_the_remaining_amount_is_granted_one_ore_more_is_refused(
        self, advisor: Actor, employer: Actor, enterprise: Enterprise
    ) -> None:
        year = TODAY().year
        line = selectors.budget_line(actor=advisor, county_number="46", year=year)
        budget = services.budget_set(
            actor=advisor,
            county_number="46",
            year=year,
            amount=line.granted + Decimal("2500.00"),
            version=line.budget.version if line.budget else None,
        )
        remaining = budget.amount - selectors.granted_total("46", year)
        assert remaining == Decimal("2500.00")

        too_much = applied(employer, enterprise, amount="2500.01")
        error = refused(
            lambda: services.expert_assistance_grant(
                actor=advisor, application=too_much, version=too_much.version
            )
        )
        assert (error.code, error.status) == ("budget_exceeded", 409)
        assert "2 500,00 kr igjen" in error.message_nb
        assert "2,500.00 NOK remain" in error.message_en

        exact = applied(employer, enterprise, amount="2500.00")
        granted = services.expert_assistance_grant(
            actor=advisor, application=exact, version=exact.version
        )
        assert granted.status == "granted"
        line = selectors.budget_line(actor=advisor, county_number="46", year=year)
        assert line.remaining == Decimal("0.00")

    def test_setting_a_budget_is_audited_and_versioned(self, advisor: Actor) -> None:
        seq = audit_mark()
        budget = services.budget_set(
            actor=advisor, county_number="46", year=2031, amount="1000000.00"
        )
        assert actions_since(seq) == ["budget.set"]
        assert budget.scheme == "expert_assistance"
        error = refused(
            lambda: services.budget_set(
                actor=advisor, county_number="46", year=2031, amount="5.00", version=None
            )
        )
        assert (error.code, error.status) == ("budget_exists", 409)
        assert "already has a budget for 2031" in error.message_en
        changed = services.budget_set(
            actor=advisor, county_number="46", year=2031, amount="900000", version=budget.version
        )
        assert changed.amount == Decimal("900000.00")

    def test_creating_a_budget_another_session_just_created_is_409_and_the_rest_goes_on(
        self, advisor: Actor
    ) -> None:
        """The second of two creates that both found no budget: the unique constraint
        refuses it in a savepoint, so its transaction can still answer."""
        services.budget_set(actor=advisor, county_number="46", year=2033, amount="10.00")

        error = refused(lambda: _budget_create(county("46"), 2033, Decimal("20.00")))

        assert (error.code, error.status, error.field) == ("budget_exists", 409, "version")
        assert "har allerede et budsjett for 2033" in error.message_nb
        assert SubsidyBudget.objects.get(county_id="46", year=2033).amount == Decimal("10.00")

    def test_a_budget_cannot_go_below_what_is_granted(
        self, advisor: Actor, employer: Actor, enterprise: Enterprise
    ) -> None:
        application = applied(employer, enterprise, amount="5000.00")
        services.expert_assistance_grant(
            actor=advisor, application=application, version=application.version
        )
        line = selectors.budget_line(actor=advisor, county_number="46", year=TODAY().year)
        assert line.granted >= Decimal("5000.00")
        error = refused(
            lambda: services.budget_set(
                actor=advisor,
                county_number="46",
                year=TODAY().year,
                amount=line.granted - Decimal("0.01"),
                version=line.budget.version if line.budget else None,
            )
        )
        assert (error.code, error.field) == ("below_granted", "amount")

    def test_a_budget_up_to_2018_is_for_prevention_and_facilitation(self, advisor: Actor) -> None:
        old = services.budget_set(actor=advisor, county_number="46", year=2017, amount="1.00")
        assert old.scheme == "prevention_facilitation"
        line = selectors.budget_line(actor=advisor, county_number="46", year=2017)
        assert (line.scheme, line.amount) == ("prevention_facilitation", Decimal("1.00"))

    def test_only_the_county_centre_or_an_administrator_sets_it(
        self, actor_of_login: Lookup
    ) -> None:
        error = refused(
            lambda: services.budget_set(
                actor=actor_of_login("ia-03"), county_number="46", year=2032, amount="1.00"
            )
        )
        assert error.status == 403
        assert services.budget_set(
            actor=actor_of_login("admin"), county_number="46", year=2032, amount="1.00"
        ).amount == Decimal("1.00")
