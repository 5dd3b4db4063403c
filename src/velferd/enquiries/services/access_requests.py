"""Access requests (innsynskrav, offentleglova): received and answered as enquiries are
(`enquiries.enquiry_submit`, `enquiry_reply`); here, the appeal of a refusal. A request
refused in whole or in part, or not answered within five working days, which counts as a
refusal (offentleglova § 32 third paragraph), may be appealed (§ 32 first paragraph); the
case officer registers the appeal as it arrives."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from velferd.access.actor import Actor
from velferd.core.errors import CONFLICT

from ..models import Enquiry, EnquiryStatus
from .common import clean, invalid, locked, past_date, save


@transaction.atomic
def access_request_appeal(
    *,
    actor: Actor,
    enquiry: Enquiry,
    text: str,
    version: int,
    appealed_on: datetime.date | None = None,
) -> Enquiry:
    """Register the requester's appeal of a refusal (or of a deemed refusal): the day it
    came and what it says. The request is then with the appeal."""
    enquiry = locked(actor, enquiry, version)
    if not enquiry.is_access_request:
        raise invalid(
            "not_an_access_request",
            "appeal",
            "Bare et innsynskrav kan påklages her.",
            "Only an access request can be appealed here.",
        )
    if not enquiry.may_be_appealed:
        raise invalid(
            "not_appealable",
            "appeal",
            "Innsynskravet er ikke avslått, og regnes ikke som avslått, eller er alt påklaget.",
            "The access request is neither refused nor deemed refused, or is already appealed.",
            status=CONFLICT,
        )
    deemed = enquiry.is_deemed_refused
    before = {"status": enquiry.status, "access_outcome": enquiry.access_outcome}
    enquiry.appeal = clean("appeal", text, "Klagen", "appeal")
    enquiry.appealed_on = past_date(
        appealed_on, "appealed_on", timezone.localdate(enquiry.received_at)
    )
    enquiry.status = EnquiryStatus.APPEALED
    after = {
        "status": enquiry.status,
        "appealed_on": enquiry.appealed_on.isoformat(),
        "deemed_refused": deemed,
    }
    return save(actor, enquiry, "access_request.appealed", before, after)
