"""The sick-leave pages, under /sick-leave/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="sick_leave"),
    path("enterprises/<str:organisation_number>/", views.enterprise, name="sick_leave_enterprise"),
    path("groups/", views.groups, name="sick_leave_groups"),
    path("groups/<str:kind>/<str:key>/", views.group, name="sick_leave_group"),
    path("priorities/", views.priorities, name="sick_leave_priorities"),
    path("results/", views.results, name="sick_leave_results"),
    path("import/", views.import_statistics, name="sick_leave_import"),
]
