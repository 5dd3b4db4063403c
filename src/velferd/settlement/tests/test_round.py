"""The round from request to settled person, through the services: every refusal in both
languages with its status and nothing written, and the reads in the access log."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from velferd.audit.models import AccessEvent, AuditEvent
from velferd.core.errors import DomainError
from velferd.people.models import Person
from velferd.settlement import selectors, services
from velferd.settlement.models import (
    CaseExclusion,
    MunicipalityDecision,
    MunicipalityRequest,
    Proposal,
    SettlementCase,
)

from .factories import (
    BODO,
    DRAMMEN,
    a_case,
    a_coordinator,
    a_person,
    a_proposal,
    coordinator,
    demo_year,
    imdi,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def refused(error: pytest.ExceptionInfo[DomainError], status: int, code: str) -> None:
    assert error.value.status == status and error.value.code == code
    assert error.value.message_nb and error.value.message_en
    assert error.value.message_nb != error.value.message_en


def test_requests_in_bulk_are_written_whole_or_not_at_all() -> None:
    year = demo_year().year
    before = MunicipalityRequest.objects.count()
    rows = [
        {"municipality_number": "4601", "persons": "30", "unaccompanied_minors": "2"},
        {"municipality_number": "9999", "persons": "5"},
    ]
    with pytest.raises(DomainError) as error:
        services.requests_set(actor=imdi(), year=year, rows=rows)
    assert error.value.message_nb.startswith("Linje 2:")
    assert MunicipalityRequest.objects.count() == before
    csv_rows = services.requests_from_csv(
        "municipality_number,persons,unaccompanied_minors\n4601,30,2\n1103,20,0\n"
    )
    made = services.requests_set(actor=imdi(), year=year, rows=csv_rows)
    assert [r.persons for r in made] == [30, 20]


def test_more_minors_than_persons_is_refused() -> None:
    with pytest.raises(DomainError) as error:
        services.requests_set(
            actor=imdi(),
            year=demo_year().year,
            rows=[{"municipality_number": "4601", "persons": "2", "unaccompanied_minors": "3"}],
        )
    refused(error, 422, "minors_exceed_persons")


def test_the_coordinator_enters_their_decision_and_the_newest_holds() -> None:
    year = demo_year()
    decision = services.decision_enter(
        actor=coordinator(), year=year.year, municipality_number=DRAMMEN, persons=25
    )
    assert not decision.entered_by_imdi
    line = next(c for c in selectors.capacities(year) if c.municipality.number == DRAMMEN)
    assert line.decided_persons == 25
    by_imdi = services.decision_enter(
        actor=imdi(), year=year.year, municipality_number=DRAMMEN, persons=26
    )
    assert by_imdi.entered_by_imdi
    assert MunicipalityDecision.objects.filter(request__municipality=DRAMMEN).count() >= 3


def test_a_coordinator_cannot_decide_for_another_municipality() -> None:
    count = MunicipalityDecision.objects.count()
    with pytest.raises(DomainError) as error:
        services.decision_enter(
            actor=coordinator(), year=demo_year().year, municipality_number=BODO, persons=3
        )
    refused(error, 403, "forbidden")
    assert MunicipalityDecision.objects.count() == count


def test_a_case_with_a_bad_identity_number_is_refused_and_nothing_written() -> None:
    count = SettlementCase.objects.count()
    bad = {**a_person(), "identity_number": "12345678901"}
    with pytest.raises(DomainError) as error:
        a_case(persons=[a_person(), bad])
    assert error.value.status == 422 and error.value.field == "persons[1].identity_number"
    assert error.value.message_nb.startswith("Person 2:")
    assert SettlementCase.objects.count() == count


def test_an_unaccompanied_minor_must_be_under_18_and_alone() -> None:
    with pytest.raises(DomainError) as error:
        a_case(persons=[a_person(30, unaccompanied_minor=True)])
    assert error.value.code == "not_a_minor"
    with pytest.raises(DomainError) as error:
        a_case(persons=[a_person(15, unaccompanied_minor=True), a_person(40)])
    refused(error, 422, "minor_not_alone")


def test_the_waiting_time_is_flagged_against_imdis_goal() -> None:
    adult = a_case(waited_days=200)
    minor = a_case(persons=[a_person(16, unaccompanied_minor=True)], waited_days=80)
    fresh = a_case(waited_days=10)
    assert selectors.waiting_of(adult).flag == "past"
    assert selectors.waiting_of(minor).flag == "near"
    assert selectors.waiting_of(fresh).flag == "ok"
    assert selectors.waiting_of(adult).days == 200


def test_the_coordinator_never_sees_a_case_not_sent_to_them() -> None:
    draft = a_case()
    a_proposal(draft, DRAMMEN, "draft")
    with pytest.raises(DomainError) as error:
        selectors.case_for(actor=coordinator(), case_id=draft.pk)
    assert error.value.status == 404
    listed = selectors.cases_visible(coordinator(), demo_year().pk)
    assert draft not in listed


def test_reading_a_case_logs_the_case_and_each_person() -> None:
    case = a_case(persons=[a_person(40), a_person(38)])
    a_proposal(case, DRAMMEN)
    before = AccessEvent.objects.count()
    selectors.case_for(actor=coordinator(), case_id=case.pk)
    events = AccessEvent.objects.order_by("-pk")[: AccessEvent.objects.count() - before]
    assert {e.what for e in events} == {"settlement.case", "settlement.case_person"}
    assert len(events) == 3


def test_the_matching_run_proposes_drafts_within_the_capacities() -> None:
    year = demo_year()
    run = services.matching_run(actor=imdi(), year=year.year)
    assert run.problems == [] and run.gap is not None and run.gap <= 0.001
    drafts = Proposal.objects.filter(run=run)
    assert drafts.count() > 0 and all(p.status == "draft" for p in drafts)
    for line in selectors.capacities(year):
        placed = sum(
            p.case.persons.count() for p in drafts if p.municipality_id == line.municipality.number
        )
        assert placed <= line.remaining_persons
    health = [p for p in drafts if p.case.persons.filter(health_need=True).exists()]
    assert all(
        next(
            c for c in selectors.capacities(year) if c.municipality.number == p.municipality_id
        ).health_competence
        for p in health
    )


def test_the_officers_override_locks_the_case_and_reruns() -> None:
    year = demo_year()
    case = SettlementCase.objects.filter(year=year, status="waiting").first()
    assert case is not None
    with pytest.raises(DomainError) as error:
        services.case_override(
            actor=imdi(), case_id=case.pk, municipality_number="3201", reason=" "
        )
    refused(error, 422, "reason_required")
    run = services.case_override(
        actor=imdi(), case_id=case.pk, municipality_number="3201", reason="Bror bor i Bærum"
    )
    proposal = Proposal.objects.get(run=run, case=case)
    assert proposal.municipality_id == "3201" and proposal.override_reason == "Bror bor i Bærum"


def _sent_to_drammen() -> Proposal:
    case = a_case(persons=[a_person(35), a_person(5)])
    proposal = a_proposal(case, DRAMMEN, "draft")
    return services.proposal_send(actor=imdi(), proposal_id=proposal.pk)


def test_sending_sets_the_date_to_answer_by() -> None:
    proposal = _sent_to_drammen()
    assert proposal.status == "sent" and proposal.answer_by == TODAY() + datetime.timedelta(days=14)
    assert SettlementCase.objects.get(pk=proposal.case_id).status == "proposed"


def test_accepting_and_settling_registers_the_persons_at_the_municipalitys_office() -> None:
    proposal = _sent_to_drammen()
    with pytest.raises(DomainError) as error:
        services.proposal_accept(actor=coordinator(), proposal_id=proposal.pk, settle_on=None)
    refused(error, 422, "invalid_settle_on")
    accepted = services.proposal_accept(
        actor=coordinator(), proposal_id=proposal.pk, settle_on=TODAY()
    )
    assert accepted.status == "accepted"
    assert services.settle_due_cases() >= 1
    case = SettlementCase.objects.get(pk=proposal.case_id)
    assert case.status == "settled" and case.settled_municipality_id == DRAMMEN
    for member in case.persons.all():
        assert member.person_id is not None
        person = Person.objects.get(pk=member.person_id)
        assert person.municipality_id == DRAMMEN
        assert person.office.areas.filter(municipality_id=DRAMMEN).exists()


def test_declining_needs_a_reason_and_rules_the_municipality_out() -> None:
    proposal = _sent_to_drammen()
    with pytest.raises(DomainError) as error:
        services.proposal_decline(actor=coordinator(), proposal_id=proposal.pk, reason="")
    refused(error, 422, "reason_required")
    assert Proposal.objects.get(pk=proposal.pk).status == "sent"
    services.proposal_decline(actor=coordinator(), proposal_id=proposal.pk, reason="Ingen bolig")
    case = SettlementCase.objects.get(pk=proposal.case_id)
    assert case.status == "waiting"
    assert CaseExclusion.objects.filter(case=case, municipality_id=DRAMMEN).exists()
    with pytest.raises(DomainError) as error:
        selectors.case_for(actor=coordinator(), case_id=case.pk)
    assert error.value.status == 404


def test_another_municipality_cannot_answer_and_an_officer_is_refused() -> None:
    proposal = _sent_to_drammen()
    other = a_coordinator("bosetting-bodo", BODO)
    with pytest.raises(DomainError) as error:
        services.proposal_accept(actor=other, proposal_id=proposal.pk, settle_on=TODAY())
    assert error.value.status == 404
    with pytest.raises(DomainError) as error:
        services.proposal_accept(actor=imdi(), proposal_id=proposal.pk, settle_on=TODAY())
    refused(error, 403, "forbidden")
    assert Proposal.objects.get(pk=proposal.pk).status == "sent"


def test_a_second_answer_is_a_conflict() -> None:
    proposal = _sent_to_drammen()
    services.proposal_accept(actor=coordinator(), proposal_id=proposal.pk, settle_on=TODAY())
    with pytest.raises(DomainError) as error:
        services.proposal_decline(actor=coordinator(), proposal_id=proposal.pk, reason="Nei")
    refused(error, 409, "proposal_not_open")


def test_an_unanswered_proposal_expires_and_the_case_waits_again() -> None:
    proposal = _sent_to_drammen()
    audits = AuditEvent.objects.count()
    assert services.expire_overdue_proposals(TODAY() + datetime.timedelta(days=15)) >= 1
    assert Proposal.objects.get(pk=proposal.pk).status == "expired"
    assert SettlementCase.objects.get(pk=proposal.case_id).status == "waiting"
    assert AuditEvent.objects.count() > audits


def test_the_officer_withdraws_a_sent_proposal_with_a_reason() -> None:
    proposal = _sent_to_drammen()
    with pytest.raises(DomainError) as error:
        services.proposal_withdraw(actor=imdi(), proposal_id=proposal.pk, reason="")
    refused(error, 422, "reason_required")
    services.proposal_withdraw(actor=imdi(), proposal_id=proposal.pk, reason="Feil kommune")
    assert SettlementCase.objects.get(pk=proposal.case_id).status == "waiting"


def test_the_officers_lists_hold_what_their_policy_lets_through() -> None:
    from velferd.access import policies

    from .factories import an_officer

    year = demo_year()
    everything = SettlementCase.objects.filter(year=year, status="waiting").count()
    assert selectors.cases_visible(imdi(), year.pk, "waiting").count() == everything > 0
    assert (
        len(selectors.round_lines(imdi(), year))
        == MunicipalityRequest.objects.filter(year=year).count()
    )
    regional = an_officer("imdi-nordland", "18")
    lines = selectors.round_lines(regional, year)
    assert [line.municipality.number for line in lines] == [BODO]
    for case in selectors.cases_visible(regional, year.pk):
        assert policies.can_view_settlement_case(regional, case)
    assert [line.municipality.number for line in selectors.round_lines(coordinator(), year)] == [
        DRAMMEN
    ]
