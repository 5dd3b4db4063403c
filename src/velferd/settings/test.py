"""Tests: fast hashing, synthetic identity numbers allowed, throttling kept on."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret-velferd-key-0123456789abcdef"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
VELFERD_ALLOW_SYNTHETIC_IDS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)

# Effect runs are executed as soon as they are asked (docs/architecture.md, "Effect runs").
VELFERD_EFFECTS_INLINE = True

# Tasks run as they are enqueued (the worker's own test runs the database backend), and the
# rate limits count in each process's memory: the shared cache's own test uses the database.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
