"""What the tests of writes to people share: the numbers and places they register, the
audit trail's last event and its masked identity numbers, registering and giving a consent,
and `refusal`, which checks that a refused write left nothing written."""

from __future__ import annotations

import datetime
import json
from functools import partial

from django.utils import timezone
from stdnum.no import fodselsnummer

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core import testing
from velferd.core.identifiers import synthetic_national_id
from velferd.people.models import Child, Consent, Person
from velferd.people.services import consent_give, person_register

BORN = datetime.date(1990, 5, 17)
NEW_ID = synthetic_national_id(BORN, 0)
OTHER_ID = synthetic_national_id(BORN, 1)
ALTA = "5601"  # served as a whole by NAV Alta (5601)
OSLO = "0301"  # divided: one NAV office per district


def with_check_digits(first_nine: str) -> str | None:
    """The eleven-digit number for nine digits, or None when no check digit fits."""
    digit1 = fodselsnummer.calc_check_digit1(first_nine)
    digit2 = fodselsnummer.calc_check_digit2(first_nine + digit1)
    if len(digit1) != 1 or len(digit2) != 1:
        return None
    return first_nine + digit1 + digit2


def first_valid(stem: str) -> str:
    """The first number with valid check digits for a six-digit date stem (1900s)."""
    return next(n for i in range(100, 500) if (n := with_check_digits(f"{stem}{i:03d}")))


REAL_ID = first_valid(BORN.strftime("%d%m%y"))  # an ordinary (non-synthetic) number


def counts() -> tuple[int, int, int, int]:
    return (
        Person.objects.count(),
        Child.objects.count(),
        Consent.objects.count(),
        AuditEvent.objects.count(),
    )


# A write that must be refused; its refusal, having checked that nothing was left written.
refusal = partial(testing.refusal, unchanged=counts)


def last_event(action: str) -> AuditEvent:
    event = AuditEvent.objects.filter(action=action).order_by("seq").last()
    assert event is not None, f"no {action} event"
    return event


def assert_no_identity_number_in_audit() -> None:
    """No audit event, of any write so far, holds anyone's identity number unmasked."""
    numbers = list(Person.objects.values_list("national_id", flat=True))
    for event in AuditEvent.objects.all():
        text = json.dumps([event.before, event.after, event.target_label], ensure_ascii=False)
        for number in numbers:
            assert number not in text, f"{event} holds an identity number"


def register(actor: Actor, **overrides: object) -> Person:
    fields: dict[str, object] = {
        "national_id": NEW_ID,
        "given_name": "Siri",
        "family_name": "Solberg",
        "municipality_number": OSLO,
        "district": "Grünerløkka",
    }
    fields.update(overrides)
    return person_register(actor=actor, **fields)  # type: ignore[arg-type]


def give(actor: Actor, who: Person, **overrides: object) -> Consent:
    today = timezone.localdate()
    fields: dict[str, object] = {
        "partner_service": "gp",
        "purpose": "Samarbeid om arbeidsrettet oppfølging",
        "starts_on": today,
        "ends_on": today + datetime.timedelta(days=90),
    }
    fields.update(overrides)
    return consent_give(actor=actor, person=who, **fields)  # type: ignore[arg-type]
