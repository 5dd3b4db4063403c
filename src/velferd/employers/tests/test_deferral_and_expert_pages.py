"""Deferral and expert assistance through the API and on the pages, as an IW advisor and an
employer use them (IA agreement 2019–2024 and its extension; NAV's rules for tilskudd til
ekspertbistand): the date a cooperation is deferred to on the enterprise page and in the
lists, the advisor's list of those due for assessment, the employer's application form and
the advisor's decision."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from velferd.access import policies
from velferd.access.actor import ANONYMOUS, Actor
from velferd.access.policies import employers as employer_policies
from velferd.core.testing import field_error, filter_disagreements, login_actor, nb, row_of
from velferd.employers.models import Enterprise, ExpertAssistance

from .deferrals import (
    DAY,
    applied,
    come_due,
    deferred,
    expert_budget,
    started,
    today,
    vestland_advisor as a_vestland_advisor,
)
from .factories import a_representative, an_enterprise

pytestmark = pytest.mark.django_db
E = "/api/v1/employers"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


def logged_in(actor: Actor) -> Client:
    client = Client()
    assert actor.user is not None
    client.force_login(actor.user)
    return client


def post(client: Client, path: str, body: dict[str, Any], **headers: Any) -> Any:
    return client.post(
        f"{E}{path}", data=json.dumps(body), content_type="application/json", **headers
    )


@pytest.fixture
def advisor() -> Actor:
    return a_vestland_advisor()


@pytest.fixture
def employer() -> Actor:
    return a_representative(an_enterprise(name="Sidebedrift AS"), "side-arbeidsgiver")


class TestDeferralApi:
    def test_the_advisor_defers_through_the_api_and_the_date_is_required(
        self, advisor: Actor
    ) -> None:
        cooperation = started(advisor, "assess")
        client = logged_in(advisor)
        missing = post(client, f"/cooperations/{cooperation.pk}/defer", {"version": 2}, **EN)
        assert missing.status_code == 422
        assert missing.json()["code"] == "deferred_until_required"
        until = (today() + 30 * DAY).isoformat()
        body = {"version": cooperation.version, "deferred_until": until, "comment": "Fullt"}
        moved = post(client, f"/cooperations/{cooperation.pk}/defer", body)
        assert moved.status_code == 200
        out = moved.json()
        assert (out["status"], out["is_open"], out["deferred_until"]) == ("deferred", True, until)
        assert out["deferral_due"] is False
        again = post(client, f"/cooperations/{cooperation.pk}/defer", body)
        assert again.status_code == 409

    def test_the_deferred_list_and_the_due_ones(self, advisor: Actor) -> None:
        later = deferred(advisor, 40)
        due = come_due(deferred(advisor, 4, "assess"))
        client = logged_in(advisor)
        listed = client.get(f"{E}/cooperations/deferred?page_size=100").json()["items"]
        ids = [item["id"] for item in listed if item["id"] in (later.pk, due.pk)]
        assert ids == [due.pk, later.pk]
        due_only = client.get(f"{E}/cooperations/deferred?due=true&page_size=100").json()
        assert due.pk in [i["id"] for i in due_only["items"]]
        assert later.pk not in [i["id"] for i in due_only["items"]]
        resumed = post(client, f"/cooperations/{due.pk}/resume", {"version": due.version})
        assert resumed.json()["status"] == "to_assess"

    def test_an_employer_gets_no_deferred_list(self, employer: Actor) -> None:
        assert logged_in(employer).get(f"{E}/cooperations/deferred").status_code == 403

    def test_no_capacity_now_is_refused_as_a_closing_reason(self, advisor: Actor) -> None:
        cooperation = started(advisor, "assess")
        body = {"version": cooperation.version, "reason": "no_capacity_now"}
        answer = post(logged_in(advisor), f"/cooperations/{cooperation.pk}/skip", body)
        assert answer.status_code == 422


class TestDeferralPages:
    def test_the_enterprise_page_shows_the_deferral_with_its_date(self, advisor: Actor) -> None:
        cooperation = deferred(advisor, 12, "assess")
        page = logged_in(advisor).get(f"/employers/{cooperation.enterprise.organisation_number}/")
        html = page.content.decode()
        assert nb("Deferred") in html
        assert (today() + 12 * DAY).strftime("%d.%m.%Y") in html
        assert 'data-testid="move-resume"' in html and 'data-testid="move-defer"' in html
        assert 'data-testid="deferral-due"' not in html

    def test_the_defer_button_asks_for_a_date_and_shows_the_refusal(self, advisor: Actor) -> None:
        cooperation = started(advisor, "assess")
        client = logged_in(advisor)
        form = {"move": "defer", "version": cooperation.version, "deferred_until": ""}
        page = client.post(f"/employers/cooperations/{cooperation.pk}/move/", form)
        assert page.status_code == 422
        assert 'data-testid="error-defer"' in page.content.decode()
        form["deferred_until"] = (today() + 20 * DAY).isoformat()
        done = client.post(f"/employers/cooperations/{cooperation.pk}/move/", form)
        assert done.status_code == 302
        cooperation.refresh_from_db()
        assert cooperation.status == "deferred"

    def test_the_advisors_list_shows_the_date_and_filters_those_due(self, advisor: Actor) -> None:
        due = come_due(deferred(advisor, 3, "assess"), days_ago=1)
        later = deferred(advisor, 50)
        client = logged_in(advisor)
        page = client.get("/employers/?status=deferred_due").content.decode()
        assert due.enterprise.name in page and later.enterprise.name not in page
        assert 'data-testid="deferrals-due"' in page
        row = row_of(
            client.get(f"/employers/?q={later.enterprise.organisation_number}").content.decode(),
            "enterprises",
            later.enterprise.name,
        )
        assert (today() + 50 * DAY).strftime("%d.%m.%Y") in row


FORM = {
    "employee_name": "Per Ansatt",
    "employee_agreed": "on",
    "sick_leave": "long_and_frequent",
    "measures_tried": "Oppfølging og tilrettelegging i et halvt år.",
    "expert_name": "Siri Ekspert",
    "expert_organisation": "Nøytral Helse AS",
    "expert_independent": "on",
    "assignment": "Kartlegging og forslag til tiltak.",
    "amount": "12 500,00",
}


class TestExpertAssistancePages:
    def test_the_employer_applies_on_their_page_and_sees_the_status(self, employer: Actor) -> None:
        enterprise = employer_policies.employer_organisation_numbers(employer)
        [number] = enterprise
        client = logged_in(employer)
        page = client.get(f"/employers/{number}/").content.decode()
        assert 'data-testid="expert-assistance-form"' in page
        form = {**FORM, "employee_agreed_on": (today() - DAY).isoformat()}
        sent = client.post(f"/employers/{number}/expert-assistance/", form)
        assert sent.status_code == 302
        application = ExpertAssistance.objects.get(enterprise__organisation_number=number)
        assert str(application.amount_applied) == "12500.00"
        page = client.get(f"/employers/{number}/").content.decode()
        row = row_of(page, "expert-assistance", "Nøytral Helse AS")
        assert "12\xa0500,00 kr" in row and nb("Applied") in row

    def test_a_refused_application_is_shown_beside_its_field(self, employer: Actor) -> None:
        [number] = employer_policies.employer_organisation_numbers(employer)
        form = {**FORM, "employee_agreed_on": today().isoformat()}
        del form["expert_independent"]
        page = logged_in(employer).post(f"/employers/{number}/expert-assistance/", form)
        assert page.status_code == 422
        assert "uavhengig" in field_error(page.content.decode(), "expert_independent")
        assert not ExpertAssistance.objects.filter(enterprise__organisation_number=number)

    def test_the_advisor_grants_on_the_application_page(
        self, advisor: Actor, employer: Actor
    ) -> None:
        expert_budget(advisor, "3000000.00")
        application = applied(employer, employer_enterprise(employer))
        client = logged_in(advisor)
        page = client.get(f"/employers/expert-assistance/{application.pk}/").content.decode()
        assert "Ola Testansatt" in page and 'data-testid="expert-grant-form"' in page
        done = client.post(
            f"/employers/expert-assistance/{application.pk}/",
            {"action": "grant", "version": application.version, "amount": "", "reason": ""},
        )
        assert done.status_code == 302
        seen = logged_in(employer).get(f"/employers/expert-assistance/{application.pk}/")
        html = seen.content.decode()
        assert nb("Granted") in html and "15\xa0000,00 kr" in html
        assert 'data-testid="expert-grant-form"' not in html

    def test_the_advisor_refuses_with_reasons_the_employer_reads(
        self, advisor: Actor, employer: Actor
    ) -> None:
        application = applied(employer, employer_enterprise(employer))
        client = logged_in(advisor)
        url = f"/employers/expert-assistance/{application.pk}/"
        empty = client.post(url, {"action": "refuse", "version": application.version})
        assert empty.status_code == 422
        client.post(
            url, {"action": "refuse", "version": application.version, "reason": "Ikke prøvd."}
        )
        html = logged_in(employer).get(url).content.decode()
        assert nb("Refused") in html and "Ikke prøvd." in html

    def test_the_old_subsidy_is_history_with_no_application_form(self, employer: Actor) -> None:
        [number] = employer_policies.employer_organisation_numbers(employer)
        page = logged_in(employer).get(f"/employers/{number}/").content.decode()
        assert 'data-testid="subsidy-form"' not in page

    def test_another_enterprise_and_the_administrator_see_nothing(self, employer: Actor) -> None:
        application = applied(employer, employer_enterprise(employer))
        other = a_representative(an_enterprise(), "tredje-arbeidsgiver")
        for outsider in (other, login_actor("admin")):
            url = f"/employers/expert-assistance/{application.pk}/"
            assert logged_in(outsider).get(url).status_code == 404
            assert (
                logged_in(outsider).get(f"{E}/expert-assistance/{application.pk}").status_code
                == 404
            )


def employer_enterprise(employer: Actor) -> Enterprise:
    from velferd.employers import selectors

    return selectors.own_enterprises(actor=employer).get()


class TestExpertAssistanceApi:
    def test_apply_grant_and_list_without_the_employee(
        self, advisor: Actor, employer: Actor
    ) -> None:
        expert_budget(advisor, "3000000.00")
        [number] = employer_policies.employer_organisation_numbers(employer)
        body = {
            **{k: v for k, v in FORM.items() if k not in ("employee_agreed", "expert_independent")},
            "employee_agreed": True,
            "expert_independent": True,
            "employee_agreed_on": today().isoformat(),
            "amount": "20000.00",
        }
        created = post(logged_in(employer), f"/enterprises/{number}/expert-assistance", body)
        assert created.status_code == 201, created.content
        out = created.json()
        assert (out["status"], out["employee_name"]) == ("applied", "Per Ansatt")
        listed = logged_in(advisor).get(f"{E}/expert-assistance?status=applied").json()
        [item] = [i for i in listed["items"] if i["id"] == out["id"]]
        assert "employee_name" not in item
        granted = post(
            logged_in(advisor),
            f"/expert-assistance/{out['id']}/grant",
            {"version": out["version"], "amount": "18000.00"},
        )
        assert granted.json()["amount_granted"] == "18000.00"

    def test_above_the_rate_is_422_in_english(self, employer: Actor) -> None:
        [number] = employer_policies.employer_organisation_numbers(employer)
        body = {
            **{k: v for k, v in FORM.items() if k not in ("employee_agreed", "expert_independent")},
            "employee_agreed": True,
            "expert_independent": True,
            "employee_agreed_on": today().isoformat(),
            "amount": "99999.00",
        }
        answer = post(logged_in(employer), f"/enterprises/{number}/expert-assistance", body, **EN)
        assert answer.status_code == 422
        assert answer.json()["code"] == "above_max_rate"
        assert "at most" in answer.json()["message"]

    def test_the_list_filter_answers_as_the_rule_beside_it(
        self, advisor: Actor, employer: Actor
    ) -> None:
        applied(employer, employer_enterprise(employer))
        actors = [
            ANONYMOUS,
            advisor,
            employer,
            *(login_actor(name) for name in ("ia-03", "admin", "arbeidsgiver", "analytiker")),
        ]
        assert (
            filter_disagreements(
                ExpertAssistance.objects.select_related("enterprise"),
                lambda actor, x: employer_policies.can_view_expert_assistance(actor, x.enterprise),
                employer_policies.expert_assistance_visible,
                actors,
            )
            == []
        )
        assert policies.can_view_enterprise(advisor, employer_enterprise(employer))
