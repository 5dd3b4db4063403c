"""Writes to follow-up: periods, needs assessments (§14a), the activity plan and the dialogue.

Every write is checked for what the person or the caseworker would notice and for its audit
event; every refusal for its code and status, and for having written nothing at all."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import Model
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.services import role_assign
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.followup import selectors, services
from velferd.followup.models import (
    Activity,
    ActivityChange,
    ActivityComment,
    AssessmentStatus,
    FollowUpPeriod,
    Message,
    NeedsAssessment,
    Thread,
    Waiting,
)
from velferd.letters.models import Letter
from velferd.organisation.selectors import office
from velferd.people.models import Person

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
REASONING = "Du vil tilbake i jobb og trenger litt hjelp til å søke."


# Helpers -------------------------------------------------------------------------------------


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def user(username: str) -> User:
    return User.objects.get(username=username)


def activity(title: str) -> Activity:
    return Activity.objects.get(title=title)


def audit_mark() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def actions_after(mark: int) -> list[str]:
    return list(AuditEvent.objects.filter(seq__gt=mark).values_list("action", flat=True))


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


def row_of(record: Model) -> dict[str, object]:
    """The record as it is stored now."""
    stored = type(record)._default_manager.get(pk=record.pk)
    return {f.attname: getattr(stored, f.attname) for f in stored._meta.concrete_fields}


def followup_rows() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            FollowUpPeriod,
            NeedsAssessment,
            Activity,
            ActivityChange,
            ActivityComment,
            Thread,
            Message,
            Letter,
        )
    )


def refused(call: Callable[[], object], *records: Model) -> DomainError:
    """Run a write that must be refused; return the refusal, having checked that nothing was
    written: no audit event, no new follow-up row, the given records unchanged."""
    events, rows, before = AuditEvent.objects.count(), followup_rows(), [row_of(r) for r in records]
    with pytest.raises(DomainError) as caught:
        call()
    assert AuditEvent.objects.count() == events, "a refused write left an audit event"
    assert followup_rows() == rows, "a refused write created a record"
    assert [row_of(r) for r in records] == before, "a refused write changed a record"
    return caught.value


# Actors --------------------------------------------------------------------------------------


@pytest.fixture
def vera(actor_of_login: Lookup) -> Actor:
    """Vera Veileder, state caseworker at NAV Grünerløkka; Ola's caseworker."""
    return actor_of_login("veileder")


@pytest.fixture
def ola(actor_of_login: Lookup) -> Actor:
    """The citizen login, which is Ola Nordmann."""
    return actor_of_login("innbygger")


@pytest.fixture
def manager(actor_of_login: Lookup) -> Actor:
    return actor_of_login("kontorleder")


@pytest.fixture
def approver(actor_of_login: Lookup) -> Actor:
    return actor_of_login("beslutter")


def staff_at_sagene(system: Actor, username: str, role: str) -> User:
    """A user with a role at NAV Sagene (0320), another office than the demo people's."""
    other = User.objects.create(username=username, full_name=username.title())
    role_assign(actor=system, user=other, role=role, office=office("0320"))
    return other


@pytest.fixture
def sagene_caseworker(system: Actor, actor_of_login: Lookup) -> Actor:
    staff_at_sagene(system, "sagene-veileder", "caseworker_state")
    return actor_of_login("sagene-veileder")


@pytest.fixture
def sagene_approver(system: Actor, actor_of_login: Lookup) -> Actor:
    staff_at_sagene(system, "sagene-beslutter", "approver")
    return actor_of_login("sagene-beslutter")


# Follow-up periods ---------------------------------------------------------------------------


class TestPeriodStart:
    def test_a_caseworker_starts_follow_up_unassigned_at_the_persons_office(
        self, vera: Actor
    ) -> None:
        kari = person("Kari")
        mark = audit_mark()

        period = services.period_start(actor=vera, person=kari)

        assert period.is_open
        assert period.office == kari.office
        assert period.caseworker is None
        assert period.started_on == TODAY()
        assert selectors.open_period(kari) == period
        assert actions_after(mark) == ["period.started"]
        assert last_event().target_id == str(period.pk)

    def test_the_start_date_can_be_given(self, vera: Actor) -> None:
        started = TODAY() - 10 * DAY
        period = services.period_start(actor=vera, person=person("Kari"), started_on=started)
        assert period.started_on == started

    def test_a_caseworker_may_take_the_person_themself(self, vera: Actor) -> None:
        period = services.period_start(actor=vera, person=person("Kari"), caseworker=vera.user)
        assert period.caseworker == vera.user
        assert last_event().after == {
            "person": str(person("Kari").pk),
            "office": str(person("Kari").office_id),
            "caseworker": str(user("veileder").pk),
            "started_on": TODAY().isoformat(),
        }

    def test_a_second_open_period_is_refused_with_409(self, vera: Actor) -> None:
        ahmed = person("Ahmed")
        open_one = selectors.open_period(ahmed)
        assert open_one is not None

        error = refused(lambda: services.period_start(actor=vera, person=ahmed), open_one)

        assert (error.code, error.status) == ("period_already_open", 409)

    def test_a_caseworker_at_another_office_is_refused_with_403(
        self, sagene_caseworker: Actor
    ) -> None:
        kari = person("Kari")
        error = refused(lambda: services.period_start(actor=sagene_caseworker, person=kari))
        assert (error.code, error.status) == ("forbidden", 403)
        assert selectors.open_period(kari) is None

    @pytest.mark.parametrize("login", ["beslutter", "innbygger", "admin", "ia-radgiver"])
    def test_only_caseworkers_and_the_office_manager_start_follow_up(
        self, actor_of_login: Lookup, login: str
    ) -> None:
        kari = person("Kari")
        error = refused(lambda: services.period_start(actor=actor_of_login(login), person=kari))
        assert error.status == 403

    def test_the_named_caseworker_must_work_at_the_persons_office(
        self, manager: Actor, system: Actor
    ) -> None:
        elsewhere = staff_at_sagene(system, "sagene-veileder", "caseworker_state")
        error = refused(
            lambda: services.period_start(
                actor=manager, person=person("Kari"), caseworker=elsewhere
            )
        )
        assert (error.code, error.status, error.field) == (
            "not_a_caseworker_here",
            422,
            "caseworker",
        )

    def test_a_caseworker_cannot_assign_a_colleague_when_starting(self, vera: Actor) -> None:
        error = refused(
            lambda: services.period_start(
                actor=vera, person=person("Kari"), caseworker=user("sosialkonsulent")
            )
        )
        assert error.status == 403


