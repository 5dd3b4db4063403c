"""Production's JSON log lines carry the request id the client sees in X-Request-ID."""

from __future__ import annotations

import io
import json
import logging
import logging.config
from collections.abc import Iterator

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from velferd.core.middleware import RequestIdMiddleware
from velferd.settings.logging import JSON_LOGGING


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """Production's logging, written to a buffer instead of standard output."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    logging.config.dictConfig(JSON_LOGGING)
    buffer = io.StringIO()
    handler = root.handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    yield buffer
    root.handlers, root.level = saved


def records(buffer: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_a_line_written_while_serving_names_the_request(json_lines: io.StringIO) -> None:
    def view(request: HttpRequest) -> HttpResponse:
        logging.getLogger("velferd.test").warning("Claim %s refused", "C-17")
        return HttpResponse("ok")

    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="trace-4f2a9c1e")
    response = RequestIdMiddleware(view)(request)
    assert response["X-Request-ID"] == "trace-4f2a9c1e"
    [line] = records(json_lines)
    assert line["message"] == "Claim C-17 refused"
    assert line["level"] == "WARNING"
    assert line["logger"] == "velferd.test"
    assert line["request_id"] == "trace-4f2a9c1e"


@pytest.mark.django_db
def test_djangos_not_found_line_names_the_request(json_lines: io.StringIO) -> None:
    response = Client().get("/offices/9999/nowhere/", HTTP_X_REQUEST_ID="trace-00aa11bb")
    assert response.status_code == 404
    lines = [line for line in records(json_lines) if line["logger"] == "django.request"]
    assert lines and lines[-1]["request_id"] == "trace-00aa11bb"
    assert response["X-Request-ID"] == "trace-00aa11bb"


def test_a_line_outside_any_request_has_no_id(json_lines: io.StringIO) -> None:
    logging.getLogger("velferd.test").error("nightly job failed")
    [line] = records(json_lines)
    assert line["request_id"] is None
