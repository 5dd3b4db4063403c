"""Access-matrix rows for the sickleave API (see test_access_matrix.py). The login
"arbeidsgiver" represents an enterprise in Bergen built for the test, with statistics, which
"ia-radgiver" (the IW centre of Vestland) serves; analysts and ministry staff see groups,
never one enterprise; only administrators import."""

from __future__ import annotations

from velferd.access.actor import system_actor
from velferd.sickleave.models import QuarterlyStatistics
from velferd.sickleave.services import statistics_import
from velferd.sickleave.tests.factories import csv_file, latest

from .matrix import ANONYMOUS, LOGINS, Route
from .matrix_employers_records import BERGEN, built_enterprise

S = "/api/v1/sickleave"


def only(status: int, *logins: str, others: int = 403) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, others), **dict.fromkeys(logins, status)}


AGGREGATES = ("ia-radgiver", "analytiker", "departement", "admin")


def _quarter_again(_: str) -> dict[str, str]:
    """A quarter of the employer's enterprise, imported already: for an administrator, 0
    new, 0 changed."""
    return {"filename": "matrix.csv", "content": _statistics().decode()}


def _statistics() -> bytes:
    """The last quarter of the enterprise arbeidsgiver represents (NACE 86, health care),
    imported if it is not already."""
    enterprise, q = built_enterprise(BERGEN), latest()
    data = csv_file([(enterprise.organisation_number, q.year, q.quarter, "1000", "60", "6", 8)])
    if not QuarterlyStatistics.objects.filter(enterprise=enterprise).exists():
        statistics_import(actor=system_actor("matrix"), data=data, filename="matrix.csv")
    return data


def _own_number(_: str) -> str:
    _statistics()
    return built_enterprise(BERGEN).organisation_number


def _own_industry(_: str) -> str:
    _statistics()
    return "86"


ROUTES = [
    Route("post", f"{S}/imports", only(201, "admin"), body=_quarter_again),
    Route(
        "get",
        f"{S}/enterprises/{{organisation_number}}",
        # An enterprise the caller may not see answers as an unknown one.
        only(200, "arbeidsgiver", "ia-radgiver", "admin", others=404),
        params={"organisation_number": _own_number},
        unknown_path=f"{S}/enterprises/974760673",
    ),
    Route(
        "get",
        f"{S}/groups/{{kind}}",
        only(200, *AGGREGATES),
        params={"kind": lambda _: "industry"},
        unknown_path=f"{S}/groups/galaxy",
    ),
    Route(
        "get",
        f"{S}/groups/{{kind}}/{{key}}",
        only(200, *AGGREGATES),
        params={"kind": lambda _: "industry", "key": _own_industry},
        unknown_path=f"{S}/groups/industry/00",
    ),
    Route("get", f"{S}/priorities", only(200, "ia-radgiver")),
    Route("get", f"{S}/results", only(200, *AGGREGATES)),
]
