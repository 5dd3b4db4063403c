from django.apps import AppConfig


class SchemesConfig(AppConfig):
    name = "velferd.schemes"
    label = "schemes"
