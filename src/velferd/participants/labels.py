"""The words for enrolment where codes are stored: the choices' labels, the staff's reads in
the person's access log, and the audit trail's events of participations. Registered when
the app is ready, so that neither the citizen's pages nor core import participants."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

READS = {
    "participation": _("Your participation in a labour market scheme"),
    "participations": _("Your participations in labour market schemes"),
    "waiting_list": _("A waiting list for a labour market scheme you are on"),
}
PURPOSE = "scheme_participation"


def register_enrolment_labels() -> None:
    from velferd.audit.models import PURPOSE_LABELS, WHAT_LABELS
    from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, CHOICES, register_choices

    from .models import NotRelevantReason, ParticipationStatus

    if "participation_status" not in CHOICES:
        register_choices("participation_status", ParticipationStatus)
    if "not_relevant_reason" not in CHOICES:
        register_choices("not_relevant_reason", NotRelevantReason)
    WHAT_LABELS.update(READS)
    PURPOSE_LABELS[PURPOSE] = _("Enrolment in a labour market scheme")
    AUDIT_RECORDS.setdefault("participation", _("Participation"))
    for event, text in {
        "draft_withdrawn": _("draft withdrawn"),
        "being_assessed": _("being assessed"),
        "admitted": _("given a place or put on the waiting list"),
        "not_relevant": _("not relevant"),
        "registered_in_error": _("registered in error"),
        "place_offered": _("place offered"),
        "offer_passed": _("offered place passed on"),
        "priority_set": _("waiting-list priority set"),
        "extended": _("extended"),
        "dates_changed": _("dates changed"),
        "draft_commented": _("draft commented"),
    }.items():
        AUDIT_EVENTS.setdefault(event, text)
