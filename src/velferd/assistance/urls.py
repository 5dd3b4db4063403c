"""The financial assistance pages, under /assistance/."""

from django.urls import URLPattern, path  # noqa: F401  (each part adds its pages)

from .caseworker_urls import urlpatterns as caseworker_pages
from .citizen_urls import urlpatterns as citizen_pages
from .payments_urls import urlpatterns as payment_pages

app_name = "assistance"

urlpatterns: list[URLPattern] = [*citizen_pages, *caseworker_pages, *payment_pages]
