"""The labels of the office's casework: its choices for `{{ code|label:kind }}` and its audit
records and events, registered when the app is ready."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, EXTRA, register_choices

from .models import (
    ActivityCondition,
    ApplicationStatus,
    DecisionReason,
    DocumentationRequestStatus,
    Frequency,
    HousingKind,
    MoneyKind,
    Outcome,
    Purpose,
    RateKind,
    Relation,
)

HISTORY = {
    "submitted": _("Application sent"),
    "documentation_requested": _("Documentation requested"),
    "documentation_answered": _("Documentation received"),
    "decision_application": _("Decision made"),
    "decision_breach_of_condition": _("Amount reduced after breach of a condition"),
    "decision_appeal_reassessed": _("Decision changed after an appeal"),
}


# What the access log names for the office's reads (the person's "who has looked at my data").
READS = {
    "assistance_queue": _("Your application for financial assistance, in the office's queue"),
    "assistance_application": _("Your application for financial assistance"),
}


def register() -> None:
    from velferd.audit.models import WHAT_LABELS

    WHAT_LABELS.update(READS)
    register_choices("assistance_status", ApplicationStatus)
    register_choices("assistance_outcome", Outcome)
    register_choices("assistance_frequency", Frequency)
    register_choices("assistance_reason", DecisionReason)
    register_choices("assistance_activity_condition", ActivityCondition)
    register_choices("documentation_request_status", DocumentationRequestStatus)
    register_choices("guideline_rate_kind", RateKind)
    register_choices("assistance_purpose", Purpose)
    register_choices("assistance_housing", HousingKind)
    register_choices("assistance_relation", Relation)
    register_choices("assistance_money", MoneyKind)
    EXTRA.setdefault("assistance_history", {}).update(HISTORY)
    AUDIT_RECORDS.update(
        {
            "guideline_rate": _("Guideline rate"),
            "assistance_decision": _("Decision on financial assistance"),
        }
    )
    AUDIT_RECORDS.setdefault("assistance_application", _("Application for financial assistance"))
    for event, text in {
        "set": _("set"),
        "made": _("made"),
        "documentation_requested": _("documentation requested"),
        "documentation_withdrawn": _("request for documentation withdrawn"),
    }.items():
        AUDIT_EVENTS.setdefault(event, text)