class TestPeriodAssign:
    def test_the_office_manager_assigns_a_caseworker(self, manager: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None and period.caseworker is None
        mark = audit_mark()

        assigned = services.period_assign(
            actor=manager, period=period, caseworker=user("sosialkonsulent"), version=period.version
        )

        assert assigned.caseworker == user("sosialkonsulent")
        assert assigned.version == period.version + 1
        assert actions_after(mark) == ["period.assigned"]
        event = last_event()
        assert event.before == {"caseworker": None}
        assert event.after == {"caseworker": str(user("sosialkonsulent").pk)}

    def test_the_office_manager_reassigns_to_another_caseworker(self, manager: Actor) -> None:
        period = selectors.open_period(person("Ola"))
        assert period is not None and period.caseworker == user("veileder")
        assigned = services.period_assign(
            actor=manager, period=period, caseworker=user("sosialkonsulent"), version=period.version
        )
        assert selectors.open_period(person("Ola")) == assigned
        assert assigned.caseworker == user("sosialkonsulent")

    @pytest.mark.parametrize("login", ["veileder", "sosialkonsulent", "beslutter", "innbygger"])
    def test_only_the_office_manager_assigns(self, actor_of_login: Lookup, login: str) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=actor_of_login(login),
                period=period,
                caseworker=user("veileder"),
                version=period.version,
            ),
            period,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_approver_is_not_a_caseworker_to_assign(self, manager: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=manager, period=period, caseworker=user("beslutter"), version=period.version
            ),
            period,
        )
        assert (error.code, error.status) == ("not_a_caseworker_here", 422)

    def test_a_caseworker_at_another_office_cannot_be_assigned(
        self, manager: Actor, system: Actor
    ) -> None:
        elsewhere = staff_at_sagene(system, "sagene-veileder", "caseworker_state")
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=manager, period=period, caseworker=elsewhere, version=period.version
            ),
            period,
        )
        assert (error.code, error.status) == ("not_a_caseworker_here", 422)

    def test_a_deactivated_caseworker_cannot_be_assigned(self, manager: Actor) -> None:
        User.objects.filter(username="sosialkonsulent").update(is_active=False)
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        error = refused(
            lambda: services.period_assign(
                actor=manager,
                period=period,
                caseworker=user("sosialkonsulent"),
                version=period.version,
            ),
            period,
        )
        assert error.code == "not_a_caseworker_here"

    def test_a_stale_version_is_refused_with_409(self, manager: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        services.period_assign(
            actor=manager, period=period, caseworker=user("veileder"), version=period.version
        )
        error = refused(
            lambda: services.period_assign(
                actor=manager,
                period=period,
                caseworker=user("sosialkonsulent"),
                version=period.version,
            ),
            period,
        )
        assert (error.code, error.status) == ("stale_version", 409)
        assert row_of(period)["caseworker_id"] == user("veileder").pk

    def test_an_ended_period_cannot_be_assigned(self, vera: Actor, manager: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        ended = services.period_end(
            actor=vera, period=period, version=period.version, reason="Fikk jobb"
        )
        error = refused(
            lambda: services.period_assign(
                actor=manager, period=ended, caseworker=user("veileder"), version=ended.version
            ),
            ended,
        )
        assert (error.code, error.status) == ("period_ended", 409)


class TestPeriodEnd:
    def test_a_caseworker_ends_the_follow_up_with_a_reason(self, vera: Actor) -> None:
        ahmed = person("Ahmed")
        period = selectors.open_period(ahmed)
        assert period is not None
        mark = audit_mark()

        ended = services.period_end(
            actor=vera, period=period, version=period.version, reason="  Har fått fast jobb  "
        )

        assert not ended.is_open
        assert ended.ended_on == TODAY()
        assert ended.end_reason == "Har fått fast jobb"
        assert selectors.open_period(ahmed) is None
        assert actions_after(mark) == ["period.ended"]
        assert last_event().after == {
            "ended_on": TODAY().isoformat(),
            "end_reason": ended.end_reason,
        }

    def test_after_the_end_a_new_follow_up_can_start(self, vera: Actor) -> None:
        ahmed = person("Ahmed")
        period = selectors.open_period(ahmed)
        assert period is not None
        services.period_end(actor=vera, period=period, version=period.version, reason="Flyttet")
        again = services.period_start(actor=vera, person=ahmed)
        assert again.is_open and again.pk != period.pk

    def test_the_reason_is_required(self, vera: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=vera, period=period, version=period.version, reason="   "
            ),
            period,
        )
        assert (error.code, error.status, error.field) == ("reason_required", 422, "reason")

    def test_ending_before_the_start_is_refused(self, vera: Actor) -> None:
        period = selectors.open_period(person("Ola"))
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=vera,
                period=period,
                version=period.version,
                reason="Feilregistrert",
                ended_on=period.started_on - DAY,
            ),
            period,
        )
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ended_on")

    def test_ending_on_the_first_day_is_allowed(self, vera: Actor) -> None:
        period = selectors.open_period(person("Ola"))
        assert period is not None
        ended = services.period_end(
            actor=vera,
            period=period,
            version=period.version,
            reason="Feilregistrert",
            ended_on=period.started_on,
        )
        assert ended.ended_on == period.started_on

    def test_an_ended_period_cannot_end_again(self, vera: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        ended = services.period_end(
            actor=vera, period=period, version=period.version, reason="Flyttet"
        )
        error = refused(
            lambda: services.period_end(
                actor=vera, period=ended, version=ended.version, reason="Igjen"
            ),
            ended,
        )
        assert (error.code, error.status) == ("period_ended", 409)

    def test_a_stale_version_is_refused_with_409(self, vera: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=vera, period=period, version=period.version - 1, reason="Flyttet"
            ),
            period,
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_the_approver_cannot_end_a_follow_up(self, approver: Actor) -> None:
        period = selectors.open_period(person("Ahmed"))
        assert period is not None
        error = refused(
            lambda: services.period_end(
                actor=approver, period=period, version=period.version, reason="Flyttet"
            ),
            period,
        )
        assert error.status == 403


# Needs assessments (§14a) --------------------------------------------------------------------


def draft_for(actor: Actor, given_name: str, need_group: str) -> NeedsAssessment:
    return services.assessment_create(
        actor=actor,
        person=person(given_name),
        need_group=need_group,
        main_goal="get_work",
        reasoning=REASONING,
        evidence="Samtale med deg.",
    )


def lars_assessment() -> NeedsAssessment:
    """Lars Larsen's partially permanent assessment by Vera, awaiting approval."""
    return NeedsAssessment.objects.get(person__given_name="Lars")


class TestAssessmentCreate:
    def test_a_caseworker_writes_a_draft_in_the_open_follow_up(self, vera: Actor) -> None:
        mark = audit_mark()
        draft = draft_for(vera, "Ahmed", "standard")

        assert draft.status == AssessmentStatus.DRAFT
        assert draft.author == vera.user
        assert draft.period == selectors.open_period(person("Ahmed"))
        assert draft.letter is None and draft.sent_at is None
        assert actions_after(mark) == ["assessment.created"]
        after = last_event().after
        assert after is not None and after["need_group"] == "standard"

    def test_an_assessment_needs_an_open_follow_up(self, vera: Actor) -> None:
        error = refused(lambda: draft_for(vera, "Kari", "standard"))
        assert (error.code, error.status) == ("no_open_period", 409)

    def test_an_unknown_need_group_is_refused(self, vera: Actor) -> None:
        error = refused(lambda: draft_for(vera, "Ahmed", "hopeless"))
        assert (error.code, error.status, error.field) == (
            "unknown_need_group",
            422,
            "need_group",
        )

    def test_an_unknown_main_goal_is_refused(self, vera: Actor) -> None:
        error = refused(
            lambda: services.assessment_create(
                actor=vera,
                person=person("Ahmed"),
                need_group="standard",
                main_goal="retire",
                reasoning=REASONING,
            )
        )
        assert (error.code, error.status) == ("unknown_main_goal", 422)

    def test_the_reasoning_is_required(self, vera: Actor) -> None:
        error = refused(
            lambda: services.assessment_create(
                actor=vera,
                person=person("Ahmed"),
                need_group="standard",
                main_goal="get_work",
                reasoning=" ",
            )
        )
        assert (error.code, error.status, error.field) == ("reasoning_required", 422, "reasoning")

    def test_the_approver_does_not_write_assessments(self, approver: Actor) -> None:
        error = refused(lambda: draft_for(approver, "Ahmed", "standard"))
        assert error.status == 403


class TestAssessmentSendWithoutApproval:
    @pytest.mark.parametrize("need_group", ["standard", "situation_specific", "specially_adapted"])
    def test_is_sent_straight_from_draft_with_a_decision_letter(
        self, vera: Actor, need_group: str
    ) -> None:
        draft = draft_for(vera, "Ahmed", need_group)
        mark = audit_mark()

        sent = services.assessment_send(actor=vera, assessment=draft, version=draft.version)

        assert sent.status == AssessmentStatus.SENT
        assert sent.sent_at is not None
        letter = sent.letter
        assert letter is not None
        assert letter.person == person("Ahmed")
        assert letter.kind == "decision_14a"
        assert letter.lix > 0
        assert letter.body.strip()
        assert letter.sent_by_label == "Vera Veileder"
        assert Letter.objects.get(pk=letter.pk).assessment == sent
        assert actions_after(mark) == ["letter.sent", "assessment.sent"]
        assert last_event().after == {"status": "sent", "letter": str(letter.pk)}
        assert selectors.current_decision(person("Ahmed")) == sent

    def test_does_not_go_to_an_approver(self, vera: Actor) -> None:
        draft = draft_for(vera, "Ahmed", "standard")
        error = refused(
            lambda: services.assessment_submit(actor=vera, assessment=draft, version=draft.version),
            draft,
        )
        assert (error.code, error.status) == ("approval_not_needed", 422)

    def test_a_sent_decision_is_not_sent_twice(self, vera: Actor) -> None:
        sent = selectors.current_decision(person("Ola"))
        assert sent is not None
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=sent, version=sent.version),
            sent,
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_a_sent_decision_cannot_be_edited(self, vera: Actor) -> None:
        sent = selectors.current_decision(person("Ola"))
        assert sent is not None
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=sent, version=sent.version, reasoning="Ny begrunnelse."
            ),
            sent,
        )
        assert (error.code, error.status) == ("assessment_locked", 409)


