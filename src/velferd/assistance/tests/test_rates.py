"""The guideline rates as data per year and the calculation aid: the household's rates, its
housing and electricity, less its income (child benefit not counted); the latest earlier
year's rates when the year's are missing, said so."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from velferd.access.actor import system_actor
from velferd.assistance.calculation import calculate
from velferd.assistance.models import GuidelineRate, HouseholdMember, MoneyItem
from velferd.assistance.services.rates import published_rates_load, rate_set
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor

from .factories import an_application, guideline_rates

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 1)


def test_a_couple_with_two_children_less_salary_not_child_benefit() -> None:
    guideline_rates(2026)
    application = an_application(housing_cost=Decimal("12000"), electricity_cost=Decimal("800"))
    HouseholdMember.objects.create(
        application=application,
        relation="spouse",
        name="Ektefelle",
        birth_date=datetime.date(1990, 1, 1),
    )
    for born in (datetime.date(2023, 5, 1), datetime.date(2014, 1, 1)):
        HouseholdMember.objects.create(
            application=application, relation="child", name="Barn", birth_date=born
        )
    MoneyItem.objects.create(application=application, kind="salary", amount=Decimal("20000"))
    MoneyItem.objects.create(application=application, kind="child_benefit", amount=Decimal("3532"))
    MoneyItem.objects.create(application=application, kind="bank_deposits", amount=Decimal("900"))
    result = calculate(application, DAY)
    # 13 100 + 3 850 (aged 2) + 5 150 (aged 12) + 12 000 + 800 − 20 000
    assert result.rates_total == Decimal("22100")
    assert result.result == Decimal("14900.00")
    assert result.assets == Decimal("900") and not result.rates_of_earlier_year


def test_the_latest_earlier_years_rates_are_used_and_said_so() -> None:
    published_rates_load(actor=system_actor("tests"))
    result = calculate(an_application(housing_cost=None), DAY)
    assert result.year == 2024 and result.rates_of_earlier_year
    assert result.result == Decimal("7850.00")


def test_more_income_than_need_gives_nothing_not_less() -> None:
    guideline_rates(2026)
    application = an_application(housing_cost=None)
    MoneyItem.objects.create(application=application, kind="salary", amount=Decimal("50000"))
    assert calculate(application, DAY).result == Decimal("0.00")


def test_an_administrator_enters_and_corrects_a_rate_with_its_version() -> None:
    admin = login_actor("admin")
    rate = rate_set(actor=admin, year=2026, kind="single_adult", amount="8 100")
    assert rate.amount == Decimal("8100.00")
    corrected = rate_set(actor=admin, year=2026, kind="single_adult", amount="8150", version=1)
    assert corrected.version == 2
    with pytest.raises(DomainError) as stale:
        rate_set(actor=admin, year=2026, kind="single_adult", amount="8200", version=1)
    assert stale.value.status == 409


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"amount": "-1"}, "invalid_rate"),
        ({"amount": "1000000"}, "invalid_rate"),
        ({"year": "1850"}, "invalid_year"),
        ({"kind": "dog"}, "unknown_rate_kind"),
    ],
)
def test_a_wrong_rate_is_refused(fields: dict[str, str], code: str) -> None:
    values = {"year": "2026", "kind": "couple", "amount": "13000", **fields}
    with pytest.raises(DomainError) as refused:
        rate_set(
            actor=login_actor("admin"),
            year=values["year"],
            kind=values["kind"],
            amount=values["amount"],
        )
    assert refused.value.code == code
    assert not GuidelineRate.objects.filter(year=2026).exists()


def test_only_administrators_set_rates() -> None:
    with pytest.raises(DomainError) as refused:
        rate_set(actor=login_actor("sosialkonsulent"), year=2026, kind="couple", amount="1")
    assert refused.value.status == 403
