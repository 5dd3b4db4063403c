"""Reading the procurement pages' forms: every field checked, every error kept
(core.forms.FormErrors), before a service is asked."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, parse_date
from velferd.core.validation import invalid, required_text

from ..models import Competition
from ..services import fields

CRITERION_ROWS = 5


def _time(value: str) -> datetime.time:
    try:
        return datetime.datetime.strptime((value or "").strip(), "%H:%M").time()
    except ValueError:
        raise invalid(
            "invalid_time",
            "bid_deadline",
            "Skriv klokkeslettet som tt:mm.",
            "Write the time as hh:mm.",
        ) from None


def deadline(data: Any, errors: FormErrors) -> datetime.datetime | None:
    day = errors.check(parse_date, data.get("bid_deadline", ""), "bid_deadline")
    if day is None:
        if not errors.get("bid_deadline"):
            errors.add(
                invalid(
                    "bid_deadline_required",
                    "bid_deadline",
                    "Tilbudsfristen mangler.",
                    "The bid deadline is missing.",
                )
            )
        return None
    at = errors.check(_time, data.get("bid_deadline_time", "") or "12:00")
    if at is None:
        return None
    moment = timezone.make_aware(datetime.datetime.combine(day, at))
    return errors.check(fields.future_deadline, moment)


def criteria(data: Any) -> list[dict[str, Any]]:
    """The filled rows of the criteria table; the price is the row whose radio is chosen."""
    price_row = data.get("price_criterion", "")
    rows = []
    for n in range(1, CRITERION_ROWS + 1):
        name, weight = data.get(f"criterion_{n}", "").strip(), data.get(f"weight_{n}", "").strip()
        if name or weight:
            rows.append({"name": name, "weight": weight, "is_price": price_row == str(n)})
    return rows


def competition_fields(data: Any, errors: FormErrors) -> dict[str, Any]:
    errors.check(required_text, data.get("title"), "title", "Tittelen", "title", 200)
    for name, nb, en in (
        ("scheme_type", "Velg en tiltakstype.", "Choose a scheme type."),
        ("procedure", "Velg en prosedyre.", "Choose a procedure."),
        ("county", "Velg et fylke.", "Choose a county."),
        ("price_model", "Velg en prismodell.", "Choose a price model."),
    ):
        if not data.get(name):
            errors.add(
                DomainError(code=f"{name}_required", field=name, message_nb=nb, message_en=en)
            )
    places = errors.check(fields.whole_number, data.get("places", ""), "places", least=1)
    given = criteria(data)
    errors.check(fields.criteria, given)
    starts = errors.check(parse_date, data.get("agreement_starts_on", ""), "agreement_starts_on")
    ends = errors.check(parse_date, data.get("agreement_ends_on", ""), "agreement_ends_on")
    if not errors.get("agreement_starts_on") and not errors.get("agreement_ends_on"):
        errors.check(fields.period, starts, ends)
    return {
        "title": data.get("title", ""),
        "description": data.get("description", ""),
        "scheme_type": data.get("scheme_type", ""),
        "procedure": data.get("procedure", ""),
        "county": data.get("county", ""),
        "office": data.get("office", ""),
        "price_model": data.get("price_model", ""),
        "places": places,
        "bid_deadline": deadline(data, errors),
        "agreement_starts_on": starts,
        "agreement_ends_on": ends,
        "criteria": given,
    }


def bid_fields(competition: Competition, data: Any, errors: FormErrors) -> dict[str, Any]:
    answers = {}
    for criterion in competition.criteria.all():
        if not criterion.is_price:
            field = f"answer_{criterion.pk}"
            answers[criterion.pk] = errors.check(fields.answer, data.get(field), field)
    return {
        "price": errors.check(fields.amount, data.get("price", "")),
        "places": errors.check(fields.whole_number, data.get("places", ""), "places", least=1),
        "answers": answers,
    }


def score_fields(competition: Competition, data: Any, errors: FormErrors) -> dict[int, int]:
    scores = {}
    for criterion in competition.criteria.all():
        if not criterion.is_price:
            field = f"score_{criterion.pk}"
            value = data.get(field, "")
            if value == "":
                errors.add(
                    invalid(
                        "score_required",
                        field,
                        f"Gi poeng for «{criterion.name}».",
                        f"Give a score for “{criterion.name}”.",
                    )
                )
                continue
            found = errors.check(fields.whole_number, value, field, least=0, most=10)
            if found is not None:
                scores[criterion.pk] = found
    return scores
