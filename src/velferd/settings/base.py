"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("VELFERD_VAR_DIR", PROJECT_DIR / "var"))

SECRET_KEY = os.environ.get("VELFERD_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "velferd.core",
    "velferd.access",
    "velferd.audit",
    "velferd.organisation",
    "velferd.people",
    "velferd.letters",
    "velferd.followup",
    "velferd.enquiries",
    "velferd.publications",
    "velferd.employers",
    "velferd.sickleave",
    "velferd.schemes",
    "velferd.procurement",
    "velferd.funding",
    "velferd.participants",
    "velferd.results",
    "velferd.assistance",
    "velferd.settlement",
    "velferd.project",
]

MIDDLEWARE = [
    # First, so that it times the whole answer (project/metrics.py).
    "velferd.project.metrics.MetricsMiddleware",
    # Before the host check: the platform's probes call a pod by its address.
    "velferd.project.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "velferd.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "velferd.core.middleware.PagesDefaultToNorwegianMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "velferd.core.middleware.PersonalAnswersNotStoredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the CSP middleware, so that its answer is read by it: see the module.
    "velferd.access.oidc.middleware.ProviderLogoutFormActionMiddleware",
    "axes.middleware.AxesMiddleware",
    # A view's database failure is a 503 "try again", not a server error (core/unavailable.py).
    "velferd.core.unavailable.DatabaseUnavailableMiddleware",
    # Last, so that it runs after every other middleware has prepared the request and
    # before any view, CSRF check or API authentication reads the body.
    "velferd.core.request_checks.RefuseMalformedInputMiddleware",
]

ROOT_URLCONF = "velferd.urls"
WSGI_APPLICATION = "velferd.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "velferd.access.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'velferd.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; IMMEDIATE avoids upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The task queue (django-tasks) keeps its tasks in the application's own database: no
# broker to run, and it works on SQLite and PostgreSQL alike (docs/architecture.md, "Jobs").
# `velferd worker` runs the tasks and the schedule (project/jobs.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A failed job is tried again after 60 s, 120 s, 240 s ... up to this many attempts.
VELFERD_JOB_ATTEMPTS = 4
VELFERD_JOB_RETRY_SECONDS = 60
# A task still marked running this long after it started lost its worker: it is run again.
VELFERD_JOB_LEASE_SECONDS = int(os.environ.get("VELFERD_JOB_LEASE_SECONDS", str(2 * 60 * 60)))
# The nightly prune-task-results deletes finished tasks after this many days, failed ones
# later: an operator can still read a failure's traceback in the task table.
VELFERD_TASK_RESULTS_KEEP_DAYS = int(os.environ.get("VELFERD_TASK_RESULTS_KEEP_DAYS", "30"))
VELFERD_FAILED_TASK_RESULTS_KEEP_DAYS = int(
    os.environ.get("VELFERD_FAILED_TASK_RESULTS_KEEP_DAYS", "90")
)

# The shared cache of the rate limits and the login provider's replay guard: a table in the
# application's database, seen by every app server, on SQLite as on PostgreSQL (created by
# the project's migration). Sessions and the login lockouts live in their own tables.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "velferd_cache",
    }
}
# /metrics answers from the loopback address, or anyone with this bearer token when set.
VELFERD_METRICS_TOKEN = os.environ.get("VELFERD_METRICS_TOKEN", "")

AUTH_USER_MODEL = "access.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Only answers the OpenID Connect callback, which calls it directly (access/oidc).
    "velferd.access.oidc.backend.OIDCBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "home"

# Login throttling: five failures lock the username from that address for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "access/locked_out.html"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian bokmål")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Oslo"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = Path(os.environ.get("VELFERD_NODE_MODULES", PROJECT_DIR / "node_modules"))
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/navikt", NODE_MODULES / "@navikt" / "ds-css" / "dist"),
    # Aksel's font, served from here: the policy below lets fonts come from this site only.
    ("vendor/source-sans-3", NODE_MODULES / "@fontsource-variable" / "source-sans-3" / "files"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Helper and synthetic identity numbers (month + 40: H-numbers and NAV's test numbers;
# month + 80: Skatteetaten's synthetic numbers) are accepted only where this is on, so that
# production holds national identity numbers and D-numbers only, and demo and test data can
# never hold a real person's number.
VELFERD_ALLOW_SYNTHETIC_IDS = False
# OpenID Connect providers by name (settings/oidc.py); none outside production unless set.
VELFERD_OIDC_PROVIDERS: dict[str, dict[str, object]] = {}
# Finds (or makes, at first login) the login of the person with an identity number.
VELFERD_OIDC_CITIZEN_LOGIN = "velferd.people.oidc.citizen_login"
FORMAT_MODULE_PATH = ["velferd.formats"]

# The Ministry's enquiries: below this confidence the Press and Communications Division
# routes by hand; deadlines in working days; submissions per address per window.
VELFERD_ENQUIRY_CONFIDENCE_THRESHOLD = 0.45
VELFERD_ENQUIRY_DEADLINE_WORKING_DAYS = 10
VELFERD_PRESS_DEADLINE_WORKING_DAYS = 1
VELFERD_ENQUIRY_RATE_LIMIT = (5, 600)

# Statistical disclosure control (velferd.core.disclosure): a group's figure is shown only
# with at least this many enterprises, and when no enterprise has this share or more of the
# group's lost workdays.
VELFERD_DISCLOSURE_MIN_ENTERPRISES = 3
VELFERD_DISCLOSURE_DOMINANCE = "0.85"
# Anonymous survey answers from one address to one survey: at most (answers, in seconds)
# in each window.
VELFERD_SURVEY_ANSWER_RATE_LIMITS = ((10, 60), (100, 3600))

# The qualification programme's flag in the portfolio (followup/portfolio.py): the office's
# own practice of waiting until financial assistance has run this many days before it flags
# a person in the target group as not assessed. The Social Services Act (§ 29) and the
# qualification programme regulation set no such waiting time, so it is off (0) by default
# and the flag follows the law; an office that considers the programme only after six
# months of assistance sets 182.
VELFERD_QUALIFICATION_FLAG_AFTER_ASSISTANCE_DAYS = 0

# How many days after a participation closes its supplier still sees the participant: NAV's
# supplier portal keeps an ended participant for 40 days (amt-tiltaksarrangor-bff).
VELFERD_SUPPLIER_ACCESS_DAYS_AFTER_END = 40
