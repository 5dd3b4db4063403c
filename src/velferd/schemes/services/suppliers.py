"""Suppliers: registering one and changing its facts (the scheme managers), and its
sub-units and contact persons (the scheme managers and the supplier's own staff). A change to
a unit or a contact is a change to the supplier: it locks the supplier, checks the version
the writer saw and bumps it, so that two people editing the same supplier never overwrite
each other unseen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.identifiers import validate_organisation_number
from velferd.core.validation import invalid, required_text
from velferd.organisation import selectors as organisation_selectors

from ..models import Supplier, SupplierContact, SupplierKind, SupplierUnit
from .changes import audited_change

SUPPLIER_FIELDS = ("name", "kind", "is_active")
UNIT_FIELDS = ("organisation_number", "name", "street", "postcode", "place", "municipality")
CONTACT_FIELDS = ("name", "title", "email", "phone")


def supplier_kind(value: str) -> str:
    if value not in SupplierKind.values:
        raise invalid(
            "invalid_kind",
            "kind",
            f"Ukjent type leverandør: «{value}».",
            f"Unknown kind of supplier: “{value}”.",
        )
    return value


def _taken(number: str, field: str) -> DomainError:
    return DomainError(
        code="organisation_number_taken",
        message_nb=f"Organisasjonsnummeret {number} er allerede registrert.",
        message_en=f"The organisation number {number} is already registered.",
        field=field,
        status=CONFLICT,
    )


@transaction.atomic
def supplier_register(*, actor: Actor, organisation_number: str, name: str, kind: str) -> Supplier:
    policies.require(actor, policies.can_register_supplier)
    number = validate_organisation_number(organisation_number)
    clean_name = required_text(name, "name", "Navnet", "name", 200)
    supplier_kind(kind)
    if Supplier.objects.filter(organisation_number=number).exists():
        raise _taken(number, "organisation_number")
    supplier = Supplier.objects.create(organisation_number=number, name=clean_name, kind=kind)
    audit.record(
        actor=actor,
        action="supplier.registered",
        target=supplier,
        after=audit.snapshot(supplier, "organisation_number", *SUPPLIER_FIELDS),
    )
    return supplier


@transaction.atomic
def supplier_change(
    *,
    actor: Actor,
    supplier: Supplier,
    version: int,
    name: str | None = None,
    kind: str | None = None,
    is_active: bool | None = None,
) -> Supplier:
    """Change the supplier's own facts; a field left out (None) stays as it is."""
    policies.require(actor, policies.can_edit_supplier, supplier)
    with audited_change(
        actor, supplier, version=version, event="supplier.changed", fields=SUPPLIER_FIELDS
    ) as locked:
        if name is not None:
            locked.name = required_text(name, "name", "Navnet", "name", 200)
        if kind is not None:
            locked.kind = supplier_kind(kind)
        if is_active is not None:
            locked.is_active = is_active
    return locked


@contextmanager
def _supplier_locked(actor: Actor, supplier: Supplier, version: int) -> Iterator[Supplier]:
    """The supplier locked, its version checked, for a change to one of its units or
    contacts; its version goes up when the change is done."""
    policies.require(actor, policies.can_edit_supplier_details, supplier)
    locked = Supplier.objects.select_for_update().get(pk=supplier.pk)
    locked.check_version(version)
    yield locked
    locked.bump_version()
    locked.save(update_fields=["version", "updated_at"])


def _postcode(value: str) -> str:
    value = (value or "").strip()
    if not (len(value) == 4 and value.isdigit()):
        raise invalid(
            "invalid_postcode",
            "postcode",
            "Postnummeret er fire sifre.",
            "The postcode is four digits.",
        )
    return value


def unit_fields(data: dict[str, Any]) -> dict[str, Any]:
    """A unit's fields checked (every refusal at once is the page's work: FormErrors)."""
    return {
        "name": required_text(data.get("name"), "name", "Navnet", "name", 200),
        "street": required_text(data.get("street"), "street", "Gateadressen", "street", 200),
        "postcode": _postcode(data.get("postcode", "")),
        "place": required_text(data.get("place"), "place", "Poststedet", "place", 100),
        "municipality": organisation_selectors.municipality(
            (data.get("municipality") or "").strip()
        ),
    }


