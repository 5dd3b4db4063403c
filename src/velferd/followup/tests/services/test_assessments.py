"""Needs assessments (§14a): drafts, edits, the approver's second signature for the
permanent groups, and the decision sent with its letter."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.access.services import role_assign
from velferd.followup import selectors, services
from velferd.followup.models import AssessmentStatus, NeedsAssessment
from velferd.letters.models import Letter
from velferd.organisation.selectors import office
from velferd.people.models import Person

from .writes import REASONING, Lookup, actions_since, audit_mark, last_event, refused, row_of, user

pytestmark = pytest.mark.django_db


def draft_for(actor: Actor, person: Person, need_group: str) -> NeedsAssessment:
    """A draft resting on a conversation, with the main goal its group takes (none for
    permanent adaptation)."""
    return services.assessment_create(
        actor=actor,
        person=person,
        need_group=need_group,
        main_goal="" if need_group == "permanent" else "get_work",
        reasoning=REASONING,
        sources=["dialogue"],
        evidence="Samtale med deg.",
    )


class TestAssessmentCreate:
    def test_a_caseworker_writes_a_draft_in_the_open_follow_up(
        self, vera: Actor, newcomer: Person
    ) -> None:
        mark = audit_mark()
        draft = draft_for(vera, newcomer, "standard")

        assert draft.status == AssessmentStatus.DRAFT
        assert draft.author == vera.user
        assert draft.period == selectors.open_period(newcomer)
        assert draft.letter is None and draft.sent_at is None
        assert actions_since(mark) == ["assessment.created"]
        after = last_event().after
        assert after is not None and after["need_group"] == "standard"

    def test_an_assessment_needs_an_open_follow_up(self, vera: Actor, unfollowed: Person) -> None:
        error = refused(lambda: draft_for(vera, unfollowed, "standard"))
        assert (error.code, error.status) == ("no_open_period", 409)

    def test_an_unknown_need_group_is_refused(self, vera: Actor, newcomer: Person) -> None:
        error = refused(lambda: draft_for(vera, newcomer, "hopeless"))
        assert (error.code, error.status, error.field) == (
            "unknown_need_group",
            422,
            "need_group",
        )

    def test_an_unknown_main_goal_is_refused(self, vera: Actor, newcomer: Person) -> None:
        error = refused(
            lambda: services.assessment_create(
                actor=vera,
                person=newcomer,
                need_group="standard",
                main_goal="retire",
                reasoning=REASONING,
            )
        )
        assert (error.code, error.status) == ("main_goal_not_offered", 422)

    def test_the_reasoning_is_required(self, vera: Actor, newcomer: Person) -> None:
        error = refused(
            lambda: services.assessment_create(
                actor=vera,
                person=newcomer,
                need_group="standard",
                main_goal="get_work",
                reasoning=" ",
            )
        )
        assert (error.code, error.status, error.field) == ("reasoning_required", 422, "reasoning")

    def test_the_approver_does_not_write_assessments(
        self, approver: Actor, newcomer: Person
    ) -> None:
        error = refused(lambda: draft_for(approver, newcomer, "standard"))
        assert error.status == 403


class TestAssessmentSendWithoutApproval:
    @pytest.mark.parametrize("need_group", ["standard", "situation_specific", "specially_adapted"])
    def test_is_sent_straight_from_draft_with_a_decision_letter(
        self, vera: Actor, need_group: str, newcomer: Person
    ) -> None:
        draft = draft_for(vera, newcomer, need_group)
        mark = audit_mark()

        sent = services.assessment_send(actor=vera, assessment=draft, version=draft.version)

        assert sent.status == AssessmentStatus.SENT
        assert sent.sent_at is not None
        letter = sent.letter
        assert letter is not None
        assert letter.person == newcomer
        assert letter.kind == "decision_14a"
        assert letter.lix > 0
        assert letter.body.strip()
        assert letter.sent_by_label == "Vera Veileder"
        assert Letter.objects.get(pk=letter.pk).assessment == sent
        assert actions_since(mark) == ["letter.sent", "assessment.sent"]
        assert last_event().after == {"status": "sent", "letter": str(letter.pk)}
        assert selectors.current_decision(newcomer) == sent

    def test_does_not_go_to_an_approver(self, vera: Actor, newcomer: Person) -> None:
        draft = draft_for(vera, newcomer, "standard")
        error = refused(
            lambda: services.assessment_submit(actor=vera, assessment=draft, version=draft.version),
            draft,
        )
        assert (error.code, error.status) == ("approval_not_needed", 422)

    def test_a_sent_decision_is_not_sent_twice(
        self, vera: Actor, followed: Person, sent_decision: NeedsAssessment
    ) -> None:
        sent = selectors.current_decision(followed)
        assert sent == sent_decision and sent is not None
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=sent, version=sent.version),
            sent,
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_a_sent_decision_cannot_be_edited(
        self, vera: Actor, followed: Person, sent_decision: NeedsAssessment
    ) -> None:
        sent = selectors.current_decision(followed)
        assert sent == sent_decision and sent is not None
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=sent, version=sent.version, reasoning="Ny begrunnelse."
            ),
            sent,
        )
        assert (error.code, error.status) == ("assessment_locked", 409)


class TestAssessmentWithApproval:
    @pytest.mark.parametrize("need_group", ["permanent", "partially_permanent"])
    def test_cannot_be_sent_before_approval(
        self, vera: Actor, need_group: str, newcomer: Person
    ) -> None:
        draft = draft_for(vera, newcomer, need_group)
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=draft, version=draft.version),
            draft,
        )
        assert (error.code, error.status) == ("approval_required", 409)

    def test_cannot_be_sent_while_awaiting_approval(
        self, vera: Actor, awaiting: NeedsAssessment
    ) -> None:
        error = refused(
            lambda: services.assessment_send(
                actor=vera, assessment=awaiting, version=awaiting.version
            ),
            awaiting,
        )
        assert (error.code, error.status) == ("approval_required", 409)

    def test_goes_from_draft_to_the_approver_and_is_sent_once_approved(
        self, vera: Actor, approver: Actor, newcomer: Person
    ) -> None:
        draft = draft_for(vera, newcomer, "permanent")
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
        assert actions_since(mark) == [
            "assessment.submitted",
            "assessment.approved",
            "letter.sent",
            "assessment.sent",
        ]

    def test_the_approver_returns_it_with_a_comment_and_it_is_resubmitted(
        self, vera: Actor, approver: Actor, awaiting: NeedsAssessment
    ) -> None:
        mark = audit_mark()

        returned = services.assessment_return(
            actor=approver,
            assessment=awaiting,
            version=awaiting.version,
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
        assert actions_since(mark) == [
            "assessment.returned",
            "assessment.updated",
            "assessment.submitted",
            "assessment.approved",
        ]

    def test_a_sent_permanent_decision_is_not_sent_twice(
        self, vera: Actor, approver: Actor, awaiting: NeedsAssessment
    ) -> None:
        approved = services.assessment_approve(
            actor=approver, assessment=awaiting, version=awaiting.version
        )
        sent = services.assessment_send(actor=vera, assessment=approved, version=approved.version)
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=sent, version=sent.version),
            sent,
        )
        assert (error.code, error.status) == ("invalid_transition", 409)

    def test_returning_needs_a_comment(self, approver: Actor, awaiting: NeedsAssessment) -> None:
        error = refused(
            lambda: services.assessment_return(
                actor=approver, assessment=awaiting, version=awaiting.version, comment="  "
            ),
            awaiting,
        )
        assert (error.code, error.status, error.field) == ("comment_required", 422, "comment")

    def test_the_author_cannot_approve_their_own_assessment(
        self, vera: Actor, awaiting: NeedsAssessment
    ) -> None:
        error = refused(
            lambda: services.assessment_approve(
                actor=vera, assessment=awaiting, version=awaiting.version
            ),
            awaiting,
        )
        assert (error.code, error.status) == ("own_assessment", 403)

    def test_the_author_cannot_approve_even_holding_the_approver_role(
        self, system: Actor, actor_of_login: Lookup, awaiting: NeedsAssessment
    ) -> None:
        role_assign(actor=system, user=user("veileder"), role="approver", office=office("0317"))
        vera_approver = actor_of_login("veileder")
        for call in (
            lambda: services.assessment_approve(
                actor=vera_approver, assessment=awaiting, version=awaiting.version
            ),
            lambda: services.assessment_return(
                actor=vera_approver, assessment=awaiting, version=awaiting.version, comment="Nei."
            ),
        ):
            error = refused(call, awaiting)
            assert (error.code, error.status) == ("own_assessment", 403)

    def test_an_approver_at_another_office_cannot_approve(
        self, sagene_approver: Actor, awaiting: NeedsAssessment
    ) -> None:
        error = refused(
            lambda: services.assessment_approve(
                actor=sagene_approver, assessment=awaiting, version=awaiting.version
            ),
            awaiting,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    @pytest.mark.parametrize("login", ["sosialkonsulent", "kontorleder", "citizen"])
    def test_only_an_approver_approves(
        self, acting_as: Lookup, login: str, awaiting: NeedsAssessment
    ) -> None:
        error = refused(
            lambda: services.assessment_approve(
                actor=acting_as(login), assessment=awaiting, version=awaiting.version
            ),
            awaiting,
        )
        assert (error.code, error.status) == ("forbidden", 403)

    def test_approving_a_stale_version_is_refused_with_409(
        self, approver: Actor, awaiting: NeedsAssessment
    ) -> None:
        error = refused(
            lambda: services.assessment_approve(
                actor=approver, assessment=awaiting, version=awaiting.version + 1
            ),
            awaiting,
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_an_assessment_awaiting_approval_cannot_be_edited(
        self, vera: Actor, awaiting: NeedsAssessment
    ) -> None:
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=awaiting, version=awaiting.version, reasoning="Endret."
            ),
            awaiting,
        )
        assert (error.code, error.status) == ("assessment_locked", 409)

    def test_editing_an_approved_assessment_sends_it_back_to_draft(
        self, vera: Actor, approver: Actor, awaiting: NeedsAssessment
    ) -> None:
        approved = services.assessment_approve(
            actor=approver, assessment=awaiting, version=awaiting.version
        )
        mark = audit_mark()

        edited = services.assessment_update(
            actor=vera, assessment=approved, version=approved.version, main_goal="get_work"
        )

        assert edited.status == AssessmentStatus.DRAFT
        assert edited.approver is None
        assert edited.main_goal == "get_work"
        assert actions_since(mark) == ["assessment.updated"]
        event = last_event()
        assert event.before is not None and event.after is not None
        assert (event.before["status"], event.after["status"]) == ("approved", "draft")
        error = refused(
            lambda: services.assessment_send(actor=vera, assessment=edited, version=edited.version),
            edited,
        )
        assert error.code == "approval_required"


class TestAssessmentUpdate:
    def test_a_caseworker_edits_a_draft(self, vera: Actor, newcomer: Person) -> None:
        draft = draft_for(vera, newcomer, "standard")
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
        assert actions_since(mark) == ["assessment.updated"]
        event = last_event()
        assert event.before is not None and event.after is not None
        assert (event.before["need_group"], event.after["need_group"]) == (
            "standard",
            "situation_specific",
        )

    def test_a_stale_version_is_refused_with_409(self, vera: Actor, newcomer: Person) -> None:
        draft = draft_for(vera, newcomer, "standard")
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

    def test_an_unknown_need_group_is_refused(self, vera: Actor, newcomer: Person) -> None:
        draft = draft_for(vera, newcomer, "standard")
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=draft, version=draft.version, need_group="nope"
            ),
            draft,
        )
        assert (error.code, error.status) == ("unknown_need_group", 422)

    def test_the_reasoning_cannot_be_emptied(self, vera: Actor, newcomer: Person) -> None:
        draft = draft_for(vera, newcomer, "standard")
        error = refused(
            lambda: services.assessment_update(
                actor=vera, assessment=draft, version=draft.version, reasoning=""
            ),
            draft,
        )
        assert error.code == "reasoning_required"
