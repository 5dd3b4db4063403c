from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "velferd.people"
    label = "people"
