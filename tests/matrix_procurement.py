"""Access-matrix rows for procurement (see test_access_matrix.py).

"tiltaksforvalter" (Oslo's scheme manager) runs and evaluates Oslo's competitions;
"kontorleder" (NAV Grünerløkka's manager) runs the office's small tender, whose award
"tiltaksforvalter" approves; "leverandor" bids for its supplier (912345688) and sees the
published competitions. Nobody else finds a competition (404).

The deadline rule has rows before and after the deadline: a bid is found by its supplier's
staff at any time, by the competition's managers and evaluators only after the deadline
(404 before, as for no such bid)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.access.roles import Role
from velferd.access.selectors import actor_for_user
from velferd.access.services import role_assign
from velferd.organisation.models import County
from velferd.procurement import services
from velferd.procurement.models import Bid, Competition
from velferd.schemes.models import Supplier, SupplierKind
from velferd.schemes.tests.factories import a_scheme_type

from .matrix import ANONYMOUS, LOGINS, Route, logged_in

P = "/api/v1/procurement"
NOBODY = "999999"
MANAGER = "tiltaksforvalter"
SUPPLIER = "leverandor"
SUPPLIER_NUMBER = "912345688"


def _hidden(**allowed: int) -> dict[str, int]:
    """Everyone logged in finds nothing (404) but those named."""
    return {ANONYMOUS: 401, **dict.fromkeys(LOGINS, 404), **allowed}


def _actor(username: str) -> Any:
    return actor_for_user(User.objects.get(username=username))


def _second_evaluator() -> Any:
    user, created = User.objects.get_or_create(
        username="matrise-forvalter", defaults={"full_name": "Mona Matrise"}
    )
    if created:
        county = County.objects.get(number="03")
        role_assign(actor=system_actor("tests"), user=user, role=Role.SCHEME_MANAGER, county=county)
    return actor_for_user(user)


def _supplier() -> Supplier:
    found, _ = Supplier.objects.get_or_create(
        organisation_number=SUPPLIER_NUMBER,
        defaults={"name": "Matrise Vekst AS", "kind": SupplierKind.SHELTERED},
    )
    return found


def _other_supplier() -> Supplier:
    found, _ = Supplier.objects.get_or_create(
        organisation_number="923609016",
        defaults={"name": "Annen Leverandør AS", "kind": SupplierKind.SHELTERED},
    )
    return found


CRITERIA = [
    {"name": "Kvalitet", "weight": 70},
    {"name": "Pris", "weight": 30, "is_price": True},
]


def _body(title: str, **extra: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "title": title,
        "scheme_type": a_scheme_type(code="MATRISE_TILTAK").code,
        "procedure": "open_tender",
        "county": "03",
        "price_model": "agreed_monthly",
        "places": 10,
        "bid_deadline": timezone.now() + datetime.timedelta(days=7),
        "agreement_starts_on": today + datetime.timedelta(days=40),
        "agreement_ends_on": today + datetime.timedelta(days=400),
        "criteria": CRITERIA,
        **extra,
    }


def _competition(title: str, by: str = MANAGER, **extra: Any) -> Competition:
    found = Competition.objects.filter(title=title).first()
    if found is None:
        found = services.competition_create(actor=_actor(by), **_body(title, **extra))
    return found


def _draft(_: str) -> Competition:
    return _competition("Matrise utkast")


def _published(title: str = "Matrise åpen", by: str = MANAGER, **extra: Any) -> Competition:
    found = _competition(title, by, **extra)
    if found.status == "draft":
        found = services.competition_publish(actor=_actor(by), competition=found, version=1)
    return found


def _own_bid(competition: Competition, supplier: Supplier | None = None) -> Bid:
    supplier = supplier or _supplier()
    found = Bid.objects.filter(competition=competition, supplier=supplier).first()
    if found is None:
        staff = _actor(SUPPLIER) if supplier.organisation_number == SUPPLIER_NUMBER else None
        if staff is None:
            user, _ = User.objects.get_or_create(username="matrise-leverandor")
            if not user.role_assignments.exists():
                role_assign(
                    actor=system_actor("tests"),
                    user=user,
                    role=Role.SUPPLIER,
                    organisation_number=supplier.organisation_number,
                )
            staff = actor_for_user(user)
        answers = {c.pk: "Svar." for c in competition.criteria.all() if not c.is_price}
        found = services.bid_submit(
            actor=staff, competition=competition, price=Decimal("15000"), places=5, answers=answers
        )
    return found


def _past_deadline(competition: Competition) -> Competition:
    if competition.bid_deadline > timezone.now():
        Competition.objects.filter(pk=competition.pk).update(
            bid_deadline=timezone.now() - datetime.timedelta(hours=1)
        )
    return Competition.objects.get(pk=competition.pk)


def _closed(_: str) -> Competition:
    """Past its deadline with leverandor's bid, evaluated by tiltaksforvalter (declared)
    and a second scheme manager; evaluation open."""
    competition = _published("Matrise lukket")
    if competition.status == "published":
        _own_bid(competition)
        manager = _actor(MANAGER)
        for evaluator in (manager, _second_evaluator()):
            services.evaluator_add(
                actor=manager, competition=competition, username=evaluator.user.username
            )
            services.evaluator_declare(actor=evaluator, competition=competition, has_conflict=False)
        competition = _past_deadline(competition)
        competition = services.competition_evaluate(
            actor=manager, competition=competition, version=competition.version
        )
    return competition


def _scored(_: str) -> Competition:
    """As _closed, every score given: ready to award."""
    competition = _competition("Matrise vurdert")
    if competition.status == "draft":
        manager = _actor(MANAGER)
        competition = services.competition_publish(
            actor=manager, competition=competition, version=1
        )
        bid = _own_bid(competition)
        evaluators = (manager, _second_evaluator())
        for evaluator in evaluators:
            services.evaluator_add(
                actor=manager, competition=competition, username=evaluator.user.username
            )
            services.evaluator_declare(actor=evaluator, competition=competition, has_conflict=False)
        competition = _past_deadline(competition)
        competition = services.competition_evaluate(
            actor=manager, competition=competition, version=competition.version
        )
        quality = competition.criteria.get(is_price=False)
        for evaluator in evaluators:
            services.bid_score(actor=evaluator, bid=bid, scores={quality.pk: 7})
    return Competition.objects.get(pk=competition.pk)


def _awarded_after_standstill(user: str) -> Competition:
    competition = _scored(user)
    if competition.status == "evaluation":
        bid = competition.bids.get()
        competition = services.competition_award(
            actor=_actor(MANAGER),
            competition=competition,
            version=competition.version,
            bids=[bid.pk],
        )
        Competition.objects.filter(pk=competition.pk).update(
            standstill_ends_on=timezone.localdate() - datetime.timedelta(days=1)
        )
    return Competition.objects.get(pk=competition.pk)


def _local_proposed(_: str) -> Competition:
    """NAV Grünerløkka's small tender, its award proposed, waiting for the county."""
    title = "Matrise lite kontor"
    competition = Competition.objects.filter(title=title).first()
    if competition is None:
        office = _actor("kontorleder")
        competition = services.competition_create(
            actor=office, **_body(title, procedure="small_tender", office="0317")
        )
        competition = services.competition_publish(actor=office, competition=competition, version=1)
        bid = _own_bid(competition)
        evaluators = (_actor(MANAGER), _second_evaluator())
        for evaluator in evaluators:
            services.evaluator_add(
                actor=office, competition=competition, username=evaluator.user.username
            )
            services.evaluator_declare(actor=evaluator, competition=competition, has_conflict=False)
        competition = _past_deadline(competition)
        competition = services.competition_evaluate(
            actor=office, competition=competition, version=competition.version
        )
        quality = competition.criteria.get(is_price=False)
        for evaluator in evaluators:
            services.bid_score(actor=evaluator, bid=bid, scores={quality.pk: 6})
        competition = services.competition_award(
            actor=office, competition=competition, version=competition.version, bids=[bid.pk]
        )
    return competition


