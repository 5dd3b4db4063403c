"""Production: PostgreSQL from DATABASE_URL, HTTPS only, OIDC login when configured."""

import os

from .base import *  # noqa: F403
from .base import AUTHENTICATION_BACKENDS, INSTALLED_APPS

DEBUG = False
SECRET_KEY = os.environ["VELFERD_SECRET_KEY"]
# The key of the pseudonyms in the effect runs' extracts (results/services/extract.py): its
# own secret, so that the pseudonyms cannot be recomputed from anything else.
VELFERD_PSEUDONYM_KEY = os.environ["VELFERD_PSEUDONYM_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("VELFERD_ALLOWED_HOSTS", "").split(",") if h]

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# OpenID Connect for employees (Entra ID) and citizens (ID-porten). Off unless configured;
# see docs/architecture.md, "Identity".
VELFERD_OIDC_ENABLED = os.environ.get("VELFERD_OIDC_ENABLED", "") == "1"
if VELFERD_OIDC_ENABLED:
    INSTALLED_APPS = [*INSTALLED_APPS, "mozilla_django_oidc"]
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "velferd.access.oidc.VelferdOIDCBackend"]
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_JWKS_ENDPOINT = os.environ["OIDC_OP_JWKS_ENDPOINT"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid profile")
    OIDC_CREATE_USER = False
    VELFERD_OIDC_USERNAME_CLAIM = os.environ.get(
        "VELFERD_OIDC_USERNAME_CLAIM", "preferred_username"
    )
    LOGIN_REDIRECT_URL_FAILURE = "/login/"