class TestAssessmentWithApproval:
    @pytest.mark.parametrize("need_group", ["permanent", "partially_permanent"])
    def test_cannot_be_sent_before_approval(self, vera: Actor, need_group: str) -> None:
        draft = draft_for(vera, "Ahmed", need_group)
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=draft, version=draft.version),
            draft,
        )
        assert (error.code, error.status) == ("approval_required", 409)

    def test_cannot_be_sent_while_awaiting_approval(self, vera: Actor) -> None:
        waiting = lars_assessment()
        error = refused(
            lambda: services.assessment_send(
                actor=vera, assessment=waiting, version=waiting.version
            ),
            waiting,
        )
        assert (error.code, error.status) == ("approval_required", 409)

    def test_goes_from_draft_to_the_approver_and_is_sent_once_approved(
        self, vera: Actor, approver: Actor
    ) -> None:
        draft = draft_for(vera, "Ahmed", "permanent")
        mark = audit_mark()

        submitted = services.assessment_submit(actor=vera, assessment=draft, version=draft.version)
        assert submitted.status == AssessmentStatus.AWAITING_APPROVAL
        assert submitted in selectors.awaiting_approval_for(actor=approver)

        approved = services.assessment_approve(
            actor=approver, assessment=submitted, version=submitted.version
        )
        assert approved.status == AssessmentStatus.APPROVED
        assert approved.approver == approver.user
        assert approved not in selectors.awaiting_approval_for(actor=approver)

        sent = services.assessment_send(actor=vera, assessment=approved, version=approved.version)
        assert sent.status == AssessmentStatus.SENT
        assert sent.letter is not None and sent.letter.lix > 0
        assert actions_after(mark) == [
            "assessment.submitted",
            "assessment.approved",
            "letter.sent",
            "assessment.sent",
        ]

    def test_the_approver_returns_it_with_a_comment_and_it_is_resubmitted(
        self, vera: Actor, approver: Actor
    ) -> None:
        waiting = lars_assessment()
        mark = audit_mark()

        returned = services.assessment_return(
            actor=approver,
            assessment=waiting,
            version=waiting.version,
            comment="Legg ved uttalelsen fra arbeidsgiveren.",
        )
        assert returned.status == AssessmentStatus.RETURNED
        assert returned.approver_comment == "Legg ved uttalelsen fra arbeidsgiveren."
        assert last_event().after == {
            "status": "returned",
            "comment": "Legg ved uttalelsen fra arbeidsgiveren.",
        }

        edited = services.assessment_update(
            actor=vera,
            assessment=returned,
            version=returned.version,
            evidence="Uttalelse fra spesialist og arbeidsgiver, vedlagt.",
        )
        assert edited.status == AssessmentStatus.RETURNED
        resubmitted = services.assessment_submit(
            actor=vera, assessment=edited, version=edited.version
        )
        assert resubmitted.status == AssessmentStatus.AWAITING_APPROVAL
        approved = services.assessment_approve(
            actor=approver, assessment=resubmitted, version=resubmitted.version
        )
        assert approved.status == AssessmentStatus.APPROVED
        assert approved.approver_comment == ""
        assert actions_after(mark) == [
            "assessment.returned",
            "assessment.updated",
            "assessment.submitted",
            "assessment.approved",
        ]

    def test_a_sent_permanent_decision_is_not_sent_twice(
        self, vera: Actor, approver: Actor
    ) -> None:
        waiting = lars_assessment()
        approved = services.assessment_approve(
            actor=approver, assessment=waiting, version=waiting.version
        )
        sent = services.assessment_send(actor=vera, assessment=approved, version=approved.version)
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=sent, version=sent.version),
            sent,
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_returning_needs_a_comment(self, approver: Actor) -> None:
        waiting = lars_assessment()
        error = refused(
            lambda: services.assessment_return(
                actor=approver, assessment=waiting, version=waiting.version, comment="  "
            ),
            waiting,
        )
        assert (error.code, error.status, error.field) == ("comment_required", 422, "comment")

    def test_the_author_cannot_approve_their_own_assessment(self, vera: Actor) -> None:
        waiting = lars_assessment()
        error = refused(
            lambda: services.assessment_approve(
                actor=vera, assessment=waiting, version=waiting.version
            ),
            waiting,
        )
        assert (error.code, error.status) == ("own_assessment", 403)

    def test_the_author_cannot_approve_even_holding_the_approver_role(
        self, system: Actor, actor_of_login: Lookup
    ) -> None:
        role_assign(actor=system, user=user("veileder"), role="approver", office=office("0317"))
        vera_approver = actor_of_login("veileder")
        waiting = lars_assessment()
        for call in (
            lambda: services.assessment_approve(
                actor=vera_approver, assessment=waiting, version=waiting.version
            ),
            lambda: services.assessment_return(
                actor=vera_approver, assessment=waiting, version=waiting.version, comment="Nei."
            ),
        ):
            error = refused(call, waiting)
            assert (error.code, error.status) == ("own_assessment", 403)

    def test_an_approver_at_another_office_cannot_approve(self, sagene_approver: Actor) -> None:
        waiting = lars_assessment()
        error = refused(
            lambda: services.assessment_approve(
                actor=sagene_approver, assessment=waiting, version=waiting.version
            ),
            waiting,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    @pytest.mark.parametrize("login", ["sosialkonsulent", "kontorleder", "innbygger"])
    def test_only_an_approver_approves(self, actor_of_login: Lookup, login: str) -> None:
        waiting = lars_assessment()
        error = refused(
            lambda: services.assessment_approve(
                actor=actor_of_login(login), assessment=waiting, version=waiting.version
            ),
            waiting,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_approving_a_stale_version_is_refused_with_409(self, approver: Actor) -> None:
        waiting = lars_assessment()
        error = refused(
            lambda: services.assessment_approve(
                actor=approver, assessment=waiting, version=waiting.version + 1
            ),
            waiting,
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_an_assessment_awaiting_approval_cannot_be_edited(self, vera: Actor) -> None:
        waiting = lars_assessment()
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=waiting, version=waiting.version, reasoning="Endret."
            ),
            waiting,
        )
        assert (error.code, error.status) == ("assessment_locked", 409)

    def test_editing_an_approved_assessment_sends_it_back_to_draft(
        self, vera: Actor, approver: Actor
    ) -> None:
        waiting = lars_assessment()
        approved = services.assessment_approve(
            actor=approver, assessment=waiting, version=waiting.version
        )
        mark = audit_mark()

        edited = services.assessment_update(
            actor=vera, assessment=approved, version=approved.version, main_goal="get_work"
        )

        assert edited.status == AssessmentStatus.DRAFT
        assert edited.approver is None
        assert edited.main_goal == "get_work"
        assert actions_after(mark) == ["assessment.updated"]
        event = last_event()
        assert event.before is not None and event.after is not None
        assert (event.before["status"], event.after["status"]) == ("approved", "draft")
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=edited, version=edited.version),
            edited,
        )
        assert error.code == "approval_required"


