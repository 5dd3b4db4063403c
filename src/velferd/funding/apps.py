from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "velferd.funding"
    label = "funding"

    def ready(self) -> None:
        from velferd.core.labels import register_choices

        from .models import ClaimStatus, CommitmentStatus

        register_choices("commitment_status", CommitmentStatus)
        register_choices("claim_status", ClaimStatus)
