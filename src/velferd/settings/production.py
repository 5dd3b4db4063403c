"""Production: PostgreSQL from DATABASE_URL, HTTPS only, OIDC login when configured."""

import os

from .base import *  # noqa: F403
from .oidc import flag, providers_from_environment, proxy_ssl_header

DEBUG = False
SECRET_KEY = os.environ["VELFERD_SECRET_KEY"]
# The key of the pseudonyms in the effect runs' extracts (results/services/extract.py): its
# own secret, so that the pseudonyms cannot be recomputed from anything else.
VELFERD_PSEUDONYM_KEY = os.environ["VELFERD_PSEUDONYM_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("VELFERD_ALLOWED_HOSTS", "").split(",") if h]

# Behind a TLS-terminating proxy, VELFERD_PROXY_SSL_HEADER names the header it sets
# (X-Forwarded-Proto); VELFERD_SECURE_SSL_REDIRECT=0 leaves redirecting to the proxy.
SECURE_SSL_REDIRECT = flag(os.environ, "VELFERD_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(os.environ)
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# OpenID Connect: ID-porten for citizens and Entra ID for employees, each configured by
# VELFERD_OIDC_<NAME>_* variables (README, "Production"; docs/architecture.md, "Login").
VELFERD_OIDC_PROVIDERS = providers_from_environment(os.environ)
