"""The funding pages, under /funding/."""

from django.urls import path

from . import views

app_name = "funding"

urlpatterns = [
    path("", views.index, name="index"),
    path("budgets/", views.budgets, name="budgets"),
    path("commitments/", views.commitments, name="commitments"),
    path("commitments/new/", views.commitment_new, name="commitment_new"),
    path("commitments/<int:commitment_id>/", views.commitment, name="commitment"),
    path("claims/", views.claims, name="claims"),
    path("claims/new/", views.claim_new, name="claim_new"),
    path("claims/<int:claim_id>/", views.claim, name="claim"),
    path("participation/", views.participation, name="participation"),
    path("exports/", views.exports, name="exports"),
    path("exports/<int:export_id>/file/", views.export_file, name="export_file"),
]
