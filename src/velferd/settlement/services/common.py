"""What the settlement services share: the refusals, the numbers they check, the settings,
and the locks, taken in the domain's lock order: the year → the municipality's request →
the case → its proposal → the audit chain head (docs/architecture.md, "Lock order")."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, NOT_FOUND, DomainError
from velferd.core.identifiers import as_uuid
from velferd.core.validation import invalid
from velferd.organisation import selectors as organisation_selectors

from ..models import MunicipalityRequest, Proposal, SettlementCase, SettlementYear

ANSWER_DAYS = 14
MAX_COUNT = 1_000_000
MAX_REASON = 500


def user_of(actor: Actor) -> User:
    """Who is named on the record: a person; the system itself records no requests."""
    if actor.user is None:
        raise policies.not_authenticated()
    return actor.user


def answer_days() -> int:
    """How long a municipality has to answer a proposal (SETTLEMENT_ANSWER_DAYS)."""
    return int(getattr(settings, "SETTLEMENT_ANSWER_DAYS", ANSWER_DAYS))


def today() -> datetime.date:
    return timezone.localdate()


def gone(what_nb: str, what_en: str) -> DomainError:
    return DomainError(
        code="not_found",
        message_nb=f"Fant ikke {what_nb}.",
        message_en=f"The {what_en} was not found.",
        status=NOT_FOUND,
    )


def count(value: object, field: str, nb: str, en: str) -> int:
    """A whole number of persons, 0 or more."""
    text = str(value if value is not None else "").strip().replace(" ", "").replace("\u00a0", "")
    if not text.isdigit() or int(text) > MAX_COUNT:
        raise invalid(
            f"invalid_{field}",
            field,
            f"{nb} må være et helt tall, 0 eller mer.",
            f"The {en} must be a whole number, 0 or more.",
        )
    return int(text)


def reason_text(value: object, field: str = "reason") -> str:
    text = str(value or "").strip()
    if not text:
        raise invalid(
            "reason_required", field, "Skriv en begrunnelse.", "Write a reason.", status=422
        )
    if len(text) > MAX_REASON:
        raise invalid(
            "too_long",
            field,
            f"Begrunnelsen kan være høyst {MAX_REASON} tegn.",
            f"The reason can be at most {MAX_REASON} characters.",
        )
    return text


def municipality(number: object, field: str = "municipality") -> Any:
    """The registry's municipality; an unknown or malformed number is refused on `field`."""
    try:
        return organisation_selectors.municipality(str(number or "").strip())
    except DomainError as error:
        raise invalid(error.code, field, error.message_nb, error.message_en) from None


def year_of(year: object) -> SettlementYear:
    found = SettlementYear.objects.filter(year=_int(year)).first()
    if found is None:
        raise gone("bosettingsåret", "settlement year")
    return found


def _int(value: object) -> int:
    text = str(value)
    return int(text) if text.isdigit() and len(text) < 6 else 0


def not_sent(proposal: Proposal) -> DomainError:
    """The proposal is no longer waiting for an answer: someone answered or withdrew it."""
    return invalid(
        "proposal_not_open",
        "status",
        f"Forslaget kan ikke besvares: det er {proposal.get_status_display().lower()}.",
        f"The proposal cannot be answered: its state is “{proposal.status}”.",
        status=CONFLICT,
    )


def proposal_snapshot(proposal: Proposal) -> dict[str, Any]:
    """A proposal as its audit events show it before and after."""
    return {
        **audit.snapshot(proposal, "status", "answer_by", "settle_on", "decline_reason"),
        "municipality": proposal.municipality_id,
    }


def lock_year(year: SettlementYear) -> SettlementYear:
    return SettlementYear.objects.select_for_update().get(pk=year.pk)


def lock_request(request_id: int) -> MunicipalityRequest:
    return (
        MunicipalityRequest.objects.select_for_update(of=("self",))
        .select_related("municipality", "year")
        .get(pk=request_id)
    )


def lock_case(case_id: object) -> SettlementCase:
    found = as_uuid(case_id)
    case = (
        SettlementCase.objects.select_for_update(of=("self",))
        .select_related("tie_municipality", "year")
        .filter(pk=found)
        .first()
        if found
        else None
    )
    if case is None:
        raise gone("saken", "case")
    return case


def lock_proposal(proposal_id: object) -> Proposal:
    """The proposal, after its case: a writer that locks only the proposal would deadlock
    with one that holds the case (the lock order)."""
    found = as_uuid(proposal_id)
    if found is None:
        raise gone("forslaget", "proposal")
    case_id = Proposal.objects.filter(pk=found).values_list("case_id", flat=True).first()
    if case_id is None:
        raise gone("forslaget", "proposal")
    lock_case(case_id)
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("municipality", "case")
        .get(pk=found)
    )
