from django.conf import settings
from django.urls import include, path

from velferd.access import views as access_views
from velferd.api import api
from velferd.audit import views as audit_views
from velferd.core import views as core_views
from velferd.organisation import views as organisation_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("login/", access_views.LoginView.as_view(), name="login"),
    path("logout/", access_views.logout_view, name="logout"),
    path("account/", access_views.account, name="account"),
    path("account/tokens/", access_views.tokens, name="tokens"),
    path("account/tokens/<uuid:token_id>/revoke/", access_views.token_revoke, name="token_revoke"),
    path("users/", access_views.users, name="users"),
    path("users/<uuid:user_id>/", access_views.user_detail, name="user"),
    path("audit/", audit_views.events, name="audit_events"),
    path("ministry/", organisation_views.ministry, name="ministry"),
    path("offices/", organisation_views.directory, name="directory"),
    path("offices/<str:unit_number>/", organisation_views.office, name="office"),
    path("offices/<str:unit_number>/agreement/", organisation_views.agreement, name="agreement"),
    path("iw-centres/", organisation_views.iw_centres, name="iw_centres"),
]

if settings.VELFERD_OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "velferd.core.views.forbidden"
handler404 = "velferd.core.views.not_found"
handler500 = "velferd.core.views.server_error"
