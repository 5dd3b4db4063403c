"""Re-routing one enquiry from several sessions at the same moment, over real concurrent
connections: one re-routing wins, every other gets a 409, never a 500."""

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
from velferd.enquiries.models import Enquiry, RoutingCorrection

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

DEPARTMENTS = ["pension", "welfare-policy", "labour-market", "pension"]


@pytest.fixture
def demo() -> None:
    load_demo_data()


def rerouting(enquiry: Enquiry, department: str) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username="departement"))
    body = json.dumps({"department": department, "version": enquiry.version})

    def reroute() -> Any:
        return client.post(
            f"/api/v1/enquiries/{enquiry.pk}/reroute", body, content_type="application/json"
        )

    return reroute


def test_concurrent_reroutes_one_wins_and_the_others_get_409(demo: None) -> None:
    enquiry = Enquiry.objects.get(is_press=True)
    start_department = enquiry.department.slug

    responses = run_together([rerouting(enquiry, slug) for slug in DEPARTMENTS])

    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: len(DEPARTMENTS) - 1}
    winner = next(r.json() for r in responses if r.status_code == 200)
    losers = [r.json() for r in responses if r.status_code == 409]
    assert {loser["code"] for loser in losers} == {"stale_version"}
    enquiry.refresh_from_db()
    assert (enquiry.department.slug, enquiry.version) == (winner["department"], winner["version"])
    assert enquiry.department.slug != start_department
    assert RoutingCorrection.objects.filter(enquiry=enquiry).count() == 1
    rerouted = AuditEvent.objects.filter(action="enquiry.rerouted", target_id=str(enquiry.pk))
    assert rerouted.count() == 1