def _unit_number(number: str, unit: SupplierUnit | None) -> str:
    clean = validate_organisation_number(number)
    others = SupplierUnit.objects.filter(organisation_number=clean)
    if unit is not None:
        others = others.exclude(pk=unit.pk)
    if others.exists():
        raise _taken(clean, "organisation_number")
    return clean


@transaction.atomic
def unit_add(
    *, actor: Actor, supplier: Supplier, version: int, organisation_number: str, **data: Any
) -> SupplierUnit:
    with _supplier_locked(actor, supplier, version) as locked:
        number = _unit_number(organisation_number, None)
        unit = SupplierUnit.objects.create(
            supplier=locked, organisation_number=number, **unit_fields(data)
        )
    audit.record(
        actor=actor,
        action="supplier_unit.added",
        target=unit,
        after=audit.snapshot(unit, *UNIT_FIELDS),
    )
    return unit


@transaction.atomic
def unit_change(
    *, actor: Actor, unit: SupplierUnit, version: int, organisation_number: str, **data: Any
) -> SupplierUnit:
    with _supplier_locked(actor, unit.supplier, version):
        before = audit.snapshot(unit, *UNIT_FIELDS)
        unit.organisation_number = _unit_number(organisation_number, unit)
        for field, value in unit_fields(data).items():
            setattr(unit, field, value)
        unit.save()
    audit.record(
        actor=actor,
        action="supplier_unit.changed",
        target=unit,
        before=before,
        after=audit.snapshot(unit, *UNIT_FIELDS),
    )
    return unit


@transaction.atomic
def unit_remove(*, actor: Actor, unit: SupplierUnit, version: int) -> None:
    with _supplier_locked(actor, unit.supplier, version):
        before = audit.snapshot(unit, *UNIT_FIELDS)
        audit_target = SupplierUnit(pk=unit.pk)
        unit.delete()
    audit.record(actor=actor, action="supplier_unit.deleted", target=audit_target, before=before)


def contact_fields(data: dict[str, Any]) -> dict[str, Any]:
    email = (data.get("email") or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise invalid(
            "invalid_email",
            "email",
            "Skriv en gyldig e-postadresse, som navn@example.no.",
            "Write a valid email address, such as name@example.no.",
        ) from None
    phone = (data.get("phone") or "").strip()
    if phone and (len(phone) > 20 or not phone.replace(" ", "").lstrip("+").isdigit()):
        raise invalid(
            "invalid_phone",
            "phone",
            "Telefonnummeret kan bare ha sifre, mellomrom og + foran.",
            "The phone number may only hold digits, spaces and a leading +.",
        )
    title = (data.get("title") or "").strip()
    if len(title) > 200:
        raise invalid("title_too_long", "title", "Tittelen er for lang.", "The title is too long.")
    return {
        "name": required_text(data.get("name"), "name", "Navnet", "name", 200),
        "title": title,
        "email": email,
        "phone": phone,
    }


@transaction.atomic
def contact_add(*, actor: Actor, supplier: Supplier, version: int, **data: Any) -> SupplierContact:
    with _supplier_locked(actor, supplier, version) as locked:
        contact = SupplierContact.objects.create(supplier=locked, **contact_fields(data))
    audit.record(
        actor=actor,
        action="supplier_contact.added",
        target=contact,
        after=audit.snapshot(contact, *CONTACT_FIELDS),
    )
    return contact


@transaction.atomic
def contact_change(
    *, actor: Actor, contact: SupplierContact, version: int, **data: Any
) -> SupplierContact:
    with _supplier_locked(actor, contact.supplier, version):
        before = audit.snapshot(contact, *CONTACT_FIELDS)
        for field, value in contact_fields(data).items():
            setattr(contact, field, value)
        contact.save()
    audit.record(
        actor=actor,
        action="supplier_contact.changed",
        target=contact,
        before=before,
        after=audit.snapshot(contact, *CONTACT_FIELDS),
    )
    return contact


@transaction.atomic
def contact_remove(*, actor: Actor, contact: SupplierContact, version: int) -> None:
    with _supplier_locked(actor, contact.supplier, version):
        before = audit.snapshot(contact, *CONTACT_FIELDS)
        audit_target = SupplierContact(pk=contact.pk)
        contact.delete()
    audit.record(actor=actor, action="supplier_contact.deleted", target=audit_target, before=before)
