"""The settlement of outcome contracts against hand-worked examples (Decimal, to the øre),
and recording measurements through the service: pending until recorded, the comparison
group's rate where the contract has one, and the cap over the whole contract.

    expected   = round-half-up(participants × comparison rate)
    settlement = price × max(0, outcomes − expected), at most what is left under the cap
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from velferd.core.errors import DomainError
from velferd.schemes import services
from velferd.schemes.models import PriceModel
from velferd.schemes.models.outcomes import MeasurementStatus
from velferd.schemes.services.outcomes import expected_outcomes, settlement

from .agreement_builders import a_draft, manager

D = Decimal


@pytest.mark.parametrize(
    ("price", "participants", "outcomes", "rate", "before", "cap", "paid"),
    [
        # No comparison group: every outcome is paid. 17 × 145 000,00 = 2 465 000,00.
        ("145000.00", 40, 17, None, "0", "5000000.00", "2465000.00"),
        # 40 × 0,25 = 10 expected; 17 − 10 = 7; 7 × 145 000,00 = 1 015 000,00.
        ("145000.00", 40, 17, "0.2500", "0", "5000000.00", "1015000.00"),
        # 30 × 0,25 = 7,5 → 8 (half up); 12 − 8 = 4; 4 × 99 999,99 = 399 999,96.
        ("99999.99", 30, 12, "0.2500", "0", "5000000.00", "399999.96"),
        # 10 × 0,25 = 2,5 → 3 (half up, not to even); 5 − 3 = 2; 2 × 1 234,56 = 2 469,12.
        ("1234.56", 10, 5, "0.2500", "0", "100000.00", "2469.12"),
        # 33 × 0,3333 = 10,9989 → 11; 11 − 11 = 0: nothing.
        ("50000.00", 33, 11, "0.3333", "0", "1000000.00", "0.00"),
        # Fewer outcomes than expected pays nothing, never a negative amount.
        ("50000.00", 20, 2, "0.5000", "0", "1000000.00", "0.00"),
        # The cap: 900 000,50 settled of 1 000 000,00 leaves 99 999,50 of 290 000,00.
        ("145000.00", 10, 2, None, "900000.50", "1000000.00", "99999.50"),
        # The cap reached: nothing more.
        ("145000.00", 10, 2, None, "1000000.00", "1000000.00", "0.00"),
    ],
)
def test_settlement_against_hand_worked_examples(
    price: str, participants: int, outcomes: int, rate: str | None, before: str, cap: str, paid: str
) -> None:
    amount = settlement(
        price_per_outcome=D(price),
        participants=participants,
        outcomes=outcomes,
        comparison_rate=D(rate) if rate else None,
        settled_before=D(before),
        cap=D(cap),
    )
    assert amount == D(paid)
    assert amount.as_tuple().exponent == -2


def test_expected_outcomes_round_half_up() -> None:
    assert [expected_outcomes(n, D("0.2500")) for n in (1, 2, 6, 10)] == [0, 1, 2, 3]
    assert expected_outcomes(40, None) == 0


def contract(**fields: Any) -> Any:
    values: dict[str, Any] = {
        "metric": "in_work_12_months",
        "price_per_outcome": "100000.00",
        "cap": "300000.00",
        "investor_name": "Samfunnsinvest Norge AS",
        "investor_organisation_number": "921987668",
        "has_comparison_group": False,
        "measurement_dates": [datetime.date(2026, 6, 30), datetime.date(2026, 12, 31)],
    }
    values.update(fields)
    agreement = a_draft(price_model=PriceModel.OUTCOME_BASED)
    return services.outcome_contract_create(actor=manager(), agreement=agreement, **values)


def record(found: Any, index: int, **values: Any) -> Any:
    found.refresh_from_db()
    measurement = found.measurements.order_by("measured_on")[index]
    return services.measurement_record(
        actor=manager(), measurement=measurement, version=found.version, **values
    )


@pytest.mark.django_db
def test_measurements_are_pending_until_recorded_and_the_cap_holds_over_the_contract() -> None:
    found = contract()
    assert set(found.measurements.values_list("status", flat=True)) == {MeasurementStatus.PENDING}
    first = record(found, 0, participants=10, outcomes=2)
    assert (first.status, first.settlement) == (MeasurementStatus.MEASURED, D("200000.00"))
    second = record(found, 1, participants=10, outcomes=2)
    assert second.settlement == D("100000.00")
    assert sum(m.settlement for m in found.measurements.all()) == found.cap
    with pytest.raises(DomainError) as again:
        record(found, 1, participants=10, outcomes=2)
    assert (again.value.code, again.value.status) == ("measurement_recorded", 409)


@pytest.mark.django_db
def test_the_comparison_groups_rate_is_needed_where_the_contract_has_one() -> None:
    found = contract(has_comparison_group=True, comparison_description="Trukket likt.")
    with pytest.raises(DomainError) as missing:
        record(found, 0, participants=40, outcomes=17, comparison_rate=None)
    assert missing.value.code == "invalid_comparison_rate"
    recorded = record(found, 0, participants=40, outcomes=17, comparison_rate="0.2500")
    assert recorded.settlement == D("300000.00")  # 7 × 100 000, cut to the cap


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"investor_organisation_number": "921987669"}, "invalid_organisation_number"),
        ({"has_comparison_group": True}, "comparison_description_required"),
        ({"measurement_dates": []}, "measurement_dates_required"),
        ({"cap": "0"}, "invalid_amount"),
        ({"metric": "happiness"}, "invalid_metric"),
    ],
)
def test_the_contracts_terms_are_checked(fields: dict[str, Any], code: str) -> None:
    with pytest.raises(DomainError) as caught:
        contract(**fields)
    assert caught.value.code == code


@pytest.mark.django_db
def test_only_an_outcome_based_agreement_has_a_contract_and_activates_with_it() -> None:
    with pytest.raises(DomainError) as caught:
        services.outcome_contract_create(
            actor=manager(),
            agreement=a_draft(),
            metric="in_work_12_months",
            price_per_outcome="1",
            cap="1",
            investor_name="X",
            investor_organisation_number="921987668",
            has_comparison_group=False,
            measurement_dates=[datetime.date(2026, 6, 30)],
        )
    assert caught.value.code == "not_outcome_based"
    bare = a_draft(price_model=PriceModel.OUTCOME_BASED)
    with pytest.raises(DomainError) as refused:
        services.agreement_activate(actor=manager(), agreement=bare, version=bare.version)
    assert refused.value.code == "outcome_contract_required"


@pytest.mark.django_db
def test_more_outcomes_than_participants_is_refused() -> None:
    with pytest.raises(DomainError) as caught:
        record(contract(), 0, participants=3, outcomes=4)
    assert caught.value.code == "outcomes_exceed_participants"
