"""Every API route × every role: allowed, refused (401/403) or not found (404).

The routes come from the API itself, so a new route without a row here fails the suite.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import User
from velferd.access.services import api_token_create
from velferd.api import api
from velferd.core.testing import login_actor
from velferd.followup.tests.factories import a_benefit, a_period
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, strictly_confidential

from . import (
    matrix_appeals,
    matrix_assistance_caseworker,
    matrix_assistance_citizen,
    matrix_assistance_payments,
    matrix_coordination,
    matrix_effects,
    matrix_employers,
    matrix_enquiries,
    matrix_funding,
    matrix_outcomes,
    matrix_participants,
    matrix_people,
    matrix_procurement,
    matrix_schemes,
    matrix_settlement,
    matrix_sickleave,
)
from .matrix import ANONYMOUS, ROLES, Route, admin_only, everyone, logged_in

MINIMUM = [
    "state_tasks",
    "social_services",
    "financial_counselling",
    "financial_assistance",
    "temporary_housing",
    "individual_plan",
    "qualification_programme",
]


def _own_role_assignment(username: str) -> int:
    user = User.objects.filter(username=username).first()
    first = user.role_assignments.first() if user else None
    return first.pk if first else 0


def _admin_token_id(username: str) -> str:
    admin = login_actor("admin")
    token, _ = api_token_create(
        actor=admin, name="matrix", role_assignment_id=admin.assignments[0].pk
    )
    return str(token.pk)


def _user_id(username: str) -> str:
    return str(User.objects.get(username="veileder").pk)


def _veileder_role(username: str) -> str:
    return str(_own_role_assignment("veileder"))


NOBODY = "00000000-0000-0000-0000-000000000000"
USERS = "/api/v1/access/users"
ORG = "/api/v1/organisation"
ROUTES = [
    Route("get", f"{ORG}/departments", everyone(200)),
    Route(
        "get",
        f"{ORG}/departments/{{slug}}",
        everyone(200),
        params={"slug": lambda _: "welfare-policy"},
        unknown_path=f"{ORG}/departments/nope",
    ),
    Route("get", f"{ORG}/agencies", everyone(200)),
    Route("get", f"{ORG}/counties", everyone(200)),
    Route("get", f"{ORG}/service-types", everyone(200)),
    Route("get", f"{ORG}/municipalities", everyone(200)),
    Route(
        "get",
        f"{ORG}/municipalities/{{number}}",
        everyone(200),
        params={"number": lambda _: "5601"},
        unknown_path=f"{ORG}/municipalities/9999",
    ),
    Route(
        "get",
        f"{ORG}/municipalities/{{number}}/office",
        everyone(200),
        params={"number": lambda _: "5601"},
        unknown_path=f"{ORG}/municipalities/9999/office",
    ),
    Route(
        "get",
        f"{ORG}/municipalities/{{number}}/offices",
        everyone(200),
        params={"number": lambda _: "0301"},
        unknown_path=f"{ORG}/municipalities/9999/offices",
    ),
    Route("get", f"{ORG}/offices", everyone(200)),
    Route(
        "post",
        f"{ORG}/offices",
        admin_only(201),
        body=lambda _: {
            "unit_number": "0399",
            "name": "NAV Marka",
            "county": "03",
            "areas": [{"municipality": "0301", "district": "Marka"}],
            "services": MINIMUM,
            "signed_on": "2026-01-01",
        },
    ),
    Route(
        "get",
        f"{ORG}/offices/{{unit_number}}",
        everyone(200),
        params={"unit_number": lambda _: "0317"},
        unknown_path=f"{ORG}/offices/9999",
    ),
    Route(
        "patch",
        f"{ORG}/offices/{{unit_number}}",
        admin_only(200),
        params={"unit_number": lambda _: "0317"},
        unknown_path=f"{ORG}/offices/9999",
        body=lambda _: {"name": "NAV Grünerløkka", "version": 1},
    ),
    Route(
        "put",
        f"{ORG}/offices/{{unit_number}}/visiting",
        admin_only(200),
        params={"unit_number": lambda _: "0317"},
        unknown_path=f"{ORG}/offices/9999/visiting",
        body=lambda _: {
            "visiting_address": {"street": "", "postcode": "", "place": ""},
            "phone": "55 55 33 33",
            "opening_hours": [{"weekday": 1, "opens": "10:00", "closes": "14:00"}],
            "opening_note": "",
            "version": 1,
        },
    ),
    Route(
        "get",
        f"{ORG}/offices/{{unit_number}}/agreement",
        everyone(200),
        params={"unit_number": lambda _: "0317"},
        unknown_path=f"{ORG}/offices/9999/agreement",
    ),
    Route(
        "put",
        f"{ORG}/offices/{{unit_number}}/agreement",
        admin_only(200),
        params={"unit_number": lambda _: "0317"},
        unknown_path=f"{ORG}/offices/9999/agreement",
        body=lambda _: {"services": MINIMUM, "signed_on": "2026-01-01", "version": 1},
    ),
    Route("get", f"{ORG}/iw-centres", everyone(200)),
    Route(
        "get",
        f"{ORG}/iw-centres/{{county}}",
        everyone(200),
        params={"county": lambda _: "46"},
        unknown_path=f"{ORG}/iw-centres/99",
    ),
    Route("get", "/api/v1/access/me", logged_in(200)),
    Route("get", "/api/v1/access/tokens", logged_in(200)),
    Route(
        "post",
        "/api/v1/access/tokens",
        logged_in(201, innbygger=403),
        body=lambda user: {"name": "matrix", "role_assignment": _own_role_assignment(user)},
    ),
    Route(
        "delete",
        "/api/v1/access/tokens/{token_id}",
        logged_in(404, admin=200),
        params={"token_id": _admin_token_id},
        unknown_path="/api/v1/access/tokens/00000000-0000-0000-0000-000000000000",
    ),
    Route("get", USERS, admin_only(200)),
    Route(
        "post",
        USERS,
        admin_only(201),
        body=lambda user: {"username": f"new-{user}", "full_name": "Nina Ny"},
    ),
    Route(
        "patch",
        f"{USERS}/{{user_id}}",
        admin_only(200),
        params={"user_id": _user_id},
        unknown_path=f"{USERS}/{NOBODY}",
        body=lambda _: {"is_active": True},
    ),
    Route(
        "post",
        f"{USERS}/{{user_id}}/roles",
        admin_only(201),
        params={"user_id": _user_id},
        unknown_path=f"{USERS}/{NOBODY}/roles",
        body=lambda _: {"role": "analyst"},
    ),
    Route(
        "delete",
        f"{USERS}/{{user_id}}/roles/{{assignment_id}}",
        admin_only(200),
        params={"user_id": _user_id, "assignment_id": _veileder_role},
        unknown_path=f"{USERS}/{{user_id}}/roles/999999",
    ),
    Route("get", "/api/v1/audit/events", admin_only(200)),
    Route("get", "/api/v1/audit/verify", admin_only(200)),
    *matrix_people.ROUTES,
    *matrix_appeals.ROUTES,
    *matrix_enquiries.ROUTES,
    *matrix_enquiries.PUBLICATION_ROUTES,
    *matrix_coordination.ROUTES,
    *matrix_employers.ROUTES,
    *matrix_sickleave.ROUTES,
    *matrix_procurement.ROUTES,
    *matrix_schemes.ROUTES,
    *matrix_funding.ROUTES,
    *matrix_participants.ROUTES,
    *matrix_effects.ROUTES,
    *matrix_outcomes.ROUTES,
    *matrix_assistance_caseworker.ROUTES,
    *matrix_assistance_payments.ROUTES,
    *matrix_assistance_citizen.ROUTES,
    *matrix_settlement.ROUTES,
]


def _client(username: str) -> Client:
    client = Client()
    if username != ANONYMOUS:
        client.force_login(User.objects.get(username=username))
    return client


def _call(client: Client, method: str, path: str, body: Any) -> Any:
    kwargs: dict[str, Any] = {}
    if body is not None:
        kwargs = {"data": json.dumps(body), "content_type": "application/json"}
    return getattr(client, method)(path, **kwargs)


def _path(route: Route, username: str) -> str:
    path = route.path
    for name, value in route.params.items():
        path = path.replace(f"{{{name}}}", value(username))
    return path


def test_every_api_route_has_a_row_in_the_matrix() -> None:
    schema_routes = {
        (method, path)
        for path, operations in api.get_openapi_schema()["paths"].items()
        for method in operations
    }
    matrix_routes = {(r.method, r.path) for r in ROUTES}
    assert schema_routes == matrix_routes
    assert all(set(r.expected) == set(ROLES) for r in ROUTES)


CASES = [(route, role) for route in ROUTES for role in ROLES]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "role"), CASES, ids=[f"{r.method.upper()} {r.path} as {role}" for r, role in CASES]
)
def test_route_answers_each_role_as_the_policy_says(route: Route, role: str) -> None:
    username = role if role != ANONYMOUS else "admin"
    body = route.body(username) if route.body else None
    response = _call(_client(role), route.method, _path(route, username), body)
    assert response.status_code == route.expected[role], response.content[:300]
    if response.status_code >= 400:
        assert set(response.json()) == {"code", "message", "field"}


NOT_FOUND_CASES = [
    (route, role)
    for route in ROUTES
    if route.unknown_path
    for role in ROLES
    if route.expected[role] < 400
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "role"),
    NOT_FOUND_CASES,
    ids=[f"{r.method.upper()} {r.unknown_path} as {role}" for r, role in NOT_FOUND_CASES],
)
def test_unknown_record_is_404_for_those_allowed_the_route(route: Route, role: str) -> None:
    username = role if role != ANONYMOUS else "admin"
    body = route.body(username) if route.body else None
    unknown = route.unknown_path or ""
    for name, value in route.params.items():
        unknown = unknown.replace(f"{{{name}}}", value(username))
    response = _call(_client(role), route.method, unknown, body)
    assert response.status_code == 404, response.content[:300]
    assert response.json()["code"] == "not_found"


STAFF = ["veileder", "sosialkonsulent", "beslutter", "kontorleder", "admin"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", matrix_people.HIDDEN_PERSON_READS)
@pytest.mark.parametrize("role", STAFF)
def test_strictly_confidential_person_is_404_to_staff_not_cleared(path: str, role: str) -> None:
    hidden = strictly_confidential()
    response = _client(role).get(path.replace("{person_id}", str(hidden.pk)))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.django_db
def test_strictly_confidential_person_is_visible_to_a_cleared_caseworker() -> None:
    User.objects.filter(username="veileder").update(cleared_strictly_confidential=True)
    hidden = strictly_confidential()
    response = _client("veileder").get(f"/api/v1/people/persons/{hidden.pk}")
    assert response.status_code == 200
    assert response.json()["address"] is None


class TestMunicipalRecords:
    """Financial assistance is the municipality's: its caseworkers see it, the state side
    only with the person's consent."""

    @pytest.fixture
    def jonas(self, db: None) -> Person:
        """A person at NAV Grünerløkka in follow-up, on financial assistance."""
        someone = a_person()
        a_period(person=someone)
        a_benefit(person=someone, kind="financial_assistance")
        return someone

    @staticmethod
    def kinds_seen_by(role: str, jonas: Person) -> set[str]:
        response = _client(role).get(f"/api/v1/followup/persons/{jonas.pk}/benefits")
        assert response.status_code == 200
        return {b["kind"] for b in response.json()}

    @pytest.mark.django_db
    @pytest.mark.parametrize(
        ("role", "sees"),
        [
            ("sosialkonsulent", True),
            ("veileder", False),
            ("kontorleder", False),
            ("beslutter", False),
        ],
    )
    def test_financial_assistance_is_seen_by_the_municipal_side_only(
        self, role: str, sees: bool, jonas: Person
    ) -> None:
        assert ("financial_assistance" in self.kinds_seen_by(role, jonas)) is sees

    @pytest.mark.django_db
    def test_the_state_side_sees_it_once_the_person_consents(self, jonas: Person) -> None:
        import datetime

        from velferd.access.actor import system_actor
        from velferd.people.services import consent_give

        consent_give(
            actor=system_actor("matrix"),
            person=jonas,
            partner_service="nav_state",
            purpose="Oppfølging",
            starts_on=datetime.date.today(),
            ends_on=datetime.date.today() + datetime.timedelta(days=30),
        )
        assert "financial_assistance" in self.kinds_seen_by("veileder", jonas)

    @pytest.mark.django_db
    def test_the_state_side_cannot_end_what_it_cannot_see(self, jonas: Person) -> None:
        fa = jonas.benefits.get()
        response = _client("veileder").post(
            f"/api/v1/followup/benefits/{fa.pk}/end",
            data=json.dumps({"ends_on": "2030-01-01"}),
            content_type="application/json",
        )
        assert response.status_code == 403
