"""Factories for the employers domain's tests (factory_boy)."""

from __future__ import annotations

from typing import cast

import factory
from stdnum.no import orgnr

from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.core.testing import new_user
from velferd.employers.models import Cooperation, Enterprise, Sector
from velferd.organisation.models import Municipality


def organisation_number(n: int) -> str:
    """A valid organisation number starting with 8 (no demo enterprise has one): the
    n-th candidate whose check digit works out."""
    candidates = (f"8{i:07d}{d}" for i in range(10**7) for d in "0123456789")
    valid = (c for c in candidates if orgnr.is_valid(c))
    for _ in range(n):
        next(valid)
    return next(valid)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    organisation_number = factory.Sequence(organisation_number)
    name = factory.Sequence(lambda n: f"Testbedrift {n} AS")
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(number="4601"))
    county = factory.LazyAttribute(lambda o: o.municipality.county)
    industry_code = "86.101"
    sector = Sector.PRIVATE
    employees = 50
    has_iw_agreement = True


class CooperationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperation

    enterprise = factory.SubFactory(EnterpriseFactory)
    status = "to_assess"


def an_enterprise(**fields: object) -> Enterprise:
    """A new enterprise in Bergen (Vestland), typed as the model."""
    return cast(Enterprise, EnterpriseFactory(**fields))


def in_municipality(number: str, **fields: object) -> Enterprise:
    """A new enterprise in the municipality with this number (0301 Oslo, 4627 Askøy, …)."""
    return an_enterprise(municipality=Municipality.objects.get(number=number), **fields)


def a_representative(enterprise: Enterprise, username: str = "representant") -> Actor:
    """A new login representing the enterprise (an employer's representative)."""
    return new_user(username, Role.EMPLOYER, organisation_number=enterprise.organisation_number)
