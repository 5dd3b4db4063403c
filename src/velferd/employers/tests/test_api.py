"""The employers API: status codes and bodies a client relies on."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, override_settings

from velferd.audit.models import AuditEvent
from velferd.core.testing import login_actor
from velferd.employers import services
from velferd.employers.models import Cooperation, Enterprise, Survey

from .factories import (
    a_budget,
    a_granted_subsidy,
    being_assessed,
    in_municipality,
)

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]
E = "/api/v1/employers"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


def send(client: Client, method: str, path: str, body: Any = None, **headers: Any) -> Any:
    return getattr(client, method)(
        f"{E}{path}", data=json.dumps(body or {}), content_type="application/json", **headers
    )


def test_the_advisors_list_is_paged_and_searchable(client_as: Login, assessed: Cooperation) -> None:
    body = client_as("ia-radgiver").get(f"{E}/enterprises?q=fjellbekk%20omsorg&page_size=5").json()
    assert body["count"] == 1
    item = body["items"][0]
    number = assessed.enterprise.organisation_number
    assert (item["organisation_number"], item["cooperation_status"]) == (number, "assessing")
    assert item["contact_person"] == {
        "name": "Ivar IA-rådgiver",
        "username": "ia-radgiver",
        "iw_centre": "NAV Arbeidslivssenter Vestland",
    }


def test_the_employer_sees_their_contact_person_and_nothing_else(
    representative: Client, assessed: Cooperation
) -> None:
    own = assessed.enterprise.organisation_number
    other = being_assessed(login_actor("ia-radgiver")).enterprise.organisation_number
    listed = representative.get(f"{E}/enterprises").json()
    assert [e["organisation_number"] for e in listed["items"]] == [own]
    assert listed["items"][0]["contact_person"]["username"] == "ia-radgiver"
    assert representative.get(f"{E}/enterprises/{other}").status_code == 404
    subsidies = representative.get(f"{E}/subsidies").json()["items"]
    assert {s["organisation_number"] for s in subsidies} == {own}


def test_registering_a_bad_number_answers_422_naming_the_field(client_as: Login) -> None:
    response = send(
        client_as("ia-radgiver"),
        "post",
        "/enterprises",
        {
            "organisation_number": "123456789",
            "name": "Feil AS",
            "municipality": "4601",
            "industry_code": "11.050",
            "sector": "private",
            "employees": 3,
        },
        **EN,
    )
    assert response.status_code == 422
    assert response.json() == {
        "code": "invalid_organisation_number",
        "message": "“123456789” is not a valid organisation number: the check digit does not "
        "match.",
        "field": "organisation_number",
    }


def test_a_stale_change_is_409(client_as: Login, assessed: Cooperation) -> None:
    number = assessed.enterprise.organisation_number
    response = send(
        client_as("ia-radgiver"), "patch", f"/enterprises/{number}", {"version": 0, "name": "X"}
    )
    assert (response.status_code, response.json()["code"]) == (409, "stale_version")
    assert Enterprise.objects.get(organisation_number=number).name == "Fjellbekk Omsorg AS"


def test_activating_answers_the_new_status_and_version(
    client_as: Login, assessed: Cooperation, representative: Client
) -> None:
    cooperation = assessed
    response = send(
        client_as("ia-radgiver"),
        "post",
        f"/cooperations/{cooperation.pk}/activate",
        {"version": cooperation.version, "comment": "Avtale signert"},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["version"]) == ("active", cooperation.version + 1)
    events = representative.get(f"{E}/cooperations/{cooperation.pk}/events").json()
    assert events["items"][0]["to_status"] == "active"
    assert events["items"][0]["comment"] == "Avtale signert"


def test_skipping_without_a_reason_is_422_on_the_reason(
    client_as: Login, assessed: Cooperation
) -> None:
    cooperation = assessed
    response = send(
        client_as("ia-radgiver"),
        "post",
        f"/cooperations/{cooperation.pk}/skip",
        {"version": cooperation.version},
    )
    assert (response.status_code, response.json()["field"]) == (422, "reason")


def test_a_forbidden_move_is_409_invalid_transition(
    client_as: Login, assessed: Cooperation
) -> None:
    cooperation = assessed
    response = send(
        client_as("ia-radgiver"),
        "post",
        f"/cooperations/{cooperation.pk}/complete",
        {"version": cooperation.version, "reason": "goals_reached"},
    )
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_starting_while_one_is_open_is_409(client_as: Login, assessed: Cooperation) -> None:
    number = assessed.enterprise.organisation_number
    response = send(client_as("ia-radgiver"), "post", f"/enterprises/{number}/cooperations", {})
    assert (response.status_code, response.json()["code"]) == (409, "cooperation_already_open")


def test_a_sub_theme_ending_before_it_starts_is_422(
    client_as: Login, assessed: Cooperation
) -> None:
    response = send(
        client_as("ia-radgiver"),
        "post",
        f"/cooperations/{assessed.pk}/sub-themes",
        {
            "theme": "partnership",
            "title": "Møter",
            "goal": "Faste møter",
            "starts_on": "2026-05-01",
            "ends_on": "2026-04-30",
        },
    )
    assert (response.status_code, response.json()["field"]) == (422, "ends_on")


def test_an_open_surveys_results_are_null_with_the_reason_and_only_the_count(
    assessed: Cooperation, representative: Client
) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    body = representative.get(f"{E}/surveys/{survey.pk}").json()
    assert (body["status"], body["responses"]) == ("open", 6)
    cells = [c for r in body["results"] for c in (r["total"], *r["groups"].values())]
    assert cells and all(
        c == {"shown": False, "reason": "survey_open", "answers": None, "mean": None,
              "counts": None, "dont_know": None}
        for c in cells
    )  # fmt: skip


def test_survey_results_hide_the_question_with_too_few_answers(
    client_as: Login, assessed: Cooperation, representative: Client
) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    closed = send(client_as("ia-radgiver"), "post", f"/surveys/{survey.pk}/close")
    assert closed.json()["status"] == "closed"
    body = representative.get(f"{E}/surveys/{survey.pk}").json()
    results = {r["code"]: r for r in body["results"]}
    assert results["partnership"]["total"]["shown"] is True
    assert results["partnership"]["total"]["answers"] == 6
    assert results["knowledge"]["total"] == {
        "shown": False,
        "reason": "few_answers",
        "answers": None,
        "mean": None,
        "counts": None,
        "dont_know": None,
    }
    assert body["answer_path"] == f"/employers/survey/{survey.token}/"


def test_anyone_with_the_link_answers_anonymously(client: Client, assessed: Cooperation) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    form = client.get(f"{E}/survey-answers/{survey.token}").json()
    answers = {q["code"]: 4 for q in form["questions"]}
    response = send(
        client, "post", f"/survey-answers/{survey.token}", {"group": "manager", "answers": answers}
    )
    assert (response.status_code, response.json()) == (201, {"received": True})
    assert survey.responses.count() == 7
    missing = send(
        Client(),
        "post",
        f"/survey-answers/{survey.token}",
        {"group": "manager", "answers": {"partnership": 3}},
    )
    assert (missing.status_code, missing.json()["code"]) == (422, "answer_required")


def test_a_second_answer_from_the_same_session_is_409(
    client: Client, assessed: Cooperation
) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    form = client.get(f"{E}/survey-answers/{survey.token}").json()
    body = {"group": "employee", "answers": {q["code"]: 3 for q in form["questions"]}}
    first = send(client, "post", f"/survey-answers/{survey.token}", body)
    second = send(client, "post", f"/survey-answers/{survey.token}", body, **EN)
    assert (first.status_code, second.status_code) == (201, 409)
    assert second.json()["code"] == "already_answered"
    assert second.json()["message"] == (
        "You have already answered this survey. Thank you for your answer!"
    )
    norwegian = send(client, "post", f"/survey-answers/{survey.token}", body)
    assert norwegian.json()["message"].startswith("Du har allerede svart på denne undersøkelsen.")
    assert survey.responses.count() == 7
    assert send(Client(), "post", f"/survey-answers/{survey.token}", body).status_code == 201


@override_settings(VELFERD_SURVEY_ANSWER_RATE_LIMITS=((2, 60), (100, 3600)))
def test_answers_from_one_address_are_limited_per_minute(assessed: Cooperation) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    form = Client().get(f"{E}/survey-answers/{survey.token}").json()
    body = {"group": "employee", "answers": {q["code"]: 3 for q in form["questions"]}}
    before = survey.responses.count()

    # Each from a browser of its own, all from one address.
    statuses = [
        send(Client(), "post", f"/survey-answers/{survey.token}", body).status_code
        for _ in range(3)
    ]

    assert statuses == [201, 201, 429]
    assert survey.responses.count() == before + 2


@override_settings(VELFERD_SURVEY_ANSWER_RATE_LIMITS=((10, 60), (3, 3600)))
def test_answers_from_one_address_are_limited_per_hour(assessed: Cooperation) -> None:
    survey = Survey.objects.get(cooperation=assessed)
    form = Client().get(f"{E}/survey-answers/{survey.token}").json()
    body = {"group": "employee", "answers": {q["code"]: 3 for q in form["questions"]}}
    statuses = [
        send(Client(), "post", f"/survey-answers/{survey.token}", body).status_code
        for _ in range(4)
    ]
    assert statuses == [201, 201, 201, 429]


def test_the_default_limits_are_tighter_than_one_answer_every_few_seconds() -> None:
    """196 answers from one address in 9 seconds must not get through."""
    limits = dict((seconds, n) for n, seconds in services.answer_windows())
    assert limits[60] <= 10 and limits[3600] <= 100


EXPERT = {
    "employee_name": "Ola Ansatt",
    "employee_agreed": True,
    "employee_agreed_on": "2026-01-05",
    "sick_leave": "frequent",
    "measures_tried": "Tilrettelegging og oppfølging.",
    "expert_name": "Eli Ekspert",
    "expert_organisation": "Uavhengig Helse AS",
    "expert_independent": True,
    "assignment": "Kartlegging.",
}


def test_amounts_are_exact_decimal_strings(assessed: Cooperation, representative: Client) -> None:
    response = send(
        representative,
        "post",
        f"/enterprises/{assessed.enterprise.organisation_number}/expert-assistance",
        {**EXPERT, "amount": "10000.10"},
    )
    assert response.status_code == 201
    assert response.json()["amount_applied"] == "10000.10"
    assert AuditEvent.objects.order_by("-seq").values_list("action", flat=True)[0] == (
        "expert_assistance.applied"
    )


def test_a_grant_over_the_budget_is_409_naming_what_remains(
    client_as: Login, assessed: Cooperation, representative: Client
) -> None:
    """Expert assistance, the subsidy of this year, from Vestland's budget for it."""
    advisor = client_as("ia-radgiver")
    number = assessed.enterprise.organisation_number
    application = send(
        representative,
        "post",
        f"/enterprises/{number}/expert-assistance",
        {**EXPERT, "amount": "5000"},
    ).json()
    budget = advisor.get(f"{E}/budgets").json()["items"][0]
    assert budget["scheme"] == "expert_assistance"
    send(
        advisor,
        "put",
        f"/budgets/46/{budget['year']}",
        {"amount": str(budget["granted"]), "version": budget["version"]},
    )
    response = send(
        advisor,
        "post",
        f"/expert-assistance/{application['id']}/grant",
        {"version": application["version"]},
        **EN,
    )
    assert response.status_code == 409
    assert response.json()["code"] == "budget_exceeded"
    assert "0.00 NOK remain" in response.json()["message"]