def _id(build: Any) -> Any:
    return lambda user: str(build(user).pk)


def _version(build: Any, **extra: Any) -> Any:
    return lambda user: {"version": build(user).version, **extra}


def _open_bid(_: str) -> Bid:
    return _own_bid(_published())


def _closed_bid(user: str) -> Bid:
    return _closed(user).bids.get(supplier=_supplier())


def _answers(bid: Bid) -> list[dict[str, Any]]:
    return [
        {"criterion": c.pk, "text": "Nytt svar."}
        for c in bid.competition.criteria.all()
        if not c.is_price
    ]


COMPETITION = f"{P}/competitions/{{competition_id}}"
BID = f"{P}/bids/{{bid_id}}"
MANAGES = {MANAGER: 200, SUPPLIER: 403}


def _move(name: str, build: Any, body: Any, **allowed: int) -> Route:
    return Route(
        "post",
        f"{COMPETITION}/{name}",
        _hidden(**allowed),
        params={"competition_id": _id(build)},
        unknown_path=f"{P}/competitions/{NOBODY}/{name}",
        body=body,
    )


ROUTES: list[Route] = [
    Route("get", f"{P}/competitions", logged_in(200)),
    Route(
        "post",
        f"{P}/competitions",
        logged_in(403, **{MANAGER: 201}),
        body=lambda user: {
            **_body(f"Ny fra {user}"),
            "bid_deadline": (timezone.now() + datetime.timedelta(days=7)).isoformat(),
            "agreement_starts_on": str(timezone.localdate() + datetime.timedelta(days=40)),
            "agreement_ends_on": str(timezone.localdate() + datetime.timedelta(days=400)),
        },
    ),
    Route(
        "get",
        COMPETITION,
        _hidden(**{MANAGER: 200, SUPPLIER: 200}),
        params={"competition_id": _id(_published)},
        unknown_path=f"{P}/competitions/{NOBODY}",
    ),
    _move("publish", _draft, _version(_draft), **{MANAGER: 200}),
    _move(
        "evaluate",
        lambda u: _past_deadline(_published()),
        _version(lambda u: _past_deadline(_published())),
        **MANAGES,
    ),
    _move(
        "award",
        _scored,
        lambda user: {
            "version": _scored(user).version,
            "bids": [b.pk for b in _scored(user).bids.all()],
        },
        **MANAGES,
    ),
    _move(
        "approve",
        _local_proposed,
        _version(_local_proposed),
        **{MANAGER: 200, SUPPLIER: 403, "kontorleder": 403},
    ),
    _move(
        "return",
        _local_proposed,
        _version(_local_proposed, reason="Begrunn prisvurderingen bedre."),
        **{MANAGER: 200, SUPPLIER: 403, "kontorleder": 403},
    ),
    _move("conclude", _awarded_after_standstill, _version(_awarded_after_standstill), **MANAGES),
    _move(
        "cancel",
        lambda u: _published(),
        _version(lambda u: _published(), reason="Behovet er borte."),
        **MANAGES,
    ),
    Route(
        "post",
        f"{COMPETITION}/evaluators",
        _hidden(**{MANAGER: 201, SUPPLIER: 403}),
        params={"competition_id": _id(lambda u: _published())},
        unknown_path=f"{P}/competitions/{NOBODY}/evaluators",
        body=lambda user: {"username": _second_evaluator().user.username},
    ),
    Route(
        "post",
        f"{COMPETITION}/declaration",
        _hidden(**{MANAGER: 200, SUPPLIER: 403}),
        params={"competition_id": _id(lambda u: _evaluated_by_manager())},
        unknown_path=f"{P}/competitions/{NOBODY}/declaration",
        body=lambda user: {"has_conflict": False},
    ),
    Route(
        "get",
        f"{COMPETITION}/ranking",
        _hidden(**MANAGES),
        params={"competition_id": _id(_closed)},
        unknown_path=f"{P}/competitions/{NOBODY}/ranking",
    ),
    # The bids of a competition: before the deadline (the manager gets an empty list) and
    # after it.
    Route(
        "get",
        f"{COMPETITION}/bids",
        _hidden(**{MANAGER: 200, SUPPLIER: 200}),
        params={"competition_id": _id(lambda u: _open_bid(u).competition)},
        unknown_path=f"{P}/competitions/{NOBODY}/bids",
    ),
    Route(
        "get",
        f"{COMPETITION}/bids",
        _hidden(**{MANAGER: 200, SUPPLIER: 200}),
        params={"competition_id": _id(_closed)},
        unknown_path=f"{P}/competitions/{NOBODY}/bids",
    ),
    Route(
        "post",
        f"{COMPETITION}/bids",
        _hidden(**{SUPPLIER: 201, MANAGER: 403}),
        params={"competition_id": _id(lambda u: _published("Matrise budrunde"))},
        unknown_path=f"{P}/competitions/{NOBODY}/bids",
        body=lambda user: {
            "price": "12000.00",
            "places": 4,
            "answers": [
                {"criterion": c.pk, "text": "Vi kan dette."}
                for c in _published("Matrise budrunde").criteria.all()
                if not c.is_price
            ],
        },
    ),
    # One bid before the deadline: its supplier only; after: the evaluators too.
    Route(
        "get",
        BID,
        _hidden(**{SUPPLIER: 200}),
        params={"bid_id": _id(_open_bid)},
        unknown_path=f"{P}/bids/{NOBODY}",
    ),
    Route(
        "get",
        BID,
        _hidden(**{SUPPLIER: 200, MANAGER: 200}),
        params={"bid_id": _id(_closed_bid)},
        unknown_path=f"{P}/bids/{NOBODY}",
    ),
    Route(
        "put",
        BID,
        _hidden(**{SUPPLIER: 200}),
        params={"bid_id": _id(_open_bid)},
        unknown_path=f"{P}/bids/{NOBODY}",
        body=lambda user: {
            "version": _open_bid(user).version,
            "price": "14000.00",
            "places": 6,
            "answers": _answers(_open_bid(user)),
        },
    ),
    Route(
        "post",
        f"{BID}/withdraw",
        _hidden(**{SUPPLIER: 200}),
        params={"bid_id": _id(_open_bid)},
        unknown_path=f"{P}/bids/{NOBODY}/withdraw",
        body=lambda user: {"version": _open_bid(user).version},
    ),
    Route(
        "put",
        f"{BID}/scores",
        _hidden(**{MANAGER: 200, SUPPLIER: 403}),
        params={"bid_id": _id(_closed_bid)},
        unknown_path=f"{P}/bids/{NOBODY}/scores",
        body=lambda user: {
            "scores": [
                {"criterion": c.pk, "score": 8}
                for c in _closed_bid(user).competition.criteria.all()
                if not c.is_price
            ]
        },
    ),
]


def _evaluated_by_manager() -> Competition:
    """A published competition where tiltaksforvalter is named but has not declared."""
    competition = _published("Matrise erklæring")
    if not competition.evaluators.exists():
        services.evaluator_add(actor=_actor(MANAGER), competition=competition, username=MANAGER)
    return competition
