"""People: registering and reading persons, their consents, and the citizen's own access
log. Identity numbers are masked in lists; protected addresses are never returned to staff."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.api_auth import AUTH, actor_of
from velferd.access.roles import Role
from velferd.core.api import ERRORS, ErrorOut, PageParams
from velferd.core.constraints import RecordId
from velferd.core.errors import not_found
from velferd.core.pagination import paginate

from . import selectors, services
from .models import Consent, Person
from .schemas import (
    AccessLogList,
    ConsentIn,
    ConsentOut,
    PersonIn,
    PersonList,
    PersonOut,
    PersonPatch,
)

router = Router(tags=["people"], auth=AUTH)


def summary(person: Person) -> dict[str, Any]:
    return {
        "id": str(person.pk),
        "national_id": person.masked_national_id,
        "name": person.full_name,
        "age": person.age,
        "office": person.office.name_nb,
        "children_under_18": len(person.children_under_18()),
        "needs_interpreter": person.needs_interpreter,
        "protected_address": person.has_protected_address,
    }


def detail(actor: Actor, person: Person, show_address: bool = True) -> dict[str, Any]:
    show_address = show_address and policies.can_view_person_address(actor, person)
    return {
        "id": str(person.pk),
        "national_id": person.national_id,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "birth_date": person.birth_date,
        "age": person.age,
        "municipality": person.municipality.name,
        "district": person.district,
        "office": person.office.name_nb,
        "office_unit_number": person.office.unit_number,
        "address": {
            "line": person.address_line,
            "postal_code": person.postal_code,
            "postal_town": person.postal_town,
        }
        if show_address
        else None,
        "address_protection": person.address_protection,
        "language": person.language,
        "needs_interpreter": person.needs_interpreter,
        "children_under_18": [c.birth_date for c in person.children_under_18()],
        "version": person.version,
    }


def consent_out(consent: Consent) -> dict[str, Any]:
    return {
        "id": str(consent.pk),
        "partner_service": consent.partner_service,
        "purpose": consent.purpose,
        "starts_on": consent.starts_on,
        "ends_on": consent.ends_on,
        "document": consent.document,
        "withdrawn_at": consent.withdrawn_at,
        "holds": consent.holds,
    }


def _person(request: HttpRequest, person_id: str, what: str) -> Person:
    return selectors.person_for(
        actor=actor_of(request), person_id=person_id, purpose="follow_up", what=what
    )


@router.get("/persons", response={200: PersonList, **ERRORS})
def list_persons(request: HttpRequest, paging: Query[PageParams], q: str = "") -> Any:
    """People at the caller's offices, by name or full identity number."""
    found = selectors.persons_visible_to(actor=actor_of(request), query=q)
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [summary(p) for p in page.items], "count": page.count}


@router.post("/persons", response={201: PersonOut, 202: ErrorOut, **ERRORS})
def register_person(request: HttpRequest, payload: PersonIn) -> Any:
    actor = actor_of(request)
    person = services.person_register(
        actor=actor,
        national_id=payload.national_id,
        birth_date=payload.birth_date,
        given_name=payload.given_name,
        family_name=payload.family_name,
        municipality_number=payload.municipality,
        district=payload.district,
        address_line=payload.address_line,
        postal_code=payload.postal_code,
        postal_town=payload.postal_town,
        address_protection=payload.address_protection,
        is_office_employee=payload.is_office_employee,
        language=payload.language,
        needs_interpreter=payload.needs_interpreter,
        children=[(c.given_name, c.birth_date) for c in payload.children],
    )
    return Status(201, detail(actor, _person(request, str(person.pk), "person.registered")))


@router.get("/persons/{person_id}", response={200: PersonOut, **ERRORS})
def get_person(request: HttpRequest, person_id: RecordId) -> Any:
    return detail(actor_of(request), _person(request, person_id, "person.details"))


@router.patch("/persons/{person_id}", response={200: PersonOut, **ERRORS})
def update_person(request: HttpRequest, person_id: RecordId, payload: PersonPatch) -> Any:
    actor = actor_of(request)
    changes = payload.dict(exclude_unset=True, exclude={"version"})
    if "municipality" in changes:
        changes["municipality_number"] = changes.pop("municipality")
    before = _person(request, person_id, "person.details")
    protection_before = before.address_protection
    person = services.person_update(actor=actor, person=before, version=payload.version, **changes)
    # The answer is what was saved, even when the change moves the person out of the
    # caller's sight (another office, a strictly confidential address); never the address
    # that a lowered protection has just uncovered.
    lowered = policies.lowers_address_protection(protection_before, person.address_protection)
    return detail(actor, person, show_address=not lowered)


@router.get("/persons/{person_id}/consents", response={200: list[ConsentOut], **ERRORS})
def list_consents(request: HttpRequest, person_id: RecordId) -> Any:
    person = _person(request, person_id, "person.consents")
    policies.require(actor_of(request), policies.can_manage_consents, person)
    return [consent_out(c) for c in selectors.consents_of(person)]


@router.post("/persons/{person_id}/consents", response={201: ConsentOut, **ERRORS})
def give_consent(request: HttpRequest, person_id: RecordId, payload: ConsentIn) -> Any:
    consent = services.consent_give(
        actor=actor_of(request),
        person=_person(request, person_id, "person.consents"),
        partner_service=payload.partner_service,
        purpose=payload.purpose,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        document=payload.document,
    )
    return Status(201, consent_out(consent))


@router.post("/consents/{consent_id}/withdraw", response={200: ConsentOut, **ERRORS})
def withdraw_consent(request: HttpRequest, consent_id: RecordId) -> Any:
    actor = actor_of(request)
    consent = selectors.consent_for(actor=actor, consent_id=consent_id)
    return consent_out(services.consent_withdraw(actor=actor, consent=consent))


def _own(request: HttpRequest) -> tuple[Actor, Person]:
    actor = actor_of(request)
    person = selectors.own_person(actor=actor)
    if person is None:
        raise not_found("deg i registeret", "you in the register")
    return actor, person


@router.get("/me", response={200: PersonOut, **ERRORS})
def me(request: HttpRequest) -> Any:
    """The logged-in citizen's own record."""
    actor, person = _own(request)
    return detail(actor, person)


@router.get("/me/access-log", response={200: AccessLogList, **ERRORS})
def my_access_log(request: HttpRequest, paging: Query[PageParams]) -> Any:
    """Who has looked at my data: which office and role, when, and why."""
    actor, person = _own(request)
    page = paginate(
        selectors.access_log_of(actor=actor, person=person),
        page=paging.page,
        page_size=paging.page_size,
    )
    return {
        "items": [
            {
                "occurred_at": e.occurred_at,
                "unit": e.actor_unit,
                "role": str(Role(e.actor_role).label) if e.actor_role in Role.values else "",
                "what": e.what,
                "purpose": e.purpose,
            }
            for e in page.items
        ],
        "count": page.count,
    }
