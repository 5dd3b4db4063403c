"""The activity pages: the office's forms with errors beside their fields, and the pages as
the citizen uses them."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from velferd.core.testing import choose_english, field_error, login_actor, nb, reread, row_of
from velferd.followup import services
from velferd.followup.models import (
    Activity,
    ActivityChange,
    ActivityComment,
    ActivityStatus,
)
from velferd.people.models import Person
from velferd.people.tests.factories import a_person

from .pages import activity_form, by_testid, hidden_activity

pytestmark = pytest.mark.django_db


class TestNewActivityByOffice:
    def test_an_end_before_the_start_is_shown_beside_ends_on_and_nothing_is_created(
        self, veileder: Client, me: Person
    ) -> None:
        before = Activity.objects.count()

        response = veileder.post(
            f"/people/{me.pk}/activities/new/",
            activity_form(starts_on="2026-12-10", ends_on="2026-12-01"),
        )

        assert response.status_code == 422
        html = response.content.decode()
        assert field_error(html, "ends_on") == "Aktiviteten kan ikke slutte før den begynner."
        assert field_error(html, "starts_on") == ""
        assert 'data-testid="form-error"' not in html
        assert re.search(r'name="title"[^>]*value="Norskkurs B2"', html)
        assert re.search(r'name="ends_on"[^>]*value="2026-12-01"', html)
        assert Activity.objects.count() == before

    def test_a_date_that_is_not_a_date_is_shown_beside_its_field(
        self, veileder: Client, me: Person
    ) -> None:
        response = choose_english(veileder).post(
            f"/people/{me.pk}/activities/new/", activity_form(starts_on="31.02.2026")
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "starts_on") == (
            "Write the date as dd.mm.yyyy."
        )

    def test_a_valid_activity_is_planned_and_agreed_and_the_overview_shows_it(
        self, veileder: Client, me: Person
    ) -> None:
        response = veileder.post(
            f"/people/{me.pk}/activities/new/", activity_form(agreed_with_office="on")
        )

        assert response.status_code == 302
        assert response["Location"] == f"/people/{me.pk}/"
        created = Activity.objects.get(person=me, title="Norskkurs B2")
        assert created.status == ActivityStatus.PLANNED
        assert created.agreed_with_office is True
        overview = veileder.get(f"/people/{me.pk}/").content.decode()
        assert "tag--agreed" in row_of(overview, "activities", "Norskkurs B2")

    def test_the_office_accepts_a_proposal_into_the_plan(
        self, veileder: Client, proposal: Activity
    ) -> None:
        response = veileder.post(f"/activities/{proposal.pk}/", {"action": "plan", "version": "1"})

        assert response.status_code == 302
        assert reread(proposal).status == ActivityStatus.PLANNED
        page = veileder.get(f"/activities/{proposal.pk}/").content.decode()
        assert 'data-status="planned"' in page
        history = re.findall(r"<li>(.*?)</li>", by_testid(page, "history"), flags=re.DOTALL)
        assert len(history) == 2
        assert "Vera Veileder" in history[0]
        assert nb("Planned") in history[0]

    def test_a_stale_save_is_409_with_the_message_on_the_page(
        self, veileder: Client, jobs: Activity
    ) -> None:
        response = veileder.post(
            f"/activities/{jobs.pk}/", {"action": "save", "version": "0", **activity_form()}
        )

        assert response.status_code == 409
        assertContains(response, "Noen andre har endret dette i mellomtiden", status_code=409)
        assert reread(jobs).kind == "job_application"


class TestCitizenProposes:
    def test_the_form_has_no_way_to_agree_the_activity(self, citizen: Client, me: Person) -> None:
        response = citizen.get(f"/people/{me.pk}/activities/new/")

        assert response.status_code == 200
        assertContains(response, 'data-testid="activity-form"')
        assertNotContains(response, 'name="agreed_with_office"')

    def test_proposing_creates_a_proposed_activity_and_returns_to_my_plan(
        self, citizen: Client, me: Person
    ) -> None:
        response = citizen.post(
            f"/people/{me.pk}/activities/new/",
            activity_form(kind="own_activity", title="Gå tur hver dag"),
        )

        assert response.status_code == 302
        assert response["Location"] == "/me/"
        created = Activity.objects.get(person=me, title="Gå tur hver dag")
        assert created.status == ActivityStatus.PROPOSED
        assert created.proposed_by_person is True
        assert created.agreed_with_office is False
        [change] = ActivityChange.objects.filter(activity=created)
        assert change.by_person is True
        assert change.changed_by_label == me.full_name
        assert "Gå tur hver dag" in citizen.get("/me/").content.decode()

    def test_a_forced_agreement_is_ignored(self, citizen: Client, me: Person) -> None:
        citizen.post(
            f"/people/{me.pk}/activities/new/",
            activity_form(kind="own_activity", title="Svømme", agreed_with_office="on"),
        )

        created = Activity.objects.get(person=me, title="Svømme")
        assert created.status == ActivityStatus.PROPOSED
        assert created.agreed_with_office is False

    def test_an_end_before_the_start_is_shown_beside_ends_on(
        self, citizen: Client, me: Person
    ) -> None:
        response = citizen.post(
            f"/people/{me.pk}/activities/new/",
            activity_form(kind="own_activity", starts_on="2026-12-10", ends_on="2026-12-01"),
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "ends_on") == (
            "Aktiviteten kan ikke slutte før den begynner."
        )


class TestCitizenOnAnAgreedActivity:
    def test_the_page_offers_a_comment_but_no_edit_form(
        self, citizen: Client, jobs: Activity
    ) -> None:
        response = citizen.get(f"/activities/{jobs.pk}/")

        assert response.status_code == 200
        assertContains(response, 'data-testid="comment-form"')
        assertNotContains(response, 'data-testid="activity-edit"')
        assertNotContains(response, 'value="save"')
        assertContains(response, "tag--agreed")
        assertContains(response, 'href="/me/"')

    def test_commenting_works_and_shows_the_comment(self, citizen: Client, jobs: Activity) -> None:
        response = citizen.post(
            f"/activities/{jobs.pk}/", {"action": "comment", "text": "Jeg har søkt tre."}
        )

        assert response.status_code == 302
        assert response["Location"] == f"/activities/{jobs.pk}/"
        [comment] = ActivityComment.objects.filter(activity=jobs)
        assert comment.by_person is True
        assert comment.text == "Jeg har søkt tre."
        assert "Jeg har søkt tre." in by_testid(
            citizen.get(f"/activities/{jobs.pk}/").content.decode(), "comments"
        )

    def test_a_forced_save_is_refused_403_and_nothing_changes(
        self, citizen: Client, jobs: Activity
    ) -> None:
        before = ActivityChange.objects.filter(activity=jobs).count()

        response = citizen.post(
            f"/activities/{jobs.pk}/",
            {"action": "save", "version": str(jobs.version), **activity_form(title="Søk én")},
        )

        assert response.status_code == 403
        now = reread(jobs)
        assert now.version == jobs.version
        assert now.kind == "job_application"
        assert ActivityChange.objects.filter(activity=jobs).count() == before

    def test_a_forced_completion_is_refused_403(self, citizen: Client, jobs: Activity) -> None:
        response = citizen.post(
            f"/activities/{jobs.pk}/", {"action": "complete", "version": str(jobs.version)}
        )

        assert response.status_code == 403
        assert reread(jobs).status == ActivityStatus.PLANNED

    def test_the_persons_own_proposal_can_be_edited_by_them(
        self, citizen: Client, proposal: Activity
    ) -> None:
        page = citizen.get(f"/activities/{proposal.pk}/")
        response = citizen.post(
            f"/activities/{proposal.pk}/",
            {
                "action": "save",
                "version": "1",
                **activity_form(kind="own_activity", title="Trene fire ganger i uka"),
            },
        )

        assertContains(page, 'data-testid="activity-edit"')
        assert response.status_code == 302
        assert reread(proposal).title == "Trene fire ganger i uka"


class TestCitizenAndOtherPeople:
    @pytest.fixture
    def someone_elses(self, db: None) -> Activity:
        """An activity the office planned for another person at NAV Grünerløkka."""
        return services.activity_create(
            actor=login_actor("veileder"),
            person=a_person(),
            kind="treatment",
            title="Fysioterapi for ryggen",
        )

    def test_another_persons_activity_is_refused(
        self, citizen: Client, someone_elses: Activity
    ) -> None:
        response = citizen.get(f"/activities/{someone_elses.pk}/")

        assert response.status_code in (403, 404)
        assertNotContains(response, "Fysioterapi", status_code=response.status_code)
        assertNotContains(
            response, someone_elses.person.given_name, status_code=response.status_code
        )

    def test_commenting_on_another_persons_activity_is_refused_and_nothing_is_written(
        self, citizen: Client, someone_elses: Activity
    ) -> None:
        response = citizen.post(
            f"/activities/{someone_elses.pk}/", {"action": "comment", "text": "Hei"}
        )

        assert response.status_code in (403, 404)
        assert not ActivityComment.objects.filter(activity=someone_elses).exists()

    def test_a_strictly_confidential_persons_activity_is_404(self, citizen: Client) -> None:
        hidden = hidden_activity()

        response = citizen.get(f"/activities/{hidden.pk}/")

        assert response.status_code == 404
        assertNotContains(response, "Hemmelig", status_code=404)

    def test_another_persons_new_activity_form_is_refused(
        self, citizen: Client, unfollowed: Person
    ) -> None:
        response = citizen.post(
            f"/people/{unfollowed.pk}/activities/new/", activity_form(kind="own_activity")
        )

        assert response.status_code == 403
        assert not Activity.objects.filter(person=unfollowed).exists()
