"""The participants pages, under /participants/."""

from django.urls import path

app_name = "participants"

urlpatterns: list[path] = []
