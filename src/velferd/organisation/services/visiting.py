"""Where and when an office can be visited: the visiting address, the phone, the opening
hours of each weekday and a note beside them. Administrators change them (versioned and
audited like every registry write); the reference data fills them in for offices that have
none on record (`load_visiting`)."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import DomainError

from ..models import Office, OpeningHours

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "office_visiting.csv"
VISITING_FIELDS = ("street", "postcode", "place", "phone", "opening_note")
# The weekdays by their number (1 is Monday), in bokmål and English, for the messages.
WEEKDAYS_NB = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PHONE = re.compile(r"\+?[0-9][0-9 ]{6,18}[0-9]")


@dataclass(frozen=True)
class Opening:
    """The office is open on `weekday` (1 Monday … 7 Sunday) from `opens` to `closes`."""

    weekday: int
    opens: datetime.time
    closes: datetime.time

    def as_text(self) -> str:
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"


def _invalid(code: str, field: str, nb: str, en: str) -> DomainError:
    return DomainError(code=code, field=field, message_nb=nb, message_en=en)


def check_opening(weekday: int, opens: datetime.time, closes: datetime.time) -> Opening:
    """One day's opening hours; closing at or before opening is refused, naming the day."""
    if weekday not in range(1, 8):
        raise _invalid(
            "unknown_weekday",
            "opening_hours",
            "Ukedagen må være et tall fra 1 (mandag) til 7 (søndag).",
            "The weekday must be a number from 1 (Monday) to 7 (Sunday).",
        )
    if closes <= opens:
        day_nb, day_en = WEEKDAYS_NB[weekday - 1], WEEKDAYS_EN[weekday - 1]
        raise _invalid(
            "closes_before_opens",
            f"closes_{weekday}",
            f"Stengetiden {day_nb} må være etter åpningstiden ({opens:%H:%M}).",
            f"The closing time on {day_en} must be after the opening time ({opens:%H:%M}).",
        )
    return Opening(weekday, opens, closes)


def check_postcode(postcode: str) -> str:
    postcode = postcode.strip()
    if postcode and not (postcode.isdigit() and len(postcode) == 4):
        raise _invalid(
            "invalid_postcode",
            "postcode",
            "Postnummeret må ha fire sifre.",
            "The postcode must have four digits.",
        )
    return postcode


def check_phone(phone: str) -> str:
    phone = " ".join(phone.split())
    if phone and not PHONE.fullmatch(phone):
        raise _invalid(
            "invalid_phone",
            "phone",
            "Skriv telefonnummeret med sifre, for eksempel 55 55 33 33.",
            "Write the phone number in digits, for example 55 55 33 33.",
        )
    return phone


def check_address(street: str, postcode: str, place: str) -> list[DomainError]:
    """A visiting address is whole or left out: each part missing from one that is begun."""
    parts = {"street": street.strip(), "postcode": postcode.strip(), "place": place.strip()}
    if not any(parts.values()):
        return []
    names = {
        "street": ("Gateadressen", "The street address"),
        "postcode": ("Postnummeret", "The postcode"),
        "place": ("Poststedet", "The place"),
    }
    return [
        _invalid(
            "address_incomplete",
            field,
            f"{names[field][0]} mangler i besøksadressen.",
            f"{names[field][1]} of the visiting address is missing.",
        )
        for field, value in parts.items()
        if not value
    ]


def _check_days_once(hours: Sequence[Opening]) -> None:
    days = [h.weekday for h in hours]
    if len(days) != len(set(days)):
        raise _invalid(
            "weekday_twice",
            "opening_hours",
            "Hver ukedag kan ha én åpningstid.",
            "Each weekday can have one opening time.",
        )


def _snapshot(office: Office) -> dict[str, Any]:
    hours = [Opening(h.weekday, h.opens, h.closes).as_text() for h in office.opening_hours.all()]
    return {**audit.snapshot(office, *VISITING_FIELDS), "opening_hours": hours}


def _write(office: Office, values: dict[str, str], hours: Sequence[Opening]) -> None:
    for name, value in values.items():
        setattr(office, name, value)
    office.save(update_fields=[*values, "version", "updated_at"])
    office.opening_hours.all().delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(office=office, weekday=h.weekday, opens=h.opens, closes=h.closes)
        for h in sorted(hours, key=lambda h: h.weekday)
    )


@transaction.atomic
def office_visiting_save(
    *,
    actor: Actor,
    office: Office,
    version: int,
    street: str = "",
    postcode: str = "",
    place: str = "",
    phone: str = "",
    opening_note: str = "",
    opening_hours: Sequence[tuple[int, datetime.time, datetime.time]] = (),
) -> Office:
    """Replace the office's visiting address, phone, opening hours and note. A stale
    `version` is 409; a closing time at or before the opening time is 422 naming the day."""
    policies.require(actor, policies.can_change_registry)
    office = Office.objects.select_for_update().get(pk=office.pk)
    office.check_version(version)
    values = {
        "street": street.strip(),
        "postcode": check_postcode(postcode),
        "place": place.strip(),
        "phone": check_phone(phone),
        "opening_note": opening_note.strip(),
    }
    for refusal in check_address(street, postcode, place):
        raise refusal
    hours = [check_opening(*row) for row in opening_hours]
    _check_days_once(hours)
    before = _snapshot(office)
    office.bump_version()
    _write(office, values, hours)
    audit.record(
        actor=actor, action="office.updated", target=office, before=before, after=_snapshot(office)
    )
    return office


# The reference data ---------------------------------------------------------------------


def _parse_hours(text: str) -> list[Opening]:
    """ "1-5 10:00-14:00; 4 10:00-18:00" → an opening per weekday (a later part wins)."""
    by_day: dict[int, Opening] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        days, _, times = part.partition(" ")
        first, _, last = days.partition("-")
        opens, _, closes = times.partition("-")
        for day in range(int(first), int(last or first) + 1):
            by_day[day] = check_opening(
                day, datetime.time.fromisoformat(opens), datetime.time.fromisoformat(closes)
            )
    return [by_day[day] for day in sorted(by_day)]


def read_visiting_csv(path: Path | None = None) -> list[dict[str, str]]:
    with (path or DATA_FILE).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _has_visiting(office: Office) -> bool:
    return bool(office.street or office.phone or office.opening_hours.exists())


def load_visiting(*, actor: Actor, rows: list[dict[str, str]] | None = None) -> int:
    """Fill in the reference data's visiting details for the offices on record that have
    none (what an administrator has entered is kept); returns how many were filled in."""
    filled = 0
    for row in rows if rows is not None else read_visiting_csv():
        office = Office.objects.filter(unit_number=row["unit_number"]).first()
        if office is None or _has_visiting(office):
            continue
        before = _snapshot(office)
        hours = _parse_hours(row["opening_hours"])
        _write(office, {name: row[name].strip() for name in VISITING_FIELDS}, hours)
        audit.record(
            actor=actor,
            action="office.updated",
            target=office,
            before=before,
            after=_snapshot(office),
        )
        filled += 1
    return filled
