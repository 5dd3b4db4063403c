"""The demo's financial assistance at NAV Grünerløkka (after the people and their
follow-up): the published guideline rates, and applications in every state for the office's
municipal caseworker (`sosialkonsulent`): Lars's emergency application sent today, Ahmed's
new one, Jonas (under 30) waiting for documentation, Maria's (with her son) ready for
decision, Kari's (under 30) granted monthly with a condition and the condition of activity
(§ 20 a) and its payments, and Ola's partly granted one-off help with electricity.

The applications are written as sent (the citizen's own pages write drafts and send them);
the office's steps go through its services. Loading twice changes nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import demo_actor
from velferd.core.identifiers import synthetic_national_id
from velferd.organisation import selectors as organisation_selectors
from velferd.people import selectors as people_selectors

from .models import (
    Application,
    ApplicationStatus,
    DocumentationRequest,
    DocumentationRequestStatus,
    HouseholdMember,
    MoneyItem,
)
from .services.decision_checks import DecisionInput
from .services.decisions import decision_make
from .services.documentation_requests import documentation_request_create
from .services.rates import published_rates_load

DEMO_OFFICE = "0317"
DEMO_ACCOUNT = "86011117947"
FIRST_REFERENCE = 900  # SOS-<year>-000900 onwards; the citizen's own get theirs when sent


# The demo people (velferd.people.demo) by their birth day and serial number.
DEMO_PEOPLE = {
    "Ola": (datetime.date(1996, 3, 14), 1),
    "Kari": (datetime.date(1999, 11, 2), 2),
    "Ahmed": (datetime.date(2001, 1, 20), 3),
    "Lars": (datetime.date(1968, 9, 9), 7),
    "Maria": (datetime.date(1985, 6, 12), 8),
    "Jonas": (datetime.date(2002, 4, 8), 9),
}


def _person(given: str) -> Any:
    born, serial = DEMO_PEOPLE[given]
    return people_selectors.registered_person(synthetic_national_id(born, serial))


def _sent(person: Any, number: int, days_ago: int, **fields: Any) -> Application:
    office = organisation_selectors.office(DEMO_OFFICE)
    sent = timezone.now() - datetime.timedelta(days=days_ago, hours=number)
    values: dict[str, Any] = {
        "reference": f"SOS-{sent.year}-{FIRST_REFERENCE + number:06d}",
        "municipality_id": person.municipality_id,
        "office": office,
        "status": ApplicationStatus.SUBMITTED,
        "purposes": ["living_costs"],
        "housing_kind": "rented",
        "bank_account": DEMO_ACCOUNT,
        "submitted_at": sent,
        **fields,
    }
    return Application.objects.create(person=person, **values)


def _money(application: Application, *items: tuple[str, str]) -> None:
    MoneyItem.objects.bulk_create(
        MoneyItem(application=application, kind=kind, amount=Decimal(amount))
        for kind, amount in items
    )


def _decision(**fields: Any) -> DecisionInput:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "outcome": "granted",
        "frequency": "monthly",
        "period_start": today.replace(day=1),
        "period_end": (today.replace(day=1) + datetime.timedelta(days=62)).replace(day=1)
        - datetime.timedelta(days=1),
        "conditions": [],
        **fields,
    }
    return DecisionInput(**values)


def _new_and_emergency(people: dict[str, Any]) -> None:
    _sent(
        people["Lars"],
        1,
        0,
        emergency=True,
        purposes=["emergency"],
        amount_applied=Decimal("1500"),
        explanation="Jeg har ikke penger til mat før trygden kommer på fredag.",
        housing_cost=Decimal("8200"),
    )
    ahmed = _sent(
        people["Ahmed"],
        2,
        2,
        purposes=["living_costs", "electricity"],
        amount_applied=Decimal("9000"),
        explanation="Introduksjonsstønaden er slutt, og jeg venter på svar fra NAV.",
        housing_cost=Decimal("7400"),
        electricity_cost=Decimal("900"),
    )
    _money(ahmed, ("bank_deposits", "1200"))


def _waiting_and_ready(social: Actor, people: dict[str, Any]) -> None:
    jonas = _sent(
        people["Jonas"],
        3,
        6,
        amount_applied=Decimal("8000"),
        explanation="Jeg har sluttet på skolen og har ingen inntekt.",
        housing_kind="with_others",
    )
    documentation_request_create(
        actor=social,
        application_id=jonas.pk,
        version=jonas.version,
        what="Kontoutskrift for de siste tre månedene.",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    maria = _sent(
        people["Maria"],
        4,
        12,
        status=ApplicationStatus.READY_FOR_DECISION,
        purposes=["living_costs", "housing"],
        amount_applied=Decimal("6000"),
        explanation="Lønna mi dekker ikke husleia og mat for meg og sønnen min.",
        housing_cost=Decimal("12500"),
        electricity_cost=Decimal("700"),
    )
    HouseholdMember.objects.create(
        application=maria, relation="child", name="Sander", birth_date=datetime.date(2014, 2, 3)
    )
    _money(maria, ("salary", "14800"), ("child_benefit", "1766"))
    assert social.user is not None
    DocumentationRequest.objects.create(
        application=maria,
        what="Husleiekontrakt og siste lønnsslipp.",
        deadline=timezone.localdate() - datetime.timedelta(days=2),
        status=DocumentationRequestStatus.ANSWERED,
        requested_by=social.user,
        answered_at=timezone.now() - datetime.timedelta(days=3),
        answer_comment="Her er kontrakten og lønnsslippen.",
    )


def _decided(social: Actor, people: dict[str, Any]) -> None:
    kari = _sent(
        people["Kari"],
        5,
        20,
        amount_applied=Decimal("7850"),
        explanation="Jeg har ikke jobb og har brukt opp sparepengene.",
        housing_cost=Decimal("6900"),
    )
    decision_make(
        actor=social,
        application_id=kari.pk,
        version=kari.version,
        data=_decision(
            amount="7850",
            reasoning="Du har ingen inntekt og ingen penger i banken. Vi har brukt statens "
            "veiledende sats for en enslig.",
            conditions=["Du må registrere deg som arbeidssøker hos NAV."],
            activity="Jobbklubb hos NAV Grünerløkka to dager i uka.",
        ),
    )
    ola = _sent(
        people["Ola"],
        6,
        9,
        purposes=["electricity"],
        amount_applied=Decimal("3000"),
        explanation="Strømregningen for november er mye høyere enn vanlig.",
        electricity_cost=Decimal("3000"),
    )
    today = timezone.localdate()
    decision_make(
        actor=social,
        application_id=ola.pk,
        version=ola.version,
        data=_decision(
            outcome="partly_granted",
            amount="1800",
            frequency="one_off",
            period_start=today,
            period_end=today,
            reasoning="Vi dekker den delen av strømregningen som er over det vanlige for "
            "en leilighet som din.",
            conditions=["Du må sende oss kvitteringen for betalt strømregning."],
        ),
    )


def load_demo_assistance(*, system: Actor) -> int:
    """The guideline rates and the demo applications, unless they are there; returns how
    many applications were created."""
    published_rates_load(actor=system)
    office = organisation_selectors.office(DEMO_OFFICE)
    if Application.objects.filter(office=office, reference__isnull=False).exists():
        return 0
    people = {given: _person(given) for given in DEMO_PEOPLE}
    found = {given: person for given, person in people.items() if person is not None}
    if len(found) != len(DEMO_PEOPLE):
        return 0
    social = demo_actor("sosialkonsulent")
    _new_and_emergency(found)
    _waiting_and_ready(social, found)
    _decided(social, found)
    return Application.objects.filter(office=office).count()
