"""`velferd settlement-round expire|settle` from the command line."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from velferd.settlement.models import Proposal

from .factories import DRAMMEN, a_case, a_proposal

pytestmark = pytest.mark.django_db


def test_expire_ends_the_proposals_past_their_date() -> None:
    proposal = a_proposal(a_case(), DRAMMEN)
    Proposal.objects.filter(pk=proposal.pk).update(
        answer_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    out = io.StringIO()
    call_command("settlement_round", "expire", stdout=out)
    assert json.loads(out.getvalue()) == {"expired": 1}
    assert Proposal.objects.get(pk=proposal.pk).status == "expired"


def test_settle_with_nothing_due_settles_nothing() -> None:
    out = io.StringIO()
    call_command("settlement_round", "settle", stdout=out)
    assert json.loads(out.getvalue()) == {"settled": 0}
