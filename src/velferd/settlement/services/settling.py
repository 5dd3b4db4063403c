"""Settling: on the agreed date the case's persons are registered in the people registry in
the municipality that took them (and so at the NAV office that serves it), through the
people services; a person already in the registry moves there. The case is settled."""

from __future__ import annotations

import datetime

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor, system_actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid
from velferd.people import selectors as people_selectors, services as people_services

from ..lifecycles import move_case
from ..models import CasePerson, Proposal, SettlementCase
from .common import lock_case, today


def _register(actor: Actor, member: CasePerson, number: str) -> object:
    existing = people_selectors.registered_person(member.identity_number)
    if existing is not None:
        return people_services.person_update(
            actor=actor, person=existing, version=existing.version, municipality_number=number
        )
    return people_services.person_register(
        actor=actor,
        national_id=member.identity_number,
        given_name=member.given_name,
        family_name=member.family_name,
        birth_date=member.birth_date,
        municipality_number=number,
    )


def _settle(actor: Actor, case: SettlementCase, proposal: Proposal) -> SettlementCase:
    """The persons registered (by the settlement round itself: the registry's own rights are
    not the settler's) and the case settled, in the name of `actor`, who settled it."""
    number = proposal.municipality_id
    registrar = system_actor("settlement")
    before = audit.snapshot(case, "status", "settled_municipality", "settled_on")
    registered = []
    for member in case.persons.select_for_update().order_by("birth_date", "pk"):
        try:
            member.person = _register(registrar, member, number)  # type: ignore[assignment]
        except DomainError as error:
            raise invalid(
                "cannot_register",
                "persons",
                f"{member.given_name} kan ikke registreres: {error.message_nb}",
                f"{member.given_name} cannot be registered: {error.message_en}",
                status=CONFLICT,
            ) from None
        member.save(update_fields=["person", "updated_at"])
        registered.append(str(member.person_id))
    move_case(case, "settled")
    case.settled_municipality_id, case.settled_on = number, proposal.settle_on
    case.bump_version()
    case.save()
    audit.record(
        actor=actor,
        action="settlement_case.settled",
        target=case,
        before=before,
        after={
            **audit.snapshot(case, "status", "settled_municipality", "settled_on"),
            "persons": registered,
        },
    )
    return case


def _accepted(case: SettlementCase) -> Proposal:
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .filter(case=case, status="accepted")
        .first()
    )
    if proposal is None or case.status != "accepted":
        raise invalid(
            "case_not_accepted",
            "status",
            "Saken er ikke akseptert av noen kommune.",
            "No municipality has accepted the case.",
            status=CONFLICT,
        )
    return proposal


@transaction.atomic
def case_settle(*, actor: Actor, case_id: object) -> SettlementCase:
    """Settle an accepted case now that its date has come (the coordinator who took it, or
    IMDi for the municipality)."""
    case = lock_case(case_id)
    if not policies.allows(actor, policies.can_view_settlement_case, case):
        raise invalid("not_found", None, "Fant ikke saken.", "The case was not found.", status=404)
    proposal = _accepted(case)
    if not (
        policies.allows(actor, policies.can_answer_settlement_proposal, proposal)
        or policies.allows(actor, policies.can_send_settlement_proposal, proposal)
    ):
        policies.require(actor, policies.can_answer_settlement_proposal, proposal)
    if proposal.settle_on is None or proposal.settle_on > today():
        raise invalid(
            "not_yet",
            "settle_on",
            f"Saken skal bosettes {proposal.settle_on:%d.%m.%Y}, ikke før.",
            f"The case is to be settled on {proposal.settle_on:%Y-%m-%d}, not before.",
            status=CONFLICT,
        )
    return _settle(actor, case, proposal)


def settle_due_cases(day: datetime.date | None = None) -> int:
    """Every accepted case whose settling date has come is settled; returns how many. A
    case that cannot be registered stays accepted (and is tried again the next day)."""
    cutoff = day or today()
    due = list(
        Proposal.objects.filter(
            status="accepted", settle_on__lte=cutoff, case__status="accepted"
        ).values_list("case_id", flat=True)
    )
    settled = 0
    for case_id in due:
        try:
            with transaction.atomic():
                case = lock_case(case_id)
                if case.status == "accepted":
                    _settle(system_actor("settlement"), case, _accepted(case))
                    settled += 1
        except DomainError:
            continue
    return settled
