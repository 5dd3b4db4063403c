"""Structured logs for production: one JSON object a line on standard output (what the
platform's log collector reads), each with the request id of the request being served.
Development keeps the plain console lines of settings.base."""

JSON_LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "velferd.core.log_records.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        }
    },
    "handlers": {
        "json": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["json"], "level": "INFO"},
    "loggers": {"axes": {"level": "WARNING"}},
}
