"""Access-matrix rows for appeals against §14a decisions (see test_access_matrix.py): the
person appeals on their own login (innbygger) and the office's caseworkers for them; the
office's caseworkers prepare an appeal; the office's staff and the person read it. Each row
acts on a decision sent to, or an appeal by, the person of matrix_people, built for the
call."""

from __future__ import annotations

from typing import Any

from velferd.core.testing import login_actor
from velferd.followup import services as followup
from velferd.followup.tests.factories import an_assessment

from .matrix import LOGINS, Route
from .matrix_people import CASEWORKERS, NOBODY, READERS, _record, allow

F = "/api/v1/followup"
GROUNDS = {"grounds": "Jeg trenger mer hjelp."}
MOVE = {"version": 1, "comment": "Vurdert av kontoret."}


def _sent_decision() -> Any:
    """A decision sent to the person whose own login is innbygger."""
    ola = _record("ola")
    draft = an_assessment(person=ola, period=ola.periods.get(), sources=["dialogue"])
    return followup.assessment_send(
        actor=login_actor("veileder"), assessment=draft, version=draft.version
    )


def _decision(_: str) -> str:
    return str(_sent_decision().pk)


def _appeal(_: str) -> str:
    """An appeal of a new decision, registered by the office, being prepared."""
    appeal = followup.appeal_register(
        actor=login_actor("veileder"), decision=_sent_decision(), grounds=GROUNDS["grounds"]
    )
    return str(appeal.pk)


ROUTES = [
    Route(
        "post",
        f"{F}/assessments/{{assessment_id}}/appeals",
        allow(201, *CASEWORKERS, "innbygger"),
        params={"assessment_id": _decision},
        unknown_path=f"{F}/assessments/{NOBODY}/appeals",
        body=lambda _: GROUNDS,
    ),
    Route("get", f"{F}/appeals", allow(200, *LOGINS)),
    Route(
        "get",
        f"{F}/appeals/{{appeal_id}}",
        allow(200, *READERS, "innbygger"),
        params={"appeal_id": _appeal},
        unknown_path=f"{F}/appeals/{NOBODY}",
    ),
    Route(
        "post",
        f"{F}/appeals/{{appeal_id}}/uphold",
        allow(200, *CASEWORKERS),
        params={"appeal_id": _appeal},
        unknown_path=f"{F}/appeals/{NOBODY}/uphold",
        body=lambda _: MOVE,
    ),
    Route(
        "post",
        f"{F}/appeals/{{appeal_id}}/forward",
        allow(200, *CASEWORKERS),
        params={"appeal_id": _appeal},
        unknown_path=f"{F}/appeals/{NOBODY}/forward",
        body=lambda _: MOVE,
    ),
]
