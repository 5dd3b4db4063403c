from django.apps import AppConfig


class SickleaveConfig(AppConfig):
    name = "velferd.sickleave"
    label = "sickleave"
