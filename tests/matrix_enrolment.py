"""Access-matrix rows for enrolment (see test_access_matrix.py, matrix_participants.py):
the caseworkers of NAV Grünerløkka enrol, move and read; the office's approver reads; the
person (Ola Nordmann, `innbygger`) reads their own and comments on their draft; a delivery's
waiting list is for the caseworkers of its offices. The demo's records are those of
participants/demo_enrolment.py."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.participants.models import Participation
from velferd.people.models import Person
from velferd.schemes.models import Delivery

from .matrix import ANONYMOUS, LOGINS, Route

P = "/api/v1/participants"
NOBODY = "00000000-0000-0000-0000-000000000000"
CASEWORKERS = ["veileder", "sosialkonsulent", "kontorleder"]
OFFICE_STAFF = [*CASEWORKERS, "beslutter"]


def answers(default: int, **by_login: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, default), **by_login}


def staff(status: int, readers: int | None = None) -> dict[str, int]:
    """The caseworkers `status`; the approver `readers` (403 when they only read)."""
    return {**dict.fromkeys(CASEWORKERS, status), "beslutter": readers or 403}


def _ola() -> Person:
    return Person.objects.get(user__username="innbygger")


def _olas(status: str) -> Participation:
    return Participation.objects.filter(person=_ola(), status=status).earliest("created_at")


def _vta_waiting() -> Participation:
    return Participation.objects.get(
        delivery__name="VTA Grünerløkka – skjermet", status="waiting_list", priority=True
    )


def _id(found: Any) -> str:
    return str(found.pk)


def _enrolment(_: str) -> dict[str, Any]:
    delivery = Delivery.objects.get(name="Jobbklubb Sagene vår")
    return {"person_id": str(_ola().pk), "delivery_id": delivery.pk, "admit": True}


def _version(found: Participation) -> dict[str, Any]:
    return {"version": found.version}


def _dates(_: str) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "version": _olas("awaiting_start").version,
        "starts_on": (today + datetime.timedelta(days=7)).isoformat(),
        "ends_on": (today + datetime.timedelta(days=90)).isoformat(),
    }


AWAITING = {"participation_id": lambda _: _id(_olas("awaiting_start"))}
DRAFT = {"participation_id": lambda _: _id(_olas("draft"))}
WAITING = {"participation_id": lambda _: _id(_vta_waiting())}
OWN_OR_404 = answers(404, innbygger=200, **staff(200, 200))

ROUTES = [
    Route("post", f"{P}/enrolments", answers(403, **staff(201)), body=_enrolment),
    Route(
        "get",
        f"{P}/persons/{{person_id}}/participations",
        answers(403, innbygger=200, **staff(200, 200)),
        params={"person_id": lambda _: _id(_ola())},
        unknown_path=f"{P}/persons/{NOBODY}/participations",
    ),
    Route("get", f"{P}/mine", answers(200)),
    Route(
        "get",
        f"{P}/participations/{{participation_id}}",
        OWN_OR_404,
        params=AWAITING,
        unknown_path=f"{P}/participations/{NOBODY}",
    ),
    Route(
        "post",
        f"{P}/participations/{{participation_id}}/moves/{{move}}",
        answers(404, innbygger=403, **staff(200, 403)),
        params={**AWAITING, "move": lambda _: "start"},
        body=lambda _: _version(_olas("awaiting_start")),
        unknown_path=f"{P}/participations/{NOBODY}/moves/start",
    ),
    Route(
        "post",
        f"{P}/participations/{{participation_id}}/pass-offer",
        answers(404, **staff(409, 403)),
        params=WAITING,
        body=lambda _: _version(_vta_waiting()),
        unknown_path=f"{P}/participations/{NOBODY}/pass-offer",
    ),
    Route(
        "post",
        f"{P}/participations/{{participation_id}}/priority",
        answers(404, **staff(200, 403)),
        params=WAITING,
        body=lambda _: {
            **_version(_vta_waiting()),
            "priority": False,
            "reason": "Feilregistrert prioritet.",
        },
        unknown_path=f"{P}/participations/{NOBODY}/priority",
    ),
    Route(
        "post",
        f"{P}/participations/{{participation_id}}/dates",
        answers(404, innbygger=403, **staff(200, 403)),
        params=AWAITING,
        body=_dates,
        unknown_path=f"{P}/participations/{NOBODY}/dates",
    ),
    Route(
        "get",
        f"{P}/participations/{{participation_id}}/comments",
        OWN_OR_404,
        params=DRAFT,
        unknown_path=f"{P}/participations/{NOBODY}/comments",
    ),
    Route(
        "post",
        f"{P}/participations/{{participation_id}}/comments",
        answers(404, innbygger=201, **staff(201, 403)),
        params=DRAFT,
        body=lambda _: {"text": "Jeg kan starte mandag."},
        unknown_path=f"{P}/participations/{NOBODY}/comments",
    ),
    Route(
        "get",
        f"{P}/deliveries/{{delivery_id}}/waiting-list",
        answers(404, tiltaksforvalter=403, **staff(200, 403)),
        params={"delivery_id": lambda _: str(_vta_waiting().delivery_id)},
        unknown_path=f"{P}/deliveries/999999/waiting-list",
    ),
]
