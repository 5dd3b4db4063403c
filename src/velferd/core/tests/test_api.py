"""Who is calling: an unsafe request without a session or token is 401 not_authenticated, as the
API documents; a logged-in session still needs its CSRF token (403)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.access.models import ApiToken, User

API = "/api/v1"

# Unsafe routes that need a caller, from several domains, with a body the route would accept
# (or refuse for what it says, not for who is asking).
UNSAFE_ROUTES = [
    ("post", f"{API}/access/tokens", {"name": "cli", "role_assignment": 1}),
    ("post", f"{API}/people/persons", {"national_id": "01019012345"}),
    ("patch", f"{API}/organisation/offices/0315", {"name": "NAV Grünerløkka", "version": 1}),
    ("post", f"{API}/followup/saved-filters", {"name": "mine", "query": "flags=overdue"}),
    ("post", f"{API}/enquiries/route", {"text": "Spørsmål om dagpenger"}),
    ("put", f"{API}/employers/budgets/46/2026", {"amount": "1000.00"}),
    ("delete", f"{API}/followup/saved-filters/1", None),
    ("delete", f"{API}/access/tokens/00000000-0000-0000-0000-000000000000", None),
]
IDS = [f"{method.upper()} {path}" for method, path, _ in UNSAFE_ROUTES]


def send(client: Client, method: str, path: str, body: object) -> Any:
    call: Callable[..., Any] = getattr(client, method)
    if body is None:
        return call(path)
    return call(path, data=json.dumps(body), content_type="application/json")


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "body"), UNSAFE_ROUTES, ids=IDS)
def test_anonymous_unsafe_request_is_401_not_a_csrf_refusal(
    method: str, path: str, body: object
) -> None:
    browser = Client(enforce_csrf_checks=True)

    response = send(browser, method, path, body)

    assert response.status_code == 401, response.content[:300]
    assert response.json()["code"] == "not_authenticated"
    assert set(response.json()) == {"code", "message", "field"}


@pytest.mark.django_db
def test_a_stale_session_cookie_without_csrf_is_401() -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.cookies["sessionid"] = "no-such-session"

    response = send(browser, *UNSAFE_ROUTES[0])

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
def test_an_invalid_bearer_token_on_an_unsafe_request_is_401() -> None:
    browser = Client(enforce_csrf_checks=True, headers={"Authorization": "Bearer vlf_x_y"})

    response = send(browser, *UNSAFE_ROUTES[0])

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "body"), UNSAFE_ROUTES, ids=IDS)
def test_a_session_without_its_csrf_token_is_still_refused_with_403(
    method: str, path: str, body: object
) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(User.objects.get(username="admin"))

    response = send(browser, method, path, body)

    assert response.status_code == 403, response.content[:300]
    assert set(response.json()) == {"code", "message", "field"}
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_a_session_with_its_csrf_token_gets_through() -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(User.objects.get(username="veileder"))
    browser.get("/account/")  # sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    own_role = User.objects.get(username="veileder").role_assignments.first()
    assert own_role is not None

    response = browser.post(
        f"{API}/access/tokens",
        data=json.dumps({"name": "cli", "role_assignment": own_role.pk}),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )

    assert response.status_code == 201, response.content[:300]
