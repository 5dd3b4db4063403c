"""The results pages, under /results/."""

from django.urls import path

from .views import effects, employment, outcomes

app_name = "results"

urlpatterns: list = [
    path("effects/", effects.effect_runs_page, name="effect_runs"),
    path("effects/<int:run_id>/", effects.effect_run_page, name="effect_run"),
    path("employment/", employment.employment_page, name="employment"),
    path("outcomes/", outcomes.outcomes_page, name="outcomes"),
]
