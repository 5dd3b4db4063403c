from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "velferd.participants"
    label = "participants"

    def ready(self) -> None:
        from .labels import register_enrolment_labels
        from .supplier_labels import register_supplier_labels

        register_supplier_labels()
        register_enrolment_labels()
