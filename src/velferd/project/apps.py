from django.apps import AppConfig


class ProjectConfig(AppConfig):
    name = "velferd.project"
    label = "project"
