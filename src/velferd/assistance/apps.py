from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "velferd.assistance"
    label = "assistance"
    verbose_name = "Financial assistance (social services)"
