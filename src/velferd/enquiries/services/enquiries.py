"""Receiving, routing and handling the Ministry's enquiries, ordinary ones and access
requests alike: the deadlines follow `deadlines`, an ordinary enquiry and its replies are
journalled. Every write is audited."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from velferd.access import policies, selectors as access_selectors
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import CONFLICT
from velferd.core.identifiers import as_uuid
from velferd.organisation import selectors as organisation_selectors

from .. import classifier, deadlines
from ..models import (
    REFUSALS,
    AccessOutcome,
    Enquiry,
    EnquiryKind,
    EnquiryStatus,
    JournalEntry,
    RoutedBy,
    RoutingCorrection,
)
from . import journal
from .common import clean, invalid, locked, past_date, require_open, save


def _reference() -> str:
    year = timezone.localdate().year
    while True:
        reference = f"AID-{year}-{secrets.randbelow(1_000_000):06d}"
        if not Enquiry.objects.filter(reference=reference).exists():
            return reference


def _destination(
    routing: classifier.Routing, is_press: bool, entry: JournalEntry | None
) -> tuple[str, str]:
    if entry is not None:
        return entry.department.slug, RoutedBy.JOURNAL
    if is_press:
        return policies.PRESS_DIVISION, RoutedBy.PRESS
    if routing.confidence < settings.VELFERD_ENQUIRY_CONFIDENCE_THRESHOLD:
        return policies.PRESS_DIVISION, RoutedBy.LOW_CONFIDENCE
    return routing.department, RoutedBy.CLASSIFIER


def _sender(name: str, email: str, organisation: str) -> tuple[str, str, str]:
    name = clean("name", name, "Navnet", "name")
    email = clean("email", email, "E-postadressen", "e-mail address")
    try:
        validate_email(email)
    except ValidationError:
        raise invalid(
            "invalid_email",
            "email",
            "E-postadressen er ikke gyldig.",
            "The e-mail address is not valid.",
        ) from None
    organisation = clean(
        "organisation", organisation, "Organisasjonen", "organisation", required=False
    )
    return name, email, organisation


def _kind(kind: str, journal_entry: object) -> tuple[str, JournalEntry | None]:
    """The kind of enquiry, and the journal entry an access request asks for."""
    if kind not in EnquiryKind.values:
        raise invalid(
            "invalid_kind", "kind", "Ukjent type henvendelse.", "Unknown kind of enquiry."
        )
    if journal_entry in (None, ""):
        return kind, None
    if kind != EnquiryKind.ACCESS_REQUEST:
        raise invalid(
            "entry_needs_access_request",
            "kind",
            "Et dokument i journalen bes om innsyn i med et innsynskrav.",
            "A document in the journal is asked for with an access request.",
        )
    key = as_uuid(journal_entry)
    entry = (
        JournalEntry.objects.select_related("department").filter(pk=key).first() if key else None
    )
    if entry is None:
        raise invalid(
            "not_found",
            "journal_entry",
            "Fant ikke journalposten.",
            "The journal entry was not found.",
            status=404,
        )
    return kind, entry


def _deadlines(received: datetime.date, kind: str, is_press: bool) -> dict[str, Any]:
    access = kind == EnquiryKind.ACCESS_REQUEST
    return {
        "deadline": deadlines.answer_by(received, is_access_request=access, is_press=is_press),
        "deemed_refused_after": deadlines.deemed_refused_after(received) if access else None,
        "provisional_reply_by": None if access else deadlines.provisional_reply_by(received),
    }


@transaction.atomic
def enquiry_submit(
    *,
    actor: Actor,
    name: str,
    email: str,
    subject: str,
    text: str,
    organisation: str = "",
    is_press: bool = False,
    kind: str = EnquiryKind.ORDINARY,
    journal_entry: object = None,
    received_at: datetime.datetime | None = None,
) -> Enquiry:
    """Receive an enquiry or an access request from anyone, route it and give it a
    reference and its deadlines (`received_at` is for enquiries that arrived earlier by
    other channels). An access request for a journal entry goes to the entry's department;
    an ordinary enquiry is journalled."""
    name, email, organisation = _sender(name, email, organisation)
    kind, entry = _kind(kind, journal_entry)
    subject = clean("subject", subject, "Emnet", "subject")
    text = clean("text", text, "Teksten", "text")
    routing = classifier.route(f"{subject}\n{text}")
    slug, routed_by = _destination(routing, is_press, entry)
    received = received_at or timezone.now()
    enquiry = Enquiry.objects.create(
        reference=_reference(),
        kind=kind,
        name=name,
        email=email,
        organisation=organisation,
        is_press=is_press,
        subject=subject,
        text=text,
        journal_entry=entry,
        department=organisation_selectors.department(slug),
        routed_by=routed_by,
        suggested_department=routing.department,
        confidence=routing.confidence,
        alternatives=routing.alternatives,
        received_at=received,
        **_deadlines(timezone.localdate(received), kind, is_press),
    )
    if not enquiry.is_access_request:
        journal.record_enquiry_received(actor=actor, enquiry=enquiry)
    audit.record(
        actor=actor,
        action="enquiry.received",
        target=enquiry,
        after={
            "reference": enquiry.reference,
            "kind": kind,
            "department": slug,
            "routed_by": routed_by,
            "confidence": routing.confidence,
        },
    )
    return enquiry


@transaction.atomic
def enquiry_assign(*, actor: Actor, enquiry: Enquiry, username: str, version: int) -> Enquiry:
    """Give the enquiry to a case officer in its department."""
    enquiry = locked(actor, enquiry, version)
    require_open(enquiry)
    officer = access_selectors.active_user_named(username)
    if enquiry.department.slug not in policies.ministry_departments(
        access_selectors.actor_for_user(officer)
    ):
        raise invalid(
            "not_in_department",
            "assignee",
            f"{officer} arbeider ikke i {enquiry.department.name_nb}.",
            f"{officer} does not work in the {enquiry.department.name_en}.",
        )
    before = {"assignee": str(enquiry.assignee_id) if enquiry.assignee_id else None}
    enquiry.assignee = officer
    enquiry.status = EnquiryStatus.ASSIGNED
    return save(actor, enquiry, "enquiry.assigned", before, {"assignee": str(officer.pk)})


@retried_atomic
def enquiry_reroute(*, actor: Actor, enquiry: Enquiry, department: str, version: int) -> Enquiry:
    """Move the enquiry, and its journal entries, to another department. The correction is
    kept for training."""
    enquiry = locked(actor, enquiry, version)
    require_open(enquiry)
    target = organisation_selectors.department(department)
    if target.pk == enquiry.department_id:
        raise invalid(
            "same_department",
            "department",
            "Henvendelsen ligger allerede hos denne avdelingen.",
            "The enquiry is already with this department.",
        )
    before = {"department": enquiry.department.slug}
    RoutingCorrection.objects.create(
        enquiry=enquiry,
        from_department=enquiry.department.slug,
        to_department=target.slug,
        corrected_by_label=actor.label,
    )
    enquiry.department = target
    enquiry.routed_by = RoutedBy.PERSON
    enquiry.assignee = None
    enquiry.status = EnquiryStatus.RECEIVED
    journal.move_enquiry_entries(enquiry=enquiry)
    return save(actor, enquiry, "enquiry.rerouted", before, {"department": target.slug})


def _outcome(enquiry: Enquiry, outcome: str, legal_basis: str) -> tuple[str, str]:
    """An access request's answer grants, grants in part or refuses; a refusal names its
    legal basis (offentleglova § 31 first paragraph). An ordinary enquiry has neither."""
    if not enquiry.is_access_request:
        if outcome or legal_basis:
            raise invalid(
                "not_an_access_request",
                "access_outcome",
                "Bare et innsynskrav får et innsynsvedtak.",
                "Only an access request is granted or refused.",
            )
        return "", ""
    if outcome not in AccessOutcome.values:
        raise invalid(
            "access_outcome_required",
            "access_outcome",
            "Velg om innsyn gis, gis delvis eller avslås.",
            "Choose whether access is granted, partly granted or refused.",
        )
    basis = clean("legal_basis", legal_basis, "Hjemmelen", "legal basis", required=False)
    if outcome in REFUSALS and "§" not in basis:
        raise invalid(
            "legal_basis_required",
            "legal_basis",
            "Et avslag må vise til hjemmelen, f.eks. «Offl. § 13 jf. fvl. § 13» (offl. § 31).",
            "A refusal must name its legal basis, e.g. “Offl. § 13 jf. fvl. § 13” (offl. § 31).",
        )
    return outcome, basis if outcome in REFUSALS else ""


@retried_atomic
def enquiry_reply(
    *,
    actor: Actor,
    enquiry: Enquiry,
    text: str,
    version: int,
    access_outcome: str = "",
    legal_basis: str = "",
) -> Enquiry:
    """Answer the enquiry; an access request's answer grants or refuses access."""
    enquiry = locked(actor, enquiry, version)
    require_open(enquiry)
    reply = (text or "").strip()
    if not reply:
        raise invalid("reply_required", "reply", "Svaret mangler.", "The reply is missing.")
    enquiry.access_outcome, enquiry.legal_basis = _outcome(enquiry, access_outcome, legal_basis)
    enquiry.reply = reply[:10_000]
    enquiry.replied_at = timezone.now()
    enquiry.status = EnquiryStatus.ANSWERED
    if not enquiry.is_access_request:
        journal.record_enquiry_answered(actor=actor, enquiry=enquiry, provisional=False)
    after = {"replied_at": enquiry.replied_at, "access_outcome": enquiry.access_outcome}
    return save(actor, enquiry, "enquiry.answered", {}, after)


