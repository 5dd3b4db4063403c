"""Access-matrix rows for the settlement round (see test_access_matrix.py). Only two demo
logins work with it: IMDi's officer (imdi) and Drammen's coordinator (bosetting-drammen),
who answer as `SETTLEMENT_ANSWERS` says; every other login gets the row's default. Each
case builds its own small world in its transaction: a case with a draft to Drammen, one
sent there, one accepted there to settle today, and a run."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from velferd.access.models import User
from velferd.settlement.models import MatchingRun, Proposal
from velferd.settlement.tests.factories import DRAMMEN, a_case, a_proposal, demo_year

from .matrix import ANONYMOUS, LOGINS, Route

S = "/api/v1/settlement"
NOBODY = "00000000-0000-0000-0000-000000000000"


def answers(default: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, default)}


def world() -> dict[str, Any]:
    """Built once per test (the test's transaction is rolled back after it)."""
    found = Proposal.objects.filter(case__udi_reference__startswith="MATRISE").order_by(
        "case__udi_reference"
    )
    if found.count() == 3:
        draft, sent, accepted = list(found)
        return {
            "draft": draft,
            "sent": sent,
            "accepted": accepted,
            "run": MatchingRun.objects.first(),
        }
    today = timezone.localdate()
    made = []
    for index, status in enumerate(("draft", "sent", "accepted")):
        case = a_case()
        case.udi_reference = f"MATRISE-{index}"
        case.save()
        proposal = a_proposal(case, DRAMMEN, status)
        if status == "accepted":
            proposal.settle_on = today
            proposal.save()
        made.append(proposal)
    run = MatchingRun.objects.create(
        year=demo_year(), started_by=User.objects.get(username="imdi"), cases=0, persons=0
    )
    Proposal.objects.filter(pk=made[0].pk).update(run=run)
    return {"draft": made[0], "sent": made[1], "accepted": made[2], "run": run}


def _year(_: str) -> str:
    return str(demo_year().year)


def _case(which: str) -> Any:
    return lambda _: str(world()[which].case_id)


def _proposal(which: str) -> Any:
    return lambda _: str(world()[which].pk)


def _run(_: str) -> str:
    return str(world()["run"].pk)


def _person() -> dict[str, Any]:
    from velferd.settlement.tests.factories import a_person

    person = a_person()
    return {**person, "birth_date": str(person["birth_date"])}


def _new_case(_: str) -> dict[str, Any]:
    return {
        "udi_reference": f"NY-{timezone.now().timestamp():.0f}",
        "residence_permit_on": str(timezone.localdate()),
        "persons": [_person()],
    }


Y = {"year": _year}
# The two settlement logins' answers, route by route (method, path): (imdi, bosetting-drammen).
SETTLEMENT_ANSWERS: dict[tuple[str, str], tuple[int, int]] = {}


def row(method: str, path: str, default: int, imdi_: int, drammen: int, **extra: Any) -> Route:
    SETTLEMENT_ANSWERS[(method, path)] = (imdi_, drammen)
    expected = {**answers(default), "imdi": imdi_, "bosetting-drammen": drammen}
    return Route(method, path, expected, **extra)


ROUTES = [
    row("get", f"{S}/years", 403, 200, 200),
    row(
        "put",
        f"{S}/years",
        403,
        200,
        403,
        body=lambda _: {"year": 2031, "estimated_persons": 100},
    ),
    row(
        "put",
        f"{S}/years/{{year}}/requests",
        403,
        200,
        403,
        params=Y,
        body=lambda _: {"rows": [{"municipality_number": "4601", "persons": 10}]},
    ),
    row("get", f"{S}/years/{{year}}/municipalities", 403, 200, 200, params=Y),
    row(
        "post",
        f"{S}/years/{{year}}/decisions",
        403,
        201,
        201,
        params=Y,
        body=lambda _: {"municipality": DRAMMEN, "persons": 20},
    ),
    row(
        "get",
        f"{S}/years/{{year}}/municipalities/{{number}}/decisions",
        403,
        200,
        200,
        params={**Y, "number": lambda _: DRAMMEN},
    ),
    row("post", f"{S}/years/{{year}}/cases", 403, 201, 403, params=Y, body=_new_case),
    row("get", f"{S}/years/{{year}}/cases", 403, 200, 200, params=Y),
    row(
        "get",
        f"{S}/cases/{{case_id}}",
        404,
        200,
        200,
        params={"case_id": _case("sent")},
        unknown_path=f"{S}/cases/{NOBODY}",
    ),
    row(
        "post",
        f"{S}/cases/{{case_id}}/lock",
        404,
        200,
        404,
        params={"case_id": _case("draft")},
        body=lambda _: {"municipality": "3201", "reason": "Familie i Bærum"},
    ),
    row(
        "post",
        f"{S}/cases/{{case_id}}/exclusions",
        404,
        200,
        403,
        params={"case_id": _case("sent")},
        body=lambda _: {"municipality": "3201", "reason": "Ikke egnet"},
    ),
    row(
        "post",
        f"{S}/cases/{{case_id}}/override",
        404,
        201,
        404,
        params={"case_id": _case("draft")},
        body=lambda _: {"municipality": "3201", "reason": "Familie i Bærum"},
    ),
    row("post", f"{S}/years/{{year}}/runs", 403, 201, 403, params=Y),
    row("get", f"{S}/runs/{{run_id}}", 403, 200, 403, params={"run_id": _run}),
    row("post", f"{S}/runs/{{run_id}}/send", 403, 200, 403, params={"run_id": _run}),
    row("get", f"{S}/proposals", 403, 200, 200),
    row(
        "post",
        f"{S}/proposals/{{proposal_id}}/send",
        403,
        200,
        403,
        params={"proposal_id": _proposal("draft")},
    ),
    row(
        "post",
        f"{S}/proposals/{{proposal_id}}/withdraw",
        403,
        200,
        403,
        params={"proposal_id": _proposal("sent")},
        body=lambda _: {"reason": "Feil kommune"},
    ),
    row(
        "post",
        f"{S}/proposals/{{proposal_id}}/accept",
        404,
        403,
        200,
        params={"proposal_id": _proposal("sent")},
        body=lambda _: {"settle_on": str(timezone.localdate())},
    ),
    row(
        "post",
        f"{S}/proposals/{{proposal_id}}/decline",
        404,
        403,
        200,
        params={"proposal_id": _proposal("sent")},
        body=lambda _: {"reason": "Ingen bolig"},
    ),
    row(
        "post",
        f"{S}/cases/{{case_id}}/settle",
        404,
        200,
        200,
        params={"case_id": _case("accepted")},
    ),
]
