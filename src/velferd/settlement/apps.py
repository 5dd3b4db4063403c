from django.apps import AppConfig


class SettlementConfig(AppConfig):
    name = "velferd.settlement"
    label = "settlement"
    verbose_name = "Settlement of refugees"
