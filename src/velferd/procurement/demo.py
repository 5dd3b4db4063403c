"""Procurement's part of the demo data: in Oslo, a competition that has closed, with three
bids scored by two evaluators and awarded (its standstill running), and one open
competition that `leverandor` (Grorud Arbeid og Inkludering AS, 912345688) can bid on.
Needs the schemes' demo (the suppliers and the catalogue) first; loading twice changes
nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import DemoLogin, demo_actor, load_demo_logins
from velferd.access.roles import Role
from velferd.schemes.selectors import procurement_support as schemes

from . import selectors, services
from .models import Competition

CLOSED = "Arbeidsrettet oppfølging i Oslo 2027–2028"
OPEN = "Avklaring i Groruddalen 2027"
SECOND_EVALUATOR = DemoLogin(
    "tiltaksforvalter2", "Siv Sekundær", Role.SCHEME_MANAGER, {"county": "03"}
)
BIDDERS = [
    ("leverandor", "912345688", "23500.00", (8, 7, 7, 8)),
    ("leverandor-frisk", "923456724", "21000.00", (6, 6, 7, 5)),
    ("leverandor-kirkens", "923456740", "26000.00", (9, 8, 9, 9)),
]
SUPPLIER_LOGINS = [
    DemoLogin(
        "leverandor-frisk", "Frida Frisk", Role.SUPPLIER, {"organisation_number": "923456724"}
    ),
    DemoLogin(
        "leverandor-kirkens", "Kåre Kirkens", Role.SUPPLIER, {"organisation_number": "923456740"}
    ),
]
CRITERIA = [
    {"name": "Kvalitet i oppfølgingen", "weight": 50, "description": "Metode og erfaring."},
    {"name": "Samarbeid med arbeidsgivere", "weight": 20},
    {"name": "Pris", "weight": 30, "is_price": True},
]


def _values(title: str, code: str, deadline_days: int) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "title": title,
        "scheme_type": code,
        "procedure": "open_tender",
        "county": "03",
        "price_model": "agreed_monthly",
        "places": 40,
        "bid_deadline": timezone.now() + datetime.timedelta(days=deadline_days),
        "agreement_starts_on": today + datetime.timedelta(days=60),
        "agreement_ends_on": today + datetime.timedelta(days=60 + 729),
        "criteria": CRITERIA,
        "description": "NAV Oslo kjøper oppfølging for personer som trenger tett støtte.",
    }


def _published(manager: Actor, title: str, code: str, deadline_days: int) -> Competition:
    made = services.competition_create(actor=manager, **_values(title, code, deadline_days))
    return services.competition_publish(actor=manager, competition=made, version=made.version)


def _closed_and_awarded(manager: Actor, second: Actor) -> None:
    competition = _published(manager, CLOSED, "OPPFOLGING", 1)
    bids = []
    for username, number, price, _ in BIDDERS:
        staff = demo_actor(username)
        answers = {
            c.pk: "Vi følger opp hver deltaker tett, med jobbspesialister og faste møter."
            for c in competition.criteria.all()
            if not c.is_price
        }
        bids.append(
            services.bid_submit(
                actor=staff,
                competition=competition,
                price=Decimal(price),
                places=20,
                answers=answers,
                organisation_number=number,
            )
        )
    for evaluator in (manager, second):
        assert evaluator.user is not None
        services.evaluator_add(
            actor=manager, competition=competition, username=evaluator.user.username
        )
        services.evaluator_declare(actor=evaluator, competition=competition, has_conflict=False)
    # The deadline passes (the demo's competition closed yesterday).
    Competition.objects.filter(pk=competition.pk).update(
        bid_deadline=timezone.now() - datetime.timedelta(days=1)
    )
    competition = Competition.objects.get(pk=competition.pk)
    competition = services.competition_evaluate(
        actor=manager, competition=competition, version=competition.version
    )
    quality, cooperation = [c for c in competition.criteria.all() if not c.is_price]
    for bid, (_, _, _, points) in zip(bids, BIDDERS, strict=True):
        services.bid_score(
            actor=manager, bid=bid, scores={quality.pk: points[0], cooperation.pk: points[1]}
        )
        services.bid_score(
            actor=second, bid=bid, scores={quality.pk: points[2], cooperation.pk: points[3]}
        )
    first = selectors.ranking_of(competition)[0][0]
    services.competition_award(
        actor=manager, competition=competition, version=competition.version, bids=[first.pk]
    )


def load_demo_procurement(*, system: Actor) -> int:
    """The two competitions, when the schemes' demo suppliers are there; returns how many
    competitions were made."""
    if schemes.supplier_by_organisation_number("912345688") is None:
        return 0
    if schemes.scheme_type_by_code("OPPFOLGING") is None:
        return 0
    load_demo_logins(actor=system, logins=[SECOND_EVALUATOR, *SUPPLIER_LOGINS])
    manager = demo_actor("tiltaksforvalter")
    made = 0
    if not Competition.objects.filter(title=CLOSED).exists():
        _closed_and_awarded(manager, demo_actor(SECOND_EVALUATOR.username))
        made += 1
    if not Competition.objects.filter(title=OPEN).exists():
        _published(manager, OPEN, "AVKLARING", 21)
        made += 1
    return made
