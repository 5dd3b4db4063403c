"""The schemes' demo data: suppliers of every kind in Oslo and one in Bergen, with their
sub-units and contact persons. The demo supplier login (`leverandor`) works for Grorud Arbeid
og Inkludering AS, a work and inclusion enterprise. The demo's agreements and deliveries
(demo_agreements.py, when it is there) come after the suppliers. Loading twice changes
nothing."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from velferd.access.actor import Actor

from . import services
from .models import Supplier, SupplierKind

OSLO, BERGEN = "0301", "4601"

SUPPLIERS: list[dict[str, Any]] = [
    {
        "organisation_number": "912345688",
        "name": "Grorud Arbeid og Inkludering AS",
        "kind": SupplierKind.SHELTERED,
        "units": [
            ("923456708", "Grorud Arbeid og Inkludering, Grorud", "Grorudveien 10", "0976", OSLO),
            ("923456716", "Grorud Arbeid og Inkludering, Alna", "Alnaparkveien 3", "1081", OSLO),
        ],
        "contacts": [
            ("Kari Nordmann", "Daglig leder", "kari.nordmann@grorud-ai.example.no", "22 10 20 30"),
            ("Ola Hansen", "Jobbkonsulent", "ola.hansen@grorud-ai.example.no", "+47 911 22 333"),
        ],
    },
    {
        "organisation_number": "923456724",
        "name": "Frisk Jobb AS",
        "kind": SupplierKind.COMMERCIAL,
        "units": [("923456732", "Frisk Jobb, Oslo sentrum", "Storgata 12", "0155", OSLO)],
        "contacts": [
            ("Per Berg", "Avdelingsleder", "per.berg@friskjobb.example.no", "23 40 50 60")
        ],
    },
    {
        "organisation_number": "923456740",
        "name": "Kirkens Arbeidslag",
        "kind": SupplierKind.NON_PROFIT,
        "units": [("923456759", "Kirkens Arbeidslag, Tøyen", "Hagegata 24", "0653", OSLO)],
        "contacts": [("Siri Lund", "Koordinator", "siri.lund@arbeidslaget.example.no", "")],
    },
    {
        "organisation_number": "923456767",
        "name": "Sammen Sosialt Entreprenørskap SA",
        "kind": SupplierKind.SOCIAL_ENTREPRENEUR,
        "units": [("923456775", "Sammen, Sagene", "Sandakerveien 56", "0477", OSLO)],
        "contacts": [("Amir Khan", "Gründer", "amir@sammen.example.no", "40 50 60 70")],
    },
    {
        "organisation_number": "923456783",
        "name": "Oslo kommune, Enhet for arbeid og aktivitet",
        "kind": SupplierKind.PUBLIC,
        "units": [
            ("923456791", "Enhet for arbeid og aktivitet, Bjerke", "Økernveien 94", "0579", OSLO)
        ],
        "contacts": [("Ingrid Dahl", "Enhetsleder", "ingrid.dahl@oslo.example.no", "21 80 21 80")],
    },
    {
        "organisation_number": "923456805",
        "name": "Vestlandske Kompetanse AS",
        "kind": SupplierKind.COMMERCIAL,
        "units": [("923456813", "Vestlandske Kompetanse, Bergen", "Strandgaten 5", "5013", BERGEN)],
        "contacts": [("Jon Vik", "Kursleder", "jon.vik@vestkomp.example.no", "55 20 30 40")],
    },
]


def _load_supplier(system: Actor, row: dict[str, Any]) -> bool:
    if Supplier.objects.filter(organisation_number=row["organisation_number"]).exists():
        return False
    supplier = services.supplier_register(
        actor=system,
        organisation_number=row["organisation_number"],
        name=row["name"],
        kind=row["kind"],
    )
    for number, name, street, postcode, municipality in row["units"]:
        services.unit_add(
            actor=system,
            supplier=supplier,
            version=Supplier.objects.get(pk=supplier.pk).version,
            organisation_number=number,
            name=name,
            street=street,
            postcode=postcode,
            place="Bergen" if municipality == BERGEN else "Oslo",
            municipality=municipality,
        )
    for name, title, email, phone in row["contacts"]:
        services.contact_add(
            actor=system,
            supplier=supplier,
            version=Supplier.objects.get(pk=supplier.pk).version,
            name=name,
            title=title,
            email=email,
            phone=phone,
        )
    return True


def load_demo_schemes(*, system: Actor) -> int:
    """The demo suppliers that are missing, then the demo's agreements and deliveries;
    returns how many suppliers were created."""
    created = sum(_load_supplier(system, row) for row in SUPPLIERS)
    if importlib.util.find_spec("velferd.schemes.demo_agreements") is not None:
        agreements = importlib.import_module("velferd.schemes.demo_agreements")
        agreements.load_demo_agreements(system=system)
    return created
