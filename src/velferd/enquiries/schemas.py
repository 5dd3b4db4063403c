from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Field, Schema

from velferd.core.api import VersionIn as VersionIn
from velferd.core.constraints import NOT_BLANK, Declared, one_of
from velferd.organisation import selectors as organisation_selectors

from .models import AccessOutcome, EnquiryKind, EnquiryStatus, JournalDirection

Text = Annotated[str, NOT_BLANK]
Email = Annotated[str, NOT_BLANK, Declared(format="email")]
StatusFilter = Annotated[str, one_of(EnquiryStatus, blank=True)]
DepartmentFilter = Annotated[str, one_of(organisation_selectors.DEPARTMENT_SLUGS, blank=True)]
KindFilter = Annotated[str, one_of(EnquiryKind, blank=True)]
FLAGS = ["deemed_refused", "provisional_reply_due"]
FlagFilter = Annotated[str, one_of(FLAGS, blank=True)]
DirectionFilter = Annotated[str, one_of(JournalDirection, blank=True)]
# A case reference searched for in the journal ("26/1234", "AID-2026-…"); "" is none.
ReferenceFilter = Annotated[str, Declared(maxLength=20)]


class EnquiryIn(Schema):
    name: Text = Field(..., max_length=200)
    email: Email = Field(..., max_length=254)
    organisation: str = Field("", max_length=200)
    is_press: bool = False
    kind: Annotated[str, one_of(EnquiryKind)] = Field(
        EnquiryKind.ORDINARY.value,
        description="An ordinary enquiry, or an access request (innsynskrav, offentleglova).",
    )
    journal_entry: Annotated[str, Declared(format="uuid")] | None = Field(
        None, description="The journal entry an access request asks for."
    )
    subject: Text = Field(..., max_length=200)
    text: Text = Field(..., max_length=10_000)


class ReceiptOut(Schema):
    reference: str
    received_at: datetime.datetime
    department: str
    deadline: datetime.date


class RouteIn(Schema):
    text: Text = Field(..., min_length=1, max_length=10_000)


class AlternativeOut(Schema):
    department: str
    confidence: float


class RoutingOut(Schema):
    department: str
    confidence: float = Field(..., ge=0, le=1)
    alternatives: list[AlternativeOut]


class EnquiryOut(Schema):
    id: str
    reference: str
    name: str
    email: str
    organisation: str
    is_press: bool
    subject: str
    text: str
    received_at: datetime.datetime
    department: str
    routed_by: str
    suggested_department: str
    confidence: float
    alternatives: list[AlternativeOut]
    status: str
    assignee: str | None
    deadline: datetime.date
    overdue: bool
    reply: str
    kind: str
    journal_entry: str | None = Field(..., description="The journal entry asked for.")
    provisional_reply_by: datetime.date | None = Field(
        ..., description="An ordinary enquiry's provisional reply is due (fvl. § 11a)."
    )
    provisional_reply: str
    provisional_reply_on: datetime.date | None
    needs_provisional_reply: bool
    deemed_refused_after: datetime.date | None = Field(
        ..., description="An access request unanswered after this day counts as refused."
    )
    deemed_refused: bool = Field(..., description="Deemed refused and may be appealed.")
    may_be_appealed: bool
    access_outcome: str
    legal_basis: str
    appealed_on: datetime.date | None
    appeal: str
    version: int


class EnquiryList(Schema):
    items: list[EnquiryOut]
    count: int


class AssignIn(Schema):
    assignee: str = Field(..., max_length=150, description="Username of the case officer.")
    version: int


class RerouteIn(Schema):
    department: Annotated[str, one_of(organisation_selectors.DEPARTMENT_SLUGS)] = Field(
        ..., description="Department slug."
    )
    version: int


class ReplyIn(Schema):
    text: Text = Field(..., max_length=10_000)
    access_outcome: Annotated[str, one_of(AccessOutcome, blank=True)] = Field(
        "", description="An access request's answer; required for one."
    )
    legal_basis: str = Field(
        "", max_length=200, description="A refusal's legal basis (offentleglova § 31)."
    )
    version: int


class ProvisionalReplyIn(Schema):
    text: Text = Field(..., max_length=10_000)
    sent_on: datetime.date | None = Field(None, description="Today when left out.")
    version: int


class AccessAppealIn(Schema):
    text: Text = Field(..., max_length=10_000)
    appealed_on: datetime.date | None = Field(None, description="Today when left out.")
    version: int


class JournalEntryIn(Schema):
    department: Annotated[str, one_of(organisation_selectors.DEPARTMENT_SLUGS)]
    case_reference: Text = Field(..., max_length=20, description="E.g. 26/1234.")
    direction: Annotated[str, one_of(JournalDirection)]
    document_date: datetime.date
    title: Text = Field(..., max_length=300)
    correspondent: str = Field("", max_length=200, description="The sender or recipient.")
    correspondent_is_private: bool = Field(
        False, description="A private individual: the name is withheld from the public."
    )
    public_title: str = Field("", max_length=300, description="The title with names screened.")
    exemption: str = Field("", max_length=100, description="Legal basis, e.g. Offl. § 14.")


class ExemptionIn(Schema):
    exemption: str = Field(..., max_length=100, description="Blank lifts the exemption.")
    version: int


class JournalEntryOut(Schema):
    id: str
    department: str
    case_reference: str
    document_number: int
    journal_date: datetime.date
    document_date: datetime.date
    direction: str
    correspondent: str = Field(..., description="A private individual shows as such.")
    correspondent_is_private: bool
    title: str = Field(..., description="The public title, unless the caller sees in full.")
    exemption: str
    in_full: bool = Field(..., description="Whether the caller sees the entry in full.")
    enquiry: str | None = Field(..., description="The enquiry's id, for those in full.")
    version: int


class JournalList(Schema):
    items: list[JournalEntryOut]
    count: int
