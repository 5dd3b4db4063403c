"""The OpenAPI document declares what each field accepts, and the API refuses what breaks a
declared constraint with 422 {code, message, field}, naming the field: a few operations of
every domain, each with a value the document rules out."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.api import api
from velferd.core.testing import login_actor
from velferd.employers.models import Cooperation
from velferd.employers.tests.factories import being_assessed
from velferd.followup.models import Activity
from velferd.followup.tests.factories import a_period, an_activity
from velferd.organisation.models import PartnershipAgreement
from velferd.people.models import Person
from velferd.people.tests.factories import a_person

pytestmark = pytest.mark.django_db

API = "/api/v1"
CONSTRAINTS = ("enum", "pattern", "format", "maxLength", "minLength", "minimum", "maximum")


# The person and the activity the cases write to, built for each test.
_BUILT: dict[str, Any] = {}


@pytest.fixture(autouse=True)
def a_person_in_follow_up_with_an_activity() -> None:
    person = a_person()
    a_period(person=person)
    _BUILT.clear()
    _BUILT.update(person=person, activity=an_activity(person=person))


def _person() -> Person:
    return Person.objects.get(pk=_BUILT["person"].pk)


def _activity() -> Activity:
    return Activity.objects.get(pk=_BUILT["activity"].pk)


def _agreement() -> PartnershipAgreement:
    return PartnershipAgreement.objects.select_related("office").order_by("office__name_nb")[0]


def _own_role(username: str) -> int:
    return User.objects.get(username=username).role_assignments.order_by("pk")[0].pk


def _cooperation() -> Cooperation:
    """A cooperation the Vestland advisor is assessing, with an enterprise in Bergen."""
    if "cooperation" not in _BUILT:
        _BUILT["cooperation"] = being_assessed(login_actor("ia-radgiver"))
    return cast(Cooperation, _BUILT["cooperation"])


@dataclass
class Case:
    """`login` sends `method` to `template` (filled in by `path`) with `query` or `body`; the
    answer is 422 naming `field`, which the document constrains."""

    name: str
    login: str | None
    method: str
    template: str
    field: str
    path: Callable[[], dict[str, Any]] = dict
    query: dict[str, Any] = field(default_factory=dict)
    body: Callable[[], dict[str, Any]] | None = None


ENTERPRISE = {
    "organisation_number": "889640782",
    "name": "Fjordkraft Omsorg AS",
    "municipality": "4601",
    "industry_code": "86.101",
    "sector": "private",
    "employees": 12,
}
ENQUIRY = {"name": "Kari", "email": "kari@example.no", "subject": "Dagpenger", "text": "Hei"}

CASES = [
    Case(
        "organisation: a service code the registry does not have",
        "admin",
        "put",
        "/organisation/offices/{unit_number}/agreement",
        "services",
        path=lambda: {"unit_number": _agreement().office.unit_number},
        body=lambda: {
            "services": ["state_tasks", "financial_assistance", "tax_collection"],
            "signed_on": "2026-01-01",
            "version": _agreement().version,
        },
    ),
    Case(
        "organisation: a county number of one digit",
        None,
        "get",
        "/organisation/municipalities",
        "county",
        query={"county": "5"},
    ),
    Case(
        "organisation: a page number beyond the bound",
        None,
        "get",
        "/organisation/offices",
        "page",
        query={"page": 1_000_001},
    ),
    Case(
        "access: a token valid for more than a year",
        "veileder",
        "post",
        "/access/tokens",
        "valid_days",
        body=lambda: {"name": "cli", "role_assignment": _own_role("veileder"), "valid_days": 366},
    ),
    Case(
        "access: a role that does not exist",
        "admin",
        "post",
        "/access/users/{user_id}/roles",
        "role",
        path=lambda: {"user_id": str(User.objects.get(username="veileder").pk)},
        body=lambda: {"role": "king"},
    ),
    Case(
        "people: a language code not on the list",
        "veileder",
        "patch",
        "/people/persons/{person_id}",
        "language",
        path=lambda: {"person_id": str(_person().pk)},
        body=lambda: {"version": _person().version, "language": "xx"},
    ),
    Case(
        "people: an address line sent as null",
        "veileder",
        "patch",
        "/people/persons/{person_id}",
        "address_line",
        path=lambda: {"person_id": str(_person().pk)},
        body=lambda: {"version": _person().version, "address_line": None},
    ),
    Case(
        "followup: a kind of activity that does not exist",
        "veileder",
        "post",
        "/followup/activities",
        "kind",
        body=lambda: {"person": str(_person().pk), "kind": "party", "title": "Fest"},
    ),
    Case(
        "followup: an activity's agreement sent as null",
        "veileder",
        "patch",
        "/followup/activities/{activity_id}",
        "agreed_with_office",
        path=lambda: {"activity_id": str(_activity().pk)},
        body=lambda: {"version": _activity().version, "agreed_with_office": None},
    ),
    Case(
        "followup: an age band the portfolio does not have",
        "veileder",
        "get",
        "/followup/portfolio",
        "age_band",
        query={"age_band": "ancient"},
    ),
    Case(
        "employers: more employees than the register can hold",
        "admin",
        "post",
        "/employers/enterprises",
        "employees",
        body=lambda: {**ENTERPRISE, "employees": 2**31},
    ),
    Case(
        "employers: a sub-theme outside the plan's themes",
        "ia-radgiver",
        "post",
        "/employers/cooperations/{cooperation_id}/sub-themes",
        "theme",
        path=lambda: {"cooperation_id": _cooperation().pk},
        body=lambda: {
            "theme": "canteen",
            "title": "Møter",
            "goal": "Faste møter",
            "starts_on": "2026-05-01",
            "ends_on": "2026-06-30",
        },
    ),
    Case(
        "employers: a budget year out of range",
        "admin",
        "get",
        "/employers/budgets/{county}/{year}",
        "year",
        path=lambda: {"county": "46", "year": 1999},
    ),
    Case(
        "enquiries: an e-mail address that is not one",
        None,
        "post",
        "/enquiries",
        "email",
        body=lambda: {**ENQUIRY, "email": "not-an-address"},
    ),
    Case(
        "enquiries: only blanks to route",
        "departement",
        "post",
        "/enquiries/route",
        "text",
        body=lambda: {"text": "   "},
    ),
    Case(
        "publications: a type of publication that does not exist",
        None,
        "get",
        "/publications",
        "type",
        query={"type": "memo"},
    ),
    Case("audit: page 0", "admin", "get", "/audit/events", "page", query={"page": 0}),
    Case(
        "sickleave: a sector that does not exist",
        "ia-radgiver",
        "get",
        "/sickleave/priorities",
        "sector",
        query={"sector": "public"},
    ),
]


@functools.cache
def _document() -> dict[str, Any]:
    return api.get_openapi_schema()


def _declared(method: str, template: str, name: str) -> dict[str, Any]:
    """The schema the OpenAPI document gives a parameter or body field of an operation."""
    document = _document()
    operation = document["paths"][f"{API}{template}"][method]
    for parameter in operation.get("parameters", []):
        if parameter["name"] == name:
            return dict(parameter["schema"])
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    component = document["components"]["schemas"][body["$ref"].split("/")[-1]]
    return dict(component["properties"][name])


def _constrained(schema: dict[str, Any]) -> bool:
    branches = schema.get("anyOf", [schema])
    return all(
        any(key in branch for key in CONSTRAINTS)
        or ("items" in branch and any(key in branch["items"] for key in CONSTRAINTS))
        for branch in branches
        if branch.get("type") != "null"
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_value_the_document_rules_out_is_422_naming_the_field(case: Case) -> None:
    client = Client()
    if case.login:
        client.force_login(User.objects.get(username=case.login))
    path = f"{API}{case.template}".format(**case.path())
    if case.body is None:
        response = getattr(client, case.method)(path, case.query)
    else:
        response = getattr(client, case.method)(
            path, data=json.dumps(case.body()), content_type="application/json"
        )

    assert response.status_code == 422, response.content[:300]
    body = response.json()
    assert set(body) == {"code", "message", "field"}
    assert body["field"] == case.field
    assert body["message"]
    schema = _declared(case.method, case.template, case.field)
    sent = {**case.path(), **case.query, **(case.body() if case.body else {})}[case.field]
    if sent is None:
        assert "null" not in json.dumps(schema), f"{case.field} may be null: {schema}"
    else:
        assert _constrained(schema), f"{case.field} is not constrained: {schema}"


def test_a_schema_refusal_says_which_field_and_why_in_the_callers_language() -> None:
    english = Client().get(
        f"{API}/organisation/offices", {"page": 1_000_001}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert english.json()["code"] == "invalid_input"
    assert english.json()["message"].startswith("Invalid value for page:")


def test_a_service_refusal_keeps_its_own_code_and_words() -> None:
    """A constraint the service checks itself keeps the service's answer."""
    client = Client()
    client.force_login(User.objects.get(username="veileder"))
    response = client.post(
        f"{API}/people/persons",
        data=json.dumps(
            {
                "national_id": "1234567890",
                "given_name": "Marte",
                "family_name": "Kirkerud",
                "municipality": "0301",
                "district": "Grünerløkka",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {
        "code": "invalid_national_id_length",
        "message": "Fødselsnummeret må ha 11 sifre.",
        "field": "national_id",
    }
    assert _declared("post", "/people/persons", "national_id")["pattern"] == "^[0-9]{11}$"
