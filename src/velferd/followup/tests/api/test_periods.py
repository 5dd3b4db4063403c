"""A person's follow-up on one page: the overview the API gives of the period, the decision,
the plan and the dialogue."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.people.models import Person

from .calls import BASE

pytestmark = pytest.mark.django_db


class TestOverview:
    @pytest.mark.usefixtures("decision", "jobs", "course", "proposal", "meeting", "question")
    def test_has_the_period_decision_plan_and_dialogue_of_the_person(
        self, veileder: Client, me: Person
    ) -> None:
        response = veileder.get(f"{BASE}/persons/{me.pk}/overview")

        assert response.status_code == 200
        body = response.json()
        assert body["person"] == str(me.pk)
        assert body["name"] == me.full_name
        assert body["office"] == "NAV Grünerløkka"
        assert body["children_under_18"] == 1
        assert body["needs_interpreter"] is False
        assert body["period"]["caseworker"] == "veileder"
        assert body["period"]["ended_on"] is None
        assert body["decision"]["status"] == "sent"
        assert body["decision"]["need_group"] == "situation_specific"
        assert body["decision"]["letter"]["sent_at"] is not None
        assert body["decision"]["letter"]["body"].startswith(f"Hei, {me.given_name}.")
        activities = {a["title"]: a for a in body["activities"]}
        assert set(activities) == {
            "Søk fire jobber i uka",
            "Jobbsøkerkurs",
            "Trene tre ganger i uka",
            "Oppfølgingsmøte",
        }
        assert activities["Søk fire jobber i uka"]["agreed_with_office"] is True
        assert activities["Jobbsøkerkurs"]["status"] == "in_progress"
        assert activities["Trene tre ganger i uka"]["status"] == "proposed"
        assert activities["Trene tre ganger i uka"]["proposed_by_person"] is True
        assert activities["Oppfølgingsmøte"]["meeting_at"] is not None
        [thread] = body["threads"]
        assert thread["subject"] == "Spørsmål om jobbsøkerkurset"
        assert thread["waiting_for"] == "office"
        assert thread["read_by_office"] is False
        assert thread["messages"][0]["from_office"] is False

    def test_a_person_without_follow_up_has_no_period_and_no_decision(
        self, veileder: Client, unfollowed: Person
    ) -> None:
        body = veileder.get(f"{BASE}/persons/{unfollowed.pk}/overview").json()

        assert body["period"] is None
        assert body["decision"] is None
        assert body["activities"] == []
        assert body["threads"] == []

    def test_an_unassigned_period_has_no_caseworker(
        self, veileder: Client, newcomer: Person
    ) -> None:
        body = veileder.get(f"{BASE}/persons/{newcomer.pk}/overview").json()

        assert body["period"]["caseworker"] is None
        assert body["needs_interpreter"] is True
