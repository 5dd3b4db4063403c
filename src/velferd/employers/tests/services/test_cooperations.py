"""The cooperation: starting it, its lifecycle moves with their events and reasons, its
owner, and completing it only once the assessment and plan are finished."""

from __future__ import annotations

import pytest
from django.utils import translation

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.employers import services
from velferd.employers.models import (
    Cooperation,
    Enterprise,
)

from ..writes import DAY, TODAY, actions_since, audit_mark, moved, refused

pytestmark = pytest.mark.django_db


class TestCooperation:
    def test_starting_writes_the_first_event_and_owns_it_by_the_advisor(
        self, advisor: Actor, enterprise: Enterprise
    ) -> None:
        seq = audit_mark()
        cooperation = services.cooperation_start(actor=advisor, enterprise=enterprise)
        assert (cooperation.status, cooperation.owner) == ("to_assess", advisor.user)
        assert actions_since(seq) == ["cooperation.started"]
        event = cooperation.events.get()
        assert (event.from_status, event.to_status, event.actor) == ("", "to_assess", advisor.user)

    def test_a_second_open_cooperation_is_refused_with_409(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.cooperation_start(actor=advisor, enterprise=cooperation.enterprise)
        )
        assert (error.code, error.status) == ("cooperation_already_open", 409)

    def test_a_new_one_may_start_when_the_last_is_closed(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        moved(advisor, cooperation, "assess", "skip", reason="no_dialogue_between_parties")
        again = services.cooperation_start(actor=advisor, enterprise=cooperation.enterprise)
        assert again.is_open and again.pk != cooperation.pk

    @pytest.mark.parametrize(
        ("moves", "action"),
        [
            (["assess"], "cooperation.assessing"),
            (["assess", "activate"], "cooperation.activated"),
        ],
    )
    def test_each_move_writes_its_event_and_audit(
        self, advisor: Actor, cooperation: Cooperation, moves: list[str], action: str
    ) -> None:
        before = moved(advisor, cooperation, *moves[:-1])
        seq = audit_mark()
        after = services.TRANSITIONS[moves[-1]](  # type: ignore[operator]
            actor=advisor, cooperation=before, version=before.version, comment="Avtalt i møte"
        )
        assert actions_since(seq) == [action]
        event = after.events.all()[0]
        assert (event.from_status, event.to_status, event.comment) == (
            before.status,
            after.status,
            "Avtalt i møte",
        )
        assert after.version == before.version + 1

    def test_skipping_needs_a_coded_reason(self, advisor: Actor, cooperation: Cooperation) -> None:
        assessing = moved(advisor, cooperation, "assess")
        for reason, code in [("", "reason_required"), ("goals_reached", "invalid_reason")]:

            def skip(reason: str = reason) -> Cooperation:
                return services.cooperation_skip(
                    actor=advisor, cooperation=assessing, version=assessing.version, reason=reason
                )

            error = refused(skip)
            assert (error.code, error.field, error.status) == (code, "reason", 422)
        seq = audit_mark()
        skipped = services.cooperation_skip(
            actor=advisor,
            cooperation=assessing,
            version=assessing.version,
            reason="too_few_lost_workdays",
        )
        assert (skipped.status, skipped.is_open, skipped.reason) == (
            "not_relevant",
            False,
            "too_few_lost_workdays",
        )
        assert actions_since(seq) == ["cooperation.skipped"]
        assert skipped.events.all()[0].reason == "too_few_lost_workdays"

    def test_cancelling_needs_a_reason_and_closes_it(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        active = moved(advisor, cooperation, "assess", "activate")
        error = refused(
            lambda: services.cooperation_cancel(
                actor=advisor, cooperation=active, version=active.version, reason=""
            )
        )
        assert error.field == "reason"
        seq = audit_mark()
        cancelled = services.cooperation_cancel(
            actor=advisor, cooperation=active, version=active.version, reason="enterprise_withdrew"
        )
        assert (cancelled.status, cancelled.is_open) == ("cancelled", False)
        assert actions_since(seq) == ["cooperation.cancelled"]

    def test_a_forbidden_move_is_an_invalid_transition(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.cooperation_activate(
                actor=advisor, cooperation=cooperation, version=cooperation.version
            )
        )
        assert (error.code, error.status) == ("invalid_transition", 409)
        assert "Til vurdering" in error.message_nb or "To assess" in error.message_en

    def test_a_stale_version_is_refused(self, advisor: Actor, cooperation: Cooperation) -> None:
        error = refused(
            lambda: services.cooperation_assess(
                actor=advisor, cooperation=cooperation, version=cooperation.version + 1
            )
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_the_employer_cannot_move_it(
        self, advisor: Actor, employer: Actor, cooperation: Cooperation
    ) -> None:
        own = moved(advisor, cooperation, "assess")
        error = refused(
            lambda: services.cooperation_activate(
                actor=employer, cooperation=own, version=own.version
            )
        )
        assert error.status == 403

    def test_the_owner_must_be_an_advisor_of_the_county(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        error = refused(
            lambda: services.cooperation_set_owner(
                actor=advisor,
                cooperation=cooperation,
                owner=User.objects.get(username="veileder"),
                version=cooperation.version,
            )
        )
        assert (error.code, error.field) == ("not_an_advisor_here", "owner")
        seq = audit_mark()
        changed = services.cooperation_set_owner(
            actor=advisor,
            cooperation=cooperation,
            owner=User.objects.get(username="ia-46"),
            version=cooperation.version,
        )
        assert changed.owner is not None and changed.owner.username == "ia-46"
        assert actions_since(seq) == ["cooperation.owner_changed"]


class TestCompletion:
    """A cooperation is unfinished while no needs assessment survey is closed (or one is
    still open), the plan has no sub-theme or one still planned or ongoing, or a delivery is
    still planned."""

    def complete(self, advisor: Actor, cooperation: Cooperation) -> Cooperation:
        cooperation.refresh_from_db()
        return services.cooperation_complete(
            actor=advisor,
            cooperation=cooperation,
            version=cooperation.version,
            reason="goals_reached",
        )

    def test_an_unfinished_cooperation_cannot_be_completed_and_says_why(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        active = moved(advisor, cooperation, "assess", "activate")
        error = refused(lambda: self.complete(advisor, active))
        assert (error.code, error.status) == ("cooperation_unfinished", 409)
        with translation.override("en"):
            assert "no needs assessment survey has been closed" in error.message
            assert "the plan has no sub-themes" in error.message

    def test_it_completes_once_the_assessment_and_the_plan_are_done(
        self, advisor: Actor, cooperation: Cooperation
    ) -> None:
        active = moved(advisor, cooperation, "assess", "activate")
        survey = services.survey_open(actor=advisor, cooperation=active, kind="needs_assessment")
        sub_theme = services.sub_theme_add(
            actor=advisor,
            cooperation=active,
            theme="sick_leave",
            title="Rutiner",
            goal="Tidlig dialog",
            starts_on=TODAY(),
            ends_on=TODAY() + DAY,
        )
        error = refused(lambda: self.complete(advisor, active))
        assert "still open" in error.message_en and "planned or ongoing" in error.message_en
        services.survey_close(actor=advisor, survey=survey)
        services.sub_theme_change(
            actor=advisor, sub_theme=sub_theme, version=sub_theme.version, status="done"
        )
        seq = audit_mark()
        completed = self.complete(advisor, active)
        assert (completed.status, completed.is_open, completed.reason) == (
            "completed",
            False,
            "goals_reached",
        )
        assert actions_since(seq) == ["cooperation.completed"]
