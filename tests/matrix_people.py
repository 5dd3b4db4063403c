"""Access-matrix rows for the people and follow-up routes (see test_access_matrix.py).

The demo office is NAV Grünerløkka: veileder, sosialkonsulent and kontorleder work on
follow-up there, beslutter approves and may read, innbygger is Ola Nordmann himself."""

from __future__ import annotations

import datetime

from velferd.access.actor import system_actor
from velferd.core.identifiers import synthetic_national_id
from velferd.core.testing import login_actor
from velferd.followup import services as followup
from velferd.followup.models import Activity, FollowUpPeriod, NeedsAssessment, Thread
from velferd.people import services as people
from velferd.people.models import Person

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


def _id(name: str) -> str:
    return str(Person.objects.get(given_name=name).pk)


def _veileder():  # type: ignore[no-untyped-def]
    return login_actor("veileder")


def _ola(_: str) -> str:
    return _id("Ola")


def _ahmeds_period(_: str) -> str:
    return str(FollowUpPeriod.objects.get(person__given_name="Ahmed").pk)


def _olas_decision(_: str) -> str:
    return str(NeedsAssessment.objects.get(person__given_name="Ola", status="sent").pk)


def _larss_assessment(_: str) -> str:
    return str(NeedsAssessment.objects.get(person__given_name="Lars").pk)


def _draft_for_ola(need_group: str) -> str:
    draft = followup.assessment_create(
        actor=_veileder(),
        person=Person.objects.get(given_name="Ola"),
        need_group=need_group,
        main_goal="get_work",
        reasoning="Ny vurdering.",
    )
    return str(draft.pk)


def _olas_own_activity(_: str) -> str:
    return str(Activity.objects.get(person__given_name="Ola", proposed_by_person=True).pk)


def _olas_thread(_: str) -> str:
    return str(Thread.objects.get(person__given_name="Ola").pk)


def _olas_consent(_: str) -> str:
    consent = people.consent_give(
        actor=system_actor("matrix"),
        person=Person.objects.get(given_name="Ola"),
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
        "post", f"{F}/periods", allow(201, *CASEWORKERS), body=lambda _: {"person": _id("Sofie")}
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
            "person": _id("Ola"),
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
        body=lambda _: {**ACTIVITY, "person": _id("Ola")},
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
        body=lambda _: {"person": _id("Ola"), "subject": "Møtetid", "text": "Passer tirsdag?"},
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
