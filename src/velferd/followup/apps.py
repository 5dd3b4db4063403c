from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "velferd.followup"
    label = "followup"
