"""Granting expert assistance from one county's budget in several sessions at the same
moment, over real concurrent connections: the county's budget row is locked, so the grants
are counted one after the other and together never exceed it (NAV decides within the
county's budget for tilskudd til ekspertbistand)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.employers import selectors
from velferd.employers.models import ExpertAssistance

from .deferrals import applied, expert_budget, today, vestland_advisor
from .factories import a_representative, an_enterprise

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

SESSIONS = 8
ROOM_FOR = 3  # grants of 10 000 kr the budget has room for


@pytest.fixture
def demo() -> None:
    load_demo_data()


def granting(username: str, application: ExpertAssistance) -> Callable[[], Any]:
    from velferd.access.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    body = json.dumps({"version": application.version})

    def grant() -> Any:
        return client.post(
            f"/api/v1/employers/expert-assistance/{application.pk}/grant",
            body,
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="en",
        )

    return grant


def test_concurrent_grants_never_exceed_the_countys_budget(demo: None) -> None:
    advisor = vestland_advisor("samtidig-radgiver")
    employer = a_representative(an_enterprise(), "samtidig-arbeidsgiver")
    enterprise = selectors.own_enterprises(actor=employer).get()
    year = today().year
    already = selectors.granted_total("46", year)
    expert_budget(advisor, str(already + ROOM_FOR * Decimal("10000.00")))
    applications = [applied(employer, enterprise, amount="10000.00") for _ in range(SESSIONS)]

    responses = run_together([granting("samtidig-radgiver", a) for a in applications])

    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: ROOM_FOR, 409: SESSIONS - ROOM_FOR}
    refusals = {r.json()["code"] for r in responses if r.status_code == 409}
    assert refusals == {"budget_exceeded"}
    line = selectors.budget_line(actor=advisor, county_number="46", year=year)
    assert line.remaining == Decimal("0.00")
    assert ExpertAssistance.objects.filter(enterprise=enterprise, status="granted").count() == (
        ROOM_FOR
    )
