"""The audit trail's names of procurement's records and events, in the reader's
language (core.labels shows `competition.awarded` as «Konkurranse: tildelt»)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from velferd.core import labels

RECORDS = {"competition": _("Competition"), "bid": _("Bid")}
EVENTS = {
    "published": _("published"),
    "evaluation": _("evaluation opened"),
    "awarded": _("awarded"),
    "award_proposed": _("award proposed"),
    "award_approved": _("award approved"),
    "award_returned": _("award sent back"),
    "concluded": _("concluded"),
    "cancelled": _("cancelled"),
    "created": _("created"),
    "evaluator_added": _("evaluator named"),
    "evaluator_declared": _("evaluator's declaration"),
    "tendered": _("submitted"),
    "revised": _("revised"),
    "withdrawn": _("withdrawn"),
    "scored": _("scored"),
}


def register_audit_labels() -> None:
    """Add the names core.labels does not have already (it keeps its own)."""
    for code, text in RECORDS.items():
        labels.AUDIT_RECORDS.setdefault(code, text)
    for code, text in EVENTS.items():
        labels.AUDIT_EVENTS.setdefault(code, text)
