"""Access-matrix rows for the employment register's import and the outcome figures (see
test_access_matrix.py): only administrators import; analysts, ministry staff, scheme
managers and administrators read the masked figures."""

from __future__ import annotations

import datetime

from velferd.core.identifiers import synthetic_national_id

from .matrix import ANONYMOUS, LOGINS, Route

R = "/api/v1/results"
FIGURES = ("analytiker", "departement", "admin", "tiltaksforvalter")


def only(status: int, *logins: str) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 403), **dict.fromkeys(logins, status)}


def _a_month_of_a_stranger(_: str) -> dict[str, str]:
    """One line for a person not known here: imported as nothing, and counted."""
    number = synthetic_national_id(datetime.date(1961, 2, 3), 11)
    header = "national_id;month;employed;contracted_hours;industry"
    return {"filename": "matrix.csv", "content": f"{header}\n{number};2026-01;1;37,5;47.111\n"}


ROUTES = [
    Route("post", f"{R}/employment/imports", only(201, "admin"), body=_a_month_of_a_stranger),
    Route("get", f"{R}/outcomes", only(200, *FIGURES)),
]
