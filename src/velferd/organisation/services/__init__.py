"""Writes to the registry. Every change is audited in its own transaction. The offices'
visiting address and opening hours are `visiting`'s."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models, transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError, not_found
from velferd.core.identifiers import validate_county_number, validate_municipality_number
from velferd.core.search import search_key

from .. import reference
from ..models import (
    Agency,
    County,
    Department,
    IWCentre,
    Ministry,
    Municipality,
    Office,
    OfficeArea,
    PartnershipAgreement,
    ServiceType,
)
from .visiting import (
    VISITING_FIELDS,
    Opening,
    check_address,
    check_opening,
    check_phone,
    check_postcode,
    load_visiting,
    office_visiting_save,
)

__all__ = [
    "VISITING_FIELDS",
    "Opening",
    "agreement_refusals",
    "check_address",
    "check_opening",
    "check_phone",
    "check_postcode",
    "load_visiting",
    "office_visiting_save",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1


def _upsert(
    report: LoadReport,
    actor: Actor,
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
) -> Any:
    """Create or bring up to date one reference row, auditing only real changes."""
    kind = model._meta.model_name or model.__name__
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model._default_manager.create(**lookup, **values)
        audit.record(
            actor=actor,
            action=f"{kind}.created",
            target=instance,
            after=audit.snapshot(instance, *lookup, *values),
        )
        report.count(kind, "created")
        return instance
    changed = {k: v for k, v in values.items() if getattr(instance, k) != v}
    if not changed:
        report.count(kind, "unchanged")
        return instance
    before = audit.snapshot(instance, *changed)
    for name, value in changed.items():
        setattr(instance, name, value)
    instance.save(update_fields=list(changed))
    audit.record(
        actor=actor,
        action=f"{kind}.updated",
        target=instance,
        before=before,
        after=audit.snapshot(instance, *changed),
    )
    report.count(kind, "updated")
    return instance


def read_municipalities_csv(path: Path | None = None) -> list[dict[str, str]]:
    with (path or DATA_DIR / "municipalities.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_reference(*, actor: Actor) -> LoadReport:
    """Load the Ministry, its units, the agencies, the service catalogue, counties,
    municipalities and IW centres. Loading twice changes nothing."""
    report = LoadReport()
    ministry = _upsert(
        report,
        actor,
        Ministry,
        {"slug": reference.MINISTRY["slug"]},
        {k: v for k, v in reference.MINISTRY.items() if k != "slug"},
    )
    for order, unit in enumerate(reference.DEPARTMENTS, start=1):
        values = {k: v for k, v in unit.items() if k != "slug"}
        values.setdefault("part_of_secretary_general_staff", False)
        _upsert(
            report,
            actor,
            Department,
            {"slug": unit["slug"]},
            {**values, "ministry": ministry, "sort_order": order},
        )
    for order, agency in enumerate(reference.AGENCIES, start=1):
        _upsert(
            report,
            actor,
            Agency,
            {"slug": agency["slug"]},
            {**{k: v for k, v in agency.items() if k != "slug"}, "sort_order": order},
        )
    for order, service in enumerate(reference.SERVICE_TYPES, start=1):
        values = {k: v for k, v in service.items() if k != "code"}
        values.setdefault("is_minimum", False)
        values.setdefault("provided_by_state", False)
        values.setdefault("legal_basis_nb", "")
        values.setdefault("legal_basis_en", "")
        _upsert(
            report, actor, ServiceType, {"code": service["code"]}, {**values, "sort_order": order}
        )
    counties: dict[str, County] = {}
    for row in read_municipalities_csv():
        number = row["county_number"]
        if number not in counties:
            counties[number] = _upsert(
                report, actor, County, {"number": number}, {"name": row["county_name"]}
            )
        _upsert(
            report,
            actor,
            Municipality,
            {"number": row["municipality_number"]},
            {
                "name": row["name"],
                "county": counties[number],
                "search_name": search_key(row["name"]),
            },
        )
    for county in counties.values():
        _upsert(report, actor, IWCentre, {"county": county}, reference.iw_centre_names(county.name))
    for _ in range(load_visiting(actor=actor)):
        report.count("office_visiting", "updated")
    return report


# Offices -------------------------------------------------------------------------------------


def _invalid(code: str, field_name: str, nb: str, en: str, status: int = 422) -> DomainError:
    return DomainError(code=code, message_nb=nb, message_en=en, field=field_name, status=status)


def _services_by_code(codes: Iterable[str]) -> list[ServiceType]:
    wanted = list(dict.fromkeys(codes))
    found = {s.code: s for s in ServiceType.objects.filter(code__in=wanted)}
    unknown = [code for code in wanted if code not in found]
    if unknown:
        listed = ", ".join(unknown)
        raise _invalid(
            "unknown_service",
            "services",
            f"Ukjent tjeneste: {listed}.",
            f"Unknown service: {listed}.",
        )
    return [found[code] for code in wanted]


def _require_minimum_services(services: Sequence[ServiceType]) -> None:
    """Refuse an agreement without every service an office must offer, naming each one
    missing with the provision that requires it."""
    offered = {s.code for s in services}
    missing = [s for s in ServiceType.objects.filter(is_minimum=True) if s.code not in offered]
    if missing:
        raise _invalid(
            "agreement_minimum_missing",
            "services",
            "Avtalen mangler tjenester som hvert NAV-kontor minst skal tilby: "
            + "; ".join(_named(s.name_nb, s.legal_basis_nb) for s in missing)
            + ".",
            "The agreement lacks services every NAV office must offer at the least: "
            + "; ".join(_named(s.name_en, s.legal_basis_en) for s in missing)
            + ".",
        )


def _named(name: str, legal_basis: str) -> str:
    return f"{name} ({legal_basis})" if legal_basis else name


def _municipality(number: str) -> Municipality:
    validate_municipality_number(number, field="areas")
    municipality = Municipality.objects.filter(number=number).first()
    if municipality is None:
        raise _invalid(
            "unknown_municipality",
            "areas",
            f"Kommunenummer {number} finnes ikke.",
            f"There is no municipality number {number}.",
        )
    return municipality


def _check_area_is_free(municipality: Municipality, district: str) -> None:
    taken = OfficeArea.objects.filter(municipality=municipality).select_related("office")
    wanted = district.casefold()
    clash = next(
        (a for a in taken if a.district.casefold() == wanted or not a.district or not district),
        None,
    )
    if clash is None:
        return
    where_nb = f"{municipality.name} {district}".strip()
    raise _invalid(
        "area_already_served",
        "areas",
        f"{where_nb} betjenes allerede av {clash.office}"
        + (f" (bydel {clash.district})." if clash.district else "."),
        f"{where_nb} is already served by {clash.office}"
        + (f" (district {clash.district})." if clash.district else "."),
        status=CONFLICT,
    )


def _validate_office_fields(unit_number: str, name: str) -> None:
    if not (len(unit_number) == 4 and unit_number.isdigit()):
        raise _invalid(
            "malformed_unit_number",
            "unit_number",
            "Enhetsnummeret må ha fire sifre.",
            "The unit number must have four digits.",
        )
    if not name.strip():
        raise _invalid(
            "name_required", "name", "Kontoret må ha et navn.", "The office must have a name."
        )
    if Office.objects.filter(unit_number=unit_number).exists():
        raise _invalid(
            "unit_number_taken",
            "unit_number",
            f"Enhetsnummer {unit_number} er allerede i bruk.",
            f"Unit number {unit_number} is already in use.",
            status=CONFLICT,
        )


@transaction.atomic
def office_create(
    *,
    actor: Actor,
    unit_number: str,
    name: str,
    county_number: str,
    areas: Sequence[tuple[str, str]],
    services: Sequence[str],
    signed_on: datetime.date,
) -> Office:
    """Open an office serving the given (municipality, district) areas, with its agreement."""
    policies.require(actor, policies.can_change_registry)
    _validate_office_fields(unit_number, name)
    validate_county_number(county_number)
    county = County.objects.filter(number=county_number).first()
    if county is None:
        raise _invalid(
            "unknown_county",
            "county",
            f"Fylkesnummer {county_number} finnes ikke.",
            f"There is no county number {county_number}.",
        )
    if not areas:
        raise _invalid(
            "areas_required",
            "areas",
            "Kontoret må betjene minst én kommune.",
            "The office must serve at least one municipality.",
        )
    service_types = _services_by_code(services)
    _require_minimum_services(service_types)
    office = Office.objects.create(
        unit_number=unit_number,
        name_nb=name.strip(),
        county=county,
        agency=Agency.objects.get(slug=reference.NAV_AGENCY_SLUG),
    )
    for number, district in areas:
        municipality = _municipality(number)
        if municipality.county_id != county.number:
            raise _invalid(
                "municipality_outside_county",
                "areas",
                f"{municipality.name} ligger ikke i {county.name}.",
                f"{municipality.name} is not in {county.name}.",
            )
        _check_area_is_free(municipality, district.strip())
        OfficeArea.objects.create(
            office=office, municipality=municipality, district=district.strip()
        )
    agreement = PartnershipAgreement.objects.create(office=office, signed_on=signed_on)
    agreement.services.set(service_types)
    audit.record(
        actor=actor,
        action="office.created",
        target=office,
        after={
            **audit.snapshot(office, "unit_number", "name_nb", "county"),
            "areas": [list(a) for a in areas],
            "services": sorted(s.code for s in service_types),
        },
    )
    return office


def _locked_office(office: Office) -> Office:
    return Office.objects.select_for_update().get(pk=office.pk)


@transaction.atomic
def office_update(
    *,
    actor: Actor,
    office: Office,
    version: int,
    name: str | None = None,
    is_active: bool | None = None,
) -> Office:
    policies.require(actor, policies.can_change_registry)
    office = _locked_office(office)
    office.check_version(version)
    before = audit.snapshot(office, "name_nb", "is_active")
    if name is not None:
        if not name.strip():
            raise _invalid(
                "name_required", "name", "Kontoret må ha et navn.", "The office must have a name."
            )
        office.name_nb = name.strip()
    if is_active is False and office.is_active and office.areas.exists():
        raise _invalid(
            "office_still_serves_areas",
            "is_active",
            "Kontoret betjener fortsatt kommuner eller bydeler. Flytt dem til et annet kontor "
            "før du legger ned dette.",
            "The office still serves municipalities or districts. Move them to another office "
            "before closing this one.",
            status=CONFLICT,
        )
    if is_active is not None:
        office.is_active = is_active
    if audit.snapshot(office, "name_nb", "is_active") == before:
        return office
    office.bump_version()
    office.save()
    audit.record(
        actor=actor,
        action="office.updated",
        target=office,
        before=before,
        after=audit.snapshot(office, "name_nb", "is_active"),
    )
    return office


def agreement_refusals(services: Sequence[str]) -> list[DomainError]:
    """What refuses an agreement's services (an unknown one, a minimum one left out), the
    checks `agreement_save` makes, for the page to name with the form's other mistakes."""
    try:
        _require_minimum_services(_services_by_code(services))
    except DomainError as refusal:
        return [refusal]
    return []


