"""Reads of follow-up: who sees which person's follow-up, what a citizen sees of their own,
and that every staff read of a person's data is in the access log the person can see."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.services import role_assign
from velferd.audit.models import AccessEvent
from velferd.core.errors import DomainError
from velferd.followup import selectors, services
from velferd.followup.models import Activity, AssessmentStatus, NeedsAssessment, Thread
from velferd.organisation.selectors import office
from velferd.people.models import Person

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

MALFORMED_IDS = ["", "42", "not-a-uuid", "../etc/passwd", None]
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def access_mark() -> int:
    last = AccessEvent.objects.order_by("-pk").first()
    return last.pk if last else 0


def reads_after(mark: int) -> list[AccessEvent]:
    return list(AccessEvent.objects.filter(pk__gt=mark).order_by("pk"))


def refusal(call: Callable[[], object]) -> DomainError:
    """A read that must be refused, and that is then not logged as a read."""
    mark = access_mark()
    with pytest.raises(DomainError) as caught:
        call()
    assert reads_after(mark) == []
    return caught.value


def clear(username: str, **clearances: bool) -> None:
    User.objects.filter(username=username).update(**clearances)


@pytest.fixture
def vera(actor_of_login: Lookup) -> Actor:
    return actor_of_login("veileder")


@pytest.fixture
def ola(actor_of_login: Lookup) -> Actor:
    """The citizen login, which is Ola Nordmann."""
    return actor_of_login("innbygger")


@pytest.fixture
def approver(actor_of_login: Lookup) -> Actor:
    return actor_of_login("beslutter")


def lars_assessment() -> NeedsAssessment:
    return NeedsAssessment.objects.get(person__given_name="Lars")


def olas_decision() -> NeedsAssessment:
    return NeedsAssessment.objects.get(person__given_name="Ola", status=AssessmentStatus.SENT)


def olas_thread() -> Thread:
    return Thread.objects.get(person__given_name="Ola")


def job_hunt() -> Activity:
    return Activity.objects.get(title="Søk fire jobber i uka")


class TestOverview:
    def test_a_caseworker_sees_the_whole_follow_up_and_the_read_is_logged_once(
        self, vera: Actor
    ) -> None:
        ola_person = person("Ola")
        mark = access_mark()

        seen = selectors.overview(actor=vera, person_id=str(ola_person.pk))

        (read,) = reads_after(mark)
        assert (read.actor_id, read.subject_id, read.what, read.purpose, read.actor_role) == (
            vera.user.pk if vera.user else None,
            str(ola_person.pk),
            "person.overview",
            "follow_up",
            "caseworker_state",
        )
        assert seen.person == ola_person
        assert seen.period is not None and seen.period.caseworker == vera.user
        assert seen.decision == olas_decision()
        assert len(seen.activities) == 4
        assert sorted(a.title for a in seen.agreed_activities) == [
            "Jobbsøkerkurs",
            "Søk fire jobber i uka",
        ]
        assert [t.subject for t in seen.threads] == ["Spørsmål om jobbsøkerkurset"]
        assert seen.show_address
        assert [c.given_name for c in seen.children_under_18] == ["Emma"]

    def test_the_person_reading_their_own_follow_up_is_not_logged(self, ola: Actor) -> None:
        mark = access_mark()
        seen = selectors.overview(actor=ola, person_id=person("Ola").pk)
        assert reads_after(mark) == []
        assert seen.person == person("Ola") and seen.show_address

    def test_the_person_sees_only_sent_decisions_in_their_overview(
        self, ola: Actor, vera: Actor
    ) -> None:
        services.assessment_create(
            actor=vera,
            person=person("Ola"),
            need_group="permanent",
            main_goal="increase_participation",
            reasoning="Utkast som ikke er sendt.",
        )
        assert len(selectors.overview(actor=vera, person_id=person("Ola").pk).assessments) == 2
        seen = selectors.overview(actor=ola, person_id=person("Ola").pk)
        assert seen.assessments == [olas_decision()]

    def test_a_person_without_follow_up_has_no_period_nor_decision(self, vera: Actor) -> None:
        seen = selectors.overview(actor=vera, person_id=person("Kari").pk)
        assert (seen.period, seen.decision, seen.activities, seen.threads) == (None, None, [], [])

    def test_a_completed_activity_is_no_longer_among_the_agreed_ones(self, vera: Actor) -> None:
        hunt = job_hunt()
        services.activity_transition(
            actor=vera, activity=hunt, status="completed", version=hunt.version
        )
        seen = selectors.overview(actor=vera, person_id=person("Ola").pk)
        assert [a.title for a in seen.agreed_activities] == ["Jobbsøkerkurs"]

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "beslutter"])
    def test_a_strictly_confidential_person_is_404_to_staff_not_cleared(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        per = person("Per")
        error = refusal(lambda: selectors.overview(actor=actor_of_login(login), person_id=per.pk))
        assert (error.code, error.status) == ("not_found", 404)

    def test_a_cleared_caseworker_sees_a_strictly_confidential_person_but_not_the_address(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_strictly_confidential=True)
        mark = access_mark()
        seen = selectors.overview(actor=actor_of_login("veileder"), person_id=person("Per").pk)
        assert seen.person == person("Per")
        assert not seen.show_address
        assert len(reads_after(mark)) == 1

    def test_an_office_employee_is_403_to_colleagues_not_cleared(self, vera: Actor) -> None:
        nina = person("Nina")
        error = refusal(lambda: selectors.overview(actor=vera, person_id=nina.pk))
        assert (error.code, error.status) == ("forbidden", 403)

    def test_a_confidential_address_is_not_shown_to_staff(self, vera: Actor) -> None:
        assert not selectors.overview(actor=vera, person_id=person("Sofie").pk).show_address

    def test_a_citizen_cannot_read_someone_elses_follow_up(self, ola: Actor) -> None:
        error = refusal(lambda: selectors.overview(actor=ola, person_id=person("Lars").pk))
        assert error.status == 403

    @pytest.mark.parametrize("bad_id", [*MALFORMED_IDS, UNKNOWN_ID])
    def test_a_malformed_or_unknown_id_is_404(self, vera: Actor, bad_id: object) -> None:
        error = refusal(lambda: selectors.overview(actor=vera, person_id=bad_id))
        assert error.status == 404


class TestDetailsById:
    @pytest.mark.parametrize("bad_id", [*MALFORMED_IDS, UNKNOWN_ID])
    @pytest.mark.parametrize("selector", ["activity", "thread", "assessment", "period"])
    def test_a_malformed_or_unknown_id_is_404(
        self, vera: Actor, selector: str, bad_id: object
    ) -> None:
        read = getattr(selectors, f"{selector}_for")
        error = refusal(lambda: read(actor=vera, **{f"{selector}_id": bad_id}))
        assert (error.code, error.status) == ("not_found", 404)

    def test_a_caseworker_reads_an_activity_and_the_read_is_logged(self, vera: Actor) -> None:
        mark = access_mark()
        found = selectors.activity_for(actor=vera, activity_id=str(job_hunt().pk))
        assert found == job_hunt()
        assert [(r.what, r.purpose, r.subject_id) for r in reads_after(mark)] == [
            ("activity", "follow_up", str(person("Ola").pk))
        ]

    def test_the_approver_may_read_but_not_work_on_the_plan(self, approver: Actor) -> None:
        assert not policies.can_take_part_in_plan(approver, person("Ola"))
        assert selectors.activity_for(actor=approver, activity_id=job_hunt().pk) == job_hunt()

    def test_the_person_reads_their_own_activity_without_a_log_entry(self, ola: Actor) -> None:
        mark = access_mark()
        assert selectors.activity_for(actor=ola, activity_id=job_hunt().pk) == job_hunt()
        assert reads_after(mark) == []

    def test_a_citizen_cannot_read_someone_elses_activity(self, ola: Actor, vera: Actor) -> None:
        larss = services.activity_create(
            actor=vera, person=person("Lars"), kind="meeting", title="Møte med Lars"
        )
        error = refusal(lambda: selectors.activity_for(actor=ola, activity_id=larss.pk))
        assert (error.code, error.status) == ("forbidden", 403)

    def test_the_activity_of_a_strictly_confidential_person_is_404_to_others(
        self, actor_of_login: Lookup
    ) -> None:
        clear("veileder", cleared_strictly_confidential=True)
        cleared = actor_of_login("veileder")
        services.period_start(actor=cleared, person=person("Per"))
        hidden = services.activity_create(
            actor=cleared, person=person("Per"), kind="meeting", title="Møte"
        )
        assert selectors.activity_for(actor=cleared, activity_id=hidden.pk) == hidden
        error = refusal(
            lambda: selectors.activity_for(
                actor=actor_of_login("kontorleder"), activity_id=hidden.pk
            )
        )
        assert (error.code, error.status) == ("not_found", 404)

    def test_the_person_reads_their_thread_with_its_messages_in_order(
        self, ola: Actor, vera: Actor
    ) -> None:
        thread = olas_thread()
        services.message_send(actor=vera, thread=thread, text="Nei, bare møt opp.")
        mark = access_mark()

        found = selectors.thread_for(actor=ola, thread_id=str(thread.pk))

        assert [(m.from_office, m.text) for m in found.messages.all()] == [
            (False, "Hei! Må jeg ha med meg noe til kurset på mandag?"),
            (True, "Nei, bare møt opp."),
        ]
        assert reads_after(mark) == []

    def test_a_caseworker_reading_a_thread_is_logged(self, vera: Actor) -> None:
        mark = access_mark()
        selectors.thread_for(actor=vera, thread_id=olas_thread().pk)
        assert [(r.what, r.purpose) for r in reads_after(mark)] == [("dialogue", "follow_up")]

    def test_a_caseworker_reading_a_period_is_logged(self, vera: Actor) -> None:
        period = selectors.open_period(person("Ola"))
        assert period is not None
        mark = access_mark()
        assert selectors.period_for(actor=vera, period_id=period.pk) == period
        assert [r.what for r in reads_after(mark)] == ["period"]


class TestAssessmentFor:
    def test_the_citizen_sees_their_sent_decision_and_is_not_logged(self, ola: Actor) -> None:
        mark = access_mark()
        found = selectors.assessment_for(actor=ola, assessment_id=str(olas_decision().pk))
        assert found == olas_decision()
        assert found.letter is not None
        assert reads_after(mark) == []

    def test_a_draft_of_the_citizens_own_is_404_to_them(self, ola: Actor, vera: Actor) -> None:
        draft = services.assessment_create(
            actor=vera,
            person=person("Ola"),
            need_group="standard",
            main_goal="keep_work",
            reasoning="Ny vurdering.",
        )
        error = refusal(lambda: selectors.assessment_for(actor=ola, assessment_id=draft.pk))
        assert (error.code, error.status) == ("not_found", 404)
        assert selectors.assessment_for(actor=vera, assessment_id=draft.pk) == draft

    def test_someone_elses_assessment_is_refused_to_the_citizen(self, ola: Actor) -> None:
        # The brief asked for 404 here; DESIGN.md convention 3 says a detail outside the
        # actor's scope is 403 (404 only hides strictly confidential people), and the code
        # follows the design.
        error = refusal(
            lambda: selectors.assessment_for(actor=ola, assessment_id=lars_assessment().pk)
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_the_approver_reads_an_assessment_and_the_read_is_logged(self, approver: Actor) -> None:
        mark = access_mark()
        found = selectors.assessment_for(actor=approver, assessment_id=lars_assessment().pk)
        assert found.status == AssessmentStatus.AWAITING_APPROVAL
        assert [(r.what, r.purpose, r.actor_role) for r in reads_after(mark)] == [
            ("needs_assessment", "needs_assessment", "approver")
        ]

    def test_the_letter_preview_has_a_readability_score(self) -> None:
        text, readability = selectors.letter_preview(lars_assessment())
        assert "Lars" in text
        assert readability.score > 0 and readability.words > 0


class TestAwaitingApproval:
    def test_the_approver_at_the_office_sees_larss_assessment(self, approver: Actor) -> None:
        assert list(selectors.awaiting_approval_for(actor=approver)) == [lars_assessment()]

    def test_an_approved_assessment_leaves_the_list(self, approver: Actor) -> None:
        waiting = lars_assessment()
        services.assessment_approve(actor=approver, assessment=waiting, version=waiting.version)
        assert list(selectors.awaiting_approval_for(actor=approver)) == []

    def test_the_author_does_not_see_their_own_even_as_an_approver(
        self, system: Actor, actor_of_login: Lookup
    ) -> None:
        assert list(selectors.awaiting_approval_for(actor=actor_of_login("veileder"))) == []
        role_assign(
            actor=system,
            user=User.objects.get(username="veileder"),
            role="approver",
            office=office("0317"),
        )
        assert list(selectors.awaiting_approval_for(actor=actor_of_login("veileder"))) == []

    @pytest.mark.parametrize("login", ["kontorleder", "innbygger", "admin"])
    def test_nobody_but_approvers_gets_a_list(self, actor_of_login: Lookup, login: str) -> None:
        assert list(selectors.awaiting_approval_for(actor=actor_of_login(login))) == []

    def test_an_approver_at_another_office_sees_nothing_here(
        self, system: Actor, actor_of_login: Lookup
    ) -> None:
        other = User.objects.create(username="sagene-beslutter")
        role_assign(actor=system, user=other, role="approver", office=office("0320"))
        assert list(selectors.awaiting_approval_for(actor=actor_of_login("sagene-beslutter"))) == []

    @pytest.mark.parametrize(
        ("given_name", "clearance"),
        [("Nina", "cleared_office_employees"), ("Per", "cleared_strictly_confidential")],
    )
    def test_people_hidden_from_the_approver_are_left_out(
        self, actor_of_login: Lookup, approver: Actor, given_name: str, clearance: str
    ) -> None:
        clear("sosialkonsulent", **{clearance: True})
        cleared = actor_of_login("sosialkonsulent")
        hidden = person(given_name)
        services.period_start(actor=cleared, person=hidden)
        draft = services.assessment_create(
            actor=cleared,
            person=hidden,
            need_group="permanent",
            main_goal="increase_participation",
            reasoning="Varig tilpasset innsats.",
        )
        services.assessment_submit(actor=cleared, assessment=draft, version=draft.version)
        assert not policies.can_approve_assessment(approver, draft)

        assert list(selectors.awaiting_approval_for(actor=approver)) == [lars_assessment()]
