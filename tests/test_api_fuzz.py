"""Schemathesis over the committed API document (docs/openapi.json): every operation called
with requests generated from the document, with each role's personal access token and
without one. No answer is a server error, and every answer is one the document declares,
in the form it declares.

Bounded to fit the suite: one test per role, so pytest-xdist spreads them; each role calls
every SHARE-th operation (a different share for each role, so every operation is called by
several roles), EXAMPLES generated requests each, no shrinking; every failure found is
listed. VELFERD_FUZZ_EVERYTHING=1 has every role call every operation."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.middleware.csrf import CSRF_ALLOWED_CHARS
from django.test import Client
from django.utils.crypto import get_random_string
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.matrix import ANONYMOUS, ROLES
from velferd.access import policies
from velferd.access.models import User
from velferd.access.services import api_token_create
from velferd.core.testing import login_actor

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "openapi.json"
EXAMPLES = 1
SHARE = 1 if os.environ.get("VELFERD_FUZZ_EVERYTHING") == "1" else 3
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def one_connection_per_test() -> Iterator[None]:
    """The WSGI application closes the database connection after each request, which would
    end the test's transaction on PostgreSQL; Django's own test client stops that the same
    way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@functools.cache
def api_schema() -> Any:
    schema = schemathesis.openapi.from_path(DOCUMENT)
    schema.app = get_wsgi_application()
    return schema


def operations(role: str) -> list[Any]:
    every = sorted(
        (result.ok() for result in api_schema().get_all_operations()),
        key=lambda operation: operation.label,
    )
    return every[ROLES.index(role) % SHARE :: SHARE]


@dataclass(frozen=True)
class Credentials:
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)


def credentials_of(role: str) -> Credentials:
    """The role's personal access token; a citizen, who may not make one, calls with their
    logged-in session and its CSRF token, as the citizen's pages do."""
    if role == ANONYMOUS:
        return Credentials()
    actor = login_actor(role)
    if policies.allows(actor, policies.can_create_api_token):
        _token, secret = api_token_create(
            actor=actor, name="fuzzing", role_assignment_id=actor.assignments[0].pk
        )
        return Credentials(headers={"Authorization": f"Bearer {secret}"})
    browser = Client()
    browser.force_login(User.objects.get(username=role))
    csrf = get_random_string(32, CSRF_ALLOWED_CHARS)
    return Credentials(
        headers={"X-CSRFToken": csrf},
        cookies={"sessionid": browser.cookies["sessionid"].value, "csrftoken": csrf},
    )


def call_and_check(case: Any, credentials: Credentials) -> str | None:
    cache.clear()  # the rate limits are not what is fuzzed here
    response = case.call(headers=credentials.headers, cookies=credentials.cookies)
    try:
        case.validate_response(response, checks=CHECKS)
    except (Failure, FailureGroup) as failure:
        return f"{case.operation.label} -> {response.status_code}: {failure}"[:1500]
    return None


@pytest.mark.parametrize("role", ROLES)
def test_no_server_error_and_every_answer_as_documented(role: str) -> None:
    credentials = credentials_of(role)
    failures: dict[str, str] = {}

    @settings(
        max_examples=EXAMPLES,
        phases=[Phase.generate],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def every_operation(data: st.DataObject) -> None:
        for operation in operations(role):
            case = data.draw(operation.as_strategy())
            failure = call_and_check(case, credentials)
            if failure:
                failures.setdefault(operation.label, failure)

    every_operation()
    assert not failures, "\n\n".join(failures.values())
