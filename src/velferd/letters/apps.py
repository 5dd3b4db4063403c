from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "velferd.letters"
    label = "letters"
