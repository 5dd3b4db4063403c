"""Access-matrix rows for the employers API (see test_access_matrix.py).

"ia-radgiver" advises Vestland's enterprises; "arbeidsgiver" represents, in each test, an
enterprise in Bergen the rows build, which is being assessed; administrators see everything
and advise nothing. Nobody else gets anything, except the public survey answer link. The
rows act on enterprises in Vestland built for the test when a row first asks for them (inside
the test's rolled-back transaction), each in the state its moves need."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from velferd.employers import services
from velferd.employers.models import (
    Cooperation,
    Delivery,
    Subsidy,
    SubTheme,
    Survey,
)

from . import matrix_expert_assistance
from .matrix import ANONYMOUS, LOGINS, Route, everyone, logged_in
from .matrix_employers_records import (
    ASKOY,
    BERGEN,
    FJORD,
    SYSTEM,
    VOSS,
    built_enterprise,
    ensure_budget,
    number_of,
)

E = "/api/v1/employers"
UNKNOWN_ORG = "889640782"  # valid, not registered
NOBODY = "999999"


def advisor(status: int) -> dict[str, int]:
    return logged_in(403, **{"ia-radgiver": status})


def viewers(status: int) -> dict[str, int]:
    return logged_in(403, **{"ia-radgiver": status, "arbeidsgiver": status, "admin": status})


def advisor_and_employer(status: int) -> dict[str, int]:
    return logged_in(403, **{"ia-radgiver": status, "arbeidsgiver": status})


def advisor_and_admin(status: int) -> dict[str, int]:
    return logged_in(403, **{"ia-radgiver": status, "admin": status})


PUBLIC = {ANONYMOUS: 200, **dict.fromkeys(LOGINS, 200)}


def _open(name: str) -> Cooperation:
    return Cooperation.objects.get(enterprise=built_enterprise(name), is_open=True)


def _cooperation(number: str) -> Callable[[str], str]:
    return lambda _: str(_open(number).pk)


def _finished_fjord(_: str) -> str:
    """The active cooperation with its plan finished, so it may be completed."""
    cooperation = _open(FJORD)
    for sub_theme in cooperation.sub_themes.exclude(status="done"):
        services.sub_theme_change(
            actor=SYSTEM, sub_theme=sub_theme, version=sub_theme.version, status="done"
        )
    for delivery in cooperation.deliveries.filter(status="planned"):
        services.delivery_change(
            actor=SYSTEM, delivery=delivery, version=delivery.version, status="delivered"
        )
    return str(cooperation.pk)


def _deferred(name: str) -> Callable[[str], str]:
    """The open cooperation, deferred (no capacity now) if it is not already."""

    def found(_: str) -> str:
        cooperation = _open(name)
        if cooperation.status != "deferred":
            cooperation = services.cooperation_defer(
                actor=SYSTEM,
                cooperation=cooperation,
                version=cooperation.version,
                deferred_until="2099-01-31",
            )
        return str(cooperation.pk)

    return found


def _sub_theme(_: str) -> str:
    return str(SubTheme.objects.filter(cooperation=_open(FJORD)).first().pk)  # type: ignore[union-attr]


def _delivery(_: str) -> str:
    return str(Delivery.objects.filter(cooperation=_open(FJORD)).first().pk)  # type: ignore[union-attr]


def _survey(_: str) -> str:
    return str(Survey.objects.get(cooperation=_open(BERGEN), kind="needs_assessment").pk)


def _token(_: str) -> str:
    return Survey.objects.get(cooperation=_open(BERGEN), kind="needs_assessment").token


def _subsidy(name: str) -> Subsidy:
    return Subsidy.objects.filter(enterprise=built_enterprise(name)).first()  # type: ignore[return-value]


def _applied(_: str) -> str:
    return str(_subsidy(BERGEN).pk)


def _under_assessment(_: str) -> str:
    subsidy = _subsidy(BERGEN)
    ensure_budget()
    if subsidy.status == "applied":
        services.subsidy_assess(actor=SYSTEM, subsidy=subsidy, version=subsidy.version)
    return str(subsidy.pk)


def _partly_granted(_: str) -> str:
    return str(_subsidy(FJORD).pk)


def _year(_: str) -> str:
    return str(timezone.localdate().year)


def _enterprise_version(name: str) -> int:
    return built_enterprise(name).version


def _version(model: Any, pk: str) -> int:
    return int(model.objects.get(pk=pk).version)


COOPERATION = f"{E}/cooperations/{{cooperation_id}}"
SUBSIDY = f"{E}/subsidies/{{subsidy_id}}"
ANSWERS = {
    "group": "employee",
    "answers": {
        "partnership": 3,
        "follow_up": 4,
        "adaptation": 2,
        "workload": 3,
        "knowledge": "dont_know",
        "belonging": 5,
    },
}


def _move(name: str, params: Callable[[str], str], body: dict[str, Any]) -> Route:
    return Route(
        "post",
        f"{COOPERATION}/{name}",
        advisor(200),
        params={"cooperation_id": params},
        unknown_path=f"{E}/cooperations/{NOBODY}/{name}",
        body=lambda user: {"version": _version(Cooperation, params(user)), **body},
    )


def _subsidy_move(name: str, params: Callable[[str], str], body: dict[str, Any]) -> Route:
    return Route(
        "post",
        f"{SUBSIDY}/{name}",
        advisor(200),
        params={"subsidy_id": params},
        unknown_path=f"{E}/subsidies/{NOBODY}/{name}",
        body=lambda user: {"version": _version(Subsidy, params(user)), **body},
    )


_ROUTES: list[Route] = [
    Route(
        "get",
        f"{E}/enterprises",
        logged_in(403, **{"ia-radgiver": 200, "arbeidsgiver": 200, "admin": 200}),
    ),
    Route(
        "post",
        f"{E}/enterprises",
        advisor_and_admin(201),
        body=lambda _: {
            "organisation_number": UNKNOWN_ORG,
            "name": "Bergen Bryggeri AS",
            "municipality": "4601",
            "industry_code": "11.050",
            "sector": "private",
            "employees": 30,
        },
    ),
    Route(
        "get",
        f"{E}/enterprises/{{organisation_number}}",
        viewers(200),
        params={"organisation_number": number_of(BERGEN)},
        unknown_path=f"{E}/enterprises/{UNKNOWN_ORG}",
    ),
    Route(
        "patch",
        f"{E}/enterprises/{{organisation_number}}",
        advisor_and_admin(200),
        params={"organisation_number": number_of(BERGEN)},
        unknown_path=f"{E}/enterprises/{UNKNOWN_ORG}",
        body=lambda _: {"version": _enterprise_version(BERGEN), "employees": 141},
    ),
    Route(
        "put",
        f"{E}/enterprises/{{organisation_number}}/contact-person",
        advisor(200),
        params={"organisation_number": number_of(BERGEN)},
        unknown_path=f"{E}/enterprises/{UNKNOWN_ORG}/contact-person",
        body=lambda _: {"username": "ia-46", "version": _enterprise_version(BERGEN)},
    ),
    Route(
        "get",
        f"{E}/enterprises/{{organisation_number}}/cooperations",
        viewers(200),
        params={"organisation_number": number_of(BERGEN)},
        unknown_path=f"{E}/enterprises/{UNKNOWN_ORG}/cooperations",
    ),
    Route(
        "post",
        f"{E}/enterprises/{{organisation_number}}/cooperations",
        advisor(201),
        params={"organisation_number": number_of(VOSS)},
        unknown_path=f"{E}/enterprises/{UNKNOWN_ORG}/cooperations",
        body=lambda _: {"comment": "Meldt inn av NAV Voss"},
    ),
    Route(
        "get",
        f"{E}/enterprises/{{organisation_number}}/subsidies",
        viewers(200),
        params={"organisation_number": number_of(BERGEN)},
        unknown_path=f"{E}/enterprises/{UNKNOWN_ORG}/subsidies",
    ),
    Route(
        "post",
        f"{E}/enterprises/{{organisation_number}}/subsidies",
        advisor_and_employer(409),  # the scheme ended with 2018: subsidy_scheme_ended
        params={"organisation_number": number_of(BERGEN)},
        unknown_path=f"{E}/enterprises/{UNKNOWN_ORG}/subsidies",
        body=lambda _: {"purpose": "Kurs i forflytningsteknikk", "amount": "24999.50"},
    ),
    Route(
        "get",
        COOPERATION,
        viewers(200),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}",
    ),
    Route(
        "put",
        f"{COOPERATION}/owner",
        advisor(200),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/owner",
        body=lambda user: {
            "username": "ia-46",
            "version": _version(Cooperation, _cooperation(BERGEN)(user)),
        },
    ),
    _move("assess", _cooperation(ASKOY), {}),
    _move("activate", _cooperation(BERGEN), {"comment": "Avtalt"}),
    _move("skip", _cooperation(BERGEN), {"reason": "no_dialogue_between_parties"}),
    _move("defer", _cooperation(BERGEN), {"deferred_until": "2099-01-31"}),
    _move("resume", _deferred(BERGEN), {}),
    _move("complete", _finished_fjord, {"reason": "goals_reached"}),
    _move("cancel", _cooperation(FJORD), {"reason": "no_progress"}),
    Route(
        "get",
        f"{COOPERATION}/events",
        viewers(200),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/events",
    ),
    Route(
        "get",
        f"{COOPERATION}/sub-themes",
        viewers(200),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/sub-themes",
    ),
    Route(
        "post",
        f"{COOPERATION}/sub-themes",
        advisor(201),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/sub-themes",
        body=lambda _: {
            "theme": "sick_leave",
            "title": "Tidlig dialog",
            "goal": "Kontakt innen en uke",
            "starts_on": "2026-01-01",
            "ends_on": "2026-06-30",
        },
    ),
    Route(
        "patch",
        f"{E}/sub-themes/{{sub_theme_id}}",
        advisor(200),
        params={"sub_theme_id": _sub_theme},
        unknown_path=f"{E}/sub-themes/{NOBODY}",
        body=lambda user: {"version": _version(SubTheme, _sub_theme(user)), "status": "done"},
    ),
    Route(
        "get",
        f"{COOPERATION}/deliveries",
        viewers(200),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/deliveries",
    ),
    Route(
        "post",
        f"{COOPERATION}/deliveries",
        advisor(201),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/deliveries",
        body=lambda _: {"kind": "training", "deadline": "2026-12-01"},
    ),
    Route(
        "patch",
        f"{E}/deliveries/{{delivery_id}}",
        advisor(200),
        params={"delivery_id": _delivery},
        unknown_path=f"{E}/deliveries/{NOBODY}",
        body=lambda user: {
            "version": _version(Delivery, _delivery(user)),
            "status": "delivered",
        },
    ),
    Route(
        "get",
        f"{COOPERATION}/surveys",
        viewers(200),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/surveys",
    ),
    Route(
        "post",
        f"{COOPERATION}/surveys",
        advisor(201),
        params={"cooperation_id": _cooperation(BERGEN)},
        unknown_path=f"{E}/cooperations/{NOBODY}/surveys",
        body=lambda _: {"kind": "evaluation"},
    ),
    Route(
        "get",
        f"{E}/surveys/{{survey_id}}",
        viewers(200),
        params={"survey_id": _survey},
        unknown_path=f"{E}/surveys/{NOBODY}",
    ),
    Route(
        "post",
        f"{E}/surveys/{{survey_id}}/close",
        advisor(200),
        params={"survey_id": _survey},
        unknown_path=f"{E}/surveys/{NOBODY}/close",
    ),
    Route(
        "get",
        f"{E}/survey-answers/{{token}}",
        PUBLIC,
        params={"token": _token},
        unknown_path=f"{E}/survey-answers/not-a-token",
    ),
    Route(
        "post",
        f"{E}/survey-answers/{{token}}",
        everyone(201),
        params={"token": _token},
        unknown_path=f"{E}/survey-answers/not-a-token",
        body=lambda _: ANSWERS,
    ),
    Route(
        "get",
        f"{E}/subsidies",
        logged_in(403, **{"ia-radgiver": 200, "arbeidsgiver": 200, "admin": 200}),
    ),
    Route(
        "get",
        SUBSIDY,
        viewers(200),
        params={"subsidy_id": _applied},
        unknown_path=f"{E}/subsidies/{NOBODY}",
    ),
    _subsidy_move("assess", _applied, {}),
    _subsidy_move("grant", _under_assessment, {"amount": "80000.00"}),
    _subsidy_move("refuse", _under_assessment, {"reason": "Utenfor ordningen"}),
    _subsidy_move("pay", _partly_granted, {}),
    Route("get", f"{E}/budgets", advisor_and_admin(200)),
    Route(
        "get",
        f"{E}/budgets/{{county}}/{{year}}",
        advisor_and_admin(200),
        params={"county": lambda _: "46", "year": _year},
        unknown_path=f"{E}/budgets/99/{{year}}",
    ),
    Route(
        "put",
        f"{E}/budgets/{{county}}/{{year}}",
        advisor_and_admin(200),
        params={"county": lambda _: "46", "year": _year},
        unknown_path=f"{E}/budgets/99/{{year}}",
        body=lambda user: {
            "amount": "3600000.00",
            "version": ensure_budget().version,
        },
    ),
]

# A record of an enterprise the caller may not see answers as an unknown one (404), so that
# an organisation number or an id tells nothing. The advisor and administrators see every
# enterprise of the county; the employer only the one they represent.
OUTSIDERS = set(LOGINS) - {"ia-radgiver", "arbeidsgiver", "admin"}
NOT_THE_EMPLOYERS = {
    ("patch", f"{E}/deliveries/{{delivery_id}}"),
    ("patch", f"{E}/sub-themes/{{sub_theme_id}}"),
    ("post", f"{COOPERATION}/assess"),
    ("post", f"{COOPERATION}/cancel"),
    ("post", f"{COOPERATION}/complete"),
    ("post", f"{E}/enterprises/{{organisation_number}}/cooperations"),
    ("post", f"{SUBSIDY}/pay"),
}


def _outsiders_find_nothing(route: Route) -> Route:
    if "{" not in route.path or "/survey-answers/" in route.path or "/budgets/" in route.path:
        return route
    outsiders = OUTSIDERS | (
        {"arbeidsgiver"} if (route.method, route.path) in NOT_THE_EMPLOYERS else set()
    )
    route.expected = {
        role: 404 if status == 403 and role in outsiders else status
        for role, status in route.expected.items()
    }
    return route


ROUTES = [*(_outsiders_find_nothing(route) for route in _ROUTES), *matrix_expert_assistance.ROUTES]
