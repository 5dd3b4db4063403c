"""Access-matrix rows for coordination: the portfolio, benefits, the qualification
programme, individual plans, saved filters and notes (see test_access_matrix.py).

At NAV Grünerløkka: veileder is a state caseworker, sosialkonsulent a municipal one,
kontorleder the office manager, beslutter an approver. Maria's individual plan has her GP
(fastlege) as coordinator, with her consent; Jonas receives financial assistance."""

from __future__ import annotations

import datetime

from velferd.core.testing import login_actor
from velferd.followup import services as followup
from velferd.followup.models import Benefit, IndividualPlan, PlanMeasure

from .matrix import ANONYMOUS, LOGINS, Route
from .matrix_people import CASEWORKERS, NOBODY, READERS, _id, allow

F = "/api/v1/followup"
STAFF = (*READERS,)


def _marias_plan(_: str) -> str:
    return str(IndividualPlan.objects.get(person__given_name="Maria").pk)


def _olas_benefit(_: str) -> str:
    return str(Benefit.objects.get(person__given_name="Ola").pk)


def _marias_open_measure(_: str) -> str:
    measure = PlanMeasure.objects.filter(plan__person__given_name="Maria", done_on__isnull=True)
    return str(measure.values_list("pk", flat=True)[0])


def _own_filter(username: str) -> str:
    owner = login_actor(username)
    return str(followup.saved_filter_save(actor=owner, name="Mine", query="flags=mine").pk)


def _veileders_note(_: str) -> str:
    from velferd.people.models import Person

    vera = login_actor("veileder")
    note = followup.reminder_note_add(
        actor=vera, person=Person.objects.get(given_name="Ola"), text="Ring etter kurset"
    )
    return str(note.pk)


TOMORROW = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
LOGGED_IN = {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 200)}
PLAN_WRITERS = (*CASEWORKERS, "fastlege")

ROUTES = [
    Route("get", f"{F}/portfolio", allow(200, *STAFF)),
    Route(
        "get",
        f"{F}/persons/{{person_id}}/benefits",
        allow(200, *READERS, "innbygger"),
        params={"person_id": lambda _: _id("Ola")},
        unknown_path=f"{F}/persons/{NOBODY}/benefits",
    ),
    Route(
        "post",
        f"{F}/benefits",
        allow(201, *CASEWORKERS),
        body=lambda _: {
            "person": _id("Ola"),
            "kind": "sickness_benefit",
            "starts_on": "2026-01-01",
        },
    ),
    Route(
        "post",
        f"{F}/benefits/{{benefit_id}}/end",
        allow(200, *CASEWORKERS),
        params={"benefit_id": _olas_benefit},
        unknown_path=f"{F}/benefits/{NOBODY}/end",
        body=lambda _: {"ends_on": TOMORROW},
    ),
    Route(
        "post",
        f"{F}/qualification-assessments",
        allow(201, "sosialkonsulent"),
        body=lambda _: {"person": _id("Jonas"), "outcome": "offered"},
    ),
    Route("get", f"{F}/individual-plans", LOGGED_IN),
    Route(
        "post",
        f"{F}/individual-plans",
        allow(201, *CASEWORKERS),
        body=lambda _: {"person": _id("Kari"), "coordinator": "nav", "members": ["gp"]},
    ),
    Route(
        "get",
        f"{F}/individual-plans/{{plan_id}}",
        allow(200, *READERS, "fastlege"),
        params={"plan_id": _marias_plan},
        unknown_path=f"{F}/individual-plans/{NOBODY}",
    ),
    Route(
        "patch",
        f"{F}/individual-plans/{{plan_id}}",
        allow(200, *PLAN_WRITERS),
        params={"plan_id": _marias_plan},
        unknown_path=f"{F}/individual-plans/{NOBODY}",
        body=lambda _: {"goals": "Nytt mål", "version": 1},
    ),
    Route(
        "post",
        f"{F}/individual-plans/{{plan_id}}/members",
        allow(201, *CASEWORKERS),
        params={"plan_id": _marias_plan},
        unknown_path=f"{F}/individual-plans/{NOBODY}/members",
        body=lambda _: {"service": "school"},
    ),
    Route(
        "delete",
        f"{F}/individual-plans/{{plan_id}}/members/{{service}}",
        allow(200, *CASEWORKERS),
        params={"plan_id": _marias_plan, "service": lambda _: "child_welfare"},
        unknown_path=f"{F}/individual-plans/{NOBODY}/members/child_welfare",
    ),
    Route(
        "post",
        f"{F}/individual-plans/{{plan_id}}/coordinator",
        allow(200, *CASEWORKERS),
        params={"plan_id": _marias_plan},
        unknown_path=f"{F}/individual-plans/{NOBODY}/coordinator",
        body=lambda _: {"service": "nav", "version": 1},
    ),
    Route(
        "post",
        f"{F}/individual-plans/{{plan_id}}/measures",
        allow(201, *PLAN_WRITERS),
        params={"plan_id": _marias_plan},
        unknown_path=f"{F}/individual-plans/{NOBODY}/measures",
        body=lambda _: {
            "text": "Samtale med fastlegen",
            "responsible_service": "gp",
            "deadline": TOMORROW,
        },
    ),
    Route(
        "post",
        f"{F}/measures/{{measure_id}}/done",
        allow(200, *PLAN_WRITERS),
        params={"measure_id": _marias_open_measure},
        unknown_path=f"{F}/measures/{NOBODY}/done",
    ),
    Route("get", f"{F}/saved-filters", LOGGED_IN),
    Route(
        "post",
        f"{F}/saved-filters",
        {**LOGGED_IN, **dict.fromkeys(LOGINS, 201)},
        body=lambda _: {"name": "Nye", "query": "flags=new"},
    ),
    Route(
        "delete",
        f"{F}/saved-filters/{{filter_id}}",
        {**LOGGED_IN, **dict.fromkeys(LOGINS, 204)},
        params={"filter_id": _own_filter},
        unknown_path=f"{F}/saved-filters/999999",
    ),
    Route(
        "get",
        f"{F}/persons/{{person_id}}/notes",
        allow(200, *CASEWORKERS),
        params={"person_id": lambda _: _id("Ola")},
        unknown_path=f"{F}/persons/{NOBODY}/notes",
    ),
    Route(
        "post",
        f"{F}/persons/{{person_id}}/notes",
        allow(201, *CASEWORKERS),
        params={"person_id": lambda _: _id("Ola")},
        unknown_path=f"{F}/persons/{NOBODY}/notes",
        body=lambda _: {"text": "Følg opp kurset"},
    ),
    Route(
        "delete",
        f"{F}/notes/{{note_id}}",
        allow(404, *LOGINS, veileder=204),
        params={"note_id": _veileders_note},
        unknown_path=f"{F}/notes/999999",
    ),
]
