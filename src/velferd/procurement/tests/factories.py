"""Building competitions, bids and evaluations for procurement's tests, through the
services (the schemes' factories give the scheme types and suppliers).

Time: a competition is announced with its deadline ahead; `past_deadline` moves the
deadline into the past, as if the clock had gone past it (the rule reads the deadline
against the current time)."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.roles import Role
from velferd.core.testing import login_actor, new_user
from velferd.organisation.models import County
from velferd.procurement import services
from velferd.procurement.models import Bid, Competition
from velferd.schemes.models import Supplier, SupplierKind
from velferd.schemes.tests.factories import a_scheme_type, a_supplier

_names = itertools.count(1)

CRITERIA = [
    {"name": "Kvalitet i oppfølgingen", "weight": 40},
    {"name": "Samarbeid med arbeidsgivere", "weight": 30},
    {"name": "Pris", "weight": 30, "is_price": True},
]


def manager() -> Actor:
    """tiltaksforvalter: the scheme manager of Oslo (county 03), a demo login."""
    return login_actor("tiltaksforvalter")


def a_scheme_manager(county: str = "03") -> Actor:
    return new_user(
        f"forvalter-{next(_names)}", Role.SCHEME_MANAGER, county=County.objects.get(number=county)
    )


def a_supplier_login(supplier: Supplier) -> Actor:
    return new_user(
        f"leverandor-{next(_names)}",
        Role.SUPPLIER,
        organisation_number=supplier.organisation_number,
    )


def a_competition(by: Actor | None = None, **fields: Any) -> Competition:
    """A draft competition in Oslo for a procured scheme type, deadline in a week."""
    today = timezone.localdate()
    values: dict[str, Any] = {
        "title": "Oppfølging i Oslo",
        "scheme_type": a_scheme_type().code,
        "procedure": "open_tender",
        "county": "03",
        "price_model": "agreed_monthly",
        "places": 20,
        "bid_deadline": timezone.now() + datetime.timedelta(days=7),
        "agreement_starts_on": today + datetime.timedelta(days=60),
        "agreement_ends_on": today + datetime.timedelta(days=60 + 730),
        "criteria": CRITERIA,
        **fields,
    }
    return services.competition_create(actor=by or manager(), **values)


def published(by: Actor | None = None, **fields: Any) -> Competition:
    actor = by or manager()
    competition = a_competition(actor, **fields)
    return services.competition_publish(
        actor=actor, competition=competition, version=competition.version
    )


def fresh(competition: Competition) -> Competition:
    return Competition.objects.get(pk=competition.pk)


def past_deadline(competition: Competition) -> Competition:
    """The deadline has passed (an hour ago)."""
    Competition.objects.filter(pk=competition.pk).update(
        bid_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    return fresh(competition)


def answers_for(competition: Competition, text: str = "Vi følger opp tett.") -> dict[int, str]:
    return {c.pk: text for c in competition.criteria.all() if not c.is_price}


def a_bid(
    competition: Competition,
    price: str = "20000.00",
    supplier: Supplier | None = None,
    kind: str = SupplierKind.COMMERCIAL,
) -> tuple[Bid, Actor]:
    """A bid from a new supplier (or the one given), by a new login of its staff."""
    supplier = supplier or a_supplier(kind=kind)
    staff = a_supplier_login(supplier)
    bid = services.bid_submit(
        actor=staff,
        competition=competition,
        price=Decimal(price),
        places=10,
        answers=answers_for(competition),
    )
    return bid, staff


def evaluating(competition: Competition, *evaluators: Actor) -> Competition:
    """Name the evaluators, who declare no conflict; past the deadline; evaluation open."""
    actor = manager()
    for evaluator in evaluators:
        assert evaluator.user is not None
        services.evaluator_add(
            actor=actor, competition=competition, username=evaluator.user.username
        )
        services.evaluator_declare(actor=evaluator, competition=competition, has_conflict=False)
    competition = past_deadline(competition)
    return services.competition_evaluate(
        actor=actor, competition=competition, version=competition.version
    )


def score_all(evaluator: Actor, bid: Bid, points: dict[str, int]) -> None:
    """Score the bid on each criterion named (by name)."""
    by_name = {c.name: c.pk for c in bid.competition.criteria.all()}
    services.bid_score(
        actor=evaluator, bid=bid, scores={by_name[name]: p for name, p in points.items()}
    )
