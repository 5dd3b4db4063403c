"""The funding pages, under /funding/."""

from django.urls import path

app_name = "funding"

urlpatterns: list[path] = []
