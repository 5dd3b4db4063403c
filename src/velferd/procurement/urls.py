"""The procurement pages, under /procurement/."""

from django.urls import path

app_name = "procurement"

urlpatterns: list[path] = []
