"""The participants pages, under /participants/."""

from django.urls import path

from .views import (
    enrolment as enrolment_views,
    overview as overview_views,
    participation as participation_views,
    proposals as proposal_views,
    supplier as supplier_views,
)

app_name = "participants"

urlpatterns = [
    path("mine/", participation_views.mine, name="mine"),
    path("people/<uuid:person_id>/enrol/", enrolment_views.enrol, name="enrol"),
    path(
        "deliveries/<int:delivery_id>/waiting-list/",
        enrolment_views.waiting_list,
        name="waiting_list",
    ),
    path("<uuid:participation_id>/", participation_views.participation, name="participation"),
    path("supplier/", supplier_views.supplier_home, name="supplier_home"),
    path(
        "supplier/deliveries/<int:delivery_id>/",
        supplier_views.supplier_delivery,
        name="supplier_delivery",
    ),
    path(
        "supplier/<uuid:participation_id>/",
        supplier_views.supplier_participant,
        name="supplier_participant",
    ),
    path(
        "supplier/<uuid:participation_id>/propose/",
        supplier_views.supplier_propose,
        name="supplier_propose",
    ),
    path(
        "supplier/<uuid:participation_id>/report/",
        supplier_views.supplier_report,
        name="supplier_report",
    ),
    path(
        "supplier/proposals/<int:proposal_id>/withdraw/",
        supplier_views.supplier_withdraw,
        name="supplier_withdraw",
    ),
    path("overview/", overview_views.places_overview_page, name="places_overview"),
    path("proposals/", proposal_views.proposal_queue, name="proposal_queue"),
    path(
        "proposals/<int:proposal_id>/", proposal_views.proposal_decision, name="proposal_decision"
    ),
]
