"""Factories for the participants domain's tests (factory_boy). They write the records
directly, past the services: a test of a move builds the state before it."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import cast

import factory

from velferd.access.models import User
from velferd.participants.models import Participation, ParticipationStatus
from velferd.people.tests.factories import PersonFactory
from velferd.schemes.tests.factories import DeliveryFactory


def _a_caseworker() -> User:
    user, _ = User.objects.get_or_create(
        username="participants-factory", defaults={"full_name": "Saksbehandler"}
    )
    return user


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    person = factory.SubFactory(PersonFactory)
    delivery = factory.SubFactory(DeliveryFactory)
    status = ParticipationStatus.DRAFT
    content = "Avklare hva som skal til for å komme i arbeid."
    starts_on = datetime.date(2026, 2, 1)
    ends_on = datetime.date(2026, 7, 31)
    percentage = Decimal("100.00")
    caseworker = factory.LazyFunction(_a_caseworker)


def a_participation(**fields: object) -> Participation:
    return cast(Participation, ParticipationFactory(**fields))
