"""The only place where database-vendor differences are allowed to show."""

from django.db import connection


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"
