"""Follow-up pages: a person's overview for staff (and the one logged read it makes), hidden
and out-of-scope people, activity and assessment forms with errors beside their fields, the
letter preview with its LIX, the approver's queue and approval, the dialogue page marking a
conversation read; and the activity pages as the citizen uses them."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit.models import AccessEvent, AuditEvent
from velferd.followup import services
from velferd.followup.models import (
    Activity,
    ActivityChange,
    ActivityComment,
    ActivityStatus,
    AssessmentStatus,
    NeedsAssessment,
    Thread,
    Waiting,
)
from velferd.letters.readability import lix
from velferd.people.models import Person

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]
Lookup = Callable[[str], Actor]

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
EASY = "Du vil ha jobb. Vi hjelper deg å søke. Du får en plan."
HARD = ", ".join(
    [
        "arbeidsevnevurderingsprosessen dokumenterer funksjonsnedsettelsesrelaterte "
        "tilretteleggingsbehov og arbeidsmarkedstiltaksdeltakelsesmuligheter"
    ]
    * 14
).capitalize()


# Helpers -------------------------------------------------------------------------------------


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def activity(title: str) -> Activity:
    return Activity.objects.get(title=title)


def demo_thread() -> Thread:
    return Thread.objects.get(subject="Spørsmål om jobbsøkerkurset")


def waiting_assessment() -> NeedsAssessment:
    return NeedsAssessment.objects.get(person__given_name="Lars")


def nb(text: str) -> str:
    """A user-facing string as the Norwegian pages show it."""
    with translation.override("nb"):
        return gettext(text)


def by_testid(html: str, name: str) -> str:
    """The element with this data-testid, with everything inside it."""
    found = re.search(rf'<(\w+)[^>]*data-testid="{name}"[^>]*>(.*?)</\1>', html, flags=re.DOTALL)
    assert found is not None, f"nothing with data-testid={name}"
    return found.group(2)


def rows(html: str, name: str) -> list[str]:
    return re.findall(r"<tr[^>]*>(.*?)</tr>", by_testid(html, name), flags=re.DOTALL)[1:]


def row_of(html: str, name: str, text: str) -> str:
    [found] = [r for r in rows(html, name) if text in r]
    return found


def field_error(html: str, name: str) -> str:
    """The error shown beside a form field, or '' if none."""
    found = re.search(rf'<p [^>]*id="error-{name}"[^>]*>(.*?)</p>', html, flags=re.DOTALL)
    return found.group(1).strip() if found else ""


def access_events_about(person_: Person) -> list[AccessEvent]:
    return list(AccessEvent.objects.filter(subject_id=str(person_.pk)).order_by("occurred_at"))


def activity_form(**changes: str) -> dict[str, str]:
    return {
        "kind": "education",
        "title": "Norskkurs B2",
        "description": "Kveldskurs to dager i uka.",
        "starts_on": (TODAY() + 10 * DAY).isoformat(),
        "ends_on": (TODAY() + 70 * DAY).isoformat(),
        "meeting_at": "",
        **changes,
    }


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def ola(client_as: Login) -> Client:
    return client_as("innbygger")


@pytest.fixture
def draft_for_ahmed(actor_of_login: Lookup) -> Callable[..., NeedsAssessment]:
    def make(reasoning: str = EASY, need_group: str = "standard") -> NeedsAssessment:
        return services.assessment_create(
            actor=actor_of_login("veileder"),
            person=person("Ahmed"),
            need_group=need_group,
            main_goal="get_work",
            reasoning=reasoning,
        )

    return make


# The overview -------------------------------------------------------------------------------


class TestOverview:
    def test_shows_the_children_banner_the_decision_the_plan_and_the_dialogue(
        self, veileder: Client
    ) -> None:
        ola = person("Ola")

        response = veileder.get(f"/people/{ola.pk}/")

        assert response.status_code == 200
        assertTemplateUsed(response, "followup/overview.html")
        html = response.content.decode()
        assert by_testid(html, "children-banner").strip()
        decision = by_testid(html, "decision")
        assert TODAY().strftime("%d.%m.%Y") in decision
        for title in ("Søk fire jobber i uka", "Jobbsøkerkurs"):
            assert "tag--agreed" in row_of(html, "activities", title)
        for title in ("Trene tre ganger i uka", "Oppfølgingsmøte"):
            assert "tag--agreed" not in row_of(html, "activities", title)
        threads = by_testid(html, "threads")
        assert "Spørsmål om jobbsøkerkurset" in threads
        assert f'href="/threads/{demo_thread().pk}/"' in threads
        assert "tag--new" in threads

    def test_shows_the_caseworker_and_the_address(self, veileder: Client) -> None:
        response = veileder.get(f"/people/{person('Ola').pk}/")

        assertContains(response, "Vera Veileder")
        assertContains(response, "Thorvald Meyers gate 10")

    def test_a_protected_address_is_not_shown_only_that_it_is_protected(
        self, veileder: Client
    ) -> None:
        response = veileder.get(f"/people/{person('Sofie').pk}/")

        assert response.status_code == 200
        assertNotContains(response, "Hemmelig vei")
        assertContains(response, nb("Protected address: the address is not shown."))

    def test_a_person_without_children_has_no_children_banner(self, veileder: Client) -> None:
        response = veileder.get(f"/people/{person('Kari').pk}/")

        assertNotContains(response, 'data-testid="children-banner"')

    def test_opening_it_writes_exactly_one_access_event(self, veileder: Client) -> None:
        ola = person("Ola")
        before = len(access_events_about(ola))

        veileder.get(f"/people/{ola.pk}/")

        events = access_events_about(ola)
        assert len(events) == before + 1
        event = events[-1]
        assert event.actor is not None and event.actor.username == "veileder"
        assert event.actor_role == "caseworker_state"
        assert event.actor_unit == "NAV Grünerløkka"
        assert event.what == "person.overview"
        assert event.purpose == "follow_up"
        assert event.subject_type == "people.person"

    def test_a_strictly_confidential_person_is_404_and_nothing_is_logged(
        self, veileder: Client
    ) -> None:
        per = person("Per")

        response = veileder.get(f"/people/{per.pk}/")

        assert response.status_code == 404
        assertNotContains(response, "Skjult", status_code=404)
        assert access_events_about(per) == []

    def test_an_office_employee_is_403_for_an_uncleared_caseworker(self, veileder: Client) -> None:
        nina = person("Nina")

        response = veileder.get(f"/people/{nina.pk}/")

        assert response.status_code == 403
        assertNotContains(response, "Ansatt", status_code=403)
        assertContains(response, "Du har ikke tilgang til dette.", status_code=403)
        assert access_events_about(nina) == []

    def test_the_office_manager_can_assign_a_caseworker_and_a_caseworker_cannot(
        self, veileder: Client, client_as: Login
    ) -> None:
        period = person("Ahmed").periods.get()
        assign = f'action="/periods/{period.pk}/assign/"'

        assertContains(client_as("kontorleder").get(f"/people/{person('Ahmed').pk}/"), assign)
        assertNotContains(veileder.get(f"/people/{person('Ahmed').pk}/"), assign)


# Activities, by the office --------------------------------------------------------------------


class TestNewActivityByOffice:
    def test_an_end_before_the_start_is_shown_beside_ends_on_and_nothing_is_created(
        self, veileder: Client
    ) -> None:
        before = Activity.objects.count()

        response = veileder.post(
            f"/people/{person('Ola').pk}/activities/new/",
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

    def test_a_date_that_is_not_a_date_is_shown_beside_its_field(self, veileder: Client) -> None:
        response = choose_english(veileder).post(
            f"/people/{person('Ola').pk}/activities/new/", activity_form(starts_on="31.02.2026")
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "starts_on") == (
            "Write the date as dd.mm.yyyy."
        )

    def test_a_valid_activity_is_planned_and_agreed_and_the_overview_shows_it(
        self, veileder: Client
    ) -> None:
        ola = person("Ola")

        response = veileder.post(
            f"/people/{ola.pk}/activities/new/", activity_form(agreed_with_office="on")
        )

        assert response.status_code == 302
        assert response["Location"] == f"/people/{ola.pk}/"
        created = activity("Norskkurs B2")
        assert created.status == ActivityStatus.PLANNED
        assert created.agreed_with_office is True
        overview = veileder.get(f"/people/{ola.pk}/").content.decode()
        assert "tag--agreed" in row_of(overview, "activities", "Norskkurs B2")

    def test_the_office_accepts_a_proposal_into_the_plan(self, veileder: Client) -> None:
        own = activity("Trene tre ganger i uka")

        response = veileder.post(f"/activities/{own.pk}/", {"action": "plan", "version": "1"})

        assert response.status_code == 302
        assert activity("Trene tre ganger i uka").status == ActivityStatus.PLANNED
        page = veileder.get(f"/activities/{own.pk}/").content.decode()
        assert 'data-status="planned"' in page
        history = re.findall(r"<li>(.*?)</li>", by_testid(page, "history"), flags=re.DOTALL)
        assert len(history) == 2
        assert "Vera Veileder" in history[0]
        assert nb("Planned") in history[0]

    def test_a_stale_save_is_409_with_the_message_on_the_page(self, veileder: Client) -> None:
        jobs = activity("Søk fire jobber i uka")

        response = veileder.post(
            f"/activities/{jobs.pk}/", {"action": "save", "version": "0", **activity_form()}
        )

        assert response.status_code == 409
        assertContains(response, "Noen andre har endret dette i mellomtiden", status_code=409)
        assert activity("Søk fire jobber i uka").kind == "job_application"


def choose_english(client: Client) -> Client:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


# Assessments --------------------------------------------------------------------------------


class TestAssessmentPage:
    def test_a_draft_shows_the_letter_preview_and_its_lix(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed()

        response = veileder.get(f"/assessments/{assessment.pk}/")

        assert response.status_code == 200
        html = response.content.decode()
        letter = by_testid(html, "letter")
        assert "Hei, Ahmed." in letter
        assert EASY in letter
        score = lix(assessment_letter(veileder, assessment)).score
        with translation.override("nb"):
            shown = formats.number_format(score)
        assert shown in by_testid(html, "lix")
        assert "lix--hard" not in html

    def test_a_hard_letter_is_flagged_as_hard_to_read(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed(reasoning=HARD)

        html = veileder.get(f"/assessments/{assessment.pk}/").content.decode()

        assert 'class="lix lix--hard"' in html
        assert HARD in by_testid(html, "letter")

    def test_sending_a_standard_decision_from_the_page_writes_the_letter(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed()

        response = veileder.post(
            f"/assessments/{assessment.pk}/", {"action": "send", "version": "1"}
        )

        assert response.status_code == 302
        assert response["Location"] == f"/assessments/{assessment.pk}/"
        assessment.refresh_from_db()
        assert assessment.status == AssessmentStatus.SENT
        assert assessment.letter is not None
        page = veileder.get(f"/assessments/{assessment.pk}/").content.decode()
        assert 'data-status="sent"' in page
        assert assessment.letter.body.split("\n")[0] in by_testid(page, "letter")

    def test_an_empty_reasoning_is_shown_beside_that_field(
        self, veileder: Client, draft_for_ahmed: Callable[..., NeedsAssessment]
    ) -> None:
        assessment = draft_for_ahmed()

        response = veileder.post(
            f"/assessments/{assessment.pk}/",
            {
                "action": "save",
                "version": "1",
                "need_group": "standard",
                "main_goal": "get_work",
                "reasoning": "  ",
                "evidence": "",
            },
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "reasoning") == "Begrunnelsen mangler."
        assessment.refresh_from_db()
        assert assessment.reasoning == EASY


def assessment_letter(client: Client, assessment: NeedsAssessment) -> str:
    response = client.get(f"/api/v1/followup/assessments/{assessment.pk}")
    return str(response.json()["letter"]["body"])


class TestApprovalByPage:
    def test_the_approver_sees_the_approval_form_and_the_author_does_not(
        self, veileder: Client, client_as: Login
    ) -> None:
        waiting = waiting_assessment()

        as_approver = client_as("beslutter").get(f"/assessments/{waiting.pk}/")
        as_author = veileder.get(f"/assessments/{waiting.pk}/")

        assertContains(as_approver, 'data-testid="approval-form"')
        assertNotContains(as_author, 'data-testid="approval-form"')

    def test_the_approver_approves_from_the_page(self, client_as: Login) -> None:
        waiting = waiting_assessment()
        beslutter = client_as("beslutter")

        response = beslutter.post(
            f"/assessments/{waiting.pk}/", {"action": "approve", "version": str(waiting.version)}
        )

        assert response.status_code == 302
        assert response["Location"] == f"/assessments/{waiting.pk}/"
        approved = waiting_assessment()
        assert approved.status == AssessmentStatus.APPROVED
        assert approved.approver is not None and approved.approver.username == "beslutter"
        last = AuditEvent.objects.order_by("-seq").first()
        assert last is not None and last.action == "assessment.approved"
        page = beslutter.get(f"/assessments/{waiting.pk}/")
        assertContains(page, 'data-status="approved"')
        assertContains(page, "Berit Beslutter")
        assertNotContains(page, 'data-testid="approval-form"')

    def test_returning_without_a_comment_is_shown_beside_the_comment(
        self, client_as: Login
    ) -> None:
        waiting = waiting_assessment()

        response = client_as("beslutter").post(
            f"/assessments/{waiting.pk}/",
            {"action": "return", "version": str(waiting.version), "comment": ""},
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "comment") == "Kommentaren mangler."
        assert waiting_assessment().status == AssessmentStatus.AWAITING_APPROVAL

    def test_the_author_forcing_an_approval_is_refused(self, veileder: Client) -> None:
        waiting = waiting_assessment()

        response = veileder.post(
            f"/assessments/{waiting.pk}/", {"action": "approve", "version": str(waiting.version)}
        )

        assert response.status_code == 403
        assertContains(
            response, "Du kan ikke være beslutter for din egen vurdering.", status_code=403
        )
        assert waiting_assessment().status == AssessmentStatus.AWAITING_APPROVAL


class TestApprovalsPage:
    def test_lists_lars_for_the_approver(self, client_as: Login) -> None:
        waiting = waiting_assessment()

        response = client_as("beslutter").get("/approvals/")

        assert response.status_code == 200
        assertContains(response, "Lars Larsen")
        assertContains(response, f'href="/assessments/{waiting.pk}/"')
        assertContains(response, "Vera Veileder")

    def test_an_approved_assessment_leaves_the_queue(self, client_as: Login) -> None:
        waiting = waiting_assessment()
        beslutter = client_as("beslutter")
        beslutter.post(
            f"/assessments/{waiting.pk}/", {"action": "approve", "version": str(waiting.version)}
        )

        response = beslutter.get("/approvals/")

        assertNotContains(response, "Lars Larsen")
        assertContains(response, nb("Nothing is waiting for you."))

    def test_is_refused_to_a_caseworker(self, veileder: Client) -> None:
        response = veileder.get("/approvals/")

        assert response.status_code == 403
        assertNotContains(response, "Lars Larsen", status_code=403)


# Dialogue -----------------------------------------------------------------------------------


class TestThreadPage:
    def test_opening_it_marks_it_read_for_the_office_only(self, veileder: Client) -> None:
        thread = demo_thread()
        assert thread.read_by_office is False

        response = veileder.get(f"/threads/{thread.pk}/")

        assert response.status_code == 200
        assertContains(response, "Må jeg ha med meg noe til kurset på mandag?")
        thread.refresh_from_db()
        assert thread.read_by_office is True
        assert thread.read_by_person is True
        assert thread.waiting_for == Waiting.OFFICE
        overview = veileder.get(f"/people/{person('Ola').pk}/").content.decode()
        assert "tag--new" not in by_testid(overview, "threads")

    def test_the_person_opening_it_does_not_mark_it_read_for_the_office(self, ola: Client) -> None:
        ola.get(f"/threads/{demo_thread().pk}/")

        assert demo_thread().read_by_office is False

    def test_an_approver_reading_it_does_not_mark_it_read_for_the_office(
        self, client_as: Login
    ) -> None:
        response = client_as("beslutter").get(f"/threads/{demo_thread().pk}/")

        assert response.status_code == 200
        assertNotContains(response, 'data-testid="reply-form"')
        assert demo_thread().read_by_office is False

    def test_a_reply_waiting_for_an_answer_waits_for_the_person(self, veileder: Client) -> None:
        thread = demo_thread()

        response = veileder.post(
            f"/threads/{thread.pk}/", {"text": "Ta med CV-en.", "wait_for_reply": "on"}
        )

        assert response.status_code == 302
        thread.refresh_from_db()
        assert thread.waiting_for == Waiting.PERSON
        assert thread.read_by_person is False
        assert [m.text for m in thread.messages.all()][-1] == "Ta med CV-en."

    def test_an_empty_reply_is_shown_beside_the_text(self, veileder: Client) -> None:
        response = veileder.post(f"/threads/{demo_thread().pk}/", {"text": ""})

        assert response.status_code == 422
        assert field_error(response.content.decode(), "text") == "Meldingen mangler."
        assert demo_thread().messages.count() == 1


# The citizen on the activity pages --------------------------------------------------------------


class TestCitizenProposes:
    def test_the_form_has_no_way_to_agree_the_activity(self, ola: Client) -> None:
        response = ola.get(f"/people/{person('Ola').pk}/activities/new/")

        assert response.status_code == 200
        assertContains(response, 'data-testid="activity-form"')
        assertNotContains(response, 'name="agreed_with_office"')

    def test_proposing_creates_a_proposed_activity_and_returns_to_my_plan(
        self, ola: Client
    ) -> None:
        response = ola.post(
            f"/people/{person('Ola').pk}/activities/new/",
            activity_form(kind="own_activity", title="Gå tur hver dag"),
        )

        assert response.status_code == 302
        assert response["Location"] == "/me/"
        created = activity("Gå tur hver dag")
        assert created.status == ActivityStatus.PROPOSED
        assert created.proposed_by_person is True
        assert created.agreed_with_office is False
        [change] = ActivityChange.objects.filter(activity=created)
        assert change.by_person is True
        assert change.changed_by_label == "Ola Nordmann"
        assert "Gå tur hver dag" in ola.get("/me/").content.decode()

    def test_a_forced_agreement_is_ignored(self, ola: Client) -> None:
        ola.post(
            f"/people/{person('Ola').pk}/activities/new/",
            activity_form(kind="own_activity", title="Svømme", agreed_with_office="on"),
        )

        created = activity("Svømme")
        assert created.status == ActivityStatus.PROPOSED
        assert created.agreed_with_office is False

    def test_an_end_before_the_start_is_shown_beside_ends_on(self, ola: Client) -> None:
        response = ola.post(
            f"/people/{person('Ola').pk}/activities/new/",
            activity_form(kind="own_activity", starts_on="2026-12-10", ends_on="2026-12-01"),
        )

        assert response.status_code == 422
        assert field_error(response.content.decode(), "ends_on") == (
            "Aktiviteten kan ikke slutte før den begynner."
        )


class TestCitizenOnAnAgreedActivity:
    def test_the_page_offers_a_comment_but_no_edit_form(self, ola: Client) -> None:
        response = ola.get(f"/activities/{activity('Søk fire jobber i uka').pk}/")

        assert response.status_code == 200
        assertContains(response, 'data-testid="comment-form"')
        assertNotContains(response, 'data-testid="activity-edit"')
        assertNotContains(response, 'value="save"')
        assertContains(response, "tag--agreed")
        assertContains(response, 'href="/me/"')

    def test_commenting_works_and_shows_the_comment(self, ola: Client) -> None:
        jobs = activity("Søk fire jobber i uka")

        response = ola.post(
            f"/activities/{jobs.pk}/", {"action": "comment", "text": "Jeg har søkt tre."}
        )

        assert response.status_code == 302
        assert response["Location"] == f"/activities/{jobs.pk}/"
        [comment] = ActivityComment.objects.filter(activity=jobs)
        assert comment.by_person is True
        assert comment.text == "Jeg har søkt tre."
        assert "Jeg har søkt tre." in by_testid(
            ola.get(f"/activities/{jobs.pk}/").content.decode(), "comments"
        )

    def test_a_forced_save_is_refused_403_and_nothing_changes(self, ola: Client) -> None:
        jobs = activity("Søk fire jobber i uka")
        before = ActivityChange.objects.filter(activity=jobs).count()

        response = ola.post(
            f"/activities/{jobs.pk}/",
            {"action": "save", "version": str(jobs.version), **activity_form(title="Søk én")},
        )

        assert response.status_code == 403
        stored = activity("Søk fire jobber i uka")
        assert stored.version == jobs.version
        assert stored.kind == "job_application"
        assert ActivityChange.objects.filter(activity=jobs).count() == before

    def test_a_forced_completion_is_refused_403(self, ola: Client) -> None:
        jobs = activity("Søk fire jobber i uka")

        response = ola.post(
            f"/activities/{jobs.pk}/", {"action": "complete", "version": str(jobs.version)}
        )

        assert response.status_code == 403
        assert activity("Søk fire jobber i uka").status == ActivityStatus.PLANNED

    def test_the_persons_own_proposal_can_be_edited_by_them(self, ola: Client) -> None:
        own = activity("Trene tre ganger i uka")

        page = ola.get(f"/activities/{own.pk}/")
        response = ola.post(
            f"/activities/{own.pk}/",
            {
                "action": "save",
                "version": "1",
                **activity_form(kind="own_activity", title="Trene fire ganger i uka"),
            },
        )

        assertContains(page, 'data-testid="activity-edit"')
        assert response.status_code == 302
        assert Activity.objects.get(pk=own.pk).title == "Trene fire ganger i uka"


class TestCitizenAndOtherPeople:
    @pytest.fixture
    def lars_activity(self, actor_of_login: Lookup) -> Activity:
        return services.activity_create(
            actor=actor_of_login("veileder"),
            person=person("Lars"),
            kind="treatment",
            title="Fysioterapi for ryggen",
        )

    def test_another_persons_activity_is_refused(
        self, ola: Client, lars_activity: Activity
    ) -> None:
        response = ola.get(f"/activities/{lars_activity.pk}/")

        assert response.status_code in (403, 404)
        assertNotContains(response, "Fysioterapi", status_code=response.status_code)
        assertNotContains(response, "Lars", status_code=response.status_code)

    def test_commenting_on_another_persons_activity_is_refused_and_nothing_is_written(
        self, ola: Client, lars_activity: Activity
    ) -> None:
        response = ola.post(
            f"/activities/{lars_activity.pk}/", {"action": "comment", "text": "Hei"}
        )

        assert response.status_code in (403, 404)
        assert not ActivityComment.objects.filter(activity=lars_activity).exists()

    def test_a_strictly_confidential_persons_activity_is_404(self, ola: Client) -> None:
        hidden = activity_of_per()

        response = ola.get(f"/activities/{hidden.pk}/")

        assert response.status_code == 404
        assertNotContains(response, "Hemmelig", status_code=404)

    def test_another_persons_new_activity_form_is_refused(self, ola: Client) -> None:
        response = ola.post(
            f"/people/{person('Kari').pk}/activities/new/", activity_form(kind="own_activity")
        )

        assert response.status_code == 403
        assert not Activity.objects.filter(person=person("Kari")).exists()


def activity_of_per() -> Activity:
    """An activity of Per Skjult (strictly confidential), stored directly: nobody at the demo
    office is cleared to plan it."""
    return Activity.objects.create(
        person=person("Per"),
        kind="meeting",
        title="Hemmelig møte",
        status=ActivityStatus.PLANNED,
        created_by=User.objects.get(username="veileder"),
    )
