"""The pages of §14a decisions and their appeals: the form offers the main goals and sources
NAV's decision support uses (none for permanent adaptation), a decision sent before sources
were recorded shows "not recorded"; the office registers and prepares an appeal
(forvaltningsloven §§ 31 and 33); the person appeals on their own pages (§ 28) within the
six weeks (§ 29) and sees how far their appeal has come."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.core.testing import field_error, nb, rows
from velferd.followup.models import Appeal, NeedsAssessment
from velferd.people.models import Person

from .conftest import GROUNDS, draft, sent

pytestmark = pytest.mark.django_db

Login = Callable[[Actor], Client]


class TestDecisionForm:
    def test_the_form_offers_get_and_keep_work_none_and_every_source(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        html = client_of(vera).get(f"/people/{ola.pk}/assessments/new/").content.decode()

        goals = html.split('name="main_goal"')[1].split("</select>")[0]
        assert 'value="get_work"' in goals and 'value="keep_work"' in goals
        assert 'value="increase_participation"' not in goals
        assert nb("None (permanent adaptation has no main goal)") in goals
        for code in ("registration", "cv", "self_assessment", "medical", "work_capacity"):
            assert f'name="sources" value="{code}"' in html

    def test_a_permanent_decision_with_a_main_goal_shows_the_refusal_beside_the_field(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        response = client_of(vera).post(
            f"/people/{ola.pk}/assessments/new/",
            {
                "need_group": "permanent",
                "main_goal": "keep_work",
                "reasoning": "Du trenger varig tilpasning.",
                "sources": ["medical"],
            },
        )

        assert response.status_code == 422
        assert "Varig tilpasset innsats har ikke hovedmål" in field_error(
            response.content.decode(), "main_goal"
        )
        assert NeedsAssessment.objects.filter(person=ola).count() == 0

    def test_sending_without_sources_shows_the_refusal_beside_the_sources(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        decision = draft(vera, ola, sources=[])

        response = client_of(vera).post(
            f"/assessments/{decision.pk}/",
            {"action": "send", "version": 1, "need_group": "situation_specific"},
        )

        assert "Velg minst én kilde" in field_error(response.content.decode(), "sources")
        assert NeedsAssessment.objects.get(pk=decision.pk).status == "draft"

    def test_a_decision_sent_before_sources_shows_them_not_recorded(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        decision = sent(vera, ola)
        NeedsAssessment.objects.filter(pk=decision.pk).update(sources=[])

        html = client_of(vera).get(f"/assessments/{decision.pk}/").content.decode()

        assert nb("Not recorded") in html.split('data-testid="sources"')[1].split("</dd>")[0]


class TestOfficePages:
    def test_the_office_registers_a_late_appeal_and_sees_it_flagged(
        self, client_of: Login, vera: Actor, ola: Person
    ) -> None:
        """forvaltningsloven § 31: a late appeal is flagged for the office to consider."""
        decision = sent(vera, ola, days_ago=70)

        response = client_of(vera).post(
            f"/assessments/{decision.pk}/appeal/", {"grounds": GROUNDS, "received_on": ""}
        )

        appeal = Appeal.objects.get(decision=decision)
        assert response.status_code == 302
        assert response["Location"] == f"/appeals/{appeal.pk}/"
        html = client_of(vera).get(response["Location"]).content.decode()
        assert nb("Late – consider § 31") in html
        assert 'data-testid="appeal-moves"' in html

    def test_the_office_list_shows_the_appeal_being_prepared(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        html = client_of(vera).get("/appeals/").content.decode()

        assert any("Ola Klagesen" in row for row in rows(html, "open-appeals"))
        assert '<a href="/appeals/">' in html  # in the menu

    def test_upholding_from_the_page_links_the_new_decision(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        client = client_of(vera)

        client.post(
            f"/appeals/{appeal.pk}/",
            {"action": "uphold", "version": 1, "comment": "Ola har rett."},
        )

        upheld = Appeal.objects.get(pk=appeal.pk)
        html = client.get(f"/appeals/{appeal.pk}/").content.decode()
        assert upheld.status == "upheld"
        assert f'href="/assessments/{upheld.new_decision_id}/"' in html

    def test_forwarding_without_an_assessment_shows_the_refusal_beside_the_field(
        self, client_of: Login, vera: Actor, appeal: Appeal
    ) -> None:
        response = client_of(vera).post(
            f"/appeals/{appeal.pk}/", {"action": "forward", "version": 1, "comment": ""}
        )

        assert "mangler" in field_error(response.content.decode(), "comment")
        assert Appeal.objects.get(pk=appeal.pk).status == "received"

    def test_the_person_has_no_office_list(self, client_of: Login, ola_login: Actor) -> None:
        assert client_of(ola_login).get("/appeals/").status_code == 403


class TestCitizenPages:
    def test_the_person_appeals_from_their_decisions_page(
        self, client_of: Login, ola_login: Actor, decision: NeedsAssessment
    ) -> None:
        """forvaltningsloven §§ 28–29: the person appeals on their own pages in the six weeks."""
        client = client_of(ola_login)
        before = client.get("/me/decisions/").content.decode()

        response = client.post(f"/me/decisions/{decision.pk}/appeal/", {"grounds": GROUNDS})

        appeal = Appeal.objects.get(decision=decision)
        after = client.get("/me/decisions/").content.decode()
        assert f'href="/me/decisions/{decision.pk}/appeal/"' in before
        assert response.status_code == 302
        assert (appeal.lodged_by_person, appeal.late) == (True, False)
        assert 'data-status="received"' in after
        assert nb("The office is looking at your case again.") in after
        assert 'data-testid="appeal-link"' not in after

    def test_the_person_sees_that_the_appeal_went_to_nav_klageinstans(
        self, client_of: Login, vera: Actor, ola_login: Actor, appeal: Appeal
    ) -> None:
        from velferd.followup import services

        services.appeal_forward(actor=vera, appeal=appeal, version=1, comment="Vedtaket står.")

        html = client_of(ola_login).get("/me/decisions/").content.decode()

        assert 'data-status="forwarded"' in html
        assert nb("Sent to NAV Klageinstans") in html

    def test_after_the_deadline_the_page_says_so_and_still_takes_the_appeal(
        self, client_of: Login, vera: Actor, ola_login: Actor, ola: Person
    ) -> None:
        decision = sent(vera, ola, days_ago=60)
        client = client_of(ola_login)

        page = client.get(f"/me/decisions/{decision.pk}/appeal/").content.decode()
        client.post(f"/me/decisions/{decision.pk}/appeal/", {"grounds": GROUNDS})

        assert 'data-testid="late-warning"' in page
        assert Appeal.objects.get(decision=decision).late is True

    def test_an_empty_appeal_shows_the_refusal_beside_the_field(
        self, client_of: Login, ola_login: Actor, decision: NeedsAssessment
    ) -> None:
        response = client_of(ola_login).post(
            f"/me/decisions/{decision.pk}/appeal/", {"grounds": ""}
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "grounds")
        assert not Appeal.objects.filter(decision=decision).exists()

    def test_another_persons_decision_is_not_found(
        self, client_of: Login, vera: Actor, ola_login: Actor
    ) -> None:
        from velferd.followup.tests.factories import a_period
        from velferd.people.tests.factories import a_person

        other = a_person()
        a_period(person=other, caseworker=vera.user)
        decision = sent(vera, other)

        response = client_of(ola_login).get(f"/me/decisions/{decision.pk}/appeal/")

        assert response.status_code in (403, 404)
        assert not Appeal.objects.filter(decision=decision).exists()


def test_the_deadline_on_the_page_is_six_weeks_after_the_letter(
    client_of: Login, ola_login: Actor, decision: NeedsAssessment
) -> None:
    """forvaltningsloven § 29."""
    html = client_of(ola_login).get(f"/me/decisions/{decision.pk}/appeal/").content.decode()
    deadline = timezone.localdate() + datetime.timedelta(weeks=6)
    while deadline.weekday() >= 5:
        deadline += datetime.timedelta(days=1)

    assert deadline.strftime("%d.%m.%Y") in html


def test_a_permanent_decision_shows_the_person_no_goal(
    client_of: Login, vera: Actor, approver: Actor, ola: Person, ola_login: Actor
) -> None:
    """NAV's decision support: permanent adaptation has no main goal, so none is shown."""
    from velferd.followup import services

    decision = draft(vera, ola, need_group="permanent", main_goal="")
    services.assessment_submit(actor=vera, assessment=decision, version=1)
    services.assessment_approve(actor=approver, assessment=decision, version=2)
    services.assessment_send(actor=vera, assessment=decision, version=3)

    plan = client_of(ola_login).get("/me/").content.decode()
    overview = client_of(vera).get(f"/people/{ola.pk}/").content.decode()

    assert "Din oppfølging: Varig tilpasset innsats" in plan
    assert "Målet ditt" not in plan
    decision_line = overview.split('data-testid="decision">')[1].split("<span")[0]
    assert decision_line.strip() == "Varig tilpasset innsats"
