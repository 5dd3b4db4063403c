"""The employers pages, under /employers/."""

from django.urls import path

from . import views

app_name = "employers"

urlpatterns = [
    path("", views.enterprise_list, name="list"),
    path("new/", views.enterprise_new, name="new"),
    path("mine/", views.mine, name="mine"),
    path("budgets/", views.budgets, name="budgets"),
    path("survey/thanks/", views.survey_thanks, name="survey_thanks"),
    path("survey/<str:token>/", views.survey_answer, name="survey_answer"),
    path("cooperations/<int:cooperation_id>/move/", views.cooperation_move, name="move"),
    path(
        "cooperations/<int:cooperation_id>/sub-themes/new/",
        views.sub_theme_new,
        name="sub_theme_new",
    ),
    path("cooperations/<int:cooperation_id>/deliveries/", views.delivery_add, name="delivery_add"),
    path("cooperations/<int:cooperation_id>/surveys/", views.survey_open, name="survey_open"),
    path("sub-themes/<int:sub_theme_id>/", views.sub_theme_edit, name="sub_theme"),
    path("deliveries/<int:delivery_id>/", views.delivery_change, name="delivery"),
    path("surveys/<int:survey_id>/", views.survey, name="survey"),
    path("subsidies/<int:subsidy_id>/", views.subsidy, name="subsidy"),
    path(
        "expert-assistance/<int:application_id>/",
        views.expert_assistance,
        name="expert_assistance",
    ),
    path("<str:organisation_number>/", views.enterprise, name="enterprise"),
    path("<str:organisation_number>/edit/", views.enterprise_edit, name="edit"),
    path(
        "<str:organisation_number>/contact-person/",
        views.contact_person,
        name="contact_person",
    ),
    path(
        "<str:organisation_number>/cooperations/",
        views.cooperation_start,
        name="cooperation_start",
    ),
    path("<str:organisation_number>/subsidies/", views.subsidy_apply, name="subsidy_apply"),
    path(
        "<str:organisation_number>/expert-assistance/",
        views.expert_assistance_apply,
        name="expert_assistance_apply",
    ),
]
