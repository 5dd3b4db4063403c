from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "velferd.results"
    label = "results"
    verbose_name = "Results and effects"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, register_choices

        from .models import OutcomeOrigin, OutcomeStatus

        register_choices("outcome_status", OutcomeStatus)
        register_choices("outcome_origin", OutcomeOrigin)
        AUDIT_RECORDS.setdefault("employment_import", _("Employment import"))
        AUDIT_EVENTS.setdefault("imported", _("imported"))

        from .effect_labels import register_effect_labels

        register_effect_labels()
