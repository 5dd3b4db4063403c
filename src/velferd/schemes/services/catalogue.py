"""The catalogue of scheme types: loading it from the product's reference data (with the
nationally fixed rates), and the scheme manager's changes to a type's texts and rules. The
LIX of the citizens' description is computed again on every change."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.readability import lix
from velferd.core.validation import invalid, required_text

from ..choices import NeedGroup
from ..models import NationalRate, PriceModel, SchemeType
from .changes import audited_change

CATALOGUE_FILE = Path(__file__).resolve().parent.parent / "data" / "scheme_types.json"
MAX_TEXT = 4000
MAX_AGE = 99
MAX_DURATION_MONTHS = 600

# The texts a scheme manager may change: field → (bokmål name, English name, required).
TEXTS: dict[str, tuple[str, str, bool]] = {
    "name_nb": ("Navnet på bokmål", "name in bokmål", True),
    "name_en": ("Navnet på engelsk", "name in English", True),
    "legal_basis_nb": ("Hjemmelen på bokmål", "legal basis in bokmål", True),
    "legal_basis_en": ("Hjemmelen på engelsk", "legal basis in English", True),
    "target_group_nb": ("Målgruppen på bokmål", "target group in bokmål", True),
    "target_group_en": ("Målgruppen på engelsk", "target group in English", True),
    "other_rules_nb": ("Andre regler på bokmål", "other rules in bokmål", False),
    "other_rules_en": ("Andre regler på engelsk", "other rules in English", False),
    "extension_nb": ("Forlengelse på bokmål", "extension rules in bokmål", False),
    "extension_en": ("Forlengelse på engelsk", "extension rules in English", False),
    "for_caseworkers_nb": (
        "Beskrivelsen for veiledere på bokmål",
        "description for caseworkers in bokmål",
        True,
    ),
    "for_caseworkers_en": (
        "Beskrivelsen for veiledere på engelsk",
        "description for caseworkers in English",
        True,
    ),
    "for_citizens_nb": (
        "Beskrivelsen for innbyggere på bokmål",
        "description for citizens in bokmål",
        True,
    ),
    "for_citizens_en": (
        "Beskrivelsen for innbyggere på engelsk",
        "description for citizens in English",
        True,
    ),
}
RULES = (
    "need_groups",
    "requires_sent_decision",
    "min_age",
    "max_age",
    "max_duration_months",
    "price_models",
    "is_active",
)
CATALOGUE_FIELDS = (*TEXTS, *RULES, "citizens_lix")


@dataclass
class CatalogueReport:
    created: int = 0
    unchanged: int = 0


def read_catalogue(path: Path | None = None) -> dict[str, list[dict[str, Any]]]:
    with (path or CATALOGUE_FILE).open(encoding="utf-8") as handle:
        data: dict[str, list[dict[str, Any]]] = json.load(handle)
    return data


def load_catalogue(*, actor: Actor, path: Path | None = None) -> CatalogueReport:
    """Create the scheme types and national rates the catalogue lacks. A type already
    there is left as it is: from then on the scheme managers keep it. Loading twice
    changes nothing."""
    data = read_catalogue(path)
    report = CatalogueReport()
    with transaction.atomic():
        for row in data["scheme_types"]:
            _load_type(actor, row, report)
        for row in data["national_rates"]:
            _load_rate(actor, row, report)
    return report


def _load_type(actor: Actor, row: dict[str, Any], report: CatalogueReport) -> None:
    if SchemeType.objects.filter(code=row["code"]).exists():
        report.unchanged += 1
        return
    scheme_type = SchemeType(**row)
    scheme_type.citizens_lix = lix(scheme_type.for_citizens_nb).score
    scheme_type.save()
    audit.record(
        actor=actor,
        action="scheme_type.loaded",
        target=scheme_type,
        after=audit.snapshot(scheme_type, "code", "name_nb", "arranged_as"),
    )
    report.created += 1


def _load_rate(actor: Actor, row: dict[str, Any], report: CatalogueReport) -> None:
    scheme_type = SchemeType.objects.get(code=row["scheme_type"])
    if NationalRate.objects.filter(scheme_type=scheme_type, year=row["year"]).exists():
        report.unchanged += 1
        return
    rate = NationalRate.objects.create(
        scheme_type=scheme_type, year=row["year"], monthly_rate=Decimal(row["monthly_rate"])
    )
    audit.record(
        actor=actor,
        action="national_rate.loaded",
        target=rate,
        after={"scheme_type": scheme_type.code, "year": rate.year, "rate": str(rate.monthly_rate)},
    )
    report.created += 1


def _text(field: str, value: object) -> str:
    nb, en, required = TEXTS[field]
    if required:
        return required_text(str(value or ""), field, nb, en, MAX_TEXT)
    text = str(value or "").strip()
    if len(text) > MAX_TEXT:
        raise invalid(
            f"{field}_too_long",
            field,
            f"{nb} kan være høyst {MAX_TEXT} tegn.",
            f"The {en} may be at most {MAX_TEXT} characters.",
        )
    return text


def _codes(values: object, allowed: type, field: str, nb: str, en: str) -> list[str]:
    codes = list(values) if isinstance(values, list | tuple) else []
    unknown = [code for code in codes if code not in allowed.values]  # type: ignore[attr-defined]
    if unknown or not isinstance(values, list | tuple):
        raise invalid(
            f"invalid_{field}",
            field,
            f"Ukjent {nb}: {', '.join(map(str, unknown)) or values}.",
            f"Unknown {en}: {', '.join(map(str, unknown)) or values}.",
        )
    return list(dict.fromkeys(codes))


def _number(value: object, field: str, limit: int) -> int | None:
    if value is None or value == "":
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= limit:
        raise invalid(
            f"invalid_{field}",
            field,
            f"Skriv et helt tall fra 1 til {limit}, eller la feltet stå tomt.",
            f"Write a whole number from 1 to {limit}, or leave the field empty.",
        )
    return value


def check_ages(min_age: int | None, max_age: int | None) -> None:
    if min_age is not None and max_age is not None and min_age > max_age:
        raise invalid(
            "ages_reversed",
            "max_age",
            "Øvre aldersgrense kan ikke være lavere enn nedre.",
            "The upper age limit cannot be below the lower one.",
        )


def clean_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """The changes checked and tidied; a field left out stays as it is."""
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        if field in TEXTS:
            clean[field] = _text(field, value)
        elif field == "need_groups":
            clean[field] = _codes(value, NeedGroup, field, "behovsgruppe", "need group")
        elif field == "price_models":
            clean[field] = _codes(value, PriceModel, field, "prismodell", "price model")
        elif field in ("min_age", "max_age"):
            clean[field] = _number(value, field, MAX_AGE)
        elif field == "max_duration_months":
            clean[field] = _number(value, field, MAX_DURATION_MONTHS)
        elif field in ("is_active", "requires_sent_decision"):
            clean[field] = bool(value)
    return clean


@transaction.atomic
def scheme_type_change(
    *, actor: Actor, scheme_type: SchemeType, version: int, **changes: Any
) -> SchemeType:
    """The scheme manager changes a type's texts and rules; the LIX of its description
    for citizens is computed again."""
    policies.require(actor, policies.can_edit_catalogue)
    clean = clean_changes(changes)
    with audited_change(
        actor, scheme_type, version=version, event="scheme_type.changed", fields=CATALOGUE_FIELDS
    ) as locked:
        for field, value in clean.items():
            setattr(locked, field, value)
        check_ages(locked.min_age, locked.max_age)
        if "need_groups" in clean:
            locked.requires_sent_decision = bool(locked.need_groups)
        locked.citizens_lix = lix(locked.for_citizens_nb).score
    return locked
