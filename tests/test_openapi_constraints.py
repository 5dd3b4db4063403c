"""What the committed OpenAPI document (docs/openapi.json) says a request may hold is what the
API takes: choice fields name their choices, free text has a length, identifiers their form,
pages their bounds; and requests built from the document alone are never refused by the
schema layer (422 invalid_input) nor answered with a 500."""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.access.roles import PartnerService, Role
from velferd.core.pagination import MAX_PAGE, MAX_PAGE_SIZE
from velferd.employers.models import (
    CooperationReason,
    CooperationStatus,
    DeliveryKind,
    DeliveryStatus,
    PlanTheme,
    RespondentGroup,
    Sector,
    SubsidyStatus,
    SubThemeStatus,
    SurveyKind,
)
from velferd.enquiries.models import EnquiryStatus
from velferd.followup.models import (
    OFFERED_MAIN_GOALS,
    ActivityKind,
    AppealStatus,
    BenefitKind,
    MainGoal,
    NeedGroup,
    QualificationOutcome,
    Source,
    Waiting,
)
from velferd.followup.services import PLAN_SERVICES
from velferd.organisation.reference import SERVICE_TYPES
from velferd.organisation.selectors import DEPARTMENT_SLUGS
from velferd.people.models import AddressProtection
from velferd.people.services import LANGUAGE_CODES
from velferd.publications.models import PublicationType
from velferd.sickleave.models import GroupKind

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"


