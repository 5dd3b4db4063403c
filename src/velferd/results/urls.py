"""The results pages, under /results/."""

from django.urls import path

from .views import effects

app_name = "results"

urlpatterns: list = [
    path("effects/", effects.effect_runs_page, name="effect_runs"),
    path("effects/<int:run_id>/", effects.effect_run_page, name="effect_run"),
]
