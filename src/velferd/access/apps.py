from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "velferd.access"
    label = "access"

    def ready(self) -> None:
        from velferd.core.labels import register_choices

        from .roles import PartnerService

        register_choices("partner_service", PartnerService)
