from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "velferd.funding"
    label = "funding"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, register_choices

        from .models import ClaimStatus, CommitmentStatus

        register_choices("commitment_status", CommitmentStatus)
        register_choices("claim_status", ClaimStatus)
        AUDIT_RECORDS.update(
            {
                "scheme_budget": _("Scheme budget"),
                "commitment": _("Commitment"),
                "claim": _("Payment claim"),
                "claim_month": _("The month's claims"),
                "participation": _("Participation"),
                "payment_file": _("Payment file"),
            }
        )
        for event, text in {
            "set": _("set"),
            "calculated": _("calculated"),
            "exported": _("sent for payment"),
            "proposed": _("proposed"),
            "approved": _("approved"),
            "returned": _("returned"),
            "resubmitted": _("proposed again"),
            "annulled": _("annulled"),
            "entered": _("entered"),
        }.items():
            AUDIT_EVENTS.setdefault(event, text)
