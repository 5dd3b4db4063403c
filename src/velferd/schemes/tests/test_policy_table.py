"""Who sees and works with the scheme catalogue, suppliers, agreements and deliveries: every
schemes policy for every demo login.

Built for each test: a supplier of its own, whose staff is the new login
"leverandoransatt", with an agreement and a delivery in Oslo (county 03, open to NAV
Grünerløkka), and another supplier with an agreement and a delivery in Vestland (46).
"leverandor" works for a demo supplier, neither of these; "tiltaksforvalter" is the scheme
manager of Oslo."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.core.testing import login_actor
from velferd.demo import DEMO_LOGINS
from velferd.organisation.models import County
from velferd.schemes.models import Agreement, Delivery, Supplier

from .factories import a_delivery, a_staff_login, a_supplier, an_agreement

pytestmark = pytest.mark.django_db

SCHEME_QUESTIONS = (
    "manage_schemes_in",
    "create_agreement",
    "list_agreements",
    "list_deliveries",
    "search_delivery_catalogue",
    "edit_catalogue",
    "view_catalogue",
    "register_supplier",
    "view_supplier",
    "edit_supplier",
    "edit_supplier_details",
    "view_agreement",
    "manage_agreement",
    "view_delivery",
    "manage_delivery",
)
Y, N = True, False

# Each column asks one question about one thing; the questions are SCHEME_QUESTIONS.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("manage_schemes_in", "Oslo"),
    ("manage_schemes_in", "Vestland"),
    ("create_agreement", "Oslo"),
    ("create_agreement", "Vestland"),
    ("list_agreements", ""),
    ("list_deliveries", ""),
    ("search_delivery_catalogue", ""),
    ("edit_catalogue", ""),
    ("view_catalogue", ""),
    ("register_supplier", ""),
    ("view_supplier", "own"),
    ("view_supplier", "another"),
    ("edit_supplier", "own"),
    ("edit_supplier_details", "own"),
    ("edit_supplier_details", "another"),
    ("view_agreement", "own in Oslo"),
    ("view_agreement", "another's in Vestland"),
    ("manage_agreement", "own in Oslo"),
    ("manage_agreement", "another's in Vestland"),
    ("view_delivery", "own in Oslo"),
    ("view_delivery", "another's in Vestland"),
    ("manage_delivery", "own in Oslo"),
    ("manage_delivery", "another's in Vestland"),
)
# fmt: off
ANSWERS: dict[str, tuple[bool, ...]] = {
    # columns: manage_schemes_in 03 46 | create_agreement 03 46 | list_agreements |
    # list_deliveries | search_delivery_catalogue | edit_catalogue | view_catalogue |
    # register_supplier | view_supplier own other | edit_supplier own |
    # edit_supplier_details own other | view_agreement own-03 other-46 |
    # manage_agreement own-03 other-46 | view_delivery own-03 other-46 |
    # manage_delivery own-03 other-46
    "veileder":         (N, N, N, N, N, Y, Y, N, Y, N, Y, Y, N, N, N, N, N, N, N, Y, Y, N, N),
    "sosialkonsulent":  (N, N, N, N, N, Y, Y, N, Y, N, Y, Y, N, N, N, N, N, N, N, Y, Y, N, N),
    "beslutter":        (N, N, N, N, N, Y, Y, N, Y, N, Y, Y, N, N, N, N, N, N, N, Y, Y, N, N),
    "kontorleder":      (N, N, N, N, N, Y, Y, N, Y, N, Y, Y, N, N, N, N, N, N, N, Y, Y, N, N),
    "ia-radgiver":      (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "fastlege":         (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "leverandor":       (N, N, N, N, Y, Y, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "leverandoransatt": (N, N, N, N, Y, Y, N, N, Y, N, Y, N, N, Y, N, Y, N, N, N, Y, N, N, N),
    "arbeidsgiver":     (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "innbygger":        (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "analytiker":       (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "departement":      (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "admin":            (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "tiltaksforvalter": (Y, N, Y, N, Y, Y, N, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, Y, N, Y, Y, Y, N),
    "imdi":             (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
    "bosetting-drammen": (N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
}
# fmt: on


@dataclass(frozen=True)
class Records:
    own: Supplier
    staff: Actor
    another: Supplier
    agreement_oslo: Agreement
    agreement_vestland: Agreement
    delivery_oslo: Delivery
    delivery_vestland: Delivery


@pytest.fixture
def records() -> Records:
    own, another = a_supplier(), a_supplier()
    agreement_oslo = an_agreement(supplier=own, counties=["03"])
    agreement_vestland = an_agreement(supplier=another, counties=["46"])
    return Records(
        own,
        a_staff_login(own),
        another,
        agreement_oslo,
        agreement_vestland,
        a_delivery(agreement=agreement_oslo),
        a_delivery(
            agreement=agreement_vestland,
            county=County.objects.get(number="46"),
            offices=["4601"],
        ),
    )


def ask(actor: Actor, column: int, records: Records) -> bool:
    question, about = COLUMNS[column]
    county = {"Oslo": "03", "Vestland": "46"}.get(about)
    arguments: dict[str, tuple[object, ...]] = {
        "": (),
        "own": (records.own,),
        "another": (records.another,),
        "own in Oslo": (
            records.agreement_oslo if question.endswith("agreement") else records.delivery_oslo,
        ),
        "another's in Vestland": (
            records.agreement_vestland
            if question.endswith("agreement")
            else records.delivery_vestland,
        ),
    }
    if county is not None:  # a county's number, or the counties an agreement is to cover
        arguments[about] = (county,) if question == "manage_schemes_in" else ([county],)
    return bool(getattr(policies, f"can_{question}")(actor, *arguments[about]))


def actor_of(login: str, records: Records) -> Actor:
    """The login's actor; "leverandoransatt" is the new login of the supplier's own staff."""
    return records.staff if login == "leverandoransatt" else login_actor(login)


def test_the_table_asks_every_question_of_every_demo_login() -> None:
    assert {question for question, _ in COLUMNS} == set(SCHEME_QUESTIONS)
    assert set(ANSWERS) == {login.username for login in DEMO_LOGINS} | {"leverandoransatt"}
    assert all(len(row) == len(COLUMNS) for row in ANSWERS.values())


def test_the_records_are_what_the_table_assumes(records: Records) -> None:
    [works_for] = policies.supplier_organisation_numbers(login_actor("leverandor"))
    assert works_for not in {records.own.organisation_number, records.another.organisation_number}
    assert policies.supplier_organisation_numbers(records.staff) == {
        records.own.organisation_number
    }
    assert {c.pk for c in records.agreement_oslo.counties.all()} == {"03"}
    assert {c.pk for c in records.agreement_vestland.counties.all()} == {"46"}
    assert records.delivery_oslo.supplier == records.own
    assert records.delivery_oslo.county_id == "03"
    assert records.delivery_vestland.supplier == records.another
    assert records.delivery_vestland.county_id == "46"


@pytest.mark.parametrize(
    ("login", "column", "expected"),
    [
        pytest.param(login, column, row[column], id=f"{login}-{' '.join(COLUMNS[column])}")
        for login, row in ANSWERS.items()
        for column in range(len(COLUMNS))
    ],
)
def test_each_login_gets_its_answer(
    records: Records, login: str, column: int, expected: bool
) -> None:
    assert ask(actor_of(login, records), column, records) is expected


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_anonymous_may_do_none_of_it(records: Records, column: int) -> None:
    assert ask(ANONYMOUS, column, records) is False
