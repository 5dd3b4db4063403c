"""The decision letter on financial assistance, in plain Norwegian: what the person gets (or
that they get nothing), why, the conditions (§ 20) and the condition of activity for those
under 30 (§ 20 a) or why it was not set, and the right to appeal to the County Governor
within three weeks (§ 48), and how. Its LIX is shown beside it, as for the § 14 a letters."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from velferd.core.readability import Lix, lix

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
EXEMPTION_TEXT = {
    "health": "helsen din",
    "care_responsibilities": "at du har omsorg for barn eller andre i familien",
    "social_circumstances": "situasjonen din nå",
    "in_work_or_education": "at du allerede er i arbeid eller utdanning",
}


def letter_date(day: datetime.date | datetime.datetime | None) -> str:
    """«3. mars 2026», as a letter writes the day."""
    if day is None:
        return ""
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day).date()
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def letter_kroner(amount: Decimal) -> str:
    """«7 850 kroner», or with øre when there are any."""
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    return text.replace(",", "\xa0").replace(".", ",") + " kroner"


def letter_account(digits: str) -> str:
    """An account number as Norwegians write it: 8601 11 17947."""
    if len(digits) != 11:
        return digits
    return f"{digits[:4]} {digits[4:6]} {digits[6:]}"


def _exemption(decision: Any) -> str:
    if decision.exemption_reason == "other":
        return str(decision.exemption_explanation)
    return EXEMPTION_TEXT.get(decision.exemption_reason, "")


def decision_letter_text(decision: Any, conditions: list[Any]) -> str:
    """The letter of a decision (saved or about to be) with its conditions."""
    application = decision.application
    return (
        render_to_string(
            "assistance/decision_letter.txt",
            {
                "person": application.person,
                "application": application,
                "office": application.office,
                "decision": decision,
                "conditions": conditions,
                "exemption": _exemption(decision),
                "amount": letter_kroner(decision.amount),
                "period_start": letter_date(decision.period_start),
                "period_end": letter_date(decision.period_end),
                "submitted": letter_date(application.submitted_at),
                "account": letter_account(application.bank_account),
            },
        ).strip()
        + "\n"
    )


def letter_readability(text: str) -> Lix:
    return lix(text)
