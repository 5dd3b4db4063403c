"""Access-matrix rows for the office's casework on financial assistance (see
test_access_matrix.py): the queue, the case, documentation requests and decisions are NAV
Grünerløkka's municipal caseworker's (sosialkonsulent); everyone else is refused the queue
(403) and does not find the application (404: no consent opens it to the state side here).
The guideline rates are read by the municipal caseworker and the administrator, set by the
administrator. Each case builds its world in its own transaction: an application sent to
NAV Grünerløkka and a decided one with a condition."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.assistance.models import Application, Decision
from velferd.assistance.services.decision_checks import DecisionInput
from velferd.assistance.services.decisions import decision_make
from velferd.assistance.tests.factories import an_application
from velferd.core.testing import login_actor
from velferd.people.tests.factories import a_person

from .matrix import ANONYMOUS, LOGINS, Route

A = "/api/v1/assistance"
NOBODY = "00000000-0000-0000-0000-000000000000"
OPEN = "Matrise: åpen søknad"
DECIDED = "Matrise: avgjort søknad"


def answers(default: int, **by_login: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, default), **by_login}


def _decision(**fields: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "outcome": "granted",
        "amount": "5000",
        "frequency": "one_off",
        "period_start": today.isoformat(),
        "period_end": today.isoformat(),
        "reasoning": "Du har ingen inntekt denne måneden.",
        "conditions": ["Send kvittering."],
        **fields,
    }


def _open() -> Application:
    found = Application.objects.filter(explanation=OPEN).first()
    return found or an_application(a_person(birth_date=datetime.date(1960, 5, 5)), explanation=OPEN)


def _decided() -> Decision:
    found = Decision.objects.filter(application__explanation=DECIDED).first()
    if found is not None:
        return found
    application = an_application(
        a_person(birth_date=datetime.date(1961, 5, 5)), explanation=DECIDED
    )
    return decision_make(
        actor=login_actor("sosialkonsulent"),
        application_id=application.pk,
        version=application.version,
        data=DecisionInput(**{k: v for k, v in _decision().items()}),
    )


def _application_id(_user: str) -> str:
    return str(_open().pk)


def _decision_id(_user: str) -> str:
    return str(_decided().pk)


def _condition(_user: str) -> str:
    return str(_decided().conditions.get().pk)


ROUTES = [
    Route(
        "get",
        f"{A}/offices/{{unit_number}}/queue",
        answers(403, sosialkonsulent=200),
        params={"unit_number": lambda _: "0317"},
        unknown_path=f"{A}/offices/9999/queue",
    ),
    Route(
        "get",
        f"{A}/applications/{{application_id}}/case",
        answers(404, sosialkonsulent=200),
        params={"application_id": _application_id},
        unknown_path=f"{A}/applications/{NOBODY}/case",
    ),
    Route(
        "post",
        f"{A}/applications/{{application_id}}/documentation-requests",
        answers(404, sosialkonsulent=201),
        params={"application_id": _application_id},
        unknown_path=f"{A}/applications/{NOBODY}/documentation-requests",
        body=lambda _: {
            "version": _open().version,
            "what": "Kontoutskrift",
            "deadline": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        },
    ),
    Route(
        "post",
        f"{A}/applications/{{application_id}}/decisions",
        answers(404, sosialkonsulent=201),
        params={"application_id": _application_id},
        unknown_path=f"{A}/applications/{NOBODY}/decisions",
        body=lambda _: {"version": _open().version, **_decision()},
    ),
    Route(
        "post",
        f"{A}/decisions/{{decision_id}}/replacements",
        answers(404, sosialkonsulent=201),
        params={"decision_id": _decision_id},
        unknown_path=f"{A}/decisions/{NOBODY}/replacements",
        body=lambda user: _decision(
            amount="2000", outcome="partly_granted", breached_condition=_condition(user)
        ),
    ),
    Route(
        "get",
        f"{A}/decisions/{{decision_id}}",
        answers(404, sosialkonsulent=200),
        params={"decision_id": _decision_id},
        unknown_path=f"{A}/decisions/{NOBODY}",
    ),
    Route("get", f"{A}/rates", answers(403, sosialkonsulent=200, admin=200)),
    Route(
        "put",
        f"{A}/rates",
        answers(403, admin=200),
        body=lambda _: {"year": 2030, "kind": "single_adult", "amount": "8000"},
    ),
]
