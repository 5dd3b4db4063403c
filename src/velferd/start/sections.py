"""The sections of the start page and which roles see which: one builder per section, each
taking the actor and giving its template and what the template shows. A user with several
roles sees the section of each, in the order of SECTIONS, each once."""

from __future__ import annotations

from collections.abc import Callable

from velferd.access.actor import Actor
from velferd.access.roles import Role

from . import citizen, employers, office, others, schemes
from .base import Section

Builder = Callable[[Actor], Section]

SECTIONS: list[tuple[tuple[str, ...], Builder]] = [
    ((Role.CITIZEN,), citizen.overview),
    ((Role.CASEWORKER_STATE, Role.CASEWORKER_MUNICIPAL), office.caseworker),
    ((Role.APPROVER,), office.approver),
    ((Role.OFFICE_MANAGER,), office.office_manager),
    ((Role.PARTNER,), others.partner),
    ((Role.IW_ADVISOR,), employers.iw_advisor),
    ((Role.EMPLOYER,), employers.employer),
    ((Role.MINISTRY_STAFF,), others.ministry),
    ((Role.ANALYST,), others.analyst),
    ((Role.SCHEME_MANAGER,), schemes.scheme_manager),
    (
        (Role.CASEWORKER_STATE, Role.CASEWORKER_MUNICIPAL, Role.APPROVER, Role.OFFICE_MANAGER),
        schemes.places,
    ),
    ((Role.SUPPLIER,), schemes.supplier),
    ((Role.SETTLEMENT_OFFICER, Role.SETTLEMENT_COORDINATOR), others.settlement),
    ((Role.ADMINISTRATOR,), others.administrator),
]


def sections_for(actor: Actor) -> list[Section]:
    """The actor's sections, one for each role they hold, in the page's order."""
    return [build(actor) for roles, build in SECTIONS if actor.has_role(*roles)]
