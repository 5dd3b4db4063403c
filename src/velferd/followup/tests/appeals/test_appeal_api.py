"""The API of §14a decisions and their appeals (NAV Act §14a; forvaltningsloven §§ 28–33):
sources and main goal as NAV's decision support takes them, an appeal registered by the
person or the office, the office's moves, refusals in Norwegian and English naming the
field, and one logged read for each staff read of an appeal."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit.models import AccessEvent
from velferd.followup.models import Appeal, NeedsAssessment
from velferd.people.models import Person

from .conftest import GROUNDS, REASONING, draft

pytestmark = pytest.mark.django_db

BASE = "/api/v1/followup"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
Login = Callable[[Actor], Client]


def send(client: Client, method: str, path: str, body: Any = None, **headers: Any) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}",
        data=json.dumps(body) if body is not None else None,
        content_type="application/json",
        **headers,
    )


class TestDecisionFields:
    def test_a_permanent_decision_with_a_main_goal_is_refused_in_both_languages(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        """NAV's decision support: no main goal for permanent adaptation."""
        body = {
            "person": str(ola.pk),
            "need_group": "permanent",
            "main_goal": "get_work",
            "reasoning": REASONING,
            "sources": ["medical"],
        }

        nb = send(client_of(vera), "post", "/assessments", body)
        en = send(client_of(vera), "post", "/assessments", body, **EN)

        assert (nb.status_code, en.status_code) == (422, 422)
        assert nb.json()["field"] == "main_goal"
        assert nb.json()["message"].startswith("Varig tilpasset innsats har ikke hovedmål")
        assert en.json()["message"].startswith("Permanent adaptation has no main goal")

    def test_a_permanent_decision_is_made_with_a_null_main_goal_and_its_sources(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        response = send(
            client_of(vera),
            "post",
            "/assessments",
            {
                "person": str(ola.pk),
                "need_group": "permanent",
                "main_goal": None,
                "reasoning": REASONING,
                "sources": ["medical", "work_capacity"],
            },
        )

        assert response.status_code == 201, response.content
        assert (response.json()["main_goal"], response.json()["sources"]) == (
            None,
            ["medical", "work_capacity"],
        )

    def test_increase_participation_is_not_offered_by_the_api(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        response = send(
            client_of(vera),
            "post",
            "/assessments",
            {
                "person": str(ola.pk),
                "need_group": "standard",
                "main_goal": "increase_participation",
                "reasoning": REASONING,
            },
        )

        assert response.status_code == 422
        assert NeedsAssessment.objects.filter(person=ola).count() == 0

    def test_sending_without_sources_is_422_naming_the_field(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        decision = draft(vera, ola, sources=[])

        nb = send(client_of(vera), "post", f"/assessments/{decision.pk}/send", {"version": 1})
        en = send(client_of(vera), "post", f"/assessments/{decision.pk}/send", {"version": 1}, **EN)

        assert (nb.status_code, nb.json()["code"], nb.json()["field"]) == (
            422,
            "sources_required",
            "sources",
        )
        assert "Velg minst én kilde" in nb.json()["message"]
        assert "Choose at least one source" in en.json()["message"]

    def test_sources_are_added_to_a_draft_and_then_it_is_sent(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        decision = draft(vera, ola, sources=[])
        client = client_of(vera)

        patched = send(
            client, "patch", f"/assessments/{decision.pk}", {"version": 1, "sources": ["cv"]}
        )
        sent = send(client, "post", f"/assessments/{decision.pk}/send", {"version": 2})

        assert patched.json()["sources"] == ["cv"]
        assert (sent.status_code, sent.json()["status"]) == (200, "sent")
        assert "- CV-en og jobbønskene dine på nav.no." in sent.json()["letter"]["body"]


class TestAppeals:
    def test_the_person_appeals_their_decision_and_reads_its_status(
        self, client_of: Login, ola_login: Actor, decision: NeedsAssessment
    ) -> None:
        client = client_of(ola_login)

        created = send(client, "post", f"/assessments/{decision.pk}/appeals", {"grounds": GROUNDS})
        read = send(client, "get", f"/appeals/{created.json()['id']}")
        listed = send(client, "get", "/appeals")

        assert created.status_code == 201, created.content
        body = read.json()
        assert (body["status"], body["lodged_by_person"], body["late"]) == (
            "received",
            True,
            False,
        )
        assert [item["id"] for item in listed.json()["items"]] == [body["id"]]

    def test_the_office_registers_one_with_the_day_it_came_in(
        self, client_of: Login, vera: Actor, decision: NeedsAssessment
    ) -> None:
        # The day in Norway: the service refuses a day before the decision's Oslo date.
        day = timezone.localdate(decision.sent_at).isoformat()

        created = send(
            client_of(vera),
            "post",
            f"/assessments/{decision.pk}/appeals",
            {"grounds": GROUNDS, "received_on": day},
        )

        assert created.status_code == 201, created.content
        assert (created.json()["received_on"], created.json()["lodged_by_person"]) == (day, False)

    def test_a_second_appeal_is_409(
        self, client_of: Login, ola_login: Actor, appeal: Appeal
    ) -> None:
        response = send(
            client_of(ola_login),
            "post",
            f"/assessments/{appeal.decision_id}/appeals",
            {"grounds": "Igjen."},
        )

        assert (response.status_code, response.json()["code"]) == (409, "appeal_exists")

    def test_the_office_forwards_it_to_nav_klageinstans(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        """forvaltningsloven § 33: not upheld, the case goes on with the date recorded."""
        response = send(
            client_of(vera),
            "post",
            f"/appeals/{appeal.pk}/forward",
            {"version": 1, "comment": "Vedtaket står.", "forwarded_on": str(appeal.received_on)},
        )

        assert response.status_code == 200, response.content
        assert (response.json()["status"], response.json()["forwarded_on"]) == (
            "forwarded",
            str(appeal.received_on),
        )
        assert response.json()["version"] == 2

    def test_the_office_upholds_it_and_the_new_decision_is_drafted(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        response = send(
            client_of(vera),
            "post",
            f"/appeals/{appeal.pk}/uphold",
            {"version": 1, "comment": "Ola har rett."},
        )

        new = NeedsAssessment.objects.get(pk=response.json()["new_decision"])
        assert response.json()["status"] == "upheld"
        assert (new.status, new.person_id) == ("draft", appeal.person_id)

    def test_the_person_may_not_make_the_offices_move(
        self, client_of: Login, ola_login: Actor, appeal: Appeal
    ) -> None:
        response = send(
            client_of(ola_login),
            "post",
            f"/appeals/{appeal.pk}/uphold",
            {"version": 1, "comment": "Jeg har rett."},
        )

        assert response.status_code == 403
        assert Appeal.objects.get(pk=appeal.pk).status == "received"

    def test_a_move_the_table_forbids_is_409_naming_both_states(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        client = client_of(vera)
        send(client, "post", f"/appeals/{appeal.pk}/forward", {"version": 1, "comment": "Nei."})

        response = send(
            client, "post", f"/appeals/{appeal.pk}/uphold", {"version": 2, "comment": "Ja."}, **EN
        )

        assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")
        assert "Sent to NAV Klageinstans" in response.json()["message"]

    def test_staff_of_another_office_get_403_and_no_list_row(
        self, client_of: Login, sagene: Actor, appeal: Appeal
    ) -> None:
        client = client_of(sagene)

        assert send(client, "get", f"/appeals/{appeal.pk}").status_code == 403
        assert str(appeal.pk) not in {
            i["id"] for i in send(client, "get", "/appeals").json()["items"]
        }

    def test_a_staff_read_of_an_appeal_is_logged_once(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        before = AccessEvent.objects.filter(subject_id=str(appeal.person_id), what="appeal").count()

        send(client_of(vera), "get", f"/appeals/{appeal.pk}")

        after = AccessEvent.objects.filter(subject_id=str(appeal.person_id), what="appeal").count()
        assert after == before + 1

    def test_the_list_is_filtered_by_status(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        client = client_of(vera)

        received = send(client, "get", "/appeals?status=received").json()["items"]
        forwarded = send(client, "get", "/appeals?status=forwarded").json()["items"]

        assert str(appeal.pk) in {item["id"] for item in received}
        assert str(appeal.pk) not in {item["id"] for item in forwarded}
