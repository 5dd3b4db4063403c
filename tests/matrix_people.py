"""Access-matrix rows for the people and follow-up routes (see test_access_matrix.py).

The demo office is NAV Grünerløkka: veileder, sosialkonsulent and kontorleder work on
follow-up there, beslutter approves and may read, innbygger is the login of the person the
rows act on."""

from __future__ import annotations

import datetime
from typing import Any

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import login_actor
from velferd.followup import services as followup
from velferd.followup.tests.factories import (
    a_message,
    a_period,
    a_thread,
    an_activity,
    an_assessment,
)
from velferd.people import services as people
from velferd.people.models import Person
from velferd.people.tests.factories import a_person, confidential

from .matrix import ANONYMOUS, LOGINS, Route

P = "/api/v1/people"
F = "/api/v1/followup"
NOBODY = "00000000-0000-0000-0000-000000000000"
CASEWORKERS = ("veileder", "sosialkonsulent", "kontorleder")
READERS = (*CASEWORKERS, "beslutter")


def allow(status: int, *logins: str, **others: int) -> dict[str, int]:
    """`status` for the named logins, 403 for every other login, 401 for anonymous."""
    table = {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 403), **dict.fromkeys(logins, status)}
    return {**table, **others}


# The records the rows act on, each built at most once in a test, when a row first asks
# for it: a person whose own login is innbygger, followed up by veileder, with a decision
# sent, an activity of their own and a question in the dialogue; a period with no
# caseworker; an assessment awaiting approval; a person with a confidential address and no
# period.
_BUILT: dict[str, Any] = {}


def _build_ola() -> Person:
    vera = login_actor("veileder")
    citizen = User.objects.get(username="innbygger")
    Person.objects.filter(user=citizen).update(user=None)
    ola = a_person(given_name="Ola", family_name="Matrisen")
    people.link_user(actor=system_actor("matrix"), person=ola, user=citizen)
    a_period(person=ola, caseworker=vera.user)
    return ola


def _build_decision() -> Any:
    vera, ola = login_actor("veileder"), _record("ola")
    decision = an_assessment(person=ola, period=ola.periods.get(), sources=["dialogue"])
    followup.assessment_send(actor=vera, assessment=decision, version=decision.version)
    return decision


def _build_thread() -> Any:
    ola = _record("ola")
    thread = a_thread(person=ola)
    a_message(thread=thread, author=ola.user, author_label=ola.full_name, from_office=False)
    return thread


def _build_awaiting_approval() -> Any:
    vera = login_actor("veileder")
    return an_assessment(
        period=a_period(caseworker=vera.user),
        need_group="permanent",
        main_goal="",
        sources=["medical"],
        status="awaiting_approval",
        author=vera.user,
        version=2,
    )


BUILDERS: dict[str, Any] = {
    "ola": _build_ola,
    "decision": _build_decision,
    "own_activity": lambda: an_activity(
        person=_record("ola"),
        kind="own_activity",
        title="Trene tre ganger i uka",
        status="proposed",
        proposed_by_person=True,
        created_by=_record("ola").user,
    ),
    "thread": _build_thread,
    "unassigned_period": a_period,
    "awaiting_approval": _build_awaiting_approval,
    "confidential": confidential,
}


def _record(role: str) -> Any:
    found = _BUILT.get(role)
    if found is None or not type(found).objects.filter(pk=found.pk).exists():
        found = _BUILT[role] = BUILDERS[role]()
    return found


def _built(role: str) -> str:
    return str(_record(role).pk)


def _veileder():  # type: ignore[no-untyped-def]
    return login_actor("veileder")


def _ola(_: str) -> str:
    return _built("ola")


def _ahmeds_period(_: str) -> str:
    return _built("unassigned_period")


def _olas_decision(_: str) -> str:
    return _built("decision")


def _larss_assessment(_: str) -> str:
    return _built("awaiting_approval")


def _draft_for_ola(need_group: str) -> str:
    draft = followup.assessment_create(
        actor=_veileder(),
        person=_record("ola"),
        need_group=need_group,
        main_goal="" if need_group == "permanent" else "get_work",
        reasoning="Ny vurdering.",
        sources=["dialogue"],
    )
    return str(draft.pk)


def _olas_own_activity(_: str) -> str:
    return _built("own_activity")


def _olas_thread(_: str) -> str:
    return _built("thread")


def _olas_consent(_: str) -> str:
    consent = people.consent_give(
        actor=system_actor("matrix"),
        person=_record("ola"),
        partner_service="gp",
        purpose="Individuell plan",
        starts_on=datetime.date.today(),
        ends_on=datetime.date.today() + datetime.timedelta(days=90),
    )
    return str(consent.pk)


