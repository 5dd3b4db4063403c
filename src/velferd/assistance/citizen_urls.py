"""The citizen's financial assistance pages, under /assistance/me/, and the attachment."""

from django.urls import URLPattern, path

from .views import attachment_file, citizen, citizen_requests

A = "me/<uuid:application_id>/"

urlpatterns: list[URLPattern] = [
    path("me/", citizen.my_applications, name="my_applications"),
    path("me/new/", citizen.application_new, name="my_application_new"),
    path(A, citizen.my_application, name="my_application"),
    path(f"{A}household/", citizen.household_add, name="my_household_add"),
    path(
        f"{A}household/<int:member_id>/remove/",
        citizen.household_remove,
        name="my_household_remove",
    ),
    path(f"{A}money/", citizen.money_add, name="my_money_add"),
    path(f"{A}money/<int:item_id>/remove/", citizen.money_remove, name="my_money_remove"),
    path(f"{A}files/", citizen.attachment_add, name="my_attachment_add"),
    path(
        f"{A}files/<uuid:attachment_id>/remove/",
        citizen.attachment_remove,
        name="my_attachment_remove",
    ),
    path(f"{A}send/", citizen.application_submit, name="my_application_submit"),
    path(f"{A}delete/", citizen.application_delete, name="my_application_delete"),
    path("me/requests/<uuid:request_id>/", citizen_requests.my_request, name="my_request"),
    path(
        "me/requests/<uuid:request_id>/files/",
        citizen_requests.my_request_upload,
        name="my_request_upload",
    ),
    path(
        "attachments/<uuid:attachment_id>/",
        attachment_file.attachment_download,
        name="attachment",
    ),
]
