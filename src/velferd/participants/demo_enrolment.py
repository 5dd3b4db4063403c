"""Enrolment in the demo, at NAV Grünerløkka: a VTA delivery with two places, both taken,
and two people on its waiting list — the one who joined last first, given priority for a
developmental disability; Ola Nordmann (`innbygger`) awaiting start in Oppfølging
Grünerløkka, which he sees on his own pages, and a draft for Avklaring shared with him, with
his comment. Loading twice changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import demo_actor
from velferd.core.identifiers import synthetic_national_id
from velferd.followup import services as followup
from velferd.people import selectors as people_selectors, services as people
from velferd.schemes import selectors as schemes_selectors, services as schemes

from . import services
from .models import Participation

VTA = "VARIG_TILRETTELAGT_ARBEID_SKJERMET"
VTA_DELIVERY = "VTA Grünerløkka – skjermet"
SUPPLIER = "923456767"  # Sammen Sosialt Entreprenørskap SA
# The VTA participants: name, birth date, serial of their synthetic identity number.
VTA_PEOPLE = [
    ("Trond", "Lie", datetime.date(1988, 4, 9), 11),
    ("Sunniva", "Moe", datetime.date(1992, 8, 23), 12),
    ("Eirik", "Dahl", datetime.date(1979, 2, 14), 13),
    ("Lene", "Berg", datetime.date(1996, 12, 1), 14),
]
PRIORITY_REASON = (
    "Utviklingshemming dokumentert i sakkyndig vurdering; prioriteres til VTA etter "
    "retningslinjene."
)


def _vta_delivery(manager: Actor) -> Any:
    scheme_type = schemes_selectors.scheme_type_for(actor=manager, code=VTA)
    supplier = schemes_selectors.supplier_for(actor=manager, organisation_number=SUPPLIER)
    today = timezone.localdate()
    agreement = schemes.agreement_create(
        actor=manager,
        supplier=supplier,
        scheme_type=scheme_type,
        name="VTA Sammen Grünerløkka",
        starts_on=today - datetime.timedelta(days=90),
        ends_on=today.replace(year=today.year + 2, month=12, day=31),
        price_model="fixed_monthly_rate",
        counties=["03"],
    )
    agreement = schemes.agreement_activate(
        actor=manager, agreement=agreement, version=agreement.version
    )
    delivery = schemes.delivery_create(
        actor=manager,
        agreement=agreement,
        name=VTA_DELIVERY,
        places=2,
        starts_on=agreement.starts_on,
        ends_on=None,
        enrolment_mode="ongoing",
        offices=["0317"],
    )
    return schemes.delivery_start(actor=manager, delivery=delivery, version=delivery.version)


def _vta_person(vera: Actor, given: str, family: str, born: datetime.date, serial: int) -> Any:
    person = people.person_register(
        actor=vera,
        national_id=synthetic_national_id(born, serial),
        given_name=given,
        family_name=family,
        municipality_number="0301",
        district="Grünerløkka",
    )
    followup.period_start(actor=vera, person=person, caseworker=vera.user)
    decision = followup.assessment_create(
        actor=vera,
        person=person,
        need_group="specially_adapted",
        main_goal="get_work",
        reasoning="Du trenger et skjermet arbeidstilbud med tett oppfølging over tid.",
        sources=["self_assessment", "dialogue"],
        evidence="",
    )
    followup.assessment_send(actor=vera, assessment=decision, version=decision.version)
    return person


def _full_vta_delivery(vera: Actor, manager: Actor) -> int:
    delivery = _vta_delivery(manager)
    enrolled = []
    for given, family, born, serial in VTA_PEOPLE:
        person = _vta_person(vera, given, family, born, serial)
        enrolled.append(
            services.enrol(
                actor=vera,
                person=person,
                delivery=delivery,
                starts_on=timezone.localdate() + datetime.timedelta(days=14),
                content="Skjermet arbeid i verksted og kantine.",
                admit=True,
            )
        )
    last = enrolled[-1]
    services.participation_set_priority(
        actor=vera,
        participation=last,
        version=Participation.objects.get(pk=last.pk).version,
        priority=True,
        reason_text=PRIORITY_REASON,
    )
    return len(enrolled)


def _deliveries_at_grunerlokka(vera: Actor) -> dict[str, Any]:
    query = schemes_selectors.CatalogueQuery(office="0317")
    _, found = schemes_selectors.delivery_catalogue(actor=vera, query=query)
    return {delivery.name: delivery for delivery in found}


def _ola(vera: Actor, ola_login: Actor) -> int:
    ola = people_selectors.own_person(actor=ola_login)
    deliveries = _deliveries_at_grunerlokka(vera)
    follow_up, clarification = (
        deliveries.get("Oppfølging Grünerløkka"),
        deliveries.get("Avklaring Grorud"),
    )
    if ola is None or follow_up is None or clarification is None:
        return 0
    today = timezone.localdate()
    services.enrol(
        actor=vera,
        person=ola,
        delivery=follow_up,
        starts_on=today + datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=10 + 150),
        content="Hjelp til å finne og beholde en jobb som kokk uten lange dager på beina.",
        percentage=60,
        admit=True,
    )
    draft = services.enrol(
        actor=vera,
        person=ola,
        delivery=clarification,
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=30 + 27),
        content="Avklare hvor mange timer om dagen du kan stå i kjøkkenarbeid.",
        as_draft=True,
    )
    services.draft_comment(
        actor=ola_login,
        participation=draft,
        text="Det passer fint. Kan vi starte etter at jeg har vært hos fysioterapeuten?",
    )
    return 2


def load_demo_enrolment(*, system: Actor) -> int:
    """Returns how many demo participations were created (none the second time)."""
    if Participation.objects.filter(delivery__name=VTA_DELIVERY).exists():
        return 0
    vera, manager, ola_login = (
        demo_actor("veileder"),
        demo_actor("tiltaksforvalter"),
        demo_actor("innbygger"),
    )
    return _full_vta_delivery(vera, manager) + _ola(vera, ola_login)
