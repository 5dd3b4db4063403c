"""The activity requirement under 30 (Social Services Act § 20 a) in the API and on the pages:
the municipal caseworker records and reads it, the person's page shows the decision that holds
to whom may see the municipality's records and to nobody else; refusals answer with the code,
the field and the right status, a form shows its error beside the field."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from velferd.access.actor import Actor
from velferd.core.testing import field_error
from velferd.followup import services
from velferd.followup.models import ActivityRequirement
from velferd.followup.tests.factories import a_benefit, a_period
from velferd.people.models import Person
from velferd.people.tests.factories import at_sagene

from .sagene import Sagene, sagene_office

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
API = "/api/v1/followup"


def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def sagene(system: Actor) -> Sagene:
    return sagene_office(system)


@pytest.fixture
def young() -> Person:
    """Twenty-three, followed up at NAV Sagene, on financial assistance."""
    person = at_sagene(given_name="Ung", birth_date=today() - (23 * 365 + 77) * DAY)
    a_period(person=person)
    a_benefit(person=person, kind="financial_assistance", starts_on=today() - 40 * DAY)
    return person


def logged_in(actor: Actor) -> Client:
    client = Client()
    assert actor.user is not None
    client.force_login(actor.user)
    return client


def exempt(actor: Actor, person: Person) -> ActivityRequirement:
    return services.activity_requirement_record(
        actor=actor,
        person=person,
        outcome="exempt",
        decided_on=today() - 3 * DAY,
        exemption_reason="other",
        exemption_other="Venter på behandlingsplass",
    )


def post_json(client: Client, path: str, body: object) -> Any:
    return client.post(path, data=json.dumps(body), content_type="application/json")


class TestTheApi:
    def test_s20a_the_municipal_caseworker_records_a_condition_201(
        self, sagene: Sagene, young: Person
    ) -> None:
        response = post_json(
            logged_in(sagene.municipal),
            f"{API}/activity-requirements",
            {"person": str(young.pk), "outcome": "condition_set", "activity": "Arbeidstrening"},
        )

        assert response.status_code == 201
        body = response.json()
        assert (body["outcome"], body["activity"]) == ("condition_set", "Arbeidstrening")
        assert body["decided_on"] == today().isoformat()

    def test_s20a_an_exemption_without_its_reason_is_422_naming_the_field(
        self, sagene: Sagene, young: Person
    ) -> None:
        response = post_json(
            logged_in(sagene.municipal),
            f"{API}/activity-requirements",
            {"person": str(young.pk), "outcome": "exempt"},
        )

        assert response.status_code == 422
        assert response.json()["code"] == "exemption_reason_required"
        assert response.json()["field"] == "exemption_reason"
        assert not ActivityRequirement.objects.filter(person=young).exists()

    def test_the_state_caseworker_recording_it_is_403(self, sagene: Sagene, young: Person) -> None:
        response = post_json(
            logged_in(sagene.state),
            f"{API}/activity-requirements",
            {"person": str(young.pk), "outcome": "condition_set", "activity": "Kurs"},
        )

        assert response.status_code == 403

    def test_the_decision_that_holds_and_its_history_newest_first(
        self, sagene: Sagene, young: Person
    ) -> None:
        services.activity_requirement_record(
            actor=sagene.municipal,
            person=young,
            outcome="condition_set",
            decided_on=today() - 30 * DAY,
            activity="Jobbsøking",
        )
        exempt(sagene.municipal, young)

        body = logged_in(sagene.municipal).get(f"{API}/persons/{young.pk}/activity-requirement")

        found = body.json()
        assert found["holds"]["exemption_reason"] == "other"
        assert found["holds"]["exemption_other"] == "Venter på behandlingsplass"
        assert [r["outcome"] for r in found["history"]] == ["exempt", "condition_set"]

    def test_the_state_side_reads_it_only_with_the_persons_consent(
        self, sagene: Sagene, young: Person
    ) -> None:
        exempt(sagene.municipal, young)
        path = f"{API}/persons/{young.pk}/activity-requirement"

        before = logged_in(sagene.state).get(path)
        sagene.consent_for_nav(young, starts_on=today() - DAY)
        after = logged_in(sagene.state).get(path)

        assert before.status_code == 403
        assert after.status_code == 200
        assert after.json()["holds"]["outcome"] == "exempt"


class TestThePages:
    def test_s20a_the_persons_page_shows_the_decision_to_the_municipal_caseworker(
        self, sagene: Sagene, young: Person
    ) -> None:
        exempt(sagene.municipal, young)

        response = logged_in(sagene.municipal).get(f"/people/{young.pk}/")

        assertContains(response, 'data-testid="activity-requirement"')
        assertContains(response, "Unntatt av tungtveiende grunner: Venter på behandlingsplass")

    def test_the_state_caseworker_without_consent_sees_no_trace_of_it(
        self, sagene: Sagene, young: Person
    ) -> None:
        exempt(sagene.municipal, young)

        page = logged_in(sagene.state).get(f"/people/{young.pk}/")
        own = logged_in(sagene.state).get(f"/people/{young.pk}/activity-requirement/")

        assert page.status_code == 200
        assertNotContains(page, 'data-testid="activity-requirement"')
        assertNotContains(page, "Venter på behandlingsplass")
        assert own.status_code == 403

    def test_nothing_recorded_is_said_plainly(self, sagene: Sagene, young: Person) -> None:
        response = logged_in(sagene.municipal).get(f"/people/{young.pk}/activity-requirement/")

        assertContains(response, "Verken vilkår om aktivitet eller unntak er registrert.")
        assertContains(response, 'data-testid="requirement-form"')

    def test_s20a_the_form_records_a_condition_and_shows_it_in_the_history(
        self, sagene: Sagene, young: Person
    ) -> None:
        client = logged_in(sagene.municipal)
        path = f"/people/{young.pk}/activity-requirement/"

        response = client.post(
            path,
            {
                "outcome": "condition_set",
                "decided_on": (today() - DAY).isoformat(),
                "activity": "Arbeidstrening tre dager i uka",
            },
        )

        assert response.status_code == 302
        page = client.get(path).content.decode()
        assert "Vilkår om aktivitet stilt: Arbeidstrening tre dager i uka" in page
        assert "Mons Sosial" in page

    def test_other_without_the_reason_written_shows_the_error_beside_the_field(
        self, sagene: Sagene, young: Person
    ) -> None:
        response = logged_in(sagene.municipal).post(
            f"/people/{young.pk}/activity-requirement/",
            {"outcome": "exempt", "exemption_reason": "other", "exemption_other": " "},
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "exemption_other") == "Grunnen mangler."
        assert not ActivityRequirement.objects.filter(person=young).exists()
