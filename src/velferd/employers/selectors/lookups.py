"""How a record of an enterprise is found for a reader: an id that is not a positive
number names nothing, and a record the reader may not see answers as an unknown one."""

from __future__ import annotations

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import DomainError, forbidden, not_found


def refused(actor: Actor) -> DomainError:
    return forbidden() if actor.is_authenticated else policies.not_authenticated()


def unknown(actor: Actor, what_nb: str, what_en: str) -> DomainError:
    """A record of an enterprise the actor may not see answers as an unknown one, so that
    an organisation number or an id tells nothing about whether it is on record."""
    return not_found(what_nb, what_en) if actor.is_authenticated else policies.not_authenticated()


def as_int(value: object) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**62 else None
