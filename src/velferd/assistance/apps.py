from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "velferd.assistance"
    label = "assistance"
    verbose_name = "Financial assistance (social services)"

    def ready(self) -> None:
        from . import caseworker_labels, citizen_labels, payments_labels

        caseworker_labels.register()
        citizen_labels.register_citizen_labels()
        payments_labels.register_payment_labels()
