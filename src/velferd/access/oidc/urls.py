from django.urls import path

from . import logout, views

urlpatterns = [
    path("<slug:provider_name>/login/", views.start, name="oidc_login"),
    path("<slug:provider_name>/callback/", views.callback, name="oidc_callback"),
    path(
        "<slug:provider_name>/backchannel-logout/",
        logout.backchannel_logout,
        name="oidc_backchannel_logout",
    ),
]
