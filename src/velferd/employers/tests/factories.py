"""Factories for the employers domain's tests (factory_boy)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import cast

import factory
from stdnum.no import orgnr

from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.core.testing import new_user
from velferd.employers import selectors, services
from velferd.employers.models import Cooperation, Enterprise, Sector, Subsidy, SubsidyBudget
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


NEEDS = ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"]
# Six answers to a needs assessment, only two of them on the scale for "knowledge".
SIX_ANSWERS: list[tuple[str, list[object]]] = [
    ("employee", [2, 3, 2, 4, "dont_know", 3]),
    ("employee", [3, 2, 3, 3, "dont_know", 4]),
    ("employee", [2, 2, 1, 2, 4, 3]),
    ("manager", [4, 3, 3, 3, "dont_know", 4]),
    ("manager", [3, 4, 2, 3, "dont_know", 4]),
    ("manager", [4, 3, 3, 2, 5, 5]),
]


def being_assessed(advisor: Actor, enterprise: Enterprise | None = None) -> Cooperation:
    """A cooperation the advisor is assessing, with an open needs assessment of six answers
    (four don't know on "knowledge") and a subsidy applied for."""
    enterprise = enterprise or an_enterprise()
    cooperation = services.cooperation_start(actor=advisor, enterprise=enterprise)
    cooperation = services.cooperation_assess(
        actor=advisor, cooperation=cooperation, version=cooperation.version
    )
    survey = services.survey_open(actor=advisor, cooperation=cooperation, kind="needs_assessment")
    for group, values in SIX_ANSWERS:
        answers = dict(zip(NEEDS, values, strict=True))
        services.survey_answer(token=survey.token, group=group, answers=answers)
    an_application(enterprise, advisor)
    return cooperation


def an_application(enterprise: Enterprise, applicant: Actor) -> Subsidy:
    """A prevention and facilitation subsidy applied for in 2018, the scheme's last year
    (it takes no new application since)."""
    return Subsidy.objects.create(
        enterprise=enterprise,
        purpose="Kurs i forebygging",
        amount_applied=Decimal("85000.00"),
        applied_by=applicant.user,
        applied_on=datetime.date(2018, 6, 1),
    )


def a_granted_subsidy(
    advisor: Actor, enterprise: Enterprise, amount: str, *, paid: bool = False
) -> Subsidy:
    """A prevention and facilitation subsidy applied for in 2018 (the scheme's last year),
    assessed and granted in full by the advisor from the county's budget for 2018, and paid
    if asked."""
    subsidy = an_application(enterprise, advisor)
    Subsidy.objects.filter(pk=subsidy.pk).update(amount_applied=Decimal(amount))
    subsidy.refresh_from_db()
    subsidy = services.subsidy_assess(actor=advisor, subsidy=subsidy, version=subsidy.version)
    subsidy = services.subsidy_grant(actor=advisor, subsidy=subsidy, version=subsidy.version)
    if paid:
        subsidy = services.subsidy_pay(actor=advisor, subsidy=subsidy, version=subsidy.version)
    return subsidy


def a_budget(actor: Actor, county_number: str, year: int, amount: str) -> None:
    """The county's subsidy budget for the year set to the amount, whatever it was."""
    budget = SubsidyBudget.objects.filter(county_id=county_number, year=year).first()
    services.budget_set(
        actor=actor,
        county_number=county_number,
        year=year,
        amount=amount,
        version=budget.version if budget else None,
    )


def this_years_budget(actor: Actor, county_number: str, amount: str) -> None:
    """The county's subsidy budget for this year (expert assistance) set to the amount."""
    a_budget(actor, county_number, selectors.this_year(), amount)
