"""Access-matrix rows for the sickleave API (see test_access_matrix.py). The demo login
"arbeidsgiver" represents 987654309 (Bergen Omsorg AS, Vestland), which "ia-radgiver" (the
IW centre of Vestland) serves; analysts and ministry staff see groups, never one
enterprise; only administrators import."""

from __future__ import annotations

from .matrix import ANONYMOUS, LOGINS, Route

S = "/api/v1/sickleave"


def only(status: int, *logins: str, others: int = 403) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, others), **dict.fromkeys(logins, status)}


AGGREGATES = ("ia-radgiver", "analytiker", "departement", "admin")


def _demo_quarter(_: str) -> dict[str, str]:
    """One line of the demo file again: for an administrator, 0 new, 0 changed."""
    from velferd.sickleave.demo import demo_file

    lines = demo_file().decode().splitlines()
    return {"filename": "matrix.csv", "content": "\n".join(lines[:2]) + "\n"}


ROUTES = [
    Route("post", f"{S}/imports", only(201, "admin"), body=_demo_quarter),
    Route(
        "get",
        f"{S}/enterprises/{{organisation_number}}",
        # An enterprise the caller may not see answers as an unknown one.
        only(200, "arbeidsgiver", "ia-radgiver", "admin", others=404),
        params={"organisation_number": lambda _: "987654309"},
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
        params={"kind": lambda _: "industry", "key": lambda _: "87"},
        unknown_path=f"{S}/groups/industry/00",
    ),
    Route("get", f"{S}/priorities", only(200, "ia-radgiver")),
    Route("get", f"{S}/results", only(200, *AGGREGATES)),
]
