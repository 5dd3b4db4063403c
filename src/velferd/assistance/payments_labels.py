"""The labels of payments, their export and appeals: their choices for `{{ code|label:kind }}`
and their audit records and events, registered when the app is ready."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, register_choices

from .models import AppealStatus, PaymentStatus

READS = {
    "assistance_payments": _("Payments of financial assistance"),
    "assistance_appeal": _("Your appeal against a decision on financial assistance"),
}


def register_payment_labels() -> None:
    from velferd.audit.models import WHAT_LABELS

    WHAT_LABELS.update(READS)
    register_choices("assistance_payment_status", PaymentStatus)
    register_choices("assistance_appeal_status", AppealStatus)
    AUDIT_RECORDS.update(
        {
            "assistance_payment": _("Payment of financial assistance"),
            "assistance_payment_export": _("Payment file for accounting"),
            "assistance_appeal": _("Appeal against financial assistance"),
        }
    )
    AUDIT_RECORDS.setdefault("assistance_decision", _("Decision on financial assistance"))
    for event, text in {
        "payments_planned": _("payments planned"),
        "approved": _("approved"),
        "lodged": _("appeal received"),
        "sent_to_county_governor": _("sent to the County Governor"),
        "changed": _("changed after the appeal"),
        "county_governor_outcome": _("County Governor's outcome recorded"),
    }.items():
        AUDIT_EVENTS.setdefault(event, text)
