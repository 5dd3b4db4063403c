"""Subsidies: the application and its lifecycle, the grant against the county's budget."""

from __future__ import annotations

from decimal import Decimal

import pytest

from velferd.access.actor import Actor
from velferd.employers import services
from velferd.employers.models import (
    Enterprise,
    Subsidy,
)

from ..factories import an_enterprise
from ..writes import actions_since, mark, refused

pytestmark = pytest.mark.django_db


def applied(actor: Actor, enterprise: Enterprise, amount: str = "10000.00") -> Subsidy:
    return services.subsidy_apply(
        actor=actor, enterprise=enterprise, purpose="Tilrettelegging", amount=amount
    )


def under_assessment(advisor: Actor, subsidy: Subsidy) -> Subsidy:
    return services.subsidy_assess(actor=advisor, subsidy=subsidy, version=subsidy.version)


class TestSubsidies:
    def test_the_employer_applies_for_their_own_enterprise(
        self, employer: Actor, enterprise: Enterprise
    ) -> None:
        seq = mark()
        subsidy = applied(employer, enterprise, "12500.50")
        assert (subsidy.amount_applied, subsidy.status) == (Decimal("12500.50"), "applied")
        assert actions_since(seq) == ["subsidy.applied"]

    def test_the_employer_cannot_apply_for_another_enterprise(self, employer: Actor) -> None:
        another = an_enterprise()
        assert refused(lambda: applied(employer, another)).status == 403

    @pytest.mark.parametrize("amount", ["0", "-5", "12.345", "tusen", "NaN", "Infinity"])
    def test_the_amount_must_be_positive_kroner_and_ore(
        self, advisor: Actor, enterprise: Enterprise, amount: str
    ) -> None:
        error = refused(lambda: applied(advisor, enterprise, amount))
        assert (error.code, error.field, error.status) == ("invalid_amount", "amount", 422)

    def test_grant_partly_refuse_and_pay_follow_the_table(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        subsidy = under_assessment(advisor, applied(advisor, enterprise, "1000.00"))
        error = refused(
            lambda: services.subsidy_grant(
                actor=advisor, subsidy=subsidy, version=subsidy.version, amount="1000.01"
            )
        )
        assert (error.code, error.field) == ("more_than_applied", "amount")
        seq = mark()
        partly = services.subsidy_grant(
            actor=advisor, subsidy=subsidy, version=subsidy.version, amount="999.99"
        )
        assert (partly.status, partly.amount_granted) == ("partly_granted", Decimal("999.99"))
        paid = services.subsidy_pay(actor=advisor, subsidy=partly, version=partly.version)
        assert paid.status == "paid"
        assert actions_since(seq) == ["subsidy.partly_granted", "subsidy.paid"]

        full = under_assessment(advisor, applied(advisor, enterprise, "500.00"))
        assert (
            services.subsidy_grant(actor=advisor, subsidy=full, version=full.version).status
            == "granted"
        )

    def test_a_refusal_needs_a_reason_and_a_refused_subsidy_is_never_paid(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        subsidy = under_assessment(advisor, applied(advisor, enterprise))
        error = refused(
            lambda: services.subsidy_refuse(
                actor=advisor, subsidy=subsidy, version=subsidy.version, reason=" "
            )
        )
        assert error.field == "reason"
        seq = mark()
        refusal = services.subsidy_refuse(
            actor=advisor, subsidy=subsidy, version=subsidy.version, reason="Utenfor ordningen"
        )
        assert actions_since(seq) == ["subsidy.refused"]
        error = refused(
            lambda: services.subsidy_pay(actor=advisor, subsidy=refusal, version=refusal.version)
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_an_application_cannot_be_granted_before_it_is_assessed(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        subsidy = applied(advisor, enterprise)
        error = refused(
            lambda: services.subsidy_grant(actor=advisor, subsidy=subsidy, version=subsidy.version)
        )
        assert error.code == "invalid_transition"

    def test_the_employer_cannot_decide(self, employer: Actor, enterprise: Enterprise) -> None:
        own = applied(employer, enterprise)
        error = refused(
            lambda: services.subsidy_assess(actor=employer, subsidy=own, version=own.version)
        )
        assert error.status == 403
