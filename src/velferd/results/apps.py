from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "velferd.results"
    label = "results"
    verbose_name = "Results and effects"