NEW_PERSON = {
    "national_id": synthetic_national_id(datetime.date(1990, 5, 17), 42),
    "given_name": "Ny",
    "family_name": "Person",
    "municipality": "0301",
    "district": "Grünerløkka",
}
CONSENT = {
    "partner_service": "gp",
    "purpose": "Individuell plan",
    "starts_on": "2026-01-01",
    "ends_on": "2099-12-31",
}
ACTIVITY = {"kind": "own_activity", "title": "Gå tur hver dag"}

ROUTES = [
    Route("get", f"{P}/persons", allow(200, *LOGINS)),
    Route("post", f"{P}/persons", allow(201, *CASEWORKERS), body=lambda _: NEW_PERSON),
    Route(
        "get",
        f"{P}/persons/{{person_id}}",
        allow(200, *READERS, "innbygger"),
        params={"person_id": _ola},
        unknown_path=f"{P}/persons/{NOBODY}",
    ),
    Route(
        "patch",
        f"{P}/persons/{{person_id}}",
        allow(200, *CASEWORKERS),
        params={"person_id": _ola},
        unknown_path=f"{P}/persons/{NOBODY}",
        body=lambda _: {"version": 1, "needs_interpreter": False},
    ),
    Route(
        "get",
        f"{P}/persons/{{person_id}}/consents",
        allow(200, *CASEWORKERS, "innbygger"),
        params={"person_id": _ola},
        unknown_path=f"{P}/persons/{NOBODY}/consents",
    ),
    Route(
        "post",
        f"{P}/persons/{{person_id}}/consents",
        allow(201, *CASEWORKERS, "innbygger"),
        params={"person_id": _ola},
        unknown_path=f"{P}/persons/{NOBODY}/consents",
        body=lambda _: CONSENT,
    ),
    Route(
        "post",
        f"{P}/consents/{{consent_id}}/withdraw",
        allow(200, *CASEWORKERS, "innbygger"),
        params={"consent_id": _olas_consent},
        unknown_path=f"{P}/consents/{NOBODY}/withdraw",
    ),
    Route("get", f"{P}/me", allow(404, *LOGINS, innbygger=200)),
    Route("get", f"{P}/me/access-log", allow(404, *LOGINS, innbygger=200)),
    Route(
        "get",
        f"{F}/persons/{{person_id}}/overview",
        allow(200, *READERS, "innbygger"),
        params={"person_id": _ola},
        unknown_path=f"{F}/persons/{NOBODY}/overview",
    ),
    Route(
        "post",
        f"{F}/periods",
        allow(201, *CASEWORKERS),
        body=lambda _: {"person": _built("confidential")},
    ),
    Route(
        "post",
        f"{F}/periods/{{period_id}}/assign",
        allow(200, "kontorleder"),
        params={"period_id": _ahmeds_period},
        unknown_path=f"{F}/periods/{NOBODY}/assign",
        body=lambda _: {"caseworker": "veileder", "version": 1},
    ),
    Route(
        "post",
        f"{F}/periods/{{period_id}}/end",
        allow(200, *CASEWORKERS),
        params={"period_id": _ahmeds_period},
        unknown_path=f"{F}/periods/{NOBODY}/end",
        body=lambda _: {"reason": "Fikk jobb", "version": 1},
    ),
    Route(
        "post",
        f"{F}/assessments",
        allow(201, *CASEWORKERS),
        body=lambda _: {
            "person": _ola(""),
            "need_group": "standard",
            "main_goal": "get_work",
            "reasoning": "Du kan søke jobb selv.",
        },
    ),
    Route(
        "get",
        f"{F}/assessments/{{assessment_id}}",
        allow(200, *READERS, "innbygger"),
        params={"assessment_id": _olas_decision},
        unknown_path=f"{F}/assessments/{NOBODY}",
    ),
    Route(
        "patch",
        f"{F}/assessments/{{assessment_id}}",
        allow(200, *CASEWORKERS, innbygger=404),
        params={"assessment_id": lambda _: _draft_for_ola("standard")},
        unknown_path=f"{F}/assessments/{NOBODY}",
        body=lambda _: {"version": 1, "reasoning": "Endret begrunnelse."},
    ),
    Route(
        "post",
        f"{F}/assessments/{{assessment_id}}/submit",
        allow(200, *CASEWORKERS, innbygger=404),
        params={"assessment_id": lambda _: _draft_for_ola("permanent")},
        unknown_path=f"{F}/assessments/{NOBODY}/submit",
        body=lambda _: {"version": 1},
    ),
    Route(
        "post",
        f"{F}/assessments/{{assessment_id}}/approve",
        allow(200, "beslutter"),
        params={"assessment_id": _larss_assessment},
        unknown_path=f"{F}/assessments/{NOBODY}/approve",
        body=lambda _: {"version": 2},
    ),
    Route(
        "post",
        f"{F}/assessments/{{assessment_id}}/return",
        allow(200, "beslutter"),
        params={"assessment_id": _larss_assessment},
        unknown_path=f"{F}/assessments/{NOBODY}/return",
        body=lambda _: {"version": 2, "comment": "Legg ved uttalelsen fra arbeidsgiver."},
    ),
    Route(
        "post",
        f"{F}/assessments/{{assessment_id}}/send",
        allow(200, *CASEWORKERS, innbygger=404),
        params={"assessment_id": lambda _: _draft_for_ola("standard")},
        unknown_path=f"{F}/assessments/{NOBODY}/send",
        body=lambda _: {"version": 1},
    ),
    Route(
        "get",
        f"{F}/persons/{{person_id}}/activities",
        allow(200, *READERS, "innbygger"),
        params={"person_id": _ola},
        unknown_path=f"{F}/persons/{NOBODY}/activities",
    ),
    Route(
        "post",
        f"{F}/activities",
        allow(201, *CASEWORKERS, "innbygger"),
        body=lambda _: {**ACTIVITY, "person": _ola("")},
    ),
    Route(
        "get",
        f"{F}/activities/{{activity_id}}",
        allow(200, *READERS, "innbygger"),
        params={"activity_id": _olas_own_activity},
        unknown_path=f"{F}/activities/{NOBODY}",
    ),
    Route(
        "patch",
        f"{F}/activities/{{activity_id}}",
        allow(200, *CASEWORKERS, "innbygger"),
        params={"activity_id": _olas_own_activity},
        unknown_path=f"{F}/activities/{NOBODY}",
        body=lambda _: {"version": 1, "title": "Trene fire ganger i uka"},
    ),
    Route(
        "post",
        f"{F}/activities/{{activity_id}}/{{transition}}",
        allow(200, *CASEWORKERS, "innbygger"),
        params={"activity_id": _olas_own_activity, "transition": lambda _: "cancel"},
        unknown_path=f"{F}/activities/{NOBODY}/cancel",
        body=lambda _: {"version": 1},
    ),
    Route(
        "post",
        f"{F}/activities/{{activity_id}}/comments",
        allow(201, *CASEWORKERS, "innbygger"),
        params={"activity_id": _olas_own_activity},
        unknown_path=f"{F}/activities/{NOBODY}/comments",
        body=lambda _: {"text": "Bra jobba!"},
    ),
    Route(
        "get",
        f"{F}/persons/{{person_id}}/threads",
        allow(200, *READERS, "innbygger"),
        params={"person_id": _ola},
        unknown_path=f"{F}/persons/{NOBODY}/threads",
    ),
    Route(
        "post",
        f"{F}/threads",
        allow(201, *CASEWORKERS, "innbygger"),
        body=lambda _: {"person": _ola(""), "subject": "Møtetid", "text": "Passer tirsdag?"},
    ),
    Route(
        "get",
        f"{F}/threads/{{thread_id}}",
        allow(200, *READERS, "innbygger"),
        params={"thread_id": _olas_thread},
        unknown_path=f"{F}/threads/{NOBODY}",
    ),
    Route(
        "post",
        f"{F}/threads/{{thread_id}}/messages",
        allow(201, *CASEWORKERS, "innbygger"),
        params={"thread_id": _olas_thread},
        unknown_path=f"{F}/threads/{NOBODY}/messages",
        body=lambda _: {"text": "Takk for svar."},
    ),
    Route(
        "post",
        f"{F}/threads/{{thread_id}}/read",
        allow(200, *CASEWORKERS, "innbygger"),
        params={"thread_id": _olas_thread},
        unknown_path=f"{F}/threads/{NOBODY}/read",
    ),
    Route(
        "post",
        f"{F}/threads/{{thread_id}}/waiting",
        allow(200, *CASEWORKERS),
        params={"thread_id": _olas_thread},
        unknown_path=f"{F}/threads/{NOBODY}/waiting",
        body=lambda _: {"waiting_for": "person"},
    ),
]

# Person-scoped reads whose answer for a strictly confidential person is 404, not 403.
HIDDEN_PERSON_READS = [
    f"{P}/persons/{{person_id}}",
    f"{F}/persons/{{person_id}}/overview",
    f"{F}/persons/{{person_id}}/activities",
    f"{F}/persons/{{person_id}}/threads",
    f"{P}/persons/{{person_id}}/consents",
]