def test_the_prevention_subsidy_takes_no_application_since_2018(
    assessed: Cooperation, representative: Client
) -> None:
    response = send(
        representative,
        "post",
        f"/enterprises/{assessed.enterprise.organisation_number}/subsidies",
        {"purpose": "Hev-senk-pulter", "amount": "10000.10"},
        **EN,
    )
    assert response.status_code == 409
    assert response.json()["code"] == "subsidy_scheme_ended"


def test_budgets_show_granted_paid_and_remaining(client_as: Login) -> None:
    """Finnmark's budget for 2018, with one prevention and facilitation subsidy granted and
    one granted and paid there."""
    advisor, alta = login_actor("ia-56"), in_municipality("5601")
    a_budget(login_actor("admin"), "56", 2018, "3500000.00")
    a_granted_subsidy(advisor, alta, "120000.00")
    a_granted_subsidy(advisor, alta, "60000.00", paid=True)
    body = client_as("admin").get(f"{E}/budgets?year=2018").json()
    assert body["count"] == 15
    finnmark = next(b for b in body["items"] if b["county"] == "56")
    assert finnmark["amount"] == "3500000.00"
    assert finnmark["granted"] == "180000.00"
    assert finnmark["paid"] == "60000.00"
    assert finnmark["remaining"] == "3320000.00"
