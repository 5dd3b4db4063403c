"""Prevention and facilitation subsidies (IA agreement 2014–2018): no application since the
scheme ended with 2018; the lifecycle of those applied for in 2018, granted against the
county's budget for that year."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import partial

import pytest

from velferd.access.actor import Actor
from velferd.employers import services
from velferd.employers.models import (
    Enterprise,
    Subsidy,
    SubsidyBudget,
)

from ..factories import an_enterprise
from ..writes import actions_since, audit_mark, refused

pytestmark = pytest.mark.django_db


def applied(actor: Actor, enterprise: Enterprise, amount: str = "10000.00") -> Subsidy:
    """An application made in 2018, the scheme's last year, recorded as it came in."""
    return Subsidy.objects.create(
        enterprise=enterprise,
        purpose="Tilrettelegging",
        amount_applied=Decimal(amount),
        applied_by=actor.user,
        applied_on=datetime.date(2018, 5, 2),
    )


@pytest.fixture(autouse=True)
def budget_2018(advisor: Actor) -> None:
    """Vestland's prevention and facilitation budget for 2018, set if it has none."""
    if not SubsidyBudget.objects.filter(county_id="46", year=2018).exists():
        services.budget_set(actor=advisor, county_number="46", year=2018, amount="500000.00")


def under_assessment(advisor: Actor, subsidy: Subsidy) -> Subsidy:
    return services.subsidy_assess(actor=advisor, subsidy=subsidy, version=subsidy.version)


class TestSubsidies:
    def test_no_application_is_taken_after_2018(
        self, employer: Actor, advisor: Actor, enterprise: Enterprise
    ) -> None:
        """IA agreement 2014–2018: the scheme ended with it (expert assistance since)."""
        for applicant in (employer, advisor):
            error = refused(
                partial(
                    services.subsidy_apply,
                    actor=applicant,
                    enterprise=enterprise,
                    purpose="Kurs",
                    amount="12500.50",
                )
            )
            assert (error.code, error.status) == ("subsidy_scheme_ended", 409)

    def test_the_employer_cannot_apply_for_another_enterprise(self, employer: Actor) -> None:
        another = an_enterprise()
        error = refused(
            lambda: services.subsidy_apply(
                actor=employer, enterprise=another, purpose="Kurs", amount="100"
            )
        )
        assert error.status == 403

    @pytest.mark.parametrize("amount", ["0", "-5", "12.345", "tusen", "NaN", "Infinity"])
    def test_the_amount_must_be_positive_kroner_and_ore(
        self, advisor: Actor, enterprise: Enterprise, amount: str
    ) -> None:
        subsidy = under_assessment(advisor, applied(advisor, enterprise))
        error = refused(
            lambda: services.subsidy_grant(
                actor=advisor, subsidy=subsidy, version=subsidy.version, amount=amount
            )
        )
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
        seq = audit_mark()
        partly = services.subsidy_grant(
            actor=advisor, subsidy=subsidy, version=subsidy.version, amount="999.99"
        )
        assert (partly.status, partly.amount_granted) == ("partly_granted", Decimal("999.99"))
        assert partly.budget_year == 2018
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
        seq = audit_mark()
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
