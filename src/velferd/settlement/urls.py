"""The settlement pages, under /settlement/."""

from django.urls import path

from . import views

app_name = "settlement"

urlpatterns = [
    path("", views.index, name="index"),
    path("requests/", views.requests_from_file, name="requests"),
    path("runs/", views.run_start, name="run_start"),
    path("runs/<str:run_id>/", views.run, name="run"),
    path("runs/<str:run_id>/send/", views.run_send, name="run_send"),
    path("cases/<str:case_id>/", views.case, name="case"),
    path("municipalities/<str:number>/", views.municipality, name="municipality"),
]
