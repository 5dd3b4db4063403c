"""A competition from announcement to agreements: bids, evaluation, award, standstill,
conclusion."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from velferd.core.testing import refusal
from velferd.procurement import services
from velferd.procurement.models import Competition
from velferd.schemes.models import Agreement

from .factories import (
    a_bid,
    a_scheme_manager,
    evaluating,
    fresh,
    manager,
    published,
    score_all,
)

pytestmark = pytest.mark.django_db


def test_a_competition_runs_from_announcement_to_agreements() -> None:
    competition = published()
    first, _ = a_bid(competition, "20000.00")
    second, _ = a_bid(competition, "25000.00")
    one, two = manager(), a_scheme_manager()
    competition = evaluating(competition, one, two)
    for evaluator in (one, two):
        score_all(
            evaluator, first, {"Kvalitet i oppfølgingen": 6, "Samarbeid med arbeidsgivere": 6}
        )
        score_all(
            evaluator, second, {"Kvalitet i oppfølgingen": 9, "Samarbeid med arbeidsgivere": 9}
        )
    awarded = services.competition_award(
        actor=one, competition=competition, version=competition.version, bids=[second.pk]
    )
    assert awarded.status == "awarded"
    assert awarded.standstill_ends_on == timezone.localdate() + datetime.timedelta(days=10)
    error = refusal(
        lambda: services.competition_conclude(
            actor=one, competition=awarded, version=awarded.version
        )
    )
    assert error.status == 409
    assert f"{awarded.standstill_ends_on:%d.%m.%Y}" in error.message_nb
    Competition.objects.filter(pk=awarded.pk).update(
        standstill_ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    awarded = fresh(awarded)
    services.competition_conclude(actor=one, competition=awarded, version=awarded.version)
    agreement = Agreement.objects.get(number=f"{awarded.number}-1")
    assert agreement.supplier_id == second.supplier_id
    assert agreement.status == "draft"
    assert agreement.rates.get().amount == second.price
