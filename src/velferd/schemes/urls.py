"""The schemes pages, under /schemes/."""

from django.urls import path

from . import views

app_name = "schemes"

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/<str:code>/", views.catalogue_type, name="catalogue_type"),
    path("catalogue/<str:code>/edit/", views.catalogue_edit, name="catalogue_edit"),
    path("suppliers/", views.supplier_list, name="supplier_list"),
    path("suppliers/new/", views.supplier_new, name="supplier_new"),
    path("suppliers/mine/", views.supplier_mine, name="supplier_mine"),
    path("suppliers/<str:organisation_number>/", views.supplier, name="supplier"),
    path("suppliers/<str:organisation_number>/edit/", views.supplier_edit, name="supplier_edit"),
    path("suppliers/<str:organisation_number>/units/new/", views.unit_form, name="unit_new"),
    path(
        "suppliers/<str:organisation_number>/units/<int:unit_id>/",
        views.unit_form,
        name="unit_edit",
    ),
    path(
        "suppliers/<str:organisation_number>/contacts/new/", views.contact_form, name="contact_new"
    ),
    path(
        "suppliers/<str:organisation_number>/contacts/<int:contact_id>/",
        views.contact_form,
        name="contact_edit",
    ),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/<int:agreement_id>/", views.agreement, name="agreement"),
    path(
        "agreements/<int:agreement_id>/outcomes/",
        views.outcome_contract,
        name="outcome_contract",
    ),
    path("deliveries/", views.delivery_list, name="delivery_list"),
    path("deliveries/find/", views.delivery_catalogue, name="delivery_catalogue"),
    path("deliveries/<int:delivery_id>/", views.delivery, name="delivery"),
]