@transaction.atomic
def agreement_save(
    *,
    actor: Actor,
    office: Office,
    services: Sequence[str],
    signed_on: datetime.date,
    version: int,
    notes: str = "",
) -> PartnershipAgreement:
    """Replace the services an office's partnership agreement covers. The minimum cannot
    be left out; a stale version is refused."""
    policies.require(actor, policies.can_change_registry)
    agreement = PartnershipAgreement.objects.select_for_update().filter(office=office).first()
    if agreement is None:
        raise not_found("samarbeidsavtalen", "the partnership agreement")
    agreement.check_version(version)
    service_types = _services_by_code(services)
    _require_minimum_services(service_types)
    before = {
        **audit.snapshot(agreement, "signed_on", "notes"),
        "services": sorted(agreement.services.values_list("code", flat=True)),
    }
    agreement.signed_on = signed_on
    agreement.notes = notes
    agreement.bump_version()
    agreement.save()
    agreement.services.set(service_types)
    audit.record(
        actor=actor,
        action="agreement.saved",
        target=agreement,
        before=before,
        after={
            **audit.snapshot(agreement, "signed_on", "notes"),
            "services": sorted(s.code for s in service_types),
        },
    )
    return agreement


def read_offices_csv(path: Path | None = None) -> list[dict[str, str]]:
    with (path or DATA_DIR / "offices.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_offices(*, actor: Actor, rows: Sequence[dict[str, str]], signed_on: datetime.date) -> int:
    """Open the offices in rows (offices.csv's columns) that do not exist yet; returns how
    many were opened. All or nothing."""
    minimum = [s["code"] for s in reference.SERVICE_TYPES if s.get("is_minimum")]
    existing = set(Office.objects.values_list("unit_number", flat=True))
    opened = 0
    for row in rows:
        if row["unit_number"] in existing:
            continue
        municipalities = [m for m in row["municipalities"].split(";") if m]
        optional = [s for s in row["optional_services"].split(";") if s]
        office_create(
            actor=actor,
            unit_number=row["unit_number"],
            name=row["name"],
            county_number=row["county_number"],
            areas=[(m, row["district"]) for m in municipalities],
            services=minimum + optional,
            signed_on=signed_on,
        )
        opened += 1
    return opened
