"""Local demo: SQLite in var/, synthetic identity numbers allowed.

Debug pages stay off: the demo server answers anyone who reaches it, and a debug page would
show them the settings, the code and the URL map. A developer reads the traceback where the
server runs (the console log); static files are served straight from the sources."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
SECRET_KEY = "dev-only-not-secret-velferd-demo-key-0123456789abcdef"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
VELFERD_ALLOW_SYNTHETIC_IDS = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)

# Effect runs are executed as soon as they are asked (docs/architecture.md, "Effect runs").
VELFERD_EFFECTS_INLINE = True
