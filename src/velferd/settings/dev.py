"""Local demo: SQLite in var/, debug pages, synthetic identity numbers allowed."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
SECRET_KEY = "dev-only-not-secret-velferd-demo-key-0123456789abcdef"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
VELFERD_ALLOW_SYNTHETIC_IDS = True
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
