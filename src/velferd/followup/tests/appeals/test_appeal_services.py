"""Appeals against a §14a decision (forvaltningsloven §§ 28–33): who registers one and when,
the late flag of § 31, and the office's preparation of it under § 33, each move audited,
versioned and refused (409) where the table of lifecycles.APPEAL does not allow it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.followup import services
from velferd.followup.models import Appeal, NeedsAssessment
from velferd.followup.models.appeals import appeal_deadline
from velferd.people.models import Person

from .conftest import GROUNDS, draft, sent

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def counts() -> tuple[int, int, int]:
    return Appeal.objects.count(), NeedsAssessment.objects.count(), AuditEvent.objects.count()


def last_event(action: str) -> AuditEvent:
    event = AuditEvent.objects.filter(action=action).order_by("seq").last()
    assert event is not None
    return event


class TestDeadline:
    def test_six_weeks_from_the_day_the_letter_reached_the_person(self) -> None:
        """forvaltningsloven § 29: six weeks; a Wednesday's letter, a Wednesday's deadline."""
        assert appeal_deadline(datetime.date(2026, 3, 4)) == datetime.date(2026, 4, 15)

    def test_a_deadline_on_a_weekend_moves_to_the_monday(self) -> None:
        assert appeal_deadline(datetime.date(2026, 3, 7)) == datetime.date(2026, 4, 20)
        assert appeal_deadline(datetime.date(2026, 3, 8)) == datetime.date(2026, 4, 20)


class TestRegister:
    def test_the_person_appeals_their_decision_on_their_own_pages(
        self, ola_login: Actor, decision: NeedsAssessment
    ) -> None:
        """forvaltningsloven § 28: the person may appeal the decision."""
        appeal = services.appeal_register(actor=ola_login, decision=decision, grounds=GROUNDS)

        assert (appeal.status, appeal.lodged_by_person, appeal.late) == ("received", True, False)
        assert appeal.received_on == TODAY()
        assert appeal.deadline == appeal_deadline(timezone.localdate(decision.sent_at))
        event = last_event("appeal.registered")
        assert event.target_id == str(appeal.pk)
        assert event.after is not None
        assert event.after["decision"] == str(decision.pk)
        assert GROUNDS not in str(event.after)

    def test_the_office_registers_an_appeal_that_came_by_letter_with_its_day(
        self, vera: Actor, ola: Person
    ) -> None:
        decision = sent(vera, ola, days_ago=10)

        appeal = services.appeal_register(
            actor=vera,
            decision=decision,
            grounds=GROUNDS,
            received_on=TODAY() - datetime.timedelta(days=3),
        )

        assert (appeal.lodged_by_person, appeal.registered_by) == (False, vera.user)
        assert appeal.received_on == TODAY() - datetime.timedelta(days=3)

    def test_an_appeal_after_six_weeks_is_registered_and_flagged_late(
        self, vera: Actor, ola_login: Actor, ola: Person
    ) -> None:
        """forvaltningsloven § 31: a late appeal is still received; the office considers it."""
        decision = sent(vera, ola, days_ago=60)

        appeal = services.appeal_register(actor=ola_login, decision=decision, grounds=GROUNDS)

        assert appeal.late is True
        assert appeal.deadline < appeal.received_on
        assert last_event("appeal.registered").after["late"] is True  # type: ignore[index]

    def test_a_draft_cannot_be_appealed(self, vera: Actor, ola: Person) -> None:
        unsent = draft(vera, ola)

        error = refusal(
            lambda: services.appeal_register(actor=vera, decision=unsent, grounds=GROUNDS),
            unchanged=counts,
        )

        assert (error.code, error.status) == ("decision_not_sent", 409)

    def test_a_second_appeal_while_the_first_is_prepared_is_refused(
        self, ola_login: Actor, appeal: Appeal
    ) -> None:
        error = refusal(
            lambda: services.appeal_register(
                actor=ola_login, decision=appeal.decision, grounds="En klage til."
            ),
            unchanged=counts,
        )

        assert (error.code, error.status) == ("appeal_exists", 409)

    def test_an_appeal_without_grounds_is_refused_naming_the_field(
        self, ola_login: Actor, decision: NeedsAssessment
    ) -> None:
        """forvaltningsloven § 32: the appeal says what is appealed and why."""
        error = refusal(
            lambda: services.appeal_register(actor=ola_login, decision=decision, grounds="  "),
            unchanged=counts,
        )

        assert (error.code, error.field, error.status) == ("grounds_required", "grounds", 422)

    def test_the_office_cannot_date_an_appeal_in_the_future(
        self, vera: Actor, decision: NeedsAssessment
    ) -> None:
        error = refusal(
            lambda: services.appeal_register(
                actor=vera,
                decision=decision,
                grounds=GROUNDS,
                received_on=TODAY() + datetime.timedelta(days=1),
            ),
            unchanged=counts,
        )

        assert (error.code, error.field) == ("received_in_future", "received_on")

    def test_staff_of_another_office_cannot_register_an_appeal(
        self, sagene: Actor, decision: NeedsAssessment
    ) -> None:
        error = refusal(
            lambda: services.appeal_register(actor=sagene, decision=decision, grounds=GROUNDS),
            unchanged=counts,
        )

        assert error.status == 403

    def test_the_person_cannot_date_their_own_appeal_back(
        self, ola_login: Actor, vera: Actor, ola: Person
    ) -> None:
        decision = sent(vera, ola, days_ago=60)

        appeal = services.appeal_register(
            actor=ola_login,
            decision=decision,
            grounds=GROUNDS,
            received_on=TODAY() - datetime.timedelta(days=50),
        )

        assert (appeal.received_on, appeal.late) == (TODAY(), True)


class TestPrepare:
    def test_upheld_the_office_drafts_a_new_decision_from_the_one_appealed(
        self, vera: Actor, appeal: Appeal
    ) -> None:
        """forvaltningsloven § 33: the office finds the appeal right and makes a new decision."""
        upheld = services.appeal_uphold(
            actor=vera, appeal=appeal, version=1, comment="Ola trenger tettere oppfølging."
        )

        assert (upheld.status, upheld.version, upheld.prepared_by) == ("upheld", 2, vera.user)
        new = upheld.new_decision
        assert new is not None
        assert (new.status, new.person_id, new.author) == ("draft", appeal.person_id, vera.user)
        assert (new.need_group, new.sources) == (
            appeal.decision.need_group,
            appeal.decision.sources,
        )
        event = last_event("appeal.upheld")
        assert event.after == {"status": "upheld", "new_decision": str(new.pk)}
        assert last_event("assessment.created").target_id == str(new.pk)

    def test_not_upheld_the_appeal_goes_to_nav_klageinstans_on_the_day_given(
        self, vera: Actor, appeal: Appeal
    ) -> None:
        """forvaltningsloven § 33: the office keeps its decision and sends the case on."""
        forwarded = services.appeal_forward(
            actor=vera,
            appeal=appeal,
            version=1,
            comment="Vedtaket er riktig.",
            forwarded_on=TODAY(),
        )

        assert (forwarded.status, forwarded.forwarded_on) == ("forwarded", TODAY())
        assert forwarded.office_assessment == "Vedtaket er riktig."
        assert forwarded.new_decision is None
        assert last_event("appeal.forwarded").after == {
            "status": "forwarded",
            "forwarded_on": TODAY().isoformat(),
        }

    def test_an_appeal_sent_on_cannot_be_upheld_after(self, vera: Actor, appeal: Appeal) -> None:
        forwarded = services.appeal_forward(actor=vera, appeal=appeal, version=1, comment="Nei.")

        error = refusal(
            lambda: services.appeal_uphold(actor=vera, appeal=forwarded, version=2, comment="Ja."),
            unchanged=counts,
        )

        assert (error.code, error.status) == ("invalid_transition", 409)
        assert "Sendt til NAV Klageinstans" in error.message_nb

    def test_a_stale_version_is_refused_with_409(self, vera: Actor, appeal: Appeal) -> None:
        error = refusal(
            lambda: services.appeal_forward(actor=vera, appeal=appeal, version=7, comment="Nei."),
            unchanged=counts,
        )

        assert (error.code, error.status) == ("stale_version", 409)

    def test_the_office_must_give_its_assessment(self, vera: Actor, appeal: Appeal) -> None:
        error = refusal(
            lambda: services.appeal_forward(actor=vera, appeal=appeal, version=1, comment=""),
            unchanged=counts,
        )

        assert (error.code, error.field) == ("comment_required", "comment")

    def test_the_person_does_not_prepare_their_own_appeal(
        self, ola_login: Actor, appeal: Appeal
    ) -> None:
        error = refusal(
            lambda: services.appeal_uphold(actor=ola_login, appeal=appeal, version=1, comment="Ja"),
            unchanged=counts,
        )

        assert error.status == 403

    def test_an_approver_does_not_prepare_appeals(self, approver: Actor, appeal: Appeal) -> None:
        error = refusal(
            lambda: services.appeal_forward(
                actor=approver, appeal=appeal, version=1, comment="Nei"
            ),
            unchanged=counts,
        )

        assert error.status == 403

    def test_a_forwarding_day_before_the_appeal_came_in_is_refused(
        self, vera: Actor, appeal: Appeal
    ) -> None:
        error = refusal(
            lambda: services.appeal_forward(
                actor=vera,
                appeal=appeal,
                version=1,
                comment="Nei.",
                forwarded_on=TODAY() - datetime.timedelta(days=1),
            ),
            unchanged=counts,
        )

        assert (error.code, error.field) == ("invalid_forwarded_on", "forwarded_on")
