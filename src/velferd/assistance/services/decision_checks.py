"""The checks of a decision as the caseworker writes it, each refusing with the field named
in both languages; the decision page runs them all to show every mistake at once."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from velferd.core.errors import DomainError
from velferd.core.validation import invalid, required_text

from ..models import ActivityCondition, Frequency, Outcome

MAX_REASONING = 4000
MAX_CONDITION = 500
MAX_CONDITIONS = 10
# No decision on one application comes near these; a slip of the finger (a digit too many)
# would.
MAX_MONTHLY = Decimal("100000")
MAX_ONE_OFF = Decimal("300000")
LONGEST_PERIOD_DAYS = 366
# § 20 a applies to recipients under 30 (as follow-up's ActivityRequirement records it).
ACTIVITY_REQUIREMENT_AGE = 30
# The weighty reasons follow-up's ActivityRequirement knows (its ExemptionReason).
OTHER_REASON = "other"
EXEMPTION_REASONS = (
    ("health", _("Health")),
    ("care_responsibilities", _("Care for children or relatives")),
    ("social_circumstances", _("Social circumstances")),
    ("in_work_or_education", _("Already in work or education")),
    (OTHER_REASON, _("Other weighty reason")),
)


@dataclass(frozen=True)
class DecisionInput:
    outcome: str
    amount: object
    frequency: str
    period_start: object
    period_end: object
    reasoning: str
    conditions: list[str]
    activity: str = ""
    exemption_reason: str = ""
    exemption_explanation: str = ""


@dataclass(frozen=True)
class CheckedDecision:
    outcome: str
    amount: Decimal
    frequency: str
    period_start: datetime.date
    period_end: datetime.date
    reasoning: str
    conditions: list[str]
    activity_condition: str
    activity: str
    exemption_reason: str
    exemption_explanation: str


def outcome(value: str) -> str:
    if value not in Outcome.values:
        raise invalid(
            "outcome_required",
            "outcome",
            "Velg om søknaden innvilges, innvilges delvis eller avslås.",
            "Choose whether the application is granted, partly granted or refused.",
        )
    return value


def frequency(value: str) -> str:
    if value not in Frequency.values:
        raise invalid(
            "frequency_required",
            "frequency",
            "Velg om stønaden er en engangsutbetaling eller månedlig.",
            "Choose whether the assistance is one-off or monthly.",
        )
    return value


def amount(value: object, checked_outcome: str, checked_frequency: str) -> Decimal:
    text = str(value if value is not None else "").strip().replace(" ", "").replace("\xa0", "")
    if checked_outcome == Outcome.REFUSED and text in ("", "0", "0,00", "0.00"):
        return Decimal("0.00")
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    top = MAX_MONTHLY if checked_frequency == Frequency.MONTHLY else MAX_ONE_OFF
    if not number.is_finite() or number != round(number, 2):
        raise invalid(
            "invalid_amount",
            "amount",
            "Skriv beløpet i kroner, for eksempel 7 850 eller 7850,50.",
            "Write the amount in kroner, for example 7850 or 7850.50.",
        )
    if checked_outcome == Outcome.REFUSED:
        raise invalid(
            "amount_on_refusal",
            "amount",
            "Et avslag gir ingen penger: beløpet skal være 0.",
            "A refusal gives no money: the amount must be 0.",
        )
    if not Decimal("0") < number <= top:
        raise invalid(
            "amount_out_of_range",
            "amount",
            f"Beløpet må være mer enn 0 og høyst {top:,.0f} kroner.".replace(",", "\xa0"),
            f"The amount must be more than 0 and at most {top:,.0f} kroner.",
        )
    return number.quantize(Decimal("0.01"))


def _day(value: object, field: str, nb: str, en: str) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value or "").strip())
    except ValueError:
        raise invalid(f"{field}_required", field, nb, en) from None


def period(start: object, end: object) -> tuple[datetime.date, datetime.date]:
    first = _day(
        start, "period_start", "Skriv når perioden begynner.", "Write when the period starts."
    )
    last = _day(end, "period_end", "Skriv når perioden slutter.", "Write when the period ends.")
    if last < first:
        raise invalid(
            "period_ends_before_start",
            "period_end",
            "Perioden kan ikke slutte før den begynner.",
            "The period cannot end before it starts.",
        )
    if (last - first).days >= LONGEST_PERIOD_DAYS:
        raise invalid(
            "period_too_long",
            "period_end",
            "Perioden kan være høyst ett år.",
            "The period can be at most one year.",
        )
    return first, last


def reasoning(value: str) -> str:
    return required_text(value, "reasoning", "Begrunnelsen", "reasoning", MAX_REASONING)


def conditions(values: list[str], checked_outcome: str) -> list[str]:
    texts = [text.strip() for text in values if text and text.strip()]
    if texts and checked_outcome == Outcome.REFUSED:
        raise invalid(
            "conditions_on_refusal",
            "conditions",
            "Et avslag kan ikke ha vilkår.",
            "A refusal cannot have conditions.",
        )
    if len(texts) > MAX_CONDITIONS or any(len(text) > MAX_CONDITION for text in texts):
        raise invalid(
            "too_many_conditions",
            "conditions",
            f"Høyst {MAX_CONDITIONS} vilkår, hvert på høyst {MAX_CONDITION} tegn.",
            f"At most {MAX_CONDITIONS} conditions, each at most {MAX_CONDITION} characters.",
        )
    return texts


def age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def activity_condition(
    data: DecisionInput, checked_outcome: str, born: datetime.date, day: datetime.date
) -> tuple[str, str, str, str]:
    """§ 20 a: (activity_condition, activity, exemption_reason, explanation). Under 30 on
    the decision's day and not refused: either the condition of activity, or the weighty
    reason that exempts the person, never both, never neither."""
    activity = (data.activity or "").strip()
    reason = (data.exemption_reason or "").strip()
    under_30 = age_on(born, day) < ACTIVITY_REQUIREMENT_AGE
    if not under_30 or checked_outcome == Outcome.REFUSED:
        if activity or reason:
            raise _not_applicable(under_30)
        return ActivityCondition.NOT_APPLICABLE, "", "", ""
    if activity and reason:
        raise invalid(
            "activity_and_exemption",
            "activity",
            "Velg enten et vilkår om aktivitet eller tungtveiende grunner mot det, ikke begge.",
            "Choose either a condition of activity or weighty reasons against it, not both.",
        )
    if activity:
        text = required_text(activity, "activity", "Aktiviteten", "activity", MAX_CONDITION)
        return ActivityCondition.SET, text, "", ""
    if not reason:
        raise invalid(
            "activity_condition_required",
            "activity",
            "Søkeren er under 30 år: sett vilkår om aktivitet (§ 20 a), eller velg den "
            "tungtveiende grunnen som taler mot det.",
            "The applicant is under 30: set a condition of activity (section 20 a), or choose "
            "the weighty reason that speaks against it.",
        )
    return ActivityCondition.EXEMPT, "", *_exemption(reason, data.exemption_explanation)


def _exemption(reason: str, explanation: str) -> tuple[str, str]:
    if reason not in dict(EXEMPTION_REASONS):
        raise invalid(
            "unknown_exemption_reason",
            "exemption_reason",
            "Velg en av de tungtveiende grunnene.",
            "Choose one of the weighty reasons.",
        )
    if reason != OTHER_REASON:
        return reason, (explanation or "").strip()[:MAX_CONDITION]
    text = required_text(explanation, "exemption_explanation", "Grunnen", "reason", MAX_CONDITION)
    return reason, text


def _not_applicable(under_30: bool) -> DomainError:
    if under_30:
        return invalid(
            "activity_on_refusal",
            "activity",
            "Et avslag har ikke vilkår om aktivitet.",
            "A refusal has no condition of activity.",
        )
    return invalid(
        "not_under_30",
        "activity",
        "Vilkåret om aktivitet i § 20 a gjelder bare søkere under 30 år.",
        "The condition of activity in section 20 a applies only to applicants under 30.",
    )


def check(data: DecisionInput, born: datetime.date, day: datetime.date) -> CheckedDecision:
    """Every check, in the order of the form; the first refusal is raised."""
    checked_outcome = outcome(data.outcome)
    checked_frequency = frequency(data.frequency)
    checked_amount = amount(data.amount, checked_outcome, checked_frequency)
    start, end = period(data.period_start, data.period_end)
    text = reasoning(data.reasoning)
    texts = conditions(data.conditions, checked_outcome)
    kind, activity, reason, explanation = activity_condition(data, checked_outcome, born, day)
    return CheckedDecision(
        outcome=checked_outcome,
        amount=checked_amount,
        frequency=checked_frequency,
        period_start=start,
        period_end=end,
        reasoning=text,
        conditions=texts,
        activity_condition=kind,
        activity=activity,
        exemption_reason=reason,
        exemption_explanation=explanation,
    )


def every_mistake(
    data: DecisionInput, born: datetime.date, day: datetime.date
) -> dict[str, DomainError]:
    """Each field's refusal, for the page to show them all at once."""
    found: dict[str, DomainError] = {}
    steps = (
        lambda: outcome(data.outcome),
        lambda: frequency(data.frequency),
        lambda: amount(data.amount, data.outcome, data.frequency),
        lambda: period(data.period_start, data.period_end),
        lambda: reasoning(data.reasoning),
        lambda: conditions(data.conditions, data.outcome),
        lambda: activity_condition(data, data.outcome, born, day),
    )
    for step in steps:
        try:
            step()
        except DomainError as error:
            found.setdefault(error.field or "", error)
    return found
