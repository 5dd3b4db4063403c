"""Production: PostgreSQL from DATABASE_URL (and a streaming replica from REPLICA_URL),
HTTPS only, OIDC login when configured, JSON logs (README, "Production")."""

import os

import dj_database_url

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE
from .logging import JSON_LOGGING
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
# VELFERD_SECURE_COOKIES=0 only for plain HTTP on loopback (make scale-demo, bench/).
SESSION_COOKIE_SECURE = flag(os.environ, "VELFERD_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# OpenID Connect: ID-porten for citizens and Entra ID for employees, each configured by
# VELFERD_OIDC_<NAME>_* variables (README, "Production"; docs/architecture.md, "Login").
VELFERD_OIDC_PROVIDERS = providers_from_environment(os.environ)

# A restarted primary leaves broken persistent connections: each request checks its own first.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The reporting reads go to the replica when REPLICA_URL names one (project/db_router.py);
# without it every read stays on the primary.
if os.environ.get("REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["REPLICA_URL"], conn_max_age=60, conn_health_checks=True
    )
    # A replica that does not answer is passed over quickly, not waited for.
    DATABASES["replica"]["OPTIONS"] = {"connect_timeout": 2}
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["velferd.project.db_router.ReportingReadsRouter"]
# Before the malformed-input check, which stays last (settings/base.py).
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("velferd.core.request_checks.RefuseMalformedInputMiddleware"),
    "velferd.project.db_router.ReportingReadsMiddleware",
)
VELFERD_REPLICA_MAX_LAG_SECONDS = float(os.environ.get("VELFERD_REPLICA_MAX_LAG_SECONDS", "10"))
VELFERD_READ_YOUR_WRITES_SECONDS = int(os.environ.get("VELFERD_READ_YOUR_WRITES_SECONDS", "30"))

# One JSON object a line with the request id; VELFERD_LOG_JSON=0 keeps plain lines.
if flag(os.environ, "VELFERD_LOG_JSON", True):
    LOGGING = JSON_LOGGING
