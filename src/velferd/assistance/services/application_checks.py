"""The checks of what the applicant writes, one function per field, each refusing with the
field named in both languages. The pages run every one of them to show every mistake at
once; the services run them again before they write."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from stdnum.no import kontonr

from velferd.core.errors import DomainError
from velferd.core.validation import invalid

from ..models import ApplicationStatus, HousingKind, MoneyKind, Purpose, Relation

MAX_EXPLANATION = 4000
MAX_NAME = 200
# Above these a figure is a slip of the finger, not an amount anyone applies for or pays.
MAX_AMOUNT_APPLIED = Decimal("500000")
MAX_HOUSING_COST = Decimal("100000")
MAX_ELECTRICITY_COST = Decimal("30000")
MAX_MONEY_ITEM = Decimal("100000000")
MAX_HOUSEHOLD = 15
MAX_MONEY_ITEMS = 30
OLDEST_BIRTH_YEAR = 1900


def not_a_draft() -> DomainError:
    return invalid(
        "application_sent",
        None,
        "Søknaden er sendt og kan ikke endres. Kontakt NAV-kontoret om noe er feil.",
        "The application has been sent and can no longer be changed. Contact the NAV office "
        "if something is wrong.",
        status=409,
    )


def require_draft(application: Any) -> None:
    if application.status != ApplicationStatus.DRAFT:
        raise not_a_draft()


def amount(
    value: Any, field: str, top: Decimal, *, required: bool = False, above_zero: bool = False
) -> Decimal | None:
    """A sum of kroner typed the Norwegian way ("12 500,50") or as a number."""
    text = str(value if value is not None else "").strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        if required:
            raise invalid(
                f"{field}_required", field, "Skriv et beløp i kroner.", "Write an amount in kroner."
            )
        return None
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise invalid(
            "not_an_amount",
            field,
            f"«{text[:20]}» er ikke et beløp. Skriv kroner med tall, for eksempel 2500.",
            f"“{text[:20]}” is not an amount. Write kroner in figures, for example 2500.",
        )
    lowest = "over 0" if above_zero else "0 eller mer"
    lowest_en = "above 0" if above_zero else "0 or more"
    if number < 0 or (above_zero and number == 0) or number > top:
        raise invalid(
            "amount_out_of_range",
            field,
            f"Beløpet må være {lowest} og høyst {top:,} kroner.".replace(",", " "),
            f"The amount must be {lowest_en} and at most {top:,} kroner.",
        )
    if number != number.quantize(Decimal("0.01")):
        raise invalid(
            "amount_too_precise",
            field,
            "Skriv beløpet med høyst to desimaler.",
            "Write the amount with at most two decimals.",
        )
    return number


def purposes(values: Any) -> list[str]:
    chosen = [str(v) for v in (values or [])]
    unknown = [v for v in chosen if v not in Purpose.values]
    if unknown:
        raise invalid(
            "unknown_purpose",
            "purposes",
            f"Ukjent formål: {unknown[0][:40]}.",
            f"Unknown purpose: {unknown[0][:40]}.",
        )
    return [p for p in Purpose.values if p in chosen]


def explanation(value: Any) -> str:
    text = str(value or "").strip()
    if len(text) > MAX_EXPLANATION:
        raise invalid(
            "too_long",
            "explanation",
            f"Skriv høyst {MAX_EXPLANATION} tegn.",
            f"Write at most {MAX_EXPLANATION} characters.",
        )
    return text


def housing_kind(value: Any) -> str:
    text = str(value or "").strip()
    if text and text not in HousingKind.values:
        raise invalid(
            "unknown_housing",
            "housing_kind",
            "Velg hvordan du bor.",
            "Choose how you live.",
        )
    return text


def bank_account(value: Any) -> str:
    """An account number in Norway: eleven digits with a valid check digit; the spaces
    and dots people write them with are dropped."""
    typed = str(value or "").strip()
    digits = typed.replace(" ", "").replace(".", "")
    if not digits:
        return ""
    if not kontonr.is_valid(digits) or len(digits) != 11:
        raise invalid(
            "invalid_bank_account",
            "bank_account",
            f"«{typed[:20]}» er ikke et gyldig kontonummer. Skriv de 11 sifrene, for eksempel "
            "1234 56 78903.",
            f"“{typed[:20]}” is not a valid account number. Write its 11 digits, for example "
            "1234 56 78903.",
        )
    return digits


def relation(value: Any) -> str:
    text = str(value or "").strip()
    if text not in Relation.values:
        raise invalid(
            "unknown_relation",
            "relation",
            "Velg hvem personen er for deg.",
            "Choose who the person is to you.",
        )
    return text


def member_name(value: Any) -> str:
    text = str(value or "").strip()
    if not text:
        raise invalid("name_required", "name", "Skriv navnet.", "Write the name.")
    if len(text) > MAX_NAME:
        raise invalid(
            "too_long",
            "name",
            f"Navnet kan være høyst {MAX_NAME} tegn.",
            f"The name can be at most {MAX_NAME} characters.",
        )
    return text


def birth_date(value: datetime.date | None, member_relation: str) -> datetime.date:
    if value is None:
        raise invalid(
            "birth_date_required",
            "birth_date",
            "Skriv fødselsdatoen som dd.mm.åååå.",
            "Write the date of birth as dd.mm.yyyy.",
        )
    today = timezone.localdate()
    if value > today or value.year < OLDEST_BIRTH_YEAR:
        raise invalid(
            "birth_date_out_of_range",
            "birth_date",
            "Fødselsdatoen kan ikke være fram i tid eller før 1900.",
            "The date of birth cannot be in the future or before 1900.",
        )
    adult_on = datetime.date(value.year + 18, value.month, min(value.day, 28))
    if member_relation == Relation.CHILD and adult_on <= today:
        raise invalid(
            "child_is_adult",
            "birth_date",
            "Et barn i husstanden er under 18 år. Velg «annen voksen» for den som er eldre.",
            "A child in the household is under 18. Choose “other adult” for someone older.",
        )
    return value


def money_kind(value: Any) -> str:
    text = str(value or "").strip()
    if text not in MoneyKind.values:
        raise invalid(
            "unknown_money_kind",
            "kind",
            "Velg hva slags inntekt eller formue det er.",
            "Choose what kind of income or asset it is.",
        )
    return text


def description(value: Any) -> str:
    text = str(value or "").strip()
    if len(text) > MAX_NAME:
        raise invalid(
            "too_long",
            "description",
            f"Skriv høyst {MAX_NAME} tegn.",
            f"Write at most {MAX_NAME} characters.",
        )
    return text


def submission_problems(application: Any) -> list[DomainError]:
    """What is missing before the application can be sent, every one of them."""
    problems = []
    if not application.purposes:
        problems.append(
            invalid(
                "purposes_required",
                "purposes",
                "Velg hva du søker om.",
                "Choose what you apply for.",
            )
        )
    if application.amount_applied is None:
        problems.append(
            invalid(
                "amount_applied_required",
                "amount_applied",
                "Skriv hvor mye du søker om, i kroner.",
                "Write how much you apply for, in kroner.",
            )
        )
    if not application.explanation:
        problems.append(
            invalid(
                "explanation_required",
                "explanation",
                "Fortell kort hvorfor du søker.",
                "Tell us briefly why you apply.",
            )
        )
    if not application.housing_kind:
        problems.append(
            invalid(
                "housing_kind_required",
                "housing_kind",
                "Velg hvordan du bor.",
                "Choose how you live.",
            )
        )
    if not application.bank_account:
        problems.append(
            invalid(
                "bank_account_required",
                "bank_account",
                "Skriv kontonummeret pengene skal betales til.",
                "Write the account number the money is to be paid to.",
            )
        )
    return problems