class TestAssessmentUpdate:
    def test_a_caseworker_edits_a_draft(self, vera: Actor) -> None:
        draft = draft_for(vera, "Ahmed", "standard")
        mark = audit_mark()

        edited = services.assessment_update(
            actor=vera,
            assessment=draft,
            version=draft.version,
            need_group="situation_specific",
            reasoning="  Ny begrunnelse.  ",
        )

        assert edited.need_group == "situation_specific"
        assert edited.reasoning == "Ny begrunnelse."
        assert edited.status == AssessmentStatus.DRAFT
        assert edited.version == draft.version + 1
        assert actions_after(mark) == ["assessment.updated"]
        event = last_event()
        assert event.before is not None and event.after is not None
        assert (event.before["need_group"], event.after["need_group"]) == (
            "standard",
            "situation_specific",
        )

    def test_a_stale_version_is_refused_with_409(self, vera: Actor) -> None:
        draft = draft_for(vera, "Ahmed", "standard")
        services.assessment_update(
            actor=vera, assessment=draft, version=draft.version, reasoning="Først."
        )
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=draft, version=draft.version, reasoning="Etterpå."
            ),
            draft,
        )
        assert (error.code, error.status) == ("stale_version", 409)
        assert row_of(draft)["reasoning"] == "Først."

    def test_an_unknown_need_group_is_refused(self, vera: Actor) -> None:
        draft = draft_for(vera, "Ahmed", "standard")
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=draft, version=draft.version, need_group="nope"
            ),
            draft,
        )
        assert (error.code, error.status) == ("unknown_need_group", 422)

    def test_the_reasoning_cannot_be_emptied(self, vera: Actor) -> None:
        draft = draft_for(vera, "Ahmed", "standard")
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=draft, version=draft.version, reasoning=""
            ),
            draft,
        )
        assert error.code == "reasoning_required"


