"""The budget form follows the form pattern: a wrong amount is in the error summary and
beside the county's field, marked invalid and tied to its message, the answer kept; a saved
budget is confirmed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.core.testing import assert_every_error_shown
from velferd.employers.models import SubsidyBudget

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]
PAGE = "/employers/budgets/?year=2027"
MESSAGE = "Beløpet må være et positivt tall i kroner."


def test_a_wrong_amount_is_in_the_summary_and_beside_the_countys_field(client_as: Login) -> None:
    response = client_as("admin").post(PAGE, {"county": "56", "amount": "-5 000"})

    html = response.content.decode()
    assert response.status_code == 422
    assert_every_error_shown(html, {"amount": MESSAGE})
    assert html.count('id="id_amount"') == 1
    assert 'value="-5 000"' in html
    assert not SubsidyBudget.objects.filter(county_id="56", year=2027).exists()


def test_a_saved_budget_is_confirmed(client_as: Login) -> None:
    response = client_as("admin").post(PAGE, {"county": "56", "amount": "2500000"}, follow=True)

    assert SubsidyBudget.objects.filter(county_id="56", year=2027).exists()
    assert 'role="status">Budsjettet er lagret.</div>' in response.content.decode()
