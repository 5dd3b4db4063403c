"""The pages of payments, their runs and appeals, under /assistance/."""

from django.urls import URLPattern, path

from .views import appeals, payments

urlpatterns: list[URLPattern] = [
    path("payments/", payments.payments, name="payments"),
    path("payments/<uuid:payment_id>/approve/", payments.approve, name="payment_approve"),
    path("payment-runs/", payments.export, name="payments_export"),
    path("payment-runs/<int:export_id>/file/", payments.run_file, name="payment_run_file"),
    path("appeals/", appeals.office_appeals, name="appeals"),
    path("appeals/<uuid:appeal_id>/", appeals.appeal_page, name="appeal"),
    path("appeals/<uuid:appeal_id>/change/", appeals.appeal_change, name="appeal_change"),
    path("me/decisions/<uuid:decision_id>/appeal/", appeals.appeal_new, name="my_appeal_new"),
]
