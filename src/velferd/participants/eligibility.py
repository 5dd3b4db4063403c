"""Who may be enrolled in a delivery, by the scheme catalogue's rules (schemes.SchemeType)
and the person's follow-up (read through followup's selectors):

1. the scheme type is in use, and the delivery is planned or running (409);
2. the person is in an open follow-up period (422);
3. where the scheme type requires a sent §14a decision, the person's latest sent decision
   is in one of the type's need groups (AFT and VTA: specially adapted, partially
   permanent or permanent) (422);
4. the person's age on the start date (today when none is set) is within the type's age
   limits, from their birth date (422).

Each rule that fails is one refusal naming the rule, in Norwegian and English; the pages
show them all at once, the API answers with the first."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from velferd.core.errors import CONFLICT, DomainError
from velferd.core.validation import invalid
from velferd.followup import selectors as followup_selectors

# The §14a need groups by their values, as the refusals name them.
NEED_GROUPS = {
    "standard": ("gode muligheter (standard innsats)", "standard needs"),
    "situation_specific": ("situasjonsbestemt innsats", "situation-specific needs"),
    "specially_adapted": ("spesielt tilpasset innsats", "specially adapted needs"),
    "partially_permanent": ("gradert varig tilpasset innsats", "partially permanent adaptation"),
    "permanent": ("varig tilpasset innsats", "permanent adaptation"),
}
OPEN_DELIVERY = ("planned", "running")


def age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _groups(values: list[str], language: int) -> str:
    return ", ".join(NEED_GROUPS.get(value, (value, value))[language] for value in values)


def delivery_refusal(delivery: Any) -> DomainError | None:
    """Rule 1: the scheme type in use and the delivery open for enrolment."""
    scheme = delivery.scheme_type
    if not scheme.is_active:
        return invalid(
            "scheme_type_inactive",
            "delivery",
            f"Tiltakstypen «{scheme.name_nb}» er ikke i bruk.",
            f"The scheme type “{scheme.name_en}” is not in use.",
            status=CONFLICT,
        )
    if delivery.status not in OPEN_DELIVERY:
        return invalid(
            "delivery_closed",
            "delivery",
            "Gjennomføringen tar ikke imot deltakere: den er verken planlagt eller i gang.",
            "The delivery takes no participants: it is neither planned nor running.",
            status=CONFLICT,
        )
    return None


def _period_refusal(person: Any) -> DomainError | None:
    if followup_selectors.open_period(person) is None:
        return invalid(
            "no_open_period",
            "person",
            "Personen er ikke under arbeidsrettet oppfølging. Start oppfølging først.",
            "The person is not in work-oriented follow-up. Start the follow-up first.",
        )
    return None


def _decision_refusal(person: Any, scheme: Any) -> DomainError | None:
    if not scheme.requires_sent_decision:
        return None
    decision = followup_selectors.current_decision(person)
    groups = list(scheme.need_groups)
    if decision is None:
        return invalid(
            "decision_required",
            "person",
            f"«{scheme.name_nb}» krever et sendt §14a-vedtak om {_groups(groups, 0)}. "
            "Personen har ikke noe sendt vedtak.",
            f"“{scheme.name_en}” requires a sent §14a decision on {_groups(groups, 1)}. "
            "The person has no sent decision.",
        )
    if groups and decision.need_group not in groups:
        return invalid(
            "need_group_not_allowed",
            "person",
            f"«{scheme.name_nb}» krever {_groups(groups, 0)}. Personens vedtak er "
            f"{_groups([decision.need_group], 0)}.",
            f"“{scheme.name_en}” requires {_groups(groups, 1)}. The person's decision is "
            f"{_groups([decision.need_group], 1)}.",
        )
    return None


def _age_refusal(person: Any, scheme: Any, day: datetime.date) -> DomainError | None:
    age = age_on(person.birth_date, day)
    if scheme.min_age is not None and age < scheme.min_age:
        return invalid(
            "too_young",
            "person",
            f"«{scheme.name_nb}» er for dem som er fylt {scheme.min_age} år. Personen er {age} år.",
            f"“{scheme.name_en}” is for those aged {scheme.min_age} or over. The person is {age}.",
        )
    if scheme.max_age is not None and age > scheme.max_age:
        return invalid(
            "too_old",
            "person",
            f"«{scheme.name_nb}» er for dem som ikke er over {scheme.max_age} år. "
            f"Personen er {age} år.",
            f"“{scheme.name_en}” is for those aged {scheme.max_age} or under. The person is {age}.",
        )
    return None


def refusals(
    person: Any, delivery: Any, starts_on: datetime.date | None = None
) -> list[DomainError]:
    """Every rule the person and the delivery fail, in the order above (none: eligible)."""
    scheme = delivery.scheme_type
    day = starts_on or timezone.localdate()
    found = [
        delivery_refusal(delivery),
        _period_refusal(person),
        _decision_refusal(person, scheme),
        _age_refusal(person, scheme, day),
    ]
    return [refusal for refusal in found if refusal is not None]


def require_eligible(person: Any, delivery: Any, starts_on: datetime.date | None = None) -> None:
    found = refusals(person, delivery, starts_on)
    if found:
        raise found[0]
