"""Appeals against a decision on financial assistance: from the person's own pages within
three weeks (later accepted and marked late), re-assessed by the office, sent to the County
Governor or answered with a new decision, and the County Governor's outcome recorded."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest

from velferd.access.actor import Actor
from velferd.assistance.models import Appeal, AppealStatus, Decision
from velferd.assistance.services import appeals
from velferd.assistance.services.decision_checks import DecisionInput
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor, new_user
from velferd.people.tests.factories import a_person

from .factories import an_application
from .payment_factories import a_decision, second_caseworker

pytestmark = pytest.mark.django_db
DECIDED = datetime.date(2026, 1, 2)


def _citizen_decision() -> tuple[Actor, Decision]:
    citizen = new_user("soker", "citizen")
    person = a_person(user=citizen.user, birth_date=datetime.date(1970, 5, 17))
    return citizen, a_decision(an_application(person=person, status="decided"))


def _lodge_on(day: datetime.date, actor: Actor, decision: Decision) -> Appeal:
    with mock.patch("django.utils.timezone.localdate", return_value=day):
        return appeals.appeal_lodge(
            actor=actor, decision_id=decision.pk, grounds="Jeg trenger mer."
        )


def test_the_person_appeals_within_three_weeks() -> None:
    citizen, decision = _citizen_decision()
    appeal = _lodge_on(DECIDED + datetime.timedelta(weeks=3), citizen, decision)
    assert (appeal.status, appeal.late, appeal.registered_by) == ("received", False, citizen.user)
    assert AuditEvent.objects.filter(action="assistance_appeal.lodged").count() == 1


def test_an_appeal_after_three_weeks_is_accepted_and_marked_late() -> None:
    citizen, decision = _citizen_decision()
    appeal = _lodge_on(DECIDED + datetime.timedelta(weeks=3, days=1), citizen, decision)
    assert appeal.late and appeal.status == AppealStatus.RECEIVED


def _refusal(actor: Actor, decision: Decision, grounds: str = "Feil.") -> DomainError:
    with pytest.raises(DomainError) as refusal:
        appeals.appeal_lodge(actor=actor, decision_id=decision.pk, grounds=grounds)
    return refusal.value


def test_bad_appeals_are_refused_and_nothing_is_written() -> None:
    citizen, decision = _citizen_decision()
    assert _refusal(citizen, decision, "  ").code == "grounds_required"
    assert _refusal(new_user("annen", "citizen"), decision).status == 404
    appeals.appeal_lodge(actor=citizen, decision_id=decision.pk, grounds="Feil beløp.")
    second = _refusal(citizen, decision)
    assert (second.status, second.code) == (409, "appeal_exists")
    assert "allerede en klage" in second.message_nb
    assert Appeal.objects.count() == 1


def test_a_replaced_decision_cannot_be_appealed() -> None:
    citizen, decision = _citizen_decision()
    a_decision(decision.application, replaces=decision, reason="breach_of_condition")
    assert _refusal(citizen, decision).code == "decision_replaced"


def _received() -> Appeal:
    citizen, decision = _citizen_decision()
    return appeals.appeal_lodge(actor=citizen, decision_id=decision.pk, grounds="For lite.")


def test_the_office_sends_the_appeal_to_the_county_governor_and_records_the_outcome() -> None:
    appeal = _received()
    office = login_actor("sosialkonsulent")
    sent = appeals.appeal_send_to_county_governor(
        actor=office, appeal_id=appeal.pk, version=appeal.version, assessment="Vedtaket står."
    )
    assert sent.status == AppealStatus.SENT_TO_COUNTY_GOVERNOR and sent.sent_on is not None
    decided = appeals.appeal_record_county_governor(
        actor=office, appeal_id=sent.pk, version=sent.version, outcome="upheld_by_county_governor"
    )
    assert decided.status == AppealStatus.UPHELD_BY_COUNTY_GOVERNOR


def test_the_office_changes_the_decision_after_the_appeal() -> None:
    appeal = _received()
    new = a_decision(
        appeal.decision.application, replaces=appeal.decision, reason="appeal_reassessed"
    )
    changed = appeals.appeal_record_change(
        actor=second_caseworker(),
        appeal_id=appeal.pk,
        version=appeal.version,
        assessment="Klageren har rett.",
        new_decision=new,
    )
    assert changed.status == AppealStatus.CHANGED and changed.new_decision == new


def test_changing_the_decision_makes_a_new_one_through_the_decision_service() -> None:
    appeal = _received()
    data = DecisionInput(
        outcome="granted",
        amount="9000",
        frequency="monthly",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        reasoning="Etter klagen regner vi med strømutgiftene også.",
        conditions=[],
    )
    changed = appeals.appeal_change(
        actor=second_caseworker(),
        appeal_id=appeal.pk,
        version=appeal.version,
        assessment="Strømmen var ikke tatt med.",
        data=data,
    )
    assert changed.status == AppealStatus.CHANGED and changed.new_decision is not None
    new = changed.new_decision
    assert (new.reason, new.replaces_id, new.amount) == (
        "appeal_reassessed",
        appeal.decision_id,
        9000,
    )
    assert new.payments.exclude(status="cancelled").exists()


def test_the_office_moves_are_refused_when_wrong() -> None:
    appeal = _received()
    office = login_actor("sosialkonsulent")
    with pytest.raises(DomainError) as stale:
        appeals.appeal_send_to_county_governor(
            actor=office, appeal_id=appeal.pk, version=appeal.version + 1, assessment="Står."
        )
    assert (stale.value.status, stale.value.code) == (409, "stale_version")
    with pytest.raises(DomainError) as early:
        appeals.appeal_record_county_governor(
            actor=office,
            appeal_id=appeal.pk,
            version=appeal.version,
            outcome="upheld_by_county_governor",
        )
    assert early.value.code == "appeal_wrong_status"
    unrelated = a_decision(appeal.decision.application, reason="appeal_reassessed")
    with pytest.raises(DomainError) as wrong:
        appeals.appeal_record_change(
            actor=office,
            appeal_id=appeal.pk,
            version=appeal.version,
            assessment="Ja.",
            new_decision=unrelated,
        )
    assert wrong.value.code == "not_the_new_decision"
    with pytest.raises(DomainError) as state_side:
        appeals.appeal_send_to_county_governor(
            actor=login_actor("veileder"),
            appeal_id=appeal.pk,
            version=appeal.version,
            assessment="Nei.",
        )
    assert state_side.value.status in (403, 404)
    assert Appeal.objects.get(pk=appeal.pk).status == AppealStatus.RECEIVED
