from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "velferd.employers"
    label = "employers"