@functools.cache
def document() -> dict[str, Any]:
    return dict(json.loads(DOCUMENT.read_text(encoding="utf-8")))


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document()["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return schema


def branches(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of a schema (its anyOf), each resolved, with the keywords written
    beside the anyOf carried into each."""
    schema = resolve(schema)
    if "anyOf" not in schema:
        return [schema]
    beside = {k: v for k, v in schema.items() if k not in ("anyOf", "title", "default")}
    return [{**beside, **b} for alternative in schema["anyOf"] for b in branches(alternative)]


def fields(schema: dict[str, Any], name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every value in a request schema, by its dotted name: properties, items, map values."""
    for branch in branches(schema):
        yield name, branch
        for key, value in branch.get("properties", {}).items():
            yield from fields(value, f"{name}.{key}" if name else key)
        if "items" in branch:
            yield from fields(branch["items"], f"{name}[]")
        if isinstance(branch.get("additionalProperties"), dict):
            yield from fields(branch["additionalProperties"], f"{name}.*")


def request_fields() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(operation, where, dotted name, schema) for every value any request may carry."""
    for path, operations in document()["paths"].items():
        for method, operation in operations.items():
            label = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                for name, schema in fields(parameter["schema"], parameter["name"]):
                    yield label, parameter["in"], name, schema
            body = operation.get("requestBody", {}).get("content", {})
            for content_type, content in body.items():
                for name, schema in fields(content["schema"], ""):
                    yield label, content_type, name, schema


# What is free on purpose: searches, a password (the service says what it lacks), the CSV
# file of the sick-leave import.
FREE = {
    ("query", "q"),
    ("application/json", "password"),
    ("application/json", "content"),
    ("application/json", "filename"),
    ("text/csv", ""),
}
BOUNDS = ("enum", "pattern", "format", "maxLength", "const")


def test_every_string_a_request_may_carry_is_bounded() -> None:
    unbounded = [
        f"{operation} {where}:{name}"
        for operation, where, name, schema in request_fields()
        if schema.get("type") == "string"
        and not any(key in schema for key in BOUNDS)
        and (where, name.split(".")[-1]) not in FREE
        # A decimal may also be written as a string; its bounds are the number's.
        and not ("minimum" in schema or "maximum" in schema)
    ]
    assert unbounded == []


def values(choices: Any) -> set[str]:
    return {str(v) for v in getattr(choices, "values", choices)}


# (path prefix, field name) -> the values the model (or the reference data) allows.
CHOICES: list[tuple[str, str, set[str]]] = [
    ("/api/v1/access/users/", "role", values(Role)),
    ("/api/v1/access/users/", "partner_service", values(PartnerService)),
    ("/api/v1/access/users/", "department", set(DEPARTMENT_SLUGS)),
    ("/api/v1/organisation/offices", "services[]", {s["code"] for s in SERVICE_TYPES}),
    ("/api/v1/people/persons", "address_protection", values(AddressProtection)),
    ("/api/v1/people/persons", "language", set(LANGUAGE_CODES)),
    ("/api/v1/people/persons/", "partner_service", values(PartnerService)),
    ("/api/v1/followup/assessments", "need_group", values(NeedGroup)),
    ("/api/v1/followup/assessments", "main_goal", values(OFFERED_MAIN_GOALS)),
    ("/api/v1/followup/assessments", "sources[]", values(Source)),
    ("/api/v1/followup/appeals", "status", values(AppealStatus)),
    ("/api/v1/followup/activities", "kind", values(ActivityKind)),
    ("/api/v1/followup/activities/", "transition", {"plan", "start", "complete", "cancel"}),
    ("/api/v1/followup/threads/", "waiting_for", values(Waiting)),
    ("/api/v1/followup/benefits", "kind", values(BenefitKind)),
    ("/api/v1/followup/qualification-assessments", "outcome", values(QualificationOutcome)),
    ("/api/v1/followup/individual-plans", "coordinator", set(PLAN_SERVICES)),
    ("/api/v1/followup/individual-plans", "members[]", set(PLAN_SERVICES)),
    ("/api/v1/followup/individual-plans/", "service", set(PLAN_SERVICES)),
    ("/api/v1/followup/individual-plans/", "responsible_service", set(PLAN_SERVICES)),
    ("/api/v1/followup/portfolio", "need_group", values(NeedGroup)),
    ("/api/v1/followup/portfolio", "main_goal", values(MainGoal)),
    ("/api/v1/followup/portfolio", "benefit", values(BenefitKind)),
    ("/api/v1/employers/enterprises", "sector", values(Sector)),
    (
        "/api/v1/employers/enterprises",
        "status",
        {"none", "deferred_due", *values(CooperationStatus)},
    ),
    ("/api/v1/employers/cooperations/", "reason", values(CooperationReason)),
    ("/api/v1/employers/cooperations/", "theme", values(PlanTheme)),
    ("/api/v1/employers/sub-themes/", "theme", values(PlanTheme)),
    ("/api/v1/employers/sub-themes/", "status", values(SubThemeStatus)),
    ("/api/v1/employers/cooperations/", "kind", values(DeliveryKind) | values(SurveyKind)),
    ("/api/v1/employers/deliveries/", "status", values(DeliveryStatus)),
    ("/api/v1/employers/survey-answers/", "group", values(RespondentGroup)),
    ("/api/v1/employers/subsidies", "status", values(SubsidyStatus)),
    ("/api/v1/enquiries", "status", values(EnquiryStatus)),
    ("/api/v1/enquiries", "department", set(DEPARTMENT_SLUGS)),
    ("/api/v1/publications", "type", values(PublicationType)),
    ("/api/v1/sickleave/groups/", "kind", values(GroupKind)),
    ("/api/v1/sickleave/priorities", "sector", values(Sector)),
    ("/api/v1/sickleave/priorities", "cooperation_status", {"none", *values(CooperationStatus)}),
]


@pytest.mark.parametrize(
    ("prefix", "name", "allowed"), CHOICES, ids=[f"{p} {n}" for p, n, _ in CHOICES]
)
def test_a_choice_field_declares_the_choices_of_its_model(
    prefix: str, name: str, allowed: set[str]
) -> None:
    found = [
        (operation, schema)
        for operation, _, field, schema in request_fields()
        if operation.split(" ")[1].startswith(prefix)
        and field == name
        and schema.get("type") == "string"
    ]
    assert found, f"no {name} under {prefix}"
    for operation, schema in found:
        declared = set(schema.get("enum", [])) - {""}
        # One path serves deliveries and surveys: each declares its own kinds.
        assert declared and declared <= allowed, f"{operation} {name}: {schema}"
        if name != "kind":
            assert declared == allowed, f"{operation} {name}: {schema}"


def test_pages_are_bounded() -> None:
    pages = [(o, n, s) for o, where, n, s in request_fields() if n in ("page", "page_size")]
    assert pages
    for operation, name, schema in pages:
        high = MAX_PAGE if name == "page" else MAX_PAGE_SIZE
        assert (schema.get("minimum"), schema.get("maximum")) == (1, high), operation


def test_identifiers_declare_their_form() -> None:
    forms = {
        "national_id": "^[0-9]{11}$",
        "organisation_number": "^[0-9]{9}$",
        "municipality": "^[0-9]{4}$",
        "number": "^[0-9]{4}$",
        "unit_number": "^[0-9]{4}$",
        "county": "^[0-9]{2}$",
    }
    for operation, where, name, schema in request_fields():
        leaf = name.split(".")[-1]
        if (
            leaf in forms
            and schema.get("type") == "string"
            and where in ("path", "application/json")
        ):
            assert schema.get("pattern") == forms[leaf], f"{operation} {name}: {schema}"
        if leaf.endswith("_id") and where == "path" and schema.get("type") == "string":
            assert schema.get("format") == "uuid", f"{operation} {name}: {schema}"


# Requests built from the document alone ---------------------------------------------------

# Text as a client may send it. PostgreSQL text cannot hold NUL, and JSON no lone surrogate.
CHARACTERS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
FIRST = datetime.date(1900, 1, 1)
LAST = datetime.date(2100, 12, 31)


def strategy(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values the schema allows (a small JSON-schema subset: what this document uses)."""
    alternatives = branches(schema)
    if len(alternatives) > 1:
        numeric = {b.get("type") for b in alternatives} == {"number", "string"}
        if numeric:  # a decimal: a number or the same number written as a string
            return _decimals(alternatives[0]).flatmap(lambda d: st.sampled_from([d, str(d)]))
        return st.one_of([strategy(b) for b in alternatives])
    schema = alternatives[0]
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        return _strings(schema)
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum"), max_value=schema.get("maximum"))
    if kind == "number":
        return _decimals(schema)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(strategy(schema["items"]), min_size=schema.get("minItems", 0), max_size=3)
    if kind == "object":
        properties = schema.get("properties", {})
        if not properties and isinstance(schema.get("additionalProperties"), dict):
            return st.dictionaries(
                st.text(CHARACTERS, max_size=10), strategy(schema["additionalProperties"])
            )
        required = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {k: strategy(v) for k, v in properties.items() if k in required},
            optional={k: strategy(v) for k, v in properties.items() if k not in required},
        )
    raise AssertionError(f"no strategy for {schema}")


def _decimals(schema: dict[str, Any]) -> st.SearchStrategy[Decimal]:
    low, high = schema.get("minimum"), schema.get("maximum")
    return st.decimals(
        min_value=Decimal(str(low)) if low is not None else Decimal("-1e12"),
        max_value=Decimal(str(high)) if high is not None else Decimal("1e12"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )


def _strings(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    longest = schema.get("maxLength", 40)
    form = schema.get("format")
    if form == "date":
        return st.dates(FIRST, LAST).map(datetime.date.isoformat)
    if form == "date-time":
        return st.datetimes(
            datetime.datetime(1900, 1, 1),
            datetime.datetime(2100, 1, 1),
            timezones=st.just(datetime.UTC),
        ).map(datetime.datetime.isoformat)
    if form == "uuid":
        return st.uuids().map(str)
    if form == "email":
        return st.emails().filter(lambda e: len(e) <= longest)
    if "pattern" in schema:
        pattern = schema["pattern"]
        anchored = pattern.startswith("^") and pattern.endswith("$")
        return st.from_regex(re.compile(pattern), fullmatch=anchored, alphabet=CHARACTERS).map(
            lambda s: s[:longest]
        )
    return st.text(CHARACTERS, min_size=schema.get("minLength", 0), max_size=min(longest, 60))


def operation(method: str, path: str) -> dict[str, Any]:
    return dict(document()["paths"][path][method])


def query_of(method: str, path: str, pinned: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """The query parameters of an operation, each left out or given a value it allows."""
    parameters = [p for p in operation(method, path).get("parameters", []) if p["in"] == "query"]
    return st.fixed_dictionaries(
        {name: st.just(value) for name, value in pinned.items()},
        optional={
            p["name"]: strategy(p["schema"]).filter(lambda v: v is not None)
            for p in parameters
            if p["name"] not in pinned
        },
    )


def body_of(method: str, path: str) -> st.SearchStrategy[dict[str, Any]]:
    content = operation(method, path)["requestBody"]["content"]["application/json"]
    return strategy(content["schema"])


def client_for(login: str | None) -> Client:
    from velferd.access.models import User

    client = Client()
    if login:
        client.force_login(User.objects.get(username=login))
    return client


def check(response: Any) -> None:
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"code", "message", "field"}
        assert body["code"] != "invalid_input", body


LISTS = [
    (None, "/api/v1/organisation/municipalities"),
    (None, "/api/v1/organisation/offices"),
    (None, "/api/v1/publications"),
    ("admin", "/api/v1/access/users"),
    ("admin", "/api/v1/audit/events"),
    ("admin", "/api/v1/employers/budgets"),
    ("veileder", "/api/v1/people/persons"),
    ("veileder", "/api/v1/followup/portfolio"),
    ("ia-radgiver", "/api/v1/employers/enterprises"),
    ("ia-radgiver", "/api/v1/employers/subsidies"),
    ("ia-radgiver", "/api/v1/sickleave/priorities"),
    ("departement", "/api/v1/enquiries"),
]
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@pytest.mark.parametrize(("login", "path"), LISTS, ids=[p for _, p in LISTS])
def test_a_list_takes_every_filter_the_document_allows(login: str | None, path: str) -> None:
    client = client_for(login)

    @EXAMPLES
    @given(query_of("get", path, pinned={"page": 1}))
    def run(query: dict[str, Any]) -> None:
        check(client.get(path, query))

    run()


@pytest.mark.django_db
def test_publications_answer_200_to_every_type_year_and_page_size_the_document_allows() -> None:
    client = client_for(None)
    path = "/api/v1/publications"
    parameters = {p["name"]: p["schema"] for p in operation("get", path)["parameters"]}

    @EXAMPLES
    @given(
        st.fixed_dictionaries(
            {},
            optional={
                name: strategy(parameters[name]).filter(lambda v: v is not None)
                for name in ("type", "year", "page_size")
            },
        )
    )
    def run(query: dict[str, Any]) -> None:
        assert client.get(path, query).status_code == 200

    run()


@pytest.mark.django_db
def test_an_enquiry_the_document_allows_is_never_a_schema_refusal() -> None:
    client = client_for(None)

    @EXAMPLES
    @given(body_of("post", "/api/v1/enquiries"))
    def run(body: dict[str, Any]) -> None:
        cache.clear()  # the rate limit is not what is tested here
        check(
            client.post("/api/v1/enquiries", data=json.dumps(body), content_type="application/json")
        )

    run()


@pytest.mark.django_db
def test_a_registration_the_document_allows_is_never_a_schema_refusal() -> None:
    client = client_for("veileder")

    @EXAMPLES
    @given(body_of("post", "/api/v1/people/persons"))
    def run(body: dict[str, Any]) -> None:
        check(
            client.post(
                "/api/v1/people/persons", data=json.dumps(body), content_type="application/json"
            )
        )

    run()


UPDATES = ["/api/v1/people/persons/{person_id}", "/api/v1/followup/activities/{activity_id}"]


@pytest.mark.django_db
@pytest.mark.parametrize("template", UPDATES)
def test_a_partial_update_the_document_allows_is_never_a_schema_refusal_nor_a_500(
    template: str,
) -> None:
    from velferd.followup.tests.factories import a_period, an_activity
    from velferd.people.tests.factories import a_person

    client = client_for("veileder")
    someone = a_person()
    a_period(person=someone)
    record: Any = someone if "persons" in template else an_activity(person=someone)
    path = template[: template.index("{")] + str(record.pk)

    @EXAMPLES
    @given(body_of("patch", template))
    def run(body: dict[str, Any]) -> None:
        record.refresh_from_db()
        body["version"] = record.version
        check(client.patch(path, data=json.dumps(body), content_type="application/json"))

    run()


@pytest.mark.django_db
def test_an_enterprise_the_document_allows_is_never_a_schema_refusal_nor_a_500() -> None:
    client = client_for("admin")

    @EXAMPLES
    @given(body_of("post", "/api/v1/employers/enterprises"))
    def run(body: dict[str, Any]) -> None:
        check(
            client.post(
                "/api/v1/employers/enterprises",
                data=json.dumps(body, default=str),
                content_type="application/json",
            )
        )

    run()
