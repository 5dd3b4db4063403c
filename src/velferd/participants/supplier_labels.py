"""The words for the supplier's side where codes are stored: the supplier's reads in the
person's access log, and the audit trail's events of proposals and reports. Registered when
the app is ready, so that neither the citizen's pages nor core import participants."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register_supplier_labels() -> None:
    from velferd.audit.models import PURPOSE_LABELS, WHAT_LABELS
    from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, CHOICES, register_choices

    from .models import EndReason
    from .selectors.supplier import WHAT_READ, WHY_READ

    if "end_reason" not in CHOICES:
        register_choices("end_reason", EndReason)

    WHAT_LABELS[WHAT_READ] = _("Your participation in a labour market scheme")
    PURPOSE_LABELS[WHY_READ] = _("Running the scheme you take part in")
    AUDIT_RECORDS.setdefault("change_proposal", _("Change proposal"))
    AUDIT_RECORDS.setdefault("progress_report", _("Progress report"))
    AUDIT_RECORDS.setdefault("participation", _("Participation"))
    for event, text in {
        "proposed": _("proposed"),
        "replaced": _("replaced by a new proposal"),
        "approved": _("approved"),
        "rejected": _("rejected"),
        "withdrawn": _("withdrawn"),
        "sent": _("sent"),
        "changed": _("changed"),
    }.items():
        AUDIT_EVENTS.setdefault(event, text)
