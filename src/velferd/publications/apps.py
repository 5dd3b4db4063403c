from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "velferd.publications"
    label = "publications"
