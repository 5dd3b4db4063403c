"""Creating one county's subsidy budget from several sessions at the same moment, over real
concurrent connections: one creates it, every other gets a 409 saying it now exists."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.employers.models import SubsidyBudget

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

SESSIONS = 14
YEAR = 2099  # no budget yet


@pytest.fixture
def logins() -> None:
    """The logins admin and ia-radgiver (they come with the demo data set, which the flush
    after the previous transactional test took away); the test uses no record of it."""
    load_demo_data()


def creating(username: str, amount: str) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username=username))
    body = json.dumps({"amount": amount})

    def create() -> Any:
        return client.put(
            f"/api/v1/employers/budgets/46/{YEAR}",
            body,
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="en",
        )

    return create


def test_concurrent_creates_of_one_budget_give_one_budget_and_409_for_the_rest(
    logins: None,
) -> None:
    sessions = ["admin", "ia-radgiver"] * (SESSIONS // 2)

    responses = run_together(
        [creating(login, f"{100_000 + n}.00") for n, login in enumerate(sessions)]
    )

    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: SESSIONS - 1}
    refusals = [r.json() for r in responses if r.status_code == 409]
    assert {refusal["code"] for refusal in refusals} == {"budget_exists"}
    assert "already" in refusals[0]["message"]
    winner = next(r.json() for r in responses if r.status_code == 200)
    budget = SubsidyBudget.objects.get(county_id="46", year=YEAR)
    assert str(budget.amount) == winner["amount"]
    assert AuditEvent.objects.filter(action="budget.set", target_id=str(budget.pk)).count() == 1
