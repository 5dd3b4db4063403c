"""The pieces of the access matrix: the roles, a route's expected answers, helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LOGINS = [
    "veileder",
    "sosialkonsulent",
    "beslutter",
    "kontorleder",
    "ia-radgiver",
    "fastlege",
    "leverandor",
    "arbeidsgiver",
    "innbygger",
    "analytiker",
    "departement",
    "admin",
    "tiltaksforvalter",
    "imdi",
    "bosetting-drammen",
]
ANONYMOUS = "anonymous"
ROLES = [ANONYMOUS, *LOGINS]


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def logged_in(status: int, **exceptions: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, status), **exceptions}


def admin_only(status: int) -> dict[str, int]:
    return logged_in(403, admin=status)


@dataclass
class Route:
    method: str
    path: str
    expected: dict[str, int]
    body: Callable[[str], Any] | None = None
    unknown_path: str | None = None
    params: dict[str, Callable[[str], str]] = field(default_factory=dict)
