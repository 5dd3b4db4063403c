"""Factories for the schemes domain's tests and for the domains built on it (factory_boy)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import cast

import factory
from stdnum.no import orgnr

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.core.testing import new_user
from velferd.organisation.models import County, Municipality, Office
from velferd.schemes.models import (
    Agreement,
    AgreementRate,
    AgreementStatus,
    ArrangedAs,
    Delivery,
    DeliveryOffice,
    DeliveryStatus,
    EnrolmentMode,
    PriceModel,
    SchemeType,
    Supplier,
    SupplierContact,
    SupplierKind,
    SupplierUnit,
)


def supplier_organisation_number(n: int) -> str:
    """A valid organisation number starting with 7 (no enterprise or demo supplier has
    one): the n-th candidate whose check digit works out."""
    found = -1
    for i in range(10**7):
        for d in "0123456789":
            candidate = f"7{i:07d}{d}"
            if orgnr.is_valid(candidate):
                found += 1
                if found == n:
                    return candidate
    raise ValueError(n)


class SchemeTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchemeType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"TEST_TILTAK_{n}")
    name_nb = factory.Sequence(lambda n: f"Testtiltak {n}")
    name_en = factory.Sequence(lambda n: f"Test scheme {n}")
    legal_basis_nb = "Forskrift om arbeidsmarkedstiltak kapittel 4"
    legal_basis_en = "Regulation on labour market schemes, chapter 4"
    target_group_nb = "Personer som trenger hjelp til å komme i arbeid."
    target_group_en = "People who need help to find work."
    arranged_as = ArrangedAs.PROCURED
    price_models = [PriceModel.AGREED_MONTHLY, PriceModel.AGREED_WEEKLY]
    for_caseworkers_nb = "Et tiltak for testene."
    for_caseworkers_en = "A scheme for the tests."
    for_citizens_nb = "Du får hjelp til å finne jobb."
    for_citizens_en = "You get help to find a job."


class SupplierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Supplier

    organisation_number = factory.Sequence(supplier_organisation_number)
    name = factory.Sequence(lambda n: f"Testleverandør {n} AS")
    kind = SupplierKind.COMMERCIAL


class SupplierUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierUnit

    supplier = factory.SubFactory(SupplierFactory)
    # Far along the series the suppliers take theirs from, so no test's number is taken.
    organisation_number = factory.Sequence(lambda n: supplier_organisation_number(3000 + n))
    name = factory.Sequence(lambda n: f"Testavdeling {n}")
    street = "Storgata 1"
    postcode = "0155"
    place = "Oslo"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(number="0301"))


class SupplierContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupplierContact

    supplier = factory.SubFactory(SupplierFactory)
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    title = "Daglig leder"
    email = factory.Sequence(lambda n: f"kontakt{n}@leverandor.example.no")


def _a_staff_user() -> User:
    user, _ = User.objects.get_or_create(username="schemes-factory", defaults={"full_name": "T"})
    return user


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"T-{n:06d}")
    name = factory.Sequence(lambda n: f"Testavtale {n}")
    supplier = factory.SubFactory(SupplierFactory)
    scheme_type = factory.SubFactory(SchemeTypeFactory)
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2027, 12, 31)
    price_model = PriceModel.AGREED_MONTHLY
    status = AgreementStatus.ACTIVE
    created_by = factory.LazyFunction(_a_staff_user)

    @factory.post_generation
    def counties(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        """The counties the agreement covers, by number (Oslo when none are named)."""
        if create:
            self.counties.set(County.objects.filter(number__in=extracted or ["03"]))

    @factory.post_generation
    def rate(self, create: bool, extracted: Decimal | None, **kwargs: object) -> None:
        """The agreed price from the start (20 000 kr when none is named), for the agreed
        price models."""
        agreed = (PriceModel.AGREED_MONTHLY, PriceModel.AGREED_WEEKLY, PriceModel.AGREED_HOURLY)
        if create and self.price_model in agreed:
            amount = extracted if extracted is not None else Decimal("20000.00")
            AgreementRate.objects.create(
                agreement=cast(Agreement, self), valid_from=self.starts_on, amount=amount
            )


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"G-{n:06d}")
    name = factory.Sequence(lambda n: f"Testgjennomføring {n}")
    agreement = factory.SubFactory(AgreementFactory)
    scheme_type = factory.LazyAttribute(lambda o: o.agreement.scheme_type)
    supplier = factory.LazyAttribute(lambda o: o.agreement.supplier)
    county = factory.LazyFunction(lambda: County.objects.get(number="03"))
    places = 10
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 12, 31)
    enrolment_mode = EnrolmentMode.ONGOING
    status = DeliveryStatus.RUNNING

    @factory.post_generation
    def offices(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        """The offices that may enrol, by unit number (NAV Grünerløkka when none named)."""
        delivery: Delivery = self  # type: ignore[assignment]
        if create:
            for office in Office.objects.filter(unit_number__in=extracted or ["0317"]):
                DeliveryOffice.objects.create(
                    delivery=delivery, office=office, scheme_type_id=delivery.scheme_type_id
                )


def a_scheme_type(**fields: object) -> SchemeType:
    return cast(SchemeType, SchemeTypeFactory(**fields))


def a_supplier(**fields: object) -> Supplier:
    return cast(Supplier, SupplierFactory(**fields))


def a_unit(supplier: Supplier, **fields: object) -> SupplierUnit:
    """A sub-unit of the supplier in Oslo."""
    return cast(SupplierUnit, SupplierUnitFactory(supplier=supplier, **fields))


def a_contact(supplier: Supplier, **fields: object) -> SupplierContact:
    return cast(SupplierContact, SupplierContactFactory(supplier=supplier, **fields))


def a_staff_login(
    supplier: Supplier, username: str = "leverandoransatt", full_name: str = "Sara Stab"
) -> Actor:
    """A new login working for the supplier (the supplier role, bound to its number)."""
    return new_user(
        username,
        Role.SUPPLIER,
        full_name=full_name,
        organisation_number=supplier.organisation_number,
    )


def an_agreement(**fields: object) -> Agreement:
    return cast(Agreement, AgreementFactory(**fields))


def a_delivery(**fields: object) -> Delivery:
    return cast(Delivery, DeliveryFactory(**fields))


def oslo() -> Municipality:
    return Municipality.objects.get(number="0301")
