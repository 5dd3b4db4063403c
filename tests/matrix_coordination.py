"""Access-matrix rows for coordination: the portfolio, benefits, the qualification
programme, individual plans, saved filters and notes (see test_access_matrix.py).

At NAV Grünerløkka: veileder is a state caseworker, sosialkonsulent a municipal one,
kontorleder the office manager, beslutter an approver. The rows act on records built in the
test (matrix_people's): a plan coordinated by the person's GP (fastlege), with their consent;
a person on financial assistance; the benefit of the person whose own login is innbygger."""

from __future__ import annotations

import datetime
from typing import Any

from velferd.core.testing import login_actor
from velferd.followup import services as followup
from velferd.followup.models import PlanMeasure
from velferd.followup.tests.factories import (
    PlanMemberFactory,
    a_benefit,
    a_measure,
    a_period,
    a_plan,
)
from velferd.people.tests.factories import a_consent, a_person

from .matrix import ANONYMOUS, LOGINS, Route
from .matrix_people import BUILDERS, CASEWORKERS, NOBODY, READERS, _built, _ola, _record, allow

F = "/api/v1/followup"
STAFF = (*READERS,)


def _build_marias_plan() -> Any:
    """A plan coordinated by the person's GP, with NAV and child welfare as members and the
    person's consent to the GP; one measure, the GP's, overdue."""
    maria = a_person()
    a_consent(person=maria)
    a_period(person=maria, caseworker=login_actor("veileder").user)
    plan = a_plan(person=maria, coordinator__service="gp")
    for service in ("nav", "child_welfare"):
        PlanMemberFactory(plan=plan, service=service)
    a_measure(
        plan=plan,
        text="Vurdere arbeidsevnen",
        responsible_service="gp",
        deadline=datetime.date.today() - datetime.timedelta(days=3),
    )
    return plan


def _build_jonas() -> Any:
    """A person followed up by sosialkonsulent, on financial assistance for 200 days."""
    jonas = a_person()
    a_period(person=jonas, caseworker=login_actor("sosialkonsulent").user)
    a_benefit(
        person=jonas,
        kind="financial_assistance",
        starts_on=datetime.date.today() - datetime.timedelta(days=200),
    )
    return jonas


def _build_young() -> Any:
    """A person of 22 followed up by sosialkonsulent, on financial assistance: the activity
    requirement (Social Services Act § 20 a) applies."""
    today = datetime.date.today()
    young = a_person(birth_date=today - datetime.timedelta(days=22 * 365 + 123))
    a_period(person=young, caseworker=login_actor("sosialkonsulent").user)
    a_benefit(
        person=young, kind="financial_assistance", starts_on=today - datetime.timedelta(days=30)
    )
    return young


BUILDERS.update(
    young=_build_young,
    marias_plan=_build_marias_plan,
    olas_benefit=lambda: a_benefit(person=_record("ola")),
    jonas=_build_jonas,
    kari=a_person,
)


def _marias_plan(_: str) -> str:
    return _built("marias_plan")


def _olas_benefit(_: str) -> str:
    return _built("olas_benefit")


def _marias_open_measure(_: str) -> str:
    measure = PlanMeasure.objects.filter(plan=_record("marias_plan"), done_on__isnull=True)
    return str(measure.values_list("pk", flat=True)[0])


def _own_filter(username: str) -> str:
    owner = login_actor(username)
    return str(followup.saved_filter_save(actor=owner, name="Mine", query="flags=mine").pk)


def _veileders_note(_: str) -> str:
    vera = login_actor("veileder")
    note = followup.reminder_note_add(actor=vera, person=_record("ola"), text="Ring etter kurset")
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
        params={"person_id": _ola},
        unknown_path=f"{F}/persons/{NOBODY}/benefits",
    ),
    Route(
        "post",
        f"{F}/benefits",
        allow(201, *CASEWORKERS),
        body=lambda _: {
            "person": _ola(""),
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
        body=lambda _: {"person": _built("jonas"), "outcome": "offered"},
    ),
    Route(
        "get",
        f"{F}/persons/{{person_id}}/activity-requirement",
        allow(200, "sosialkonsulent"),
        params={"person_id": lambda _: _built("young")},
        unknown_path=f"{F}/persons/{NOBODY}/activity-requirement",
    ),
    Route(
        "post",
        f"{F}/activity-requirements",
        allow(201, "sosialkonsulent"),
        body=lambda _: {
            "person": _built("young"),
            "outcome": "condition_set",
            "activity": "Jobbsøking to dager i uka",
        },
    ),
    Route("get", f"{F}/individual-plans", LOGGED_IN),
    Route(
        "post",
        f"{F}/individual-plans",
        allow(201, *CASEWORKERS),
        body=lambda _: {"person": _built("kari"), "coordinator": "nav", "members": ["gp"]},
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
        params={"person_id": _ola},
        unknown_path=f"{F}/persons/{NOBODY}/notes",
    ),
    Route(
        "post",
        f"{F}/persons/{{person_id}}/notes",
        allow(201, *CASEWORKERS),
        params={"person_id": _ola},
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
