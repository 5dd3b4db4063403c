"""The settlement pages × every demo login and a visitor who has not logged in: IMDi's
officer (imdi) opens them all; Drammen's coordinator (bosetting-drammen) is sent from the
round to their municipality's page, and is refused IMDi's requests page and another
municipality's; every other login is refused them all (403), and a visitor is sent to log
in. The settlement API's routes are in the access matrix (tests/matrix_settlement.py)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from velferd.access.models import User
from velferd.settlement.models import MunicipalityRequest

from .matrix import ANONYMOUS, LOGINS, ROLES

pytestmark = pytest.mark.django_db

DRAMMEN, BODO, TROMSO = "3301", "1804", "5501"
OWN = {"imdi": 200, "bosetting-drammen": 200}
PAGES: dict[str, dict[str, int]] = {
    "/settlement/": {"imdi": 200, "bosetting-drammen": 302},
    "/settlement/requests/": {"imdi": 200, "bosetting-drammen": 403},
    f"/settlement/municipalities/{DRAMMEN}/": OWN,
    f"/settlement/municipalities/{BODO}/": {"imdi": 200, "bosetting-drammen": 403},
}
CASES = [(path, role) for path in PAGES for role in ROLES]


def expected(path: str, role: str) -> int:
    if role == ANONYMOUS:
        return 302
    return PAGES[path].get(role, 403)


def client_of(role: str) -> Client:
    client = Client()
    if role != ANONYMOUS:
        client.force_login(User.objects.get(username=role))
    return client


def test_the_matrix_asks_every_demo_login() -> None:
    assert {"imdi", "bosetting-drammen"} <= set(LOGINS)
    assert set(ROLES) == {ANONYMOUS, *LOGINS}


@pytest.mark.parametrize(("path", "role"), CASES, ids=[f"GET {p} as {r}" for p, r in CASES])
def test_each_settlement_page_answers_each_login(path: str, role: str) -> None:
    response = client_of(role).get(path)
    assert response.status_code == expected(path, role)
    if role == ANONYMOUS:
        assert response["Location"].startswith("/login/")
    if path == "/settlement/" and role == "bosetting-drammen":
        assert response["Location"] == f"/settlement/municipalities/{DRAMMEN}/"


@pytest.mark.parametrize("role", ROLES)
def test_only_imdis_officer_saves_requests_from_a_file(role: str) -> None:
    before = MunicipalityRequest.objects.filter(municipality_id=TROMSO).get().persons
    data = f"municipality_number;persons\n{TROMSO};{before + 7}\n".encode()
    response = client_of(role).post(
        "/settlement/requests/", {"file": SimpleUploadedFile("anmodninger.csv", data)}
    )
    allowed = role == "imdi"
    assert response.status_code == (200 if allowed else expected("/settlement/requests/", role))
    saved = MunicipalityRequest.objects.get(municipality_id=TROMSO).persons
    assert saved == (before + 7 if allowed else before)
