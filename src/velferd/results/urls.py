"""The results pages, under /results/."""

from django.urls import path

from .views import employment, outcomes

app_name = "results"

urlpatterns: list = [
    path("employment/", employment.employment_page, name="employment"),
    path("outcomes/", outcomes.outcomes_page, name="outcomes"),
]
