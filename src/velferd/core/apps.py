from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "velferd.core"
    label = "core"
