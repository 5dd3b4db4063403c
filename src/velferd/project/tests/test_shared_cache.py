"""The rate limits count in the database cache that every app server shares, and let the
request through when that cache is down."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.db import OperationalError

from velferd.core import ratelimit
from velferd.core.errors import DomainError

pytestmark = pytest.mark.django_db


def app_server_cache() -> DatabaseCache:
    """One app server's own client of the shared cache (settings.base CACHES)."""
    return DatabaseCache("velferd_cache", {})


def test_the_limit_counts_across_app_servers() -> None:
    first, second = app_server_cache(), app_server_cache()
    first.clear()
    with mock.patch.object(ratelimit, "cache", first):
        for _ in range(3):
            ratelimit.hit("enquiry", "192.0.2.7", limit=4, seconds=600)
    with mock.patch.object(ratelimit, "cache", second):
        ratelimit.hit("enquiry", "192.0.2.7", limit=4, seconds=600)
        with pytest.raises(DomainError) as refused:
            ratelimit.hit("enquiry", "192.0.2.7", limit=4, seconds=600)
        ratelimit.hit("enquiry", "198.51.100.1", limit=4, seconds=600)
    assert refused.value.status == 429
    assert refused.value.message_nb.startswith("Du har sendt for mange")


def test_a_refused_submission_gives_its_count_back_in_the_shared_cache() -> None:
    shared = app_server_cache()
    shared.clear()
    with mock.patch.object(ratelimit, "cache", shared):
        with pytest.raises(ValueError), ratelimit.only_accepted():
            ratelimit.hit("survey", "192.0.2.8", limit=1, seconds=60)
            raise ValueError("a field error")
        ratelimit.hit("survey", "192.0.2.8", limit=1, seconds=60)


def test_the_site_serves_when_the_cache_is_down(caplog: pytest.LogCaptureFixture) -> None:
    down = mock.MagicMock()
    down.add.side_effect = OperationalError("cache table unreachable")
    with mock.patch.object(ratelimit, "cache", down):
        for _ in range(10):
            ratelimit.hit("enquiry", "192.0.2.9", limit=2, seconds=600)
        ratelimit.hit_windows("survey", "192.0.2.9", windows=((1, 60),))
    assert "the cache is unreachable" in caplog.text
