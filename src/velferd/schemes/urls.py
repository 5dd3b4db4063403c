"""The schemes pages, under /schemes/."""

from django.urls import path

app_name = "schemes"

urlpatterns: list[path] = []
