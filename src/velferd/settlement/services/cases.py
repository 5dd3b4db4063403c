"""Cases from reception: imported with their persons (identity numbers checked, D-numbers
allowed), locked to a municipality or kept away from one by the officer, with a reason."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT, DomainError
from velferd.core.forms import parse_date
from velferd.core.identifiers import birth_date_for_number, validate_national_id
from velferd.core.validation import invalid, required_text

from ..models import CaseExclusion, CasePerson, FamilyRole, Gender, SettlementCase
from .common import count, lock_case, municipality, reason_text, today, user_of, year_of

ADULT_AGE = 18
MAX_PERSONS = 30


def _age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _in_person(error: DomainError, index: int) -> DomainError:
    return DomainError(
        code=error.code,
        field=f"persons[{index}].{error.field or ''}".rstrip("."),
        status=error.status,
        message_nb=f"Person {index + 1}: {error.message_nb}",
        message_en=f"Person {index + 1}: {error.message_en}",
    )


def _choice(value: object, choices: Any, field: str, nb: str, en: str) -> str:
    text = str(value or "")
    if text not in choices.values:
        raise invalid(f"invalid_{field}", field, f"Velg {nb}.", f"Choose the {en}.")
    return text


def _date(value: object) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return parse_date(str(value), "birth_date")


def _person(row: Mapping[str, Any]) -> dict[str, Any]:
    number = validate_national_id(str(row.get("identity_number") or ""), field="identity_number")
    born = birth_date_for_number(number, _date(row.get("birth_date")))
    minor = bool(row.get("unaccompanied_minor"))
    if minor and _age_on(born, today()) >= ADULT_AGE:
        raise invalid(
            "not_a_minor",
            "unaccompanied_minor",
            "En enslig mindreårig må være under 18 år.",
            "An unaccompanied minor must be under 18.",
        )
    return {
        "identity_number": number,
        "given_name": required_text(
            row.get("given_name"), "given_name", "Fornavn", "given name", 100
        ),
        "family_name": required_text(
            row.get("family_name"), "family_name", "Etternavn", "family name", 100
        ),
        "birth_date": born,
        "gender": _choice(row.get("gender"), Gender, "gender", "kjønn", "gender"),
        "family_role": _choice(
            row.get("family_role") or FamilyRole.PRINCIPAL,
            FamilyRole,
            "family_role",
            "rolle i familien",
            "family role",
        ),
        "education_years": count(
            row.get("education_years") or 0, "education_years", "Skoleår", "years of education"
        ),
        "languages": str(row.get("languages") or "").strip()[:200],
        "speaks_english": bool(row.get("speaks_english")),
        "origin_group": str(row.get("origin_group") or "").strip()[:40],
        "health_need": bool(row.get("health_need")),
        "unaccompanied_minor": minor,
    }


def _persons(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if not rows or len(rows) > MAX_PERSONS:
        raise invalid(
            "persons_required",
            "persons",
            f"En sak har fra 1 til {MAX_PERSONS} personer.",
            f"A case has from 1 to {MAX_PERSONS} persons.",
        )
    checked = []
    for index, row in enumerate(rows):
        try:
            checked.append(_person(row))
        except DomainError as error:
            raise _in_person(error, index) from None
    numbers = [p["identity_number"] for p in checked]
    if len(set(numbers)) != len(numbers):
        raise invalid(
            "duplicate_person",
            "persons",
            "En person står to ganger i saken.",
            "A person is in the case twice.",
        )
    if any(p["unaccompanied_minor"] for p in checked) and len(checked) > 1:
        raise invalid(
            "minor_not_alone",
            "persons",
            "En enslig mindreårig kommer uten familie: saken har bare én person.",
            "An unaccompanied minor comes without family: the case has one person only.",
        )
    return checked


def _permit_date(value: object) -> datetime.date:
    if not isinstance(value, datetime.date) or value > today():
        raise invalid(
            "invalid_residence_permit_on",
            "residence_permit_on",
            "Oppgi datoen for oppholdstillatelsen; den kan ikke være fram i tid.",
            "Give the date of the residence permit; it cannot be in the future.",
        )
    return value


def _taken() -> DomainError:
    return invalid(
        "case_exists",
        "udi_reference",
        "Saken eller en av personene er allerede registrert.",
        "The case or one of its persons is already registered.",
        status=CONFLICT,
    )


@transaction.atomic
def case_import(
    *,
    actor: Actor,
    year: object,
    udi_reference: str,
    residence_permit_on: object,
    persons: Sequence[Mapping[str, Any]],
    reception_centre: str = "",
    wishes: str = "",
    tie_municipality: str = "",
) -> SettlementCase:
    """A case from reception with its persons, checked whole before anything is written."""
    policies.require(actor, policies.can_manage_settlement_round)
    settlement_year = year_of(year)
    reference = required_text(udi_reference, "udi_reference", "UDI-referansen", "UDI reference", 20)
    permit = _permit_date(residence_permit_on)
    tie = municipality(tie_municipality, "tie_municipality") if tie_municipality else None
    checked = _persons(persons)
    if CasePerson.objects.filter(
        identity_number__in=[p["identity_number"] for p in checked]
    ).exists():
        raise _taken()
    try:
        with transaction.atomic():
            case = SettlementCase.objects.create(
                year=settlement_year,
                udi_reference=reference,
                residence_permit_on=permit,
                reception_centre=(reception_centre or "").strip()[:200],
                wishes=(wishes or "").strip()[:2000],
                tie_municipality=tie,
            )
            CasePerson.objects.bulk_create([CasePerson(case=case, **p) for p in checked])
    except IntegrityError:
        raise _taken() from None
    audit.record(
        actor=actor,
        action="settlement_case.imported",
        target=case,
        after={"udi_reference": reference, "persons": len(checked)},
    )
    return case


def _managed_case(actor: Actor, case_id: object, version: int | None) -> SettlementCase:
    case = lock_case(case_id)
    if not policies.allows(actor, policies.can_view_settlement_case, case):
        raise invalid("not_found", None, "Fant ikke saken.", "The case was not found.", status=404)
    policies.require(actor, policies.can_manage_settlement_case, case)
    if version is not None:
        case.check_version(version)
    return case


def _waiting(case: SettlementCase) -> None:
    if case.status != "waiting":
        raise invalid(
            "case_not_waiting",
            "status",
            "Saken venter ikke på kommune (den er foreslått, akseptert eller bosatt).",
            "The case is not waiting for a municipality (it is proposed, accepted or settled).",
            status=CONFLICT,
        )


@transaction.atomic
def case_lock(
    *,
    actor: Actor,
    case_id: object,
    municipality_number: object,
    reason: object,
    version: int | None = None,
) -> SettlementCase:
    """The officer keeps a waiting case in a municipality, with a reason; the next matching
    run keeps it there and re-optimises the rest."""
    case = _managed_case(actor, case_id, version)
    _waiting(case)
    place = municipality(municipality_number)
    why = reason_text(reason)
    if CaseExclusion.objects.filter(case=case, municipality=place).exists():
        raise invalid(
            "municipality_excluded",
            "municipality",
            "Kommunen er utelukket for denne saken.",
            "The municipality is ruled out for this case.",
            status=CONFLICT,
        )
    before = {"locked_municipality": case.locked_municipality_id, "lock_reason": case.lock_reason}
    case.locked_municipality, case.lock_reason = place, why
    case.bump_version()
    case.save()
    audit.record(
        actor=actor,
        action="settlement_case.locked",
        target=case,
        before=before,
        after={"locked_municipality": place.number, "lock_reason": why},
    )
    return case


@transaction.atomic
def case_unlock(*, actor: Actor, case_id: object, version: int | None = None) -> SettlementCase:
    return _unlock(actor, _managed_case(actor, case_id, version))


def _unlock(actor: Actor, case: SettlementCase) -> SettlementCase:
    before = {"locked_municipality": case.locked_municipality_id, "lock_reason": case.lock_reason}
    case.locked_municipality, case.lock_reason = None, ""
    case.bump_version()
    case.save()
    audit.record(
        actor=actor,
        action="settlement_case.unlocked",
        target=case,
        before=before,
        after={"locked_municipality": None, "lock_reason": ""},
    )
    return case


@transaction.atomic
def case_exclude(
    *, actor: Actor, case_id: object, municipality_number: object, reason: object
) -> CaseExclusion:
    """The officer rules a municipality out for a case, with a reason."""
    case = _managed_case(actor, case_id, None)
    place = municipality(municipality_number)
    return exclusion_add(actor, case, place, reason_text(reason))


def exclusion_add(actor: Actor, case: SettlementCase, place: Any, reason: str) -> CaseExclusion:
    """Rule the municipality out for the case; a lock of the case there is lifted."""
    if case.locked_municipality_id == place.number:
        _unlock(actor, case)
    exclusion, created = CaseExclusion.objects.get_or_create(
        case=case, municipality=place, defaults={"reason": reason, "excluded_by": user_of(actor)}
    )
    if created:
        audit.record(
            actor=actor,
            action="settlement_case.excluded",
            target=case,
            after={"municipality": place.number, "reason": reason},
        )
    return exclusion
