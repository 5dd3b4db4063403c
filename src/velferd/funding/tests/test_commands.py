"""The commands: `velferd funding-claims 2026-11` and `velferd funding-participation`."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from velferd.funding.models import Claim, Participation
from velferd.schemes.tests.factories import a_delivery, an_agreement

pytestmark = pytest.mark.django_db


def test_the_participation_file_and_the_month(tmp_path: Path) -> None:
    delivery = a_delivery(agreement=an_agreement(rate=Decimal("30000.00")))
    good = tmp_path / "good.csv"
    good.write_text(
        f"delivery;participant;from_date;to_date;percentage\n"
        f"{delivery.number};p1;2026-11-10;2026-11-20;50\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("funding_participation", str(good), stdout=out)
    assert "1 participation rows imported." in out.getvalue()
    call_command("funding_claims", "2026-11", stdout=StringIO())
    claim = Claim.objects.get(delivery=delivery, month=datetime.date(2026, 11, 1))
    assert claim.amount == Decimal("5500.00")


def test_a_bad_file_and_a_bad_month_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("delivery;participant\nx;y\n", encoding="utf-8")
    before = Participation.objects.count()
    with pytest.raises(CommandError, match="Line 1"):
        call_command("funding_participation", str(bad))
    assert Participation.objects.count() == before
    with pytest.raises(CommandError, match="yyyy-mm"):
        call_command("funding_claims", "november")
