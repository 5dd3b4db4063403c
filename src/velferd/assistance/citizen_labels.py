"""The words for the citizen's side of financial assistance where codes are stored: the
purposes applied for, the reads of attachments in the person's access log, and the audit
trail's events of applications, attachments and answers. Registered when the app is ready."""

from __future__ import annotations

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

READS = {"assistance_attachment": _("A document you sent with your application")}
PURPOSE = "financial_assistance"


def register_citizen_labels() -> None:
    from velferd.audit.models import PURPOSE_LABELS, WHAT_LABELS
    from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, CHOICES, register_choices

    from .models import ApplicationStatus, HousingKind, MoneyKind, Purpose, Relation

    kinds: dict[str, type[TextChoices]] = {
        "assistance_purpose": Purpose,
        "assistance_status": ApplicationStatus,
        "assistance_housing": HousingKind,
        "assistance_money": MoneyKind,
        "assistance_relation": Relation,
    }
    for kind, choices in kinds.items():
        if kind not in CHOICES:
            register_choices(kind, choices)
    WHAT_LABELS.update(READS)
    PURPOSE_LABELS.setdefault(PURPOSE, _("Financial assistance"))
    AUDIT_RECORDS.setdefault("assistance_application", _("Application for financial assistance"))
    AUDIT_RECORDS.setdefault("assistance_attachment", _("Attachment"))
    AUDIT_RECORDS.setdefault("assistance_documentation", _("Request for documentation"))
    for event, text in {
        "created": _("created"),
        "changed": _("changed"),
        "household_added": _("household member added"),
        "household_removed": _("household member removed"),
        "money_added": _("income or asset added"),
        "money_removed": _("income or asset removed"),
        "ready_for_decision": _("ready for decision"),
        "added": _("added"),
        "removed": _("removed"),
        "answered": _("answered"),
    }.items():
        AUDIT_EVENTS.setdefault(event, text)
