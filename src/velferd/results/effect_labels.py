"""The words for effect runs where codes are stored: the run's status and the audit trail's
events of runs. Registered when the app is ready, so that core imports no domain."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


def register_effect_labels() -> None:
    from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, CHOICES, register_choices

    from .models import EffectRunStatus

    if "effect_run_status" not in CHOICES:
        register_choices("effect_run_status", EffectRunStatus)
    AUDIT_RECORDS.setdefault("effect_run", _("Effect run"))
    for event, text in {
        "requested": _("requested"),
        "done": _("done, on a pseudonymised extract"),
        "failed": _("failed"),
    }.items():
        AUDIT_EVENTS.setdefault(event, text)
