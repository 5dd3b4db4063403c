"""The §14a decision as NAV's decision support makes it today (NAV Act §14a; the rules of
veilarbvedtaksstotte): permanent adaptation has no main goal, the other groups get work or
keep work, and a decision names its sources before it goes to an approver or is sent."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.followup import services
from velferd.followup.models import NeedsAssessment
from velferd.people.models import Person

from .conftest import REASONING, draft, sent

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int]:
    return NeedsAssessment.objects.count(), AuditEvent.objects.count()


class TestMainGoal:
    def test_permanent_adaptation_with_a_main_goal_is_refused_naming_the_field(
        self, vera: Actor, ola: Person
    ) -> None:
        """NAV's decision support: a decision on varig tilpasset innsats has no hovedmål."""
        error = refusal(
            lambda: draft(vera, ola, need_group="permanent", main_goal="get_work"),
            unchanged=counts,
        )

        assert (error.code, error.field, error.status) == (
            "main_goal_not_allowed",
            "main_goal",
            422,
        )
        assert "Varig tilpasset innsats har ikke hovedmål" in error.message_nb
        assert "Permanent adaptation has no main goal" in error.message_en

    def test_permanent_adaptation_is_decided_and_sent_without_a_main_goal(
        self, vera: Actor, approver: Actor, ola: Person
    ) -> None:
        """NAV Act §14a: permanent adaptation, approved by a second approver, no main goal."""
        decision = draft(vera, ola, need_group="permanent", main_goal="")
        decision = services.assessment_submit(actor=vera, assessment=decision, version=1)
        decision = services.assessment_approve(actor=approver, assessment=decision, version=2)

        decision = services.assessment_send(actor=vera, assessment=decision, version=3)

        assert (decision.status, decision.main_goal) == ("sent", "")
        assert decision.letter is not None
        assert "Målet er at du skal" not in decision.letter.body

    def test_partially_permanent_adaptation_keeps_a_main_goal(
        self, vera: Actor, ola: Person
    ) -> None:
        """NAV's decision support asks a main goal of every group but permanent adaptation."""
        error = refusal(lambda: draft(vera, ola, need_group="partially_permanent", main_goal=""))

        assert (error.code, error.field) == ("main_goal_required", "main_goal")

    def test_increase_participation_is_no_longer_offered_for_a_new_decision(
        self, vera: Actor, ola: Person
    ) -> None:
        """NAV's decision support offers get work and keep work; "øke deltakelse" is only on
        decisions made in Arena before."""
        error = refusal(lambda: draft(vera, ola, main_goal="increase_participation"))

        assert (error.code, error.field) == ("main_goal_not_offered", "main_goal")

    def test_changing_a_draft_to_permanent_needs_its_main_goal_removed(
        self, vera: Actor, ola: Person
    ) -> None:
        decision = draft(vera, ola)

        error = refusal(
            lambda: services.assessment_update(
                actor=vera, assessment=decision, version=1, need_group="permanent"
            )
        )
        changed = services.assessment_update(
            actor=vera, assessment=decision, version=1, need_group="permanent", main_goal=""
        )

        assert error.code == "main_goal_not_allowed"
        assert (changed.need_group, changed.main_goal) == ("permanent", "")


class TestSources:
    def test_a_decision_without_sources_is_not_sent(self, vera: Actor, ola: Person) -> None:
        """NAV's decision support refuses a decision with no sources ("mangler kilder")."""
        decision = draft(vera, ola, sources=[])

        error = refusal(
            lambda: services.assessment_send(actor=vera, assessment=decision, version=1),
            unchanged=counts,
        )

        assert (error.code, error.field, error.status) == ("sources_required", "sources", 422)
        assert "Velg minst én kilde" in error.message_nb
        assert "Choose at least one source" in error.message_en
        assert NeedsAssessment.objects.get(pk=decision.pk).status == "draft"

    def test_a_permanent_decision_without_sources_does_not_go_to_the_approver(
        self, vera: Actor, ola: Person
    ) -> None:
        decision = draft(vera, ola, need_group="permanent", main_goal="", sources=[])

        error = refusal(
            lambda: services.assessment_submit(actor=vera, assessment=decision, version=1)
        )

        assert error.code == "sources_required"
        assert NeedsAssessment.objects.get(pk=decision.pk).status == "draft"

    def test_other_information_must_be_said_in_the_free_text(
        self, vera: Actor, ola: Person
    ) -> None:
        error = refusal(lambda: draft(vera, ola, sources=["other"], evidence=""))

        assert (error.code, error.field) == ("other_source_undescribed", "evidence")

    def test_an_unknown_source_is_refused(self, vera: Actor, ola: Person) -> None:
        error = refusal(lambda: draft(vera, ola, sources=["gossip"]))

        assert (error.code, error.field) == ("unknown_source", "sources")

    def test_the_sources_are_kept_once_each_in_the_list_order_and_audited(
        self, vera: Actor, ola: Person
    ) -> None:
        decision = draft(vera, ola, sources=["medical", "registration", "medical"])

        event = AuditEvent.objects.filter(action="assessment.created").order_by("seq").last()
        assert decision.sources == ["medical", "registration"]
        assert event is not None and event.after is not None
        assert event.after["sources"] == ["medical", "registration"]

    def test_the_letter_names_the_sources_and_the_free_text(self, vera: Actor, ola: Person) -> None:
        decision = sent(
            vera,
            ola,
            sources=["registration", "medical", "other"],
            evidence="Uttalelse fra kommunens fysioterapeut.",
        )

        assert decision.letter is not None
        body = decision.letter.body
        assert "- Det du fortalte oss da du registrerte deg som arbeidssøker." in body
        assert "- Opplysninger om helsen din." in body
        assert "Uttalelse fra kommunens fysioterapeut." in body
        assert REASONING in body

    def test_a_decision_sent_before_sources_were_recorded_stays_as_it_was(
        self, vera: Actor, ola: Person
    ) -> None:
        """Decisions sent before keep no sources, and nothing asks them for any."""
        decision = sent(vera, ola)
        NeedsAssessment.objects.filter(pk=decision.pk).update(sources=[])

        kept = NeedsAssessment.objects.get(pk=decision.pk)

        assert (kept.status, kept.sources, kept.source_labels) == ("sent", [], [])
