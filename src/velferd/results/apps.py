from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "velferd.results"
    label = "results"
    verbose_name = "Results and effects"

    def ready(self) -> None:
        from .effect_labels import register_effect_labels

        register_effect_labels()
