"""Access-matrix rows for effect runs (see test_access_matrix.py): analysts ask; analysts,
ministry staff, scheme managers and administrators read the masked aggregates."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.utils import timezone

from velferd.people.models import Person
from velferd.results.models import EffectRun, Outcome

from .matrix import ANONYMOUS, LOGINS, Route

R = "/api/v1/results"
READERS = ("analytiker", "departement", "admin", "tiltaksforvalter")


def only(status: int, *logins: str) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 403), **dict.fromkeys(logins, status)}


def _a_question(_: str) -> dict[str, Any]:
    """A question with an outcome at its horizon to be asked of (too few to estimate on:
    the run is made and fails, which is all the matrix needs)."""
    if not Outcome.objects.filter(horizon_months=12).exists():
        Outcome.objects.create(
            person=Person.objects.order_by("pk")[0],
            origin="follow_up_period",
            origin_id=uuid.uuid4(),
            ended_on=datetime.date(2024, 6, 30),
            horizon_months=12,
            status="in_work",
            derived_at=timezone.now(),
        )
    return {"outcome": "in_work", "horizon_months": 12, "control": "none", "by": []}


def _a_run(_: str) -> str:
    return str(EffectRun.objects.order_by("pk").values_list("pk", flat=True).first())


ROUTES = [
    Route("post", f"{R}/effect-runs", only(201, "analytiker"), body=_a_question),
    Route("get", f"{R}/effect-runs", only(200, *READERS)),
    Route(
        "get",
        f"{R}/effect-runs/{{run_id}}",
        only(200, *READERS),
        params={"run_id": _a_run},
        unknown_path=f"{R}/effect-runs/999999999",
    ),
]
