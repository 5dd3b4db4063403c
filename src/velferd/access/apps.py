from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "velferd.access"
    label = "access"
