from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "velferd.funding"
    label = "funding"
