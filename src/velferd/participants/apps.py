from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "velferd.participants"
    label = "participants"
