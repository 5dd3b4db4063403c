"""The office's financial assistance pages: the queue, the case, the decision; the guideline
rates."""

from django.urls import URLPattern, path

from .views import caseworker, rates

urlpatterns: list[URLPattern] = [
    path("queue/", caseworker.queue, name="queue"),
    path("cases/<uuid:application_id>/", caseworker.case_page, name="case"),
    path(
        "cases/<uuid:application_id>/documentation/",
        caseworker.documentation_request,
        name="documentation_request",
    ),
    path("cases/<uuid:application_id>/decide/", caseworker.decide, name="decide"),
    path("decisions/<uuid:decision_id>/", caseworker.decision_page, name="decision"),
    path("decisions/<uuid:decision_id>/reduce/", caseworker.reduce, name="reduce"),
    path("rates/", rates.rates, name="rates"),
]
