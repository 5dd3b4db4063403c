from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "velferd.organisation"
    label = "organisation"
