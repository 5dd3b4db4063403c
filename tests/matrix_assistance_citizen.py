"""Access-matrix rows for the citizen's application for financial assistance (see
test_access_matrix.py): only the citizen's own login (innbygger) has applications; anyone
else is refused the list (403) and finds no application or request of theirs (404). Each
row acts on a draft, or a sent application with a request from the office, of the person
whose own login is innbygger, built for the call. A file sent as JSON rather than as
multipart/form-data is a bad request (400)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from velferd.assistance.models import Application, HouseholdMember, MoneyItem
from velferd.assistance.tests.citizen_builders import a_request, an_attachment, innbygger
from velferd.assistance.tests.factories import an_application

from .matrix import ANONYMOUS, LOGINS, Route

M = "/api/v1/assistance/me"
A = f"{M}/applications/{{application_id}}"
R = f"{M}/documentation-requests/{{request_id}}"
NOBODY = "00000000-0000-0000-0000-000000000000"
_LAST: dict[str, Application] = {}


def own(status: int) -> dict[str, int]:
    """`status` for innbygger, 404 for every other login (it is not theirs), 401 for
    anonymous."""
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 404), "innbygger": status}


def citizen(status: int) -> dict[str, int]:
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 403), "innbygger": status}


def _draft(_: str) -> str:
    """A new draft of innbygger's person, filled in so that it may be sent."""
    _actor, person = innbygger()
    draft = an_application(person, status="draft")
    _LAST["draft"] = draft
    return str(draft.pk)


def _member(_: str) -> str:
    member = HouseholdMember.objects.create(
        application=_LAST["draft"], relation="child", name="Lise", birth_date="2019-03-01"
    )
    return str(member.pk)


def _item(_: str) -> str:
    item = MoneyItem.objects.create(application=_LAST["draft"], kind="salary", amount=Decimal(1))
    return str(item.pk)


def _file(_: str) -> str:
    return str(an_attachment(_LAST["draft"]).pk)


def _request(_: str) -> str:
    _actor, person = innbygger()
    return str(a_request(an_application(person, status="awaiting_documentation")).pk)


V1 = {"version": 1}
APPLICATION = {
    "version": 1,
    "purposes": ["living_costs"],
    "amount_applied": "3000",
    "explanation": "Ingen inntekt denne måneden.",
    "housing_kind": "rented",
    "bank_account": "86011117947",
}
DRAFT: dict[str, Callable[[str], str]] = {"application_id": _draft}


def _body(body: dict[str, Any]) -> Any:
    return lambda _: body


ROUTES = [
    Route("get", f"{M}/applications", citizen(200)),
    Route("post", f"{M}/applications", citizen(201)),
    Route("get", A, own(200), params=DRAFT, unknown_path=A.replace("{application_id}", NOBODY)),
    Route("put", A, own(200), params=DRAFT, body=_body(APPLICATION)),
    Route("delete", A, own(204), params=DRAFT, body=_body(V1)),
    Route(
        "post",
        f"{A}/household",
        own(201),
        params=DRAFT,
        body=_body({"version": 1, "relation": "child", "name": "Lise", "birth_date": "2019-03-01"}),
    ),
    Route(
        "post",
        f"{A}/household/{{member_id}}/remove",
        own(200),
        params={**DRAFT, "member_id": _member},
        body=_body(V1),
    ),
    Route(
        "post",
        f"{A}/money",
        own(201),
        params=DRAFT,
        body=_body({"version": 1, "kind": "salary", "amount": "1200"}),
    ),
    Route(
        "post",
        f"{A}/money/{{item_id}}/remove",
        own(200),
        params={**DRAFT, "item_id": _item},
        body=_body(V1),
    ),
    Route("post", f"{A}/attachments", own(400), params=DRAFT),
    Route(
        "post",
        f"{A}/attachments/{{attachment_id}}/remove",
        own(200),
        params={**DRAFT, "attachment_id": _file},
    ),
    Route("post", f"{A}/submit", own(200), params=DRAFT, body=_body(V1)),
    Route("post", f"{R}/attachments", own(400), params={"request_id": _request}),
    Route(
        "post",
        f"{R}/answer",
        own(200),
        params={"request_id": _request},
        body=_body({"version": 1, "comment": "Jeg har ingen kontoutskrift."}),
        unknown_path=R.replace("{request_id}", NOBODY) + "/answer",
    ),
]