# The activity plan ---------------------------------------------------------------------------


def office_activity(
    actor: Actor, *, kind: str = "education", title: str = "Kurs i norsk", **extra: Any
) -> Activity:
    return services.activity_create(
        actor=actor, person=person("Ola"), kind=kind, title=title, **extra
    )


def own_activity() -> Activity:
    """Ola's own proposal from the demo: not agreed with the office."""
    return activity("Trene tre ganger i uka")


def moved(actor: Actor, record: Activity, status: str) -> Activity:
    return services.activity_transition(
        actor=actor, activity=record, status=status, version=record.version
    )


class TestActivityCreate:
    def test_the_office_plans_an_activity(self, vera: Actor) -> None:
        mark = audit_mark()
        planned = office_activity(
            vera,
            kind="job_application",
            title="  Søk på lagerjobben  ",
            starts_on=TODAY(),
            ends_on=TODAY() + 7 * DAY,
            agreed_with_office=True,
        )

        assert planned.status == "planned"
        assert planned.title == "Søk på lagerjobben"
        assert planned.agreed_with_office and not planned.proposed_by_person
        assert planned.created_by == vera.user
        assert planned in selectors.activities_of(person("Ola"))
        assert actions_after(mark) == ["activity.created"]
        (change,) = selectors.history_of(planned)
        assert (change.what, change.changed_by_label, change.by_person) == (
            "created",
            "Vera Veileder",
            False,
        )

    def test_the_person_proposes_an_activity_of_their_own(self, ola: Actor) -> None:
        mark = audit_mark()
        proposal = services.activity_create(
            actor=ola, person=person("Ola"), kind="own_activity", title="Gå tur hver dag"
        )

        assert proposal.status == "proposed"
        assert proposal.proposed_by_person and not proposal.agreed_with_office
        assert proposal.created_by == ola.user
        assert actions_after(mark) == ["activity.created"]
        (change,) = selectors.history_of(proposal)
        assert (change.what, change.changed_by_label, change.by_person) == (
            "created",
            "Ola Nordmann",
            True,
        )

    def test_the_person_cannot_agree_an_activity(self, ola: Actor) -> None:
        error = refused(
            lambda: services.activity_create(
                actor=ola,
                person=person("Ola"),
                kind="own_activity",
                title="Gå tur",
                agreed_with_office=True,
            )
        )
        assert (error.code, error.status, error.field) == (
            "only_office_agrees",
            403,
            "agreed_with_office",
        )

    def test_the_person_cannot_add_to_someone_elses_plan(self, ola: Actor) -> None:
        error = refused(
            lambda: services.activity_create(
                actor=ola, person=person("Lars"), kind="own_activity", title="Gå tur"
            )
        )
        assert error.status == 403

    def test_a_caseworker_at_another_office_cannot_plan(self, sagene_caseworker: Actor) -> None:
        error = refused(lambda: office_activity(sagene_caseworker))
        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_unknown_kind_is_refused_with_422(self, vera: Actor) -> None:
        error = refused(lambda: office_activity(vera, kind="holiday"))
        assert (error.code, error.status, error.field) == ("unknown_activity_kind", 422, "kind")

    def test_ending_before_it_starts_is_refused_with_422(self, vera: Actor) -> None:
        error = refused(lambda: office_activity(vera, starts_on=TODAY(), ends_on=TODAY() - DAY))
        assert (error.code, error.status, error.field) == ("ends_before_start", 422, "ends_on")

    def test_a_title_is_required(self, vera: Actor) -> None:
        error = refused(lambda: office_activity(vera, title="   "))
        assert (error.code, error.status) == ("title_required", 422)


