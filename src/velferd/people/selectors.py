"""Reads of people, filtered by who is asking. Every read of one person's data is logged."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Max, QuerySet

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import selectors as audit_selectors, services as audit
from velferd.audit.models import AccessEvent
from velferd.core.errors import forbidden, not_found
from velferd.core.identifiers import as_uuid
from velferd.core.search import search_key

from .models import Child, Consent, Person


def _not_found() -> Exception:
    return not_found("personen", "the person", field="person")


def persons_visible_to(*, actor: Actor, query: str = "") -> QuerySet[Person]:
    """The people at the actor's offices, less those hidden from them, by name or by full
    identity number. A look-up by identity number is a read of that person, and logged."""
    found = Person.objects.filter(policies.persons_visible_as_staff(actor))
    number = _national_id_in(query)
    if number:
        found = found.filter(national_id=number)
        for person in found:
            _log_read(actor, person, what="person.search", purpose="follow_up")
    else:
        for word in search_key(query).split():
            found = found.filter(search_name__contains=word)
    return found.select_related("office", "municipality").prefetch_related("children")


def _national_id_in(query: str) -> str:
    digits = "".join(ch for ch in query if ch not in " .-")
    return digits if digits.isdigit() and len(digits) == 11 else ""


def _log_read(actor: Actor, person: Person, *, what: str, purpose: str) -> None:
    if not policies.is_the_person(actor, person):
        audit.log_access(
            actor=actor,
            subject=person,
            what=what,
            purpose=purpose,
            role=policies.role_reading(actor, person),
        )


def person_for(*, actor: Actor, person_id: object, purpose: str, what: str) -> Person:
    """One person, for someone allowed to see them; the read is logged with its purpose.
    Unknown or hidden is 404, outside the actor's scope 403."""
    key = as_uuid(person_id)
    person = (
        Person.objects.select_related("office", "municipality", "user")
        .prefetch_related("children")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    if person is None or not policies.can_know_person_exists(actor, person):
        raise _not_found()
    if not policies.can_view_person(actor, person):
        raise forbidden()
    _log_read(actor, person, what=what, purpose=purpose)
    return person


def own_person(*, actor: Actor) -> Person | None:
    """The person record of a logged-in citizen."""
    if actor.user is None:
        return None
    return (
        Person.objects.select_related("office", "municipality")
        .prefetch_related("children")
        .filter(user=actor.user)
        .first()
    )


def registered_person(national_id: str) -> Person | None:
    """The person on record with this number, for a service that registers or moves them
    (settling a refugee's case): not a read shown to anyone, so not logged."""
    return Person.objects.filter(national_id=national_id).first()


def lock_person(person_id: Any) -> None:
    """Lock the person's row (`FOR NO KEY UPDATE`), the first lock a write about one person
    takes (see "Lock order" in docs/architecture.md): it serialises the writes about the
    person and still lets records that refer to them be checked against it."""
    list(Person.objects.select_for_update(no_key=True).filter(pk=person_id).values_list("pk"))


def consent_spans(
    person: Person, partner_service: str
) -> QuerySet[Consent, tuple[datetime.date, datetime.date]]:
    """The (starts_on, ends_on) of the person's consents to a partner service, but for those
    withdrawn."""
    return Consent.objects.filter(
        person=person, partner_service=partner_service, withdrawn_at__isnull=True
    ).values_list("starts_on", "ends_on")


def youngest_child_born(person: Person) -> datetime.date | None:
    """The birth date of the person's youngest child, if they have children."""
    born: datetime.date | None = Child.objects.filter(person=person).aggregate(
        born=Max("birth_date")
    )["born"]
    return born


def consents_of(person: Person) -> QuerySet[Consent]:
    return Consent.objects.filter(person=person).order_by("-starts_on", "-created_at")


def consent_for(*, actor: Actor, consent_id: object) -> Consent:
    key = as_uuid(consent_id)
    consent = Consent.objects.select_related("person").filter(pk=key).first() if key else None
    if consent is None or not policies.can_know_person_exists(actor, consent.person):
        raise not_found("samtykket", "the consent", field="consent")
    if not policies.can_manage_consents(actor, consent.person):
        raise forbidden()
    return consent


def consent_holds(person: Person, partner_service: str) -> bool:
    """Whether the person's consent for this partner service holds today."""
    return person.consent_holds(partner_service)


def access_log_of(*, actor: Actor, person: Person) -> QuerySet[AccessEvent]:
    """Who has looked at the person's data: for the person themself."""
    if not policies.can_view_access_log(actor, person):
        raise forbidden()
    return audit_selectors.access_events_about(person)
