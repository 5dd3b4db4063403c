from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "velferd.procurement"
    label = "procurement"
