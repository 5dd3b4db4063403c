from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "velferd.procurement"
    label = "procurement"

    def ready(self) -> None:
        from velferd.core.labels import register_choices

        from .labels import register_audit_labels
        from .models import BidStatus, CompetitionStatus, Procedure

        register_choices("competition_status", CompetitionStatus)
        register_choices("procedure", Procedure)
        register_choices("bid_status", BidStatus)
        register_audit_labels()
