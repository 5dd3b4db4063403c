"""Two caseworkers decide the same proposal at the same moment, over real concurrent
connections: one decision is saved, the other is refused with 409 naming the state the
proposal is in, and the participation changes once. Two reports for the same month sent at
once: one is kept."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from velferd.access.models import User
from velferd.audit.models import AuditEvent
from velferd.core.tests.concurrency import load_demo_data, postgresql_only, run_together
from velferd.participants import services
from velferd.participants.models import ChangeProposal, ProgressReport, ProposalStatus
from velferd.schemes.tests.factories import a_staff_login, a_supplier

from .supplier_builders import DAY, participating

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]

STAFF = "leverandoransatt"


@pytest.fixture
def proposal() -> ChangeProposal:
    """An extension proposed by a supplier's staff, waiting for NAV: a participation in a
    delivery of the supplier, followed up by the demo's caseworker at NAV Grünerløkka."""
    load_demo_data()
    supplier = a_supplier()
    participation = participating(supplier=supplier)
    assert participation.ends_on is not None
    return services.proposal_submit(
        actor=a_staff_login(supplier, username=STAFF),
        participation=participation,
        kind="extension",
        ends_on=participation.ends_on + 30 * DAY,
    )


def calling(username: str, path: str, body: dict[str, Any]) -> Callable[[], Any]:
    client = Client()
    client.force_login(User.objects.get(username=username))

    def call() -> Any:
        return client.post(
            path, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
        )

    return call


def test_two_caseworkers_decide_at_once_one_wins_the_other_is_409(
    proposal: ChangeProposal,
) -> None:
    base = f"/api/v1/participants/proposals/{proposal.pk}"
    ends_before = proposal.participation.ends_on
    responses = run_together(
        [
            calling("veileder", f"{base}/approve", {"version": proposal.version}),
            calling(
                "kontorleder",
                f"{base}/reject",
                {"version": proposal.version, "comment": "Ikke nå."},
            ),
        ]
    )
    statuses = Counter(getattr(r, "status_code", repr(r)) for r in responses)
    assert statuses == {200: 1, 409: 1}
    loser = next(r for r in responses if r.status_code == 409).json()
    decided = ChangeProposal.objects.get(pk=proposal.pk)
    assert loser["code"] == "proposal_decided"
    with translation.override("en"):
        assert str(ProposalStatus(decided.status).label) in loser["message"]
    decisions = AuditEvent.objects.filter(
        action__in=["change_proposal.approved", "change_proposal.rejected"]
    )
    assert decisions.count() == 1
    participation = decided.participation
    participation.refresh_from_db()
    if decided.status == ProposalStatus.APPROVED:
        assert participation.ends_on == proposal.ends_on
    else:
        assert participation.ends_on == ends_before


def test_two_approvals_at_once_change_the_participation_once(proposal: ChangeProposal) -> None:
    base = f"/api/v1/participants/proposals/{proposal.pk}/approve"
    responses = run_together(
        [
            calling(login, base, {"version": proposal.version})
            for login in ("veileder", "kontorleder")
        ]
    )
    assert Counter(getattr(r, "status_code", repr(r)) for r in responses) == {200: 1, 409: 1}
    changed = AuditEvent.objects.filter(
        action="participation.changed", target_id=str(proposal.participation_id)
    )
    assert changed.count() == 1


def test_two_reports_for_one_month_at_once_keep_one(proposal: ChangeProposal) -> None:
    path = f"/api/v1/participants/supplier/participants/{proposal.participation_id}/reports"
    body = {
        "month": f"{timezone.localdate():%Y-%m}",
        "days_planned": 10,
        "days_attended": 9,
        "text": "Samtidig rapport.",
    }
    responses = run_together([calling(STAFF, path, body) for _ in range(2)])
    assert Counter(getattr(r, "status_code", repr(r)) for r in responses) == {201: 1, 409: 1}
    month = timezone.localdate().replace(day=1)
    assert (
        ProgressReport.objects.filter(
            participation_id=proposal.participation_id, month=month
        ).count()
        == 1
    )
