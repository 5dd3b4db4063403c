"""Every write of the settlement round is on the audit trail, by whom, on which record, with
what it was before and after: a new matching run's replacing of the drafts before it, the
drafts it makes, the case following its proposal, a lock lifted when the municipality is
ruled out, and the settling in the name of whoever settled. A run's read of the waiting
cases is in the access log."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from velferd.audit.models import AccessEvent, AuditEvent
from velferd.settlement import services
from velferd.settlement.models import Proposal, SettlementCase

from .factories import DRAMMEN, a_case, a_person, a_proposal, coordinator, demo_year, imdi

pytestmark = pytest.mark.django_db


def events(action: str, target: object) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(action=action, target_id=str(target.pk)).order_by("seq")  # type: ignore[attr-defined]
    )


def before(event: AuditEvent) -> dict[str, Any]:
    assert event.before is not None, f"{event.action} shows nothing before"
    return dict(event.before)


def after(event: AuditEvent) -> dict[str, Any]:
    assert event.after is not None, f"{event.action} shows nothing after"
    return dict(event.after)


def the_event(action: str, target: object) -> AuditEvent:
    found = events(action, target)
    assert len(found) == 1, f"{action} on {target}: {len(found)} events"
    return found[0]


def test_a_new_run_withdraws_the_drafts_before_it_each_on_the_audit_trail() -> None:
    officer = imdi()
    first = services.matching_run(actor=officer, year=demo_year().year)
    drafts = list(Proposal.objects.filter(run=first))
    assert drafts, "the first run made no drafts to replace"
    second = services.matching_run(actor=officer, year=demo_year().year)
    for draft in drafts:
        draft.refresh_from_db()
        assert draft.status == "withdrawn" and draft.version == 2
        event = the_event("settlement_proposal.withdrawn", draft)
        assert event.actor == officer.user and event.actor_label == officer.label
        assert event.target_type == "settlement.proposal"
        assert before(event)["status"] == "draft"
        assert before(event)["municipality"] == draft.municipality_id
        assert after(event)["status"] == "withdrawn"
        assert after(event)["replaced_by_run"] == str(second.pk)


def test_the_drafts_a_run_makes_are_audited_and_its_read_of_the_cases_logged() -> None:
    officer = imdi()
    waiting = set(
        str(pk)
        for pk in SettlementCase.objects.filter(status="waiting").values_list("pk", flat=True)
    )
    run = services.matching_run(actor=officer, year=demo_year().year)
    for draft in Proposal.objects.filter(run=run):
        event = the_event("settlement_proposal.created", draft)
        assert event.actor == officer.user and event.before is None
        assert after(event)["status"] == "draft"
        assert after(event)["municipality"] == draft.municipality_id
        assert after(event)["run"] == str(run.pk)
    read = AccessEvent.objects.filter(what="settlement.matching_run", actor=officer.user)
    assert set(read.values_list("subject_id", flat=True)) == waiting


def test_the_case_follows_its_proposal_on_the_audit_trail() -> None:
    case = a_case()
    proposal = a_proposal(case, DRAMMEN, "draft")
    services.proposal_send(actor=imdi(), proposal_id=proposal.pk)
    sent = the_event("settlement_case.status_changed", case)
    assert sent.actor == imdi().user
    assert (sent.before, sent.after) == ({"status": "waiting"}, {"status": "proposed"})
    services.proposal_decline(actor=coordinator(), proposal_id=proposal.pk, reason="Ingen bolig")
    back = events("settlement_case.status_changed", case)[-1]
    assert back.actor == coordinator().user
    assert (back.before, back.after) == ({"status": "proposed"}, {"status": "waiting"})


def test_ruling_out_the_municipality_a_case_is_locked_to_lifts_the_lock_on_the_trail() -> None:
    case = a_case()
    services.case_lock(
        actor=imdi(), case_id=case.pk, municipality_number=DRAMMEN, reason="Søster i Drammen"
    )
    services.case_exclude(
        actor=imdi(), case_id=case.pk, municipality_number=DRAMMEN, reason="Ingen bolig"
    )
    case.refresh_from_db()
    assert case.locked_municipality_id is None
    lifted = the_event("settlement_case.unlocked", case)
    assert lifted.actor == imdi().user
    assert lifted.before == {"locked_municipality": DRAMMEN, "lock_reason": "Søster i Drammen"}
    assert lifted.after == {"locked_municipality": None, "lock_reason": ""}
    assert after(the_event("settlement_case.excluded", case))["municipality"] == DRAMMEN


def test_settling_is_audited_in_the_name_of_who_settled_with_the_persons_registered() -> None:
    case = a_case(persons=[a_person(40), a_person(8)])
    proposal = a_proposal(case, DRAMMEN)
    services.proposal_accept(
        actor=coordinator(), proposal_id=proposal.pk, settle_on=timezone.localdate()
    )
    services.case_settle(actor=coordinator(), case_id=case.pk)
    event = the_event("settlement_case.settled", case)
    assert event.actor == coordinator().user
    assert event.before == {"status": "accepted", "settled_municipality": None, "settled_on": None}
    assert after(event)["status"] == "settled"
    assert after(event)["settled_municipality"] == DRAMMEN
    linked = {str(pk) for pk in case.persons.values_list("person_id", flat=True)}
    assert set(after(event)["persons"]) == linked and len(linked) == 2
