"""Writes to people, their children and their consents, each audited. Identity numbers
never enter the audit trail other than masked."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.roles import PartnerService
from velferd.audit import services as audit
from velferd.core.db import retried_atomic
from velferd.core.errors import ACCEPTED, CONFLICT, DomainError
from velferd.core.identifiers import birth_date_for_number, validate_national_id
from velferd.organisation import selectors as organisation_selectors

from .models import AddressProtection, Child, Consent, Person
from .signals import person_moved

PERSON_FIELDS = (
    "given_name",
    "family_name",
    "municipality",
    "district",
    "office",
    "address_protection",
    "is_office_employee",
    "language",
    "needs_interpreter",
)
LANGUAGE_CODES = frozenset(
    {
        "nb",
        "nn",
        "se",
        "en",
        "ar",
        "so",
        "ti",
        "pl",
        "uk",
        "ru",
        "fa",
        "prs",
        "ur",
        "lt",
        "es",
        "fr",
        "de",
        "tr",
        "ku",
        "th",
        "vi",
        "zh",
    }
)


def _invalid(code: str, field: str, nb: str, en: str, status: int = 422) -> DomainError:
    return DomainError(code=code, field=field, message_nb=nb, message_en=en, status=status)


def _snapshot(person: Person) -> dict[str, Any]:
    return {**audit.snapshot(person, *PERSON_FIELDS), "national_id": person.masked_national_id}


def _required(value: str, field: str, nb: str, en: str) -> str:
    value = (value or "").strip()
    if not value:
        raise _invalid(f"{field}_required", field, f"{nb} mangler.", f"The {en} is missing.")
    return value


def _check_choices(address_protection: str, language: str) -> None:
    if address_protection not in AddressProtection.values:
        raise _invalid(
            "unknown_address_protection",
            "address_protection",
            "Ukjent adressebeskyttelse.",
            "Unknown address protection.",
        )
    if language not in LANGUAGE_CODES:
        raise _invalid(
            "unknown_language",
            "language",
            f"Ukjent språkkode: {language}.",
            f"Unknown language code: {language}.",
        )


def _check_children(children: Sequence[tuple[str, datetime.date]], born: datetime.date) -> None:
    today = timezone.localdate()
    for _name, child_born in children:
        if child_born > today or child_born <= born:
            raise _invalid(
                "invalid_child_birth_date",
                "children",
                "Barnets fødselsdato må være etter forelderens og ikke i framtiden.",
                "A child's birth date must be after the parent's and not in the future.",
            )


def person_register(
    *,
    actor: Actor,
    national_id: str,
    given_name: str,
    family_name: str,
    municipality_number: str,
    birth_date: datetime.date | None = None,
    district: str = "",
    address_line: str = "",
    postal_code: str = "",
    postal_town: str = "",
    address_protection: str = AddressProtection.NONE,
    is_office_employee: bool = False,
    language: str = "nb",
    needs_interpreter: bool = False,
    children: Sequence[tuple[str, datetime.date]] = (),
) -> Person:
    """Register a person at the office that serves where they live. The birth date is the
    registry's: given, it must agree with the date in the number; left out, it is read from
    the number, and required where the number cannot tell it (numbers issued from 2032). A
    number already on record is refused (409) to whom may see that person, and passed on
    (202) otherwise."""
    number = validate_national_id(national_id)
    born = birth_date_for_number(number, birth_date)
    given = _required(given_name, "given_name", "Fornavn", "given name")
    family = _required(family_name, "family_name", "Etternavn", "family name")
    _check_choices(address_protection, language)
    area = organisation_selectors.office_serving(municipality_number, district or None)
    policies.require(actor, policies.can_register_person, area.office)
    _check_children(children, born)
    existing = Person.objects.filter(national_id=number).first()
    if existing is not None:
        raise _already_registered(actor, existing)
    return _person_create(
        actor=actor,
        fields={
            "national_id": number,
            "given_name": given,
            "family_name": family,
            "birth_date": born,
            "municipality": area.municipality,
            "district": area.district,
            "office": area.office,
            "address_line": address_line.strip(),
            "postal_code": postal_code.strip(),
            "postal_town": postal_town.strip(),
            "address_protection": address_protection,
            "is_office_employee": is_office_employee,
            "language": language,
            "needs_interpreter": needs_interpreter,
        },
        children=children,
    )


@transaction.atomic
def _person_create(
    *, actor: Actor, fields: dict[str, Any], children: Sequence[tuple[str, datetime.date]]
) -> Person:
    try:
        with transaction.atomic():
            person = Person.objects.create(**fields)
    except IntegrityError:
        raise _person_exists() from None
    for name, child_born in children:
        Child.objects.create(person=person, given_name=name.strip(), birth_date=child_born)
    audit.record(
        actor=actor,
        action="person.registered",
        target=person,
        after={**_snapshot(person), "children": len(children)},
    )
    return person


def _person_exists() -> DomainError:
    return _invalid(
        "person_exists",
        "national_id",
        "Personen er allerede registrert.",
        "The person is already registered.",
        status=CONFLICT,
    )


def _already_registered(actor: Actor, existing: Person) -> DomainError:
    """Whom the actor may see is told that the person is registered. For anyone else the
    registration is passed on to the unit that handles it, with one answer whether the
    person is strictly confidential, an employee or followed up at another office: which of
    them is not revealed."""
    if policies.can_view_person(actor, existing):
        return _person_exists()
    _forward_registration(actor, existing)
    return DomainError(
        code="registration_forwarded",
        message_nb="Registreringen er sendt videre til enheten som behandler den. Du får "
        "ikke se personen før den er behandlet.",
        message_en="The registration has been passed on to the unit that handles it. You "
        "will not see the person until it has been handled.",
        status=ACCEPTED,
    )


@transaction.atomic
def _forward_registration(actor: Actor, existing: Person) -> None:
    """The attempt is on record for the unit that handles the person."""
    audit.record(actor=actor, action="person.registration_forwarded", target=existing)


@retried_atomic
def person_update(*, actor: Actor, person: Person, version: int, **changes: Any) -> Person:
    """Change name, residence (which may move the person to another office), language,
    interpreter need or protection. A stale version is 409."""
    policies.require(actor, policies.can_change_person, person)
    as_asked = person
    person = Person.objects.select_for_update().get(pk=person.pk)
    person.check_version(version)
    before = _snapshot(person)
    for field in ("given_name", "family_name"):
        if field in changes:
            setattr(person, field, _required(changes[field], field, "Navn", "name"))
    _check_choices(
        changes.get("address_protection", person.address_protection),
        changes.get("language", person.language),
    )
    lowered = _lowers_protection(actor, person, changes)
    for field in (
        "address_protection",
        "language",
        "needs_interpreter",
        "is_office_employee",
        "address_line",
        "postal_code",
        "postal_town",
    ):
        if field in changes:
            setattr(person, field, changes[field])
    from_office = person.office
    if "municipality_number" in changes or "district" in changes:
        area = organisation_selectors.office_serving(
            changes.get("municipality_number", person.municipality_id),
            changes.get("district", person.district) or None,
        )
        policies.require(actor, policies.can_move_person, as_asked, area.office)
        person.municipality, person.district, person.office = (
            area.municipality,
            area.district,
            area.office,
        )
    person.bump_version()
    person.save()
    audit.record(
        actor=actor, action="person.updated", target=person, before=before, after=_snapshot(person)
    )
    if lowered:
        audit.record(
            actor=actor,
            action="person.address_protection_lowered",
            target=person,
            before={"address_protection": before["address_protection"]},
            after={"address_protection": person.address_protection},
        )
    if person.office_id != from_office.pk:
        person_moved.send(
            sender=Person,
            actor=actor,
            person=person,
            from_office=from_office,
            to_office=person.office,
        )
    return person


def _lowers_protection(actor: Actor, person: Person, changes: dict[str, Any]) -> bool:
    """Whether the change lowers the address protection; refused unless the actor is
    cleared to decide it."""
    after = changes.get("address_protection", person.address_protection)
    if not policies.lowers_address_protection(person.address_protection, after):
        return False
    if not policies.allows(actor, policies.can_lower_address_protection, person):
        raise _invalid(
            "protection_lowering_not_allowed",
            "address_protection",
            "Bare en enhet som er klarert for strengt fortrolige personer kan senke "
            "adressebeskyttelsen.",
            "Only a unit cleared for strictly confidential persons may lower the address "
            "protection.",
            status=403,
        )
    return True


@transaction.atomic
def link_user(*, actor: Actor, person: Person, user: Any) -> Person:
    """Let a login act as the person (the demo's local login; ID-porten in production)."""
    policies.require(actor, policies.can_manage_users)
    if Person.objects.filter(user=user).exclude(pk=person.pk).exists():
        raise _invalid(
            "user_already_linked",
            "user",
            "Denne innloggingen hører allerede til en annen person.",
            "This login already belongs to another person.",
            status=CONFLICT,
        )
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    audit.record(
        actor=actor, action="person.user_linked", target=person, after={"user": str(user.pk)}
    )
    return person


@transaction.atomic
def consent_give(
    *,
    actor: Actor,
    person: Person,
    partner_service: str,
    purpose: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    document: str = "",
) -> Consent:
    """Record a consent: the person's own, or one they gave that staff record. The consent
    that opens the municipal records to the state side is recorded by the municipal side
    with the document it rests on (`policies.can_record_consent`)."""
    policies.require(actor, policies.can_manage_consents, person)
    if partner_service not in PartnerService.values:
        raise _invalid(
            "unknown_partner_service",
            "partner_service",
            f"Ukjent samarbeidstjeneste: {partner_service}.",
            f"Unknown partner service: {partner_service}.",
        )
    _check_recorder(actor, person, partner_service)
    document = (document or "").strip()[:200]
    if policies.needs_consent_document(actor, person, partner_service) and not document:
        raise _invalid(
            "document_required",
            "document",
            "Oppgi dokumentet samtykket bygger på (for eksempel det signerte skjemaet).",
            "Name the document the consent rests on (the signed form, say).",
        )
    purpose = _required(purpose, "purpose", "Formålet", "purpose")[:300]
    if ends_on < starts_on:
        raise _invalid(
            "ends_before_start",
            "ends_on",
            "Samtykket kan ikke slutte før det begynner.",
            "The consent cannot end before it starts.",
        )
    if ends_on < timezone.localdate():
        raise _invalid(
            "ends_in_past",
            "ends_on",
            "Sluttdatoen har allerede vært.",
            "The end date has already passed.",
        )
    consent = Consent.objects.create(
        person=person,
        partner_service=partner_service,
        purpose=purpose,
        starts_on=starts_on,
        ends_on=ends_on,
        document=document,
    )
    audit.record(
        actor=actor,
        action="consent.given",
        target=consent,
        after=audit.snapshot(
            consent, "partner_service", "purpose", "starts_on", "ends_on", "document"
        ),
    )
    return consent


def _check_recorder(actor: Actor, person: Person, partner_service: str) -> None:
    if policies.allows(actor, policies.can_record_consent, person, partner_service):
        return
    raise _invalid(
        "consent_not_yours_to_record",
        "partner_service",
        "Dette samtykket åpner kommunens opplysninger for statlig side. Det gis av personen "
        "selv på egne sider, eller registreres av kommunens saksbehandler med dokumentet "
        "det bygger på.",
        "This consent opens the municipality's records to the state side. The person gives "
        "it on their own pages, or the municipality's caseworker records it with the "
        "document it rests on.",
        status=403,
    )


@transaction.atomic
def consent_withdraw(*, actor: Actor, consent: Consent) -> Consent:
    """Withdraw a consent; it stops holding at once."""
    policies.require(actor, policies.can_manage_consents, consent.person)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise _invalid(
            "already_withdrawn",
            "consent",
            "Samtykket er allerede trukket tilbake.",
            "The consent has already been withdrawn.",
            status=CONFLICT,
        )
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at", "updated_at"])
    audit.record(
        actor=actor,
        action="consent.withdrawn",
        target=consent,
        after={"withdrawn_at": consent.withdrawn_at},
    )
    return consent
