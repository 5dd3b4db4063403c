"""The month's claims from the participations in velferd: a participation started, changed
by an approved proposal and ended gives the claim worked out by hand; the statuses that
give no month-works, days a week as a percentage, and the participation file refused for a
participation kept in velferd."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest

from velferd.core.testing import login_actor, refusal
from velferd.funding import services as funding
from velferd.funding.models import Claim, Participation as FundingRow
from velferd.funding.tests.factories import a_scheme_manager, calculated_claim
from velferd.participants import services
from velferd.participants.models import ChangeProposal, Participation, ParticipationStatus
from velferd.participants.services import claims_sync
from velferd.schemes.tests.factories import a_delivery

from .supplier_builders import demo_supplier, participating

pytestmark = pytest.mark.django_db

S = ParticipationStatus
SEPTEMBER, OCTOBER = datetime.date(2026, 9, 1), datetime.date(2026, 10, 1)
NOVEMBER, DECEMBER = datetime.date(2026, 11, 1), datetime.date(2026, 12, 1)


@contextmanager
def on(day: datetime.date) -> Iterator[None]:
    """The day a change is made (a new percentage holds from it)."""
    with mock.patch.object(claims_sync, "_today", return_value=day):
        yield


def at_30_000_a_month(**fields: Any) -> Participation:
    delivery = a_delivery(agreement__supplier=demo_supplier(), agreement__rate=Decimal("30000.00"))
    return participating(delivery=delivery, **fields)


def approve(participation: Participation, **proposed: Any) -> None:
    proposal = services.proposal_submit(
        actor=login_actor("leverandor"), participation=participation, **proposed
    )
    services.proposal_approve(
        actor=login_actor("veileder"), proposal=proposal, version=proposal.version
    )


def rows(participation: Participation) -> list[tuple[Any, ...]]:
    return list(
        FundingRow.objects.filter(participant=str(participation.pk))
        .order_by("from_date")
        .values_list("from_date", "to_date", "percentage", "source")
    )


def fresh(participation: Participation) -> Participation:
    return Participation.objects.select_related("delivery").get(pk=participation.pk)


def test_started_changed_by_a_proposal_and_ended_by_one_gives_the_hand_worked_claims() -> None:
    participation = at_30_000_a_month(
        status=S.AWAITING_START,
        starts_on=datetime.date(2026, 9, 10),
        ends_on=datetime.date(2026, 12, 31),
    )
    vera = login_actor("veileder")
    with on(datetime.date(2026, 9, 10)):
        services.participation_start(actor=vera, participation=participation, version=None)
    with on(datetime.date(2026, 10, 16)):
        approve(fresh(participation), kind="percentage", percentage=Decimal("50"))
    with on(datetime.date(2026, 11, 18)):
        approve(
            fresh(participation),
            kind="end_early",
            ends_on=datetime.date(2026, 11, 20),
            reason="got_job",
        )
    assert fresh(participation).status == S.ENDED
    assert rows(participation) == [
        (datetime.date(2026, 9, 10), datetime.date(2026, 10, 15), Decimal("100.00"), "velferd"),
        (datetime.date(2026, 10, 16), datetime.date(2026, 11, 20), Decimal("50.00"), "velferd"),
    ]
    delivery = participation.delivery
    # September: 21 days (10th–30th) × 100 % ÷ 30 × 30 000 kr = 21 000 kr
    assert calculated_claim(delivery, SEPTEMBER).amount == Decimal("21000.00")
    # October: (15 days × 100 % + 16 days × 50 %) ÷ 31 × 30 000 = 23 ÷ 31 × 30 000 = 22 258,06
    october = calculated_claim(delivery, OCTOBER)
    assert (october.amount, october.work_units) == (Decimal("22258.06"), Decimal("0.7419"))
    # November: 20 days × 50 % ÷ 30 × 30 000 kr = 10 000 kr
    november = calculated_claim(delivery, NOVEMBER)
    assert (november.amount, november.participants) == (Decimal("10000.00"), 1)
    funding.claims_calculate(actor=a_scheme_manager("sync-forvalter"), month=DECEMBER)
    assert not Claim.objects.filter(delivery=delivery, month=DECEMBER).exists()


def test_a_new_start_date_moves_the_first_period() -> None:
    participation = at_30_000_a_month(
        starts_on=datetime.date(2026, 9, 1), ends_on=datetime.date(2026, 12, 31)
    )
    with on(datetime.date(2026, 8, 20)):
        services.participation_change_dates(
            actor=login_actor("veileder"),
            participation=participation,
            version=participation.version,
            starts_on=datetime.date(2026, 9, 15),
            ends_on=datetime.date(2026, 12, 31),
        )
    assert rows(participation) == [
        (datetime.date(2026, 9, 15), datetime.date(2026, 12, 31), Decimal("100.00"), "velferd")
    ]


def test_registered_in_error_takes_the_month_works_away() -> None:
    participation = at_30_000_a_month(
        status=S.AWAITING_START,
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    vera = login_actor("veileder")
    with on(datetime.date(2026, 9, 1)):
        services.participation_start(actor=vera, participation=participation, version=None)
    assert len(rows(participation)) == 1
    services.participation_register_in_error(
        actor=vera, participation=fresh(participation), version=None, reason_text="Feil person."
    )
    assert rows(participation) == []


def test_only_the_place_holding_statuses_give_month_works() -> None:
    today = datetime.date(2026, 9, 1)
    for status, gives in (
        (S.APPLIED, False),
        (S.WAITING_LIST, False),
        (S.AWAITING_START, True),
        (S.PARTICIPATING, True),
        (S.NOT_RELEVANT, False),
    ):
        participation = participating(status=status)
        assert bool(claims_sync.claim_periods(participation, [], today)) is gives, status


def test_days_a_week_count_as_a_percentage_of_five() -> None:
    participation = participating(percentage=None, days_per_week=Decimal("3"))
    assert claims_sync.month_work_percentage(participation) == Decimal("60.00")
    whole = participating(percentage=None, days_per_week=None)
    assert claims_sync.month_work_percentage(whole) == Decimal("100")


def test_the_file_cannot_replace_a_participation_kept_in_velferd() -> None:
    participation = at_30_000_a_month(
        status=S.AWAITING_START,
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    with on(datetime.date(2026, 9, 1)):
        services.participation_start(
            actor=login_actor("veileder"), participation=participation, version=None
        )
    line = f"{participation.delivery.number};{participation.pk};2026-09-01;;20"
    text = "delivery;participant;from_date;to_date;percentage\n" + line + "\n"
    error = refusal(
        lambda: funding.participation_import(actor=a_scheme_manager("fil-forvalter"), text=text)
    )
    assert (error.status, error.code) == (422, "invalid_rows")
    assert "føres i velferd" in error.message_nb
    assert rows(participation)[0][2] == Decimal("100.00")
    assert ChangeProposal.objects.filter(participation=participation).count() == 0
