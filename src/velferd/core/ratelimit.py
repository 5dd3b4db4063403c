"""A fixed-window rate limit in the cache (Django's cache framework: the database cache shared
by every app server, settings.CACHES). When the cache cannot be reached the limit lets the
request through and logs a warning: the site goes on serving without its limits.

A form counts only what it accepts: its save runs inside `only_accepted()`, and a submission
refused there (a field error, the service's refusal, the limit itself) gives its counts
back, so that people behind one address (an office, a school) are not shut out by typos."""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress

from django.core.cache import cache
from django.http import HttpRequest

from .errors import DomainError

log = logging.getLogger(__name__)


def client_key(request: HttpRequest) -> str:
    """Who is asking: the address the request came from (set by the load balancer's
    trusted proxy in production)."""
    return str(request.META.get("REMOTE_ADDR", "unknown"))


TOO_MANY_NB = "Du har sendt for mange henvendelser på kort tid. Prøv igjen senere."
TOO_MANY_EN = "You have sent too many enquiries in a short time. Try again later."


def hit(
    scope: str,
    key: str,
    *,
    limit: int,
    seconds: int,
    message_nb: str = TOO_MANY_NB,
    message_en: str = TOO_MANY_EN,
) -> None:
    """Count one request; refuse with 429 once `limit` is passed in the window."""
    if _count(f"ratelimit:{scope}:{key}", seconds) > limit:
        raise DomainError(
            code="rate_limited",
            status=429,
            message_nb=message_nb,
            message_en=message_en,
        )


def hit_windows(
    scope: str,
    key: str,
    *,
    windows: Sequence[tuple[int, int]],
    message_nb: str = TOO_MANY_NB,
    message_en: str = TOO_MANY_EN,
) -> None:
    """Count one request in several windows at once, e.g. ((10, 60), (100, 3600)): at most
    10 a minute and 100 an hour. Refuse with 429 once any of the limits is passed."""
    over = [
        limit
        for limit, seconds in windows
        if _count(f"ratelimit:{scope}:{seconds}:{key}", seconds) > limit
    ]
    if over:
        raise DomainError(
            code="rate_limited",
            status=429,
            message_nb=message_nb,
            message_en=message_en,
        )


# The windows counted so far inside `only_accepted()`, to give back if the block fails.
_counted: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "ratelimit_counted", default=None
)


@contextmanager
def only_accepted() -> Iterator[None]:
    """Counts made inside the block are given back when the block raises: only a
    submission that goes through uses up the quota."""
    token = _counted.set([])
    try:
        yield
    except BaseException:
        for name in _counted.get() or []:
            _give_back(name)
        raise
    finally:
        _counted.reset(token)


def _count(name: str, seconds: int) -> int:
    """One more in the fixed window `name` (which starts with its first count)."""
    try:
        count = _count_in_cache(name, seconds)
    except Exception:  # any cache backend's failure: the limit must not take the site down
        log.warning("Rate limit %s not counted: the cache is unreachable", name, exc_info=True)
        return 0
    counted = _counted.get()
    if counted is not None:
        counted.append(name)
    return count


def _count_in_cache(name: str, seconds: int) -> int:
    cache.add(name, 0, timeout=seconds)
    try:
        return int(cache.incr(name))
    except ValueError:
        cache.set(name, 1, timeout=seconds)
        return 1


def _give_back(name: str) -> None:
    with suppress(Exception):  # the window has ended meanwhile, or the cache is away
        cache.decr(name)
