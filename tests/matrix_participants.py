"""Access-matrix rows for the participants domain (see test_access_matrix.py): enrolment and
the moves of a participation by the caseworkers, the person's own participations, and the
supplier's participants, proposals and reports."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.participants.models import ChangeProposal, Participation

from . import matrix_enrolment
from .matrix import ANONYMOUS, LOGINS, Route

# Enrolment, moves and waiting lists (NAV's caseworkers and the person) ----------------------

ENROLMENT_ROUTES: list[Route] = matrix_enrolment.ROUTES

# The supplier's side -----------------------------------------------------------------------

# The demo's participant in a delivery of the demo supplier (participants/demo_supplier.py),
# followed up at NAV Grünerløkka, with a proposed extension waiting for NAV.
SUPPLIER = "leverandor"
CASEWORKERS = ["veileder", "sosialkonsulent", "kontorleder"]
NOBODY = "00000000-0000-0000-0000-000000000000"
P = "/api/v1/participants"


def _answers(default: int, **by_login: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, default), **by_login}


def _caseworkers(status: int) -> dict[str, int]:
    return dict.fromkeys(CASEWORKERS, status)


def _demo_proposal() -> ChangeProposal:
    return ChangeProposal.objects.filter(
        status="pending", participation__delivery__supplier__organisation_number="912345688"
    ).earliest("created_at")


def _demo_participation() -> Participation:
    return _demo_proposal().participation


def _participation_id(_: str) -> str:
    return str(_demo_participation().pk)


def _delivery_id(_: str) -> str:
    return str(_demo_participation().delivery_id)


def _proposal_id(_: str) -> str:
    return str(_demo_proposal().pk)


def _extension(_: str) -> dict[str, Any]:
    ends_on = _demo_participation().ends_on
    assert ends_on is not None
    return {"kind": "extension", "ends_on": (ends_on + datetime.timedelta(days=14)).isoformat()}


def _report(_: str) -> dict[str, Any]:
    return {
        "month": f"{timezone.localdate():%Y-%m}",
        "days_planned": 12,
        "days_attended": 10,
        "text": "Godt oppmøte denne måneden.",
    }


def _decision(_: str) -> dict[str, Any]:
    return {"version": _demo_proposal().version, "comment": "Avklart med deltakeren."}


PARTICIPANT = {"participation_id": _participation_id}
PROPOSAL = {"proposal_id": _proposal_id}

SUPPLIER_ROUTES: list[Route] = [
    Route("get", f"{P}/supplier/deliveries", _answers(403, leverandor=200)),
    Route(
        "get",
        f"{P}/supplier/deliveries/{{delivery_id}}/participants",
        _answers(403, leverandor=200),
        params={"delivery_id": _delivery_id},
        unknown_path=f"{P}/supplier/deliveries/999999/participants",
    ),
    Route(
        "get",
        f"{P}/supplier/participants/{{participation_id}}",
        _answers(404, leverandor=200),
        params=PARTICIPANT,
        unknown_path=f"{P}/supplier/participants/{NOBODY}",
    ),
    Route(
        "post",
        f"{P}/supplier/participants/{{participation_id}}/proposals",
        _answers(404, leverandor=201),
        body=_extension,
        params=PARTICIPANT,
        unknown_path=f"{P}/supplier/participants/{NOBODY}/proposals",
    ),
    Route(
        "post",
        f"{P}/supplier/participants/{{participation_id}}/reports",
        _answers(404, leverandor=201),
        body=_report,
        params=PARTICIPANT,
        unknown_path=f"{P}/supplier/participants/{NOBODY}/reports",
    ),
    Route(
        "post",
        f"{P}/supplier/proposals/{{proposal_id}}/withdraw",
        _answers(404, leverandor=200),
        body=lambda _: {"version": _demo_proposal().version},
        params=PROPOSAL,
        unknown_path=f"{P}/supplier/proposals/999999/withdraw",
    ),
    Route("get", f"{P}/proposals", _answers(403, **_caseworkers(200))),
    Route(
        "get",
        f"{P}/proposals/{{proposal_id}}",
        _answers(404, leverandor=200, **_caseworkers(200)),
        params=PROPOSAL,
        unknown_path=f"{P}/proposals/999999",
    ),
    Route(
        "post",
        f"{P}/proposals/{{proposal_id}}/approve",
        _answers(404, leverandor=403, **_caseworkers(200)),
        body=_decision,
        params=PROPOSAL,
        unknown_path=f"{P}/proposals/999999/approve",
    ),
    Route(
        "post",
        f"{P}/proposals/{{proposal_id}}/reject",
        _answers(404, leverandor=403, **_caseworkers(200)),
        body=_decision,
        params=PROPOSAL,
        unknown_path=f"{P}/proposals/999999/reject",
    ),
    Route(
        "get",
        f"{P}/participations/{{participation_id}}/reports",
        _answers(404, leverandor=200, **_caseworkers(200)),
        params=PARTICIPANT,
        unknown_path=f"{P}/participations/{NOBODY}/reports",
    ),
]

# The overview of places (aggregates): scheme managers, office managers, analysts and the
# Ministry's staff.
OVERVIEW_ROUTES: list[Route] = [
    Route(
        "get",
        f"{P}/overview",
        _answers(403, kontorleder=200, tiltaksforvalter=200, analytiker=200, departement=200),
        unknown_path=f"{P}/overview?office=9999",
    ),
]

ROUTES = [*ENROLMENT_ROUTES, *SUPPLIER_ROUTES, *OVERVIEW_ROUTES]
