"""The demo's settlement round: IMDi's national settlement officer (`imdi`) and Drammen's
settlement coordinator (`bosetting-drammen`), this year's round with IMDi's estimate, its
requests to eight municipalities and their decisions (one entered by IMDi on the
municipality's behalf, one changed since), and 30 cases waiting in reception: families and
singles, unaccompanied minors, one with a serious health need, some past IMDi's goal for
the wait. Persons have synthetic D-numbers. Everything goes through the services; loading
twice changes nothing."""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.utils import timezone
from stdnum.no import fodselsnummer

from velferd.access.actor import Actor
from velferd.access.demo import demo_actor, demo_login, load_demo_logins

from . import services
from .models import SettlementYear

# Two of the demo logins (access/demo.py): the round's own.
OFFICER, COORDINATOR = demo_login("imdi"), demo_login("bosetting-drammen")
SETTLEMENT_LOGINS = [OFFICER, COORDINATOR]
DEMO_MUNICIPALITY = "3301"
# Municipality, requested persons and minors, decided persons and minors, health competence.
REQUESTS = [
    ("3301", 20, 2, 18, 2, True),
    ("3201", 25, 3, 25, 3, False),
    ("3907", 12, 0, 12, 0, False),
    ("1506", 10, 2, 8, 2, True),
    ("5501", 15, 0, 15, 0, False),
    ("3403", 10, 0, 10, 0, False),
    ("1804", 12, 2, 10, 1, False),
    ("3101", 8, 0, 6, 0, False),
]
FAMILY_NAMES = ["Haidari", "Ahmadi", "Mohammed", "Tesfay", "Hussein", "Kovalenko", "Abdi"]
GIVEN = {
    "female": ["Amina", "Fatima", "Olena", "Sara", "Hiwet", "Mariam", "Leila"],
    "male": ["Ali", "Yonas", "Mykola", "Omar", "Samir", "Dawit", "Hassan"],
}
ORIGINS = ["syria", "afghanistan", "eritrea", "ukraine", "somalia"]
CASES = 30


def synthetic_d_number(born: datetime.date, serial: int) -> str:
    """A synthetic D-number (day + 40, month + 80) under the rule before 2032."""
    stem = f"{born.day + 40:02d}{born.month + 80:02d}{born.year % 100:02d}"
    first = 0 if born.year < 2000 else 500
    valid = 0
    for individual in range(first, first + 500):
        base = f"{stem}{individual:03d}"
        check1 = fodselsnummer.calc_check_digit1(base)
        check2 = fodselsnummer.calc_check_digit2(base + check1)
        if len(check1) == 1 and len(check2) == 1:
            if valid == serial % 150:
                return base + check1 + check2
            valid += 1
    raise ValueError(born)


def _born(rng: random.Random, today: datetime.date, age: int) -> datetime.date:
    return today - datetime.timedelta(days=age * 365 + rng.randint(20, 300))


def _person(
    rng: random.Random, today: datetime.date, serial: int, age: int, role: str, family: str
) -> dict[str, Any]:
    gender = rng.choice(["female", "male"])
    born = _born(rng, today, age)
    return {
        "identity_number": synthetic_d_number(born, serial),
        "given_name": rng.choice(GIVEN[gender]),
        "family_name": family,
        "birth_date": born,
        "gender": gender,
        "family_role": role,
        "education_years": rng.randint(0, 16) if age >= 18 else max(0, age - 6),
        "speaks_english": rng.random() < 0.4,
        "languages": rng.choice(["arabisk", "dari", "tigrinja", "ukrainsk", "somali"]),
    }


def _members(rng: random.Random, today: datetime.date, index: int) -> list[dict[str, Any]]:
    family = FAMILY_NAMES[index % len(FAMILY_NAMES)]
    serial = index * 5
    origin = ORIGINS[index % len(ORIGINS)]
    if index % 10 == 3:
        minor = _person(rng, today, serial, 16, "principal", family)
        return [{**minor, "unaccompanied_minor": True, "origin_group": origin}]
    members = [_person(rng, today, serial, rng.randint(22, 55), "principal", family)]
    if index % 3 != 0:
        members.append(_person(rng, today, serial + 1, rng.randint(22, 50), "spouse", family))
        children = rng.randint(0, 3)
        for child in range(children):
            members.append(
                _person(rng, today, serial + 2 + child, rng.randint(1, 15), "child", family)
            )
    if index == 7:
        members[0]["health_need"] = True
    return [{**m, "origin_group": origin} for m in members]


def _requests(actor: Actor, year: int) -> None:
    services.requests_set(
        actor=actor,
        year=year,
        rows=[
            {"municipality_number": n, "persons": p, "unaccompanied_minors": m}
            for n, p, m, _, _, _ in REQUESTS
        ],
    )


def _decisions(officer: Actor, coordinator: Actor, year: int, today: datetime.date) -> None:
    for number, _, _, persons, minors, health in REQUESTS:
        by = coordinator if number == DEMO_MUNICIPALITY else officer
        if number == DEMO_MUNICIPALITY:
            services.decision_enter(
                actor=by,
                year=year,
                municipality_number=number,
                persons=persons - 4,
                unaccompanied_minors=0,
                decided_on=today - datetime.timedelta(days=120),
                comment="Første vedtak i bystyret.",
            )
        services.decision_enter(
            actor=by,
            year=year,
            municipality_number=number,
            persons=persons,
            unaccompanied_minors=minors,
            health_competence=health,
            decided_on=today - datetime.timedelta(days=60),
        )


def _cases(officer: Actor, year: int, today: datetime.date) -> None:
    rng = random.Random(2026)
    for index in range(CASES):
        waited = 20 + index * 7
        services.case_import(
            actor=officer,
            year=year,
            udi_reference=f"UDI-{year}-{index + 1:04d}",
            residence_permit_on=today - datetime.timedelta(days=waited),
            reception_centre=rng.choice(["Råde mottak", "Hvalstad mottak", "Lindås mottak"]),
            tie_municipality="3301" if index % 9 == 4 else "",
            persons=_members(rng, today, index),
        )


def load_demo_settlement(*, system: Actor) -> int:
    """This year's round, if it is not there; returns how many cases were created."""
    load_demo_logins(actor=system, logins=SETTLEMENT_LOGINS)
    today = timezone.localdate()
    if SettlementYear.objects.filter(year=today.year).exists():
        return 0
    officer, coordinator = demo_actor(OFFICER.username), demo_actor(COORDINATOR.username)
    services.year_set(
        actor=officer, year=today.year, estimated_persons=120, estimated_unaccompanied_minors=10
    )
    _requests(officer, today.year)
    _decisions(officer, coordinator, today.year, today)
    _cases(officer, today.year, today)
    return CASES
