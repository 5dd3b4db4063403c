"""Tests: fast hashing, synthetic identity numbers allowed, throttling kept on."""

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret-velferd-key-0123456789abcdef"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
VELFERD_ALLOW_SYNTHETIC_IDS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
