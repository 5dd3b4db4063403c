"""The settlement routes for the round's own two logins: IMDi's national officer (imdi)
and Drammen's coordinator (bosetting-drammen), as tests/matrix_settlement.py says."""

from __future__ import annotations

import pytest

from .matrix import Route
from .matrix_settlement import ROUTES, SETTLEMENT_ANSWERS
from .test_access_matrix import _call, _client, _path

LOGINS = ("imdi", "bosetting-drammen")
CASES = [(route, index) for route in ROUTES for index in range(len(LOGINS))]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "index"),
    CASES,
    ids=[f"{r.method.upper()} {r.path} as {LOGINS[i]}" for r, i in CASES],
)
def test_route_answers_each_settlement_login(route: Route, index: int) -> None:
    login = LOGINS[index]
    body = route.body(login) if route.body else None
    response = _call(_client(login), route.method, _path(route, login), body)
    expected = SETTLEMENT_ANSWERS[(route.method, route.path)][index]
    assert response.status_code == expected, response.content[:300]
    if response.status_code >= 400:
        assert set(response.json()) == {"code", "message", "field"}