class TestActivityUpdate:
    def test_the_office_edits_an_activity_and_the_history_shows_it(self, vera: Actor) -> None:
        meeting = activity("Oppfølgingsmøte")
        mark = audit_mark()

        edited = services.activity_update(
            actor=vera,
            activity=meeting,
            version=meeting.version,
            title="Oppfølgingsmøte på kontoret",
            agreed_with_office=True,
        )

        assert edited.title == "Oppfølgingsmøte på kontoret"
        assert edited.agreed_with_office
        assert edited.version == meeting.version + 1
        assert actions_after(mark) == ["activity.updated"]
        latest = selectors.history_of(meeting).first()
        assert latest is not None
        assert (latest.what, latest.changed_by_label, latest.by_person) == (
            "updated",
            "Vera Veileder",
            False,
        )
        assert latest.before is not None and latest.after is not None
        assert (latest.before["title"], latest.after["title"]) == (
            "Oppfølgingsmøte",
            "Oppfølgingsmøte på kontoret",
        )

    def test_the_person_edits_their_own_activity(self, ola: Actor) -> None:
        own = own_activity()
        mark = audit_mark()

        edited = services.activity_update(
            actor=ola, activity=own, version=own.version, description="To ganger i uka holder."
        )

        assert edited.description == "To ganger i uka holder."
        assert actions_after(mark) == ["activity.updated"]
        latest = selectors.history_of(own).first()
        assert latest is not None
        assert (latest.what, latest.changed_by_label, latest.by_person) == (
            "updated",
            "Ola Nordmann",
            True,
        )

    @pytest.mark.parametrize("title", ["Søk fire jobber i uka", "Oppfølgingsmøte"])
    def test_the_person_cannot_edit_an_activity_from_the_office(
        self, ola: Actor, title: str
    ) -> None:
        from_office = activity(title)
        error = refused(
            lambda: services.activity_update(
                actor=ola, activity=from_office, version=from_office.version, title="Søk to"
            ),
            from_office,
        )
        assert (error.code, error.status) == ("only_office_changes", 403)

    def test_the_person_cannot_edit_their_own_once_agreed(self, vera: Actor, ola: Actor) -> None:
        own = own_activity()
        agreed = services.activity_update(
            actor=vera, activity=own, version=own.version, agreed_with_office=True
        )
        error = refused(
            lambda: services.activity_update(
                actor=ola, activity=agreed, version=agreed.version, title="Trene én gang"
            ),
            agreed,
        )
        assert (error.code, error.status) == ("only_office_changes", 403)

    @pytest.mark.parametrize("agreed", [True, False])
    def test_the_person_cannot_set_agreed_with_office(self, ola: Actor, agreed: bool) -> None:
        own = own_activity()
        error = refused(
            lambda: services.activity_update(
                actor=ola, activity=own, version=own.version, agreed_with_office=agreed
            ),
            own,
        )
        assert (error.code, error.status) == ("only_office_changes", 403)

    def test_a_stale_version_is_refused_with_409(self, vera: Actor) -> None:
        meeting = activity("Oppfølgingsmøte")
        services.activity_update(actor=vera, activity=meeting, version=meeting.version, title="A")
        error = refused(
            lambda: services.activity_update(
                actor=vera, activity=meeting, version=meeting.version, title="B"
            ),
            meeting,
        )
        assert (error.code, error.status) == ("stale_version", 409)
        assert row_of(meeting)["title"] == "A"

    def test_an_unknown_kind_is_refused_with_422(self, vera: Actor) -> None:
        meeting = activity("Oppfølgingsmøte")
        error = refused(
            lambda: services.activity_update(
                actor=vera, activity=meeting, version=meeting.version, kind="party"
            ),
            meeting,
        )
        assert (error.code, error.status) == ("unknown_activity_kind", 422)

    def test_moving_the_end_before_the_start_is_refused_with_422(self, vera: Actor) -> None:
        job_hunt = activity("Søk fire jobber i uka")
        starts = job_hunt.starts_on
        assert starts is not None
        error = refused(
            lambda: services.activity_update(
                actor=vera, activity=job_hunt, version=job_hunt.version, ends_on=starts - DAY
            ),
            job_hunt,
        )
        assert (error.code, error.status) == ("ends_before_start", 422)


