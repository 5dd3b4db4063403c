"""The checks of what a competition's or a bid's writer gives, each a function of its own
so that a page can run them all and show every error at once (core.forms.FormErrors);
the services run the same checks."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.access.policies import not_authenticated
from velferd.core.validation import invalid, required_text

from ..texts import norwegian_moment

MAX_CRITERIA = 10


def whole_number(value: Any, field: str, *, least: int = 0, most: int | None = None) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise invalid(
            "invalid_number", field, "Skriv et helt tall.", "Write a whole number."
        ) from None
    if number < least or (most is not None and number > most):
        upper_nb = f" og høyst {most}" if most is not None else ""
        upper_en = f" and at most {most}" if most is not None else ""
        raise invalid(
            "out_of_range",
            field,
            f"Tallet må være minst {least}{upper_nb}.",
            f"The number must be at least {least}{upper_en}.",
        )
    return number


def amount(value: Any, field: str = "price") -> Decimal:
    """A price in kroner, more than 0, with at most two decimals (a decimal comma too)."""
    text = str(value if value is not None else "").strip().replace(" ", "").replace(",", ".")
    try:
        found = Decimal(text)
    except InvalidOperation:
        raise invalid(
            "invalid_amount", field, "Skriv et beløp i kroner.", "Write an amount in kroner."
        ) from None
    if not found.is_finite() or found <= 0 or found != found.quantize(Decimal("0.01")):
        raise invalid(
            "invalid_amount",
            field,
            "Beløpet må være mer enn 0 kroner, med høyst to desimaler.",
            "The amount must be more than 0 kroner, with at most two decimals.",
        )
    if found >= Decimal("10000000000"):
        raise invalid(
            "amount_too_large", field, "Beløpet er for stort.", "The amount is too large."
        )
    return found


def future_deadline(moment: datetime.datetime | None, field: str = "bid_deadline") -> Any:
    if moment is None:
        raise invalid(
            "bid_deadline_required",
            field,
            "Tilbudsfristen mangler.",
            "The bid deadline is missing.",
        )
    if timezone.is_naive(moment):
        try:
            moment = timezone.make_aware(moment)
        except (OverflowError, ValueError):
            raise invalid(
                "invalid_datetime", field, "Ugyldig tidspunkt.", "Invalid time."
            ) from None
    if moment <= timezone.now():
        raise invalid(
            "bid_deadline_past",
            field,
            f"Tilbudsfristen må være fram i tid (den er {norwegian_moment(moment)}).",
            f"The bid deadline must be in the future (it is {norwegian_moment(moment)}).",
        )
    return moment


def acting_user(actor: Actor) -> User:
    """The person making a write (procurement's writes are made by people, never by the
    system): 401 for nobody."""
    if actor.user is None:
        raise not_authenticated()
    return actor.user


def period(
    starts_on: datetime.date | None, ends_on: datetime.date | None
) -> tuple[datetime.date, datetime.date]:
    if starts_on is None:
        raise invalid(
            "agreement_starts_on_required",
            "agreement_starts_on",
            "Avtalens startdato mangler.",
            "The agreement's start date is missing.",
        )
    if ends_on is None or ends_on < starts_on:
        raise invalid(
            "invalid_period",
            "agreement_ends_on",
            "Avtalens sluttdato må være samme dag som eller etter startdatoen.",
            "The agreement's end date must be on or after its start date.",
        )
    return starts_on, ends_on


def criteria(given: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The criteria, checked: each named, with a whole-percent weight; at most one price
    criterion; the weights summing to exactly 100 (else 422 naming the sum)."""
    if not given:
        raise invalid(
            "criteria_required", "criteria", "Legg inn minst ett kriterium.", "Add a criterion."
        )
    if len(given) > MAX_CRITERIA:
        raise invalid(
            "too_many_criteria",
            "criteria",
            f"Høyst {MAX_CRITERIA} kriterier.",
            f"At most {MAX_CRITERIA} criteria.",
        )
    checked: list[dict[str, Any]] = [
        {
            "name": required_text(
                c.get("name"), "criteria", "Kriteriets navn", "criterion's name", 200
            ),
            "description": (c.get("description") or "").strip()[:2000],
            "weight": whole_number(c.get("weight"), "criteria", least=1, most=100),
            "is_price": bool(c.get("is_price")),
        }
        for c in given
    ]
    if sum(1 for c in checked if c["is_price"]) > 1:
        raise invalid(
            "one_price_criterion",
            "criteria",
            "Bare ett kriterium kan være pris.",
            "Only one criterion can be the price.",
        )
    weights = sum(c["weight"] for c in checked)
    if weights != 100:
        raise invalid(
            "weights_not_100",
            "criteria",
            f"Vektene må til sammen være 100 prosent, men er {weights}.",
            f"The weights must add up to 100 percent, but add up to {weights}.",
        )
    return checked


def answer(text: Any, field: str) -> str:
    return required_text(text, field, "Svaret", "answer", 5000)


def reason(text: Any) -> str:
    return required_text(text, "reason", "Begrunnelsen", "reason", 2000)
