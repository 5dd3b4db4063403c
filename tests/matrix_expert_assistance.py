"""Access-matrix rows for deferring a cooperation and for the expert assistance subsidy
(see test_access_matrix.py and matrix_employers.py).

Only "ia-radgiver" (Vestland's IW centre) lists deferred cooperations. An application for
expert assistance names an employee: "arbeidsgiver" applies for the enterprise it represents
and reads what it applied for, "ia-radgiver" reads and decides it; nobody else, not even an
administrator, finds it (404)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from velferd.access.models import User
from velferd.access.selectors import actor_for_user
from velferd.employers import services
from velferd.employers.models import ExpertAssistance, SubsidyBudget

from .matrix import ANONYMOUS, LOGINS, Route, logged_in
from .matrix_employers_records import BERGEN, SYSTEM, built_enterprise, number_of

E = "/api/v1/employers"
NOBODY = "999999"
APPLICATION = f"{E}/expert-assistance/{{application_id}}"
READERS = {"ia-radgiver", "arbeidsgiver"}


def _hidden(**allowed: int) -> dict[str, int]:
    """Everyone logged in finds nothing (404) but those named."""
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 404), **allowed}


BODY = {
    "employee_name": "Ola Matrise",
    "employee_agreed": True,
    "sick_leave": "long",
    "measures_tried": "Tilrettelegging i tre måneder.",
    "expert_name": "Eli Ekspert",
    "expert_organisation": "Uavhengig Helse AS",
    "expert_independent": True,
    "assignment": "Kartlegging.",
    "amount": "15000.00",
}


def _body(_: str) -> dict[str, Any]:
    return {**BODY, "employee_agreed_on": timezone.localdate().isoformat()}


def _application(_: str) -> str:
    """An application of the enterprise arbeidsgiver represents, not yet decided."""
    enterprise = built_enterprise(BERGEN)
    found = ExpertAssistance.objects.filter(enterprise=enterprise, status="applied").first()
    if found is None:
        employer = actor_for_user(User.objects.get(username="arbeidsgiver"))
        found = services.expert_assistance_apply(actor=employer, enterprise=enterprise, **_body(""))
    _budget()
    return str(found.pk)


def _budget() -> None:
    year = timezone.localdate().year
    if not SubsidyBudget.objects.filter(county_id="46", year=year).exists():
        services.budget_set(actor=SYSTEM, county_number="46", year=year, amount="3500000.00")


def _version(application_id: str) -> int:
    return int(ExpertAssistance.objects.get(pk=application_id).version)


def _decision(name: str, body: dict[str, object]) -> Route:
    return Route(
        "post",
        f"{APPLICATION}/{name}",
        _hidden(**{"ia-radgiver": 200, "arbeidsgiver": 403}),
        params={"application_id": _application},
        unknown_path=f"{E}/expert-assistance/{NOBODY}/{name}",
        body=lambda user: {"version": _version(_application(user)), **body},
    )


ROUTES: list[Route] = [
    Route("get", f"{E}/cooperations/deferred", logged_in(403, **{"ia-radgiver": 200})),
    Route(
        "get",
        f"{E}/expert-assistance",
        logged_in(403, **{"ia-radgiver": 200, "arbeidsgiver": 200}),
    ),
    Route(
        "post",
        f"{E}/enterprises/{{organisation_number}}/expert-assistance",
        _hidden(**{"arbeidsgiver": 201, "ia-radgiver": 403, "admin": 403}),
        params={"organisation_number": number_of(BERGEN)},
        unknown_path=f"{E}/enterprises/889640782/expert-assistance",
        body=_body,
    ),
    Route(
        "get",
        APPLICATION,
        _hidden(**dict.fromkeys(READERS, 200)),
        params={"application_id": _application},
        unknown_path=f"{E}/expert-assistance/{NOBODY}",
    ),
    _decision("grant", {}),
    _decision("refuse", {"reason": "Bedriftshelsetjenesten er ikke prøvd."}),
]