class TestActivityTransition:
    def test_the_office_moves_an_activity_along(self, vera: Actor) -> None:
        job_hunt = activity("Søk fire jobber i uka")
        mark = audit_mark()

        started = moved(vera, job_hunt, "in_progress")

        assert started.status == "in_progress"
        assert started.version == job_hunt.version + 1
        assert actions_after(mark) == ["activity.status_changed"]
        latest = selectors.history_of(job_hunt).first()
        assert latest is not None
        assert (latest.what, latest.before, latest.after, latest.changed_by_label) == (
            "status_changed",
            {"status": "planned"},
            {"status": "in_progress"},
            "Vera Veileder",
        )

    def test_a_transition_the_lifecycle_does_not_allow_is_refused_with_409(
        self, vera: Actor
    ) -> None:
        meeting = activity("Oppfølgingsmøte")
        error = refused(lambda: moved(vera, meeting, "proposed"), meeting)
        assert (error.code, error.status, error.field) == ("invalid_transition", 409, "status")
        assert error.message_en == "Cannot go from “Planned” to “Proposed”."

    def test_an_unknown_status_is_refused_with_422(self, vera: Actor) -> None:
        meeting = activity("Oppfølgingsmøte")
        error = refused(lambda: moved(vera, meeting, "paused"), meeting)
        assert (error.code, error.status) == ("unknown_status", 422)

    def test_a_stale_version_is_refused_with_409(self, vera: Actor) -> None:
        meeting = activity("Oppfølgingsmøte")
        error = refused(
            lambda: services.activity_transition(
                actor=vera, activity=meeting, status="in_progress", version=meeting.version - 1
            ),
            meeting,
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_the_person_completes_their_own_activity_once_planned(
        self, vera: Actor, ola: Actor
    ) -> None:
        own = own_activity()
        planned = moved(vera, own, "planned")
        mark = audit_mark()

        done = moved(ola, planned, "completed")

        assert done.status == "completed" and done.is_locked
        assert actions_after(mark) == ["activity.status_changed"]
        latest = selectors.history_of(own).first()
        assert latest is not None
        assert (latest.changed_by_label, latest.by_person) == ("Ola Nordmann", True)

    def test_the_person_withdraws_their_own_proposal(self, ola: Actor) -> None:
        own = own_activity()
        assert moved(ola, own, "cancelled").status == "cancelled"

    def test_the_person_cannot_accept_their_own_proposal(self, ola: Actor) -> None:
        own = own_activity()
        error = refused(lambda: moved(ola, own, "planned"), own)
        assert (error.code, error.status) == ("forbidden", 403)

    @pytest.mark.parametrize("title", ["Søk fire jobber i uka", "Oppfølgingsmøte"])
    def test_the_person_cannot_move_an_activity_from_the_office(
        self, ola: Actor, title: str
    ) -> None:
        from_office = activity(title)
        error = refused(lambda: moved(ola, from_office, "completed"), from_office)
        assert (error.code, error.status) == ("forbidden", 403)


class TestLockedActivity:
    @pytest.fixture(params=["completed", "cancelled"])
    def closed(self, request: pytest.FixtureRequest, vera: Actor) -> Activity:
        """Ola's own activity, accepted by the office and then completed or cancelled."""
        planned = moved(vera, own_activity(), "planned")
        return moved(vera, planned, request.param)

    @pytest.mark.parametrize("login", ["veileder", "innbygger"])
    def test_cannot_be_edited(self, actor_of_login: Lookup, closed: Activity, login: str) -> None:
        error = refused(
            lambda: services.activity_update(
                actor=actor_of_login(login), activity=closed, version=closed.version, title="Ny"
            ),
            closed,
        )
        assert (error.code, error.status) == ("activity_locked", 409)

    @pytest.mark.parametrize("login", ["veileder", "innbygger"])
    @pytest.mark.parametrize("target", ["planned", "in_progress", "completed", "cancelled"])
    def test_cannot_be_moved(
        self, actor_of_login: Lookup, closed: Activity, login: str, target: str
    ) -> None:
        error = refused(lambda: moved(actor_of_login(login), closed, target), closed)
        assert (error.code, error.status) == ("activity_locked", 409)

    @pytest.mark.parametrize(("login", "by_person"), [("veileder", False), ("innbygger", True)])
    def test_can_still_be_commented_on(
        self, actor_of_login: Lookup, closed: Activity, login: str, by_person: bool
    ) -> None:
        mark = audit_mark()
        comment = services.activity_comment(
            actor=actor_of_login(login), activity=closed, text="Bra jobba!"
        )
        assert list(closed.comments.all()) == [comment]
        assert comment.by_person is by_person
        assert actions_after(mark) == ["activity.commented"]


class TestActivityComment:
    @pytest.mark.parametrize(("login", "by_person"), [("veileder", False), ("innbygger", True)])
    def test_both_the_person_and_the_office_comment(
        self, actor_of_login: Lookup, login: str, by_person: bool
    ) -> None:
        job_hunt = activity("Søk fire jobber i uka")
        mark = audit_mark()

        comment = services.activity_comment(
            actor=actor_of_login(login), activity=job_hunt, text="  Hvordan går det?  "
        )

        assert comment.text == "Hvordan går det?"
        assert comment.author == actor_of_login(login).user
        assert comment.by_person is by_person
        assert actions_after(mark) == ["activity.commented"]
        assert last_event().after == {"comment": comment.pk, "by_person": by_person}
        assert row_of(job_hunt)["version"] == job_hunt.version

    def test_an_empty_comment_is_refused(self, ola: Actor) -> None:
        job_hunt = activity("Søk fire jobber i uka")
        error = refused(
            lambda: services.activity_comment(actor=ola, activity=job_hunt, text=" "), job_hunt
        )
        assert (error.code, error.status) == ("text_required", 422)

    def test_the_approver_does_not_comment(self, approver: Actor) -> None:
        job_hunt = activity("Søk fire jobber i uka")
        error = refused(
            lambda: services.activity_comment(actor=approver, activity=job_hunt, text="Hei")
        )
        assert error.status == 403


class TestActivityHistory:
    def test_every_change_is_listed_newest_first_with_who_and_what(
        self, vera: Actor, ola: Actor
    ) -> None:
        proposal = services.activity_create(
            actor=ola, person=person("Ola"), kind="education", title="Ta truckførerbevis"
        )
        edited = services.activity_update(
            actor=ola, activity=proposal, version=proposal.version, ends_on=TODAY() + 30 * DAY
        )
        planned = moved(vera, edited, "planned")
        started = moved(ola, planned, "in_progress")
        moved(ola, started, "completed")

        history = [
            (c.what, c.changed_by_label, c.by_person, c.after)
            for c in selectors.history_of(proposal)
        ]
        assert [h[:3] for h in history] == [
            ("status_changed", "Ola Nordmann", True),
            ("status_changed", "Ola Nordmann", True),
            ("status_changed", "Vera Veileder", False),
            ("updated", "Ola Nordmann", True),
            ("created", "Ola Nordmann", True),
        ]
        assert [h[3]["status"] for h in history if h[3]] == [
            "completed",
            "in_progress",
            "planned",
            "proposed",
            "proposed",
        ]
        audited = AuditEvent.objects.filter(target_id=str(proposal.pk)).values_list(
            "action", flat=True
        )
        assert list(audited) == [
            "activity.created",
            "activity.updated",
            "activity.status_changed",
            "activity.status_changed",
            "activity.status_changed",
        ]


# Dialogue ------------------------------------------------------------------------------------


def olas_thread() -> Thread:
    """The demo thread Ola started, waiting for the office."""
    return Thread.objects.get(subject="Spørsmål om jobbsøkerkurset")


class TestThreadStart:
    def test_the_person_starts_a_thread_and_it_waits_for_the_office(self, ola: Actor) -> None:
        mark = audit_mark()
        thread = services.thread_start(
            actor=ola, person=person("Ola"), subject="Sykemelding", text="Jeg er syk i dag."
        )

        assert thread.waiting_for == Waiting.OFFICE
        assert not thread.read_by_office
        assert thread.read_by_person
        (message,) = thread.messages.all()
        assert (message.text, message.from_office, message.author_label) == (
            "Jeg er syk i dag.",
            False,
            "Ola Nordmann",
        )
        assert actions_after(mark) == ["thread.started"]
        assert last_event().after == {"subject": "Sykemelding", "from_office": False}

    def test_the_office_starts_a_thread_about_an_activity_and_waits_for_a_reply(
        self, vera: Actor
    ) -> None:
        job_hunt = activity("Søk fire jobber i uka")
        thread = services.thread_start(
            actor=vera,
            person=person("Ola"),
            subject="Jobbsøking",
            text="Hvilke jobber har du søkt på?",
            activity=job_hunt,
            wait_for_reply=True,
        )
        assert thread.activity == job_hunt
        assert thread.waiting_for == Waiting.PERSON
        assert not thread.read_by_person and thread.read_by_office
        assert thread in selectors.threads_of(person("Ola"))

    def test_an_activity_of_someone_else_cannot_be_attached(self, vera: Actor) -> None:
        lars_activity = services.activity_create(
            actor=vera, person=person("Lars"), kind="meeting", title="Møte med Lars"
        )
        error = refused(
            lambda: services.thread_start(
                actor=vera,
                person=person("Ola"),
                subject="Møte",
                text="Hei",
                activity=lars_activity,
            )
        )
        assert (error.code, error.status, error.field) == (
            "activity_of_someone_else",
            422,
            "activity",
        )

    def test_an_empty_message_starts_nothing(self, ola: Actor) -> None:
        error = refused(
            lambda: services.thread_start(actor=ola, person=person("Ola"), subject="Hei", text="")
        )
        assert (error.code, error.status) == ("text_required", 422)

    def test_the_person_cannot_write_on_someone_elses_behalf(self, ola: Actor) -> None:
        error = refused(
            lambda: services.thread_start(
                actor=ola, person=person("Lars"), subject="Hei", text="Hei"
            )
        )
        assert error.status == 403


class TestMessages:
    def test_the_office_replies_and_waits_for_the_person(self, vera: Actor) -> None:
        thread = olas_thread()
        assert thread.waiting_for == Waiting.OFFICE and not thread.read_by_office
        mark = audit_mark()

        message = services.message_send(
            actor=vera, thread=thread, text="Ta med legitimasjon.", wait_for_reply=True
        )

        thread.refresh_from_db()
        assert message.from_office and message.author_label == "Vera Veileder"
        assert thread.waiting_for == Waiting.PERSON
        assert not thread.read_by_person
        assert thread.read_by_office
        assert [m.text for m in thread.messages.all()][-1] == "Ta med legitimasjon."
        assert actions_after(mark) == ["message.sent"]
        assert last_event().after == {
            "message": message.pk,
            "from_office": True,
            "waiting_for": "person",
        }

    def test_an_office_reply_without_waiting_leaves_nobody_waiting(self, vera: Actor) -> None:
        thread = olas_thread()
        services.message_send(actor=vera, thread=thread, text="Nei, bare møt opp.")
        thread.refresh_from_db()
        assert thread.waiting_for == Waiting.NOBODY
        assert not thread.read_by_person

    def test_the_persons_answer_waits_for_the_office_again(self, vera: Actor, ola: Actor) -> None:
        thread = olas_thread()
        services.message_send(
            actor=vera, thread=thread, text="Når passer det?", wait_for_reply=True
        )
        services.message_send(actor=ola, thread=thread, text="Tirsdag.")
        thread.refresh_from_db()
        assert thread.waiting_for == Waiting.OFFICE
        assert not thread.read_by_office and thread.read_by_person

    def test_an_empty_message_is_refused(self, vera: Actor) -> None:
        thread = olas_thread()
        error = refused(lambda: services.message_send(actor=vera, thread=thread, text=" "), thread)
        assert (error.code, error.status) == ("text_required", 422)


class TestThreadRead:
    def test_the_office_marks_its_side_read(self, vera: Actor) -> None:
        thread = olas_thread()
        mark = audit_mark()

        services.thread_mark_read(actor=vera, thread=thread)

        stored = row_of(thread)
        assert stored["read_by_office"] is True
        assert stored["read_by_person"] is True
        assert actions_after(mark) == ["thread.read"]
        assert last_event().after == {"read_by_office": True}

    def test_the_person_marks_their_side_read(self, vera: Actor, ola: Actor) -> None:
        thread = olas_thread()
        services.message_send(actor=vera, thread=thread, text="Svar.", wait_for_reply=True)
        thread.refresh_from_db()
        mark = audit_mark()

        services.thread_mark_read(actor=ola, thread=thread)

        stored = row_of(thread)
        assert stored["read_by_person"] is True
        assert stored["waiting_for"] == Waiting.PERSON
        assert actions_after(mark) == ["thread.read"]
        assert last_event().after == {"read_by_person": True}

    def test_marking_a_read_thread_again_writes_nothing(self, ola: Actor) -> None:
        thread = olas_thread()
        assert thread.read_by_person
        mark, rows = audit_mark(), row_of(thread)
        services.thread_mark_read(actor=ola, thread=thread)
        assert actions_after(mark) == []
        assert row_of(thread) == rows


class TestThreadWaiting:
    def test_the_office_sets_whom_the_thread_waits_for(self, vera: Actor) -> None:
        thread = olas_thread()
        mark = audit_mark()

        services.thread_set_waiting(actor=vera, thread=thread, waiting_for="nobody")

        assert row_of(thread)["waiting_for"] == Waiting.NOBODY
        assert actions_after(mark) == ["thread.waiting_changed"]
        event = last_event()
        assert (event.before, event.after) == ({"waiting_for": "office"}, {"waiting_for": "nobody"})

    def test_the_person_cannot_set_waiting(self, ola: Actor) -> None:
        thread = olas_thread()
        error = refused(
            lambda: services.thread_set_waiting(actor=ola, thread=thread, waiting_for="nobody"),
            thread,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_an_unknown_value_is_refused(self, vera: Actor) -> None:
        thread = olas_thread()
        error = refused(
            lambda: services.thread_set_waiting(actor=vera, thread=thread, waiting_for="everyone"),
            thread,
        )
        assert (error.code, error.status) == ("unknown_waiting", 422)
