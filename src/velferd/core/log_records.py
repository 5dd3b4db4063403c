"""Puts the id of the request being served (core.request_context) on every log record, so
that a JSON log line can be matched with the request's X-Request-ID and its audit events."""

import logging

from .request_context import current_request_id


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = current_request_id() or getattr(request, "request_id", None)
        return True
