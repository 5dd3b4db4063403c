"""Demo enquiries to the Ministry, and case officers in two departments besides the Press
and Communications Division's demo login; the public journal's documents (the enquiries
journal themselves, and a few journalled by hand), and an access request asking for one of
them that has waited more than five working days (deemed refused)."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.demo import DemoLogin, load_demo_logins
from velferd.access.roles import Role

from . import services
from .models import Enquiry, EnquiryKind

OFFICERS = [
    DemoLogin(
        "velferdspolitikk", "Vilde Velferd", Role.MINISTRY_STAFF, {"department": "welfare-policy"}
    ),
    DemoLogin(
        "integrering", "Ivan Integrering", Role.MINISTRY_STAFF, {"department": "integration"}
    ),
]

ENQUIRIES: list[dict[str, Any]] = [
    dict(
        name="Kari Nilsen",
        email="kari.nilsen@example.no",
        subject="Uføretrygd og deltid",
        text="Hei. Jeg har 50 prosent uføretrygd. Kan jeg jobbe mer uten at trygden blir "
        "redusert, og hvor går grensen?",
        days_ago=20,
    ),
    dict(
        name="Jonas Berg",
        email="jonas@kommune.example.no",
        organisation="Hamar kommune",
        subject="Bosetting av flyktninger neste år",
        text="Kommunen vurderer hvor mange flyktninger vi kan bosette neste år. Hvilke "
        "tilskudd gjelder for introduksjonsprogrammet?",
        days_ago=3,
    ),
    dict(
        name="Emma Dahl",
        email="emma.dahl@avis.example.no",
        organisation="Dagsavisen",
        subject="Intervju med statsråden",
        text="Vi ønsker et intervju med statsråden om sykefraværet i år. Er det mulig neste uke?",
        is_press=True,
        days_ago=0,
    ),
    dict(
        name="Peter Smith",
        email="p.smith@example.com",
        subject="Pension abroad",
        text="I worked in Norway for twelve years and now live in Scotland. How is my "
        "retirement pension from the National Insurance Scheme calculated?",
        days_ago=1,
    ),
]

# Documents journalled by hand: (department, case, direction, days ago, correspondent,
# private, title, exemption).
DOCUMENTS: list[tuple[str, str, str, int, str, bool, str, str]] = [
    (
        "welfare-policy",
        "26/1412",
        "outgoing",
        12,
        "KS – Kommunesektorens organisasjon",
        False,
        "Høring – endringer i forskrift om arbeidsavklaringspenger",
        "",
    ),
    (
        "welfare-policy",
        "26/1412",
        "internal",
        10,
        "",
        False,
        "Notat til statsråden om høringsinnspillene",
        "Offl. § 14 første ledd",
    ),
    (
        "integration",
        "26/1530",
        "incoming",
        9,
        "Ola Nordmann",
        True,
        "Spørsmål om introduksjonsstønad for Ola Nordmann",
        "Offl. § 13 jf. fvl. § 13",
    ),
]


def _load_documents(system: Actor) -> list[Any]:
    today = timezone.localdate()
    entries = []
    for slug, case, direction, days_ago, correspondent, private, title, exemption in DOCUMENTS:
        day = today - datetime.timedelta(days=days_ago)
        entries.append(
            services.journal_entry_record(
                actor=system,
                department=slug,
                case_reference=case,
                direction=direction,
                document_date=day,
                journalled_on=day,
                title=title,
                correspondent=correspondent,
                correspondent_is_private=private,
                exemption=exemption,
            )
        )
    return entries


def load_demo_enquiries(*, system: Actor) -> int:
    """Create the case officers, the enquiries and the journal's documents that are
    missing; returns how many enquiries were created."""
    load_demo_logins(actor=system, logins=OFFICERS)
    if Enquiry.objects.exists():
        return 0
    now = timezone.now()
    for item in ENQUIRIES:
        fields = {k: v for k, v in item.items() if k != "days_ago"}
        services.enquiry_submit(
            actor=system,
            received_at=now - datetime.timedelta(days=int(item["days_ago"])),
            **fields,
        )
    hearing = _load_documents(system)[0]
    services.enquiry_submit(
        actor=system,
        kind=EnquiryKind.ACCESS_REQUEST,
        journal_entry=hearing.pk,
        name="Siri Solberg",
        email="siri.solberg@example.no",
        subject=f"Innsynskrav: {hearing.document_reference} {hearing.public_title}",
        text="Jeg ber om innsyn i høringsbrevet og vedleggene.",
        received_at=now - datetime.timedelta(days=14),
    )
    return len(ENQUIRIES) + 1
