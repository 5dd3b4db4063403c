"""An agreement from a procurement's award: when a competition is concluded after its
standstill, each winning bid becomes a draft agreement with the supplier, at the bid's
price, for the competition's scheme type, period and areas."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit

from ..models import Agreement, AgreementRate, AgreementStatus, PriceModel

RATED = (PriceModel.AGREED_MONTHLY, PriceModel.AGREED_WEEKLY, PriceModel.AGREED_HOURLY)


def _person(actor: Actor) -> User:
    if actor.user is None:
        raise policies.not_authenticated()
    return actor.user


@transaction.atomic
def agreement_from_award(
    *,
    actor: Actor,
    number: str,
    name: str,
    supplier: Any,
    scheme_type: Any,
    starts_on: datetime.date,
    ends_on: datetime.date,
    price_model: str,
    rate: Decimal,
    counties: Iterable[Any],
    offices: Iterable[Any] = (),
    is_framework: bool = False,
) -> Agreement:
    """A draft agreement (the scheme manager activates it as agreements are): the agreed
    rate from the start for the agreed price models; the other models carry no rate.
    Whoever may conclude the competition has been checked by the caller."""
    agreement = Agreement.objects.create(
        number=number,
        name=name[:200],
        supplier=supplier,
        scheme_type=scheme_type,
        starts_on=starts_on,
        ends_on=ends_on,
        price_model=price_model,
        status=AgreementStatus.DRAFT,
        is_framework=is_framework,
        created_by=_person(actor),
    )
    agreement.counties.set(list(counties))
    agreement.offices.set(list(offices))
    if price_model in RATED:
        AgreementRate.objects.create(agreement=agreement, valid_from=starts_on, amount=rate)
    audit.record(
        actor=actor,
        action="scheme_agreement.created_from_award",
        target=agreement,
        after=audit.snapshot(
            agreement, "number", "supplier", "scheme_type", "starts_on", "ends_on", "price_model"
        ),
    )
    return agreement