@retried_atomic
def enquiry_provisional_reply(
    *,
    actor: Actor,
    enquiry: Enquiry,
    text: str,
    version: int,
    sent_on: datetime.date | None = None,
) -> Enquiry:
    """Record the provisional answer sent to an ordinary enquiry that cannot be answered
    within a month (forvaltningsloven § 11a third paragraph): its text and the day it was
    sent. It is journalled as an outgoing document."""
    enquiry = locked(actor, enquiry, version)
    require_open(enquiry)
    if enquiry.is_access_request:
        raise invalid(
            "not_for_access_requests",
            "provisional_reply",
            "Et innsynskrav besvares uten ugrunnet opphold, ikke med foreløpig svar.",
            "An access request is answered without undue delay, not provisionally.",
        )
    if enquiry.provisional_reply_on is not None:
        raise invalid(
            "provisional_reply_sent",
            "provisional_reply",
            "Det foreløpige svaret er allerede sendt.",
            "The provisional reply has already been sent.",
            status=CONFLICT,
        )
    enquiry.provisional_reply = clean(
        "provisional_reply", text, "Det foreløpige svaret", "provisional reply"
    )
    received = timezone.localdate(enquiry.received_at)
    enquiry.provisional_reply_on = past_date(sent_on, "provisional_reply_on", received)
    journal.record_enquiry_answered(actor=actor, enquiry=enquiry, provisional=True)
    after = {"provisional_reply_on": enquiry.provisional_reply_on.isoformat()}
    return save(actor, enquiry, "enquiry.provisional_reply_sent", {}, after)


@transaction.atomic
def enquiry_close(*, actor: Actor, enquiry: Enquiry, version: int) -> Enquiry:
    """Close an enquiry (answered or not, e.g. a duplicate)."""
    enquiry = locked(actor, enquiry, version)
    if enquiry.status == EnquiryStatus.CLOSED:
        raise invalid(
            "enquiry_closed",
            "status",
            "Henvendelsen er allerede lukket.",
            "The enquiry is already closed.",
            status=CONFLICT,
        )
    before = {"status": enquiry.status}
    enquiry.status = EnquiryStatus.CLOSED
    enquiry.closed_at = timezone.now()
    return save(actor, enquiry, "enquiry.closed", before, {"status": enquiry.status})
