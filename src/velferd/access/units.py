"""The registry's units a role is bound to (office, IW centre, municipality, department),
found by the key a form or a request names them by.

The registry (`velferd.organisation`) sits above access: its writes ask access's policies.
So access does not import it; the registry registers how each of its units is found when
the apps are ready (`OrganisationConfig.ready`), and the role forms and the API find units
here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

# The role assignment's fields that name a unit of the registry, in the order a form shows
# and checks them.
REGISTRY_UNITS = ("office", "iw_centre", "municipality", "department", "county")


@dataclass(frozen=True)
class UnitKind:
    find: Callable[[str], Any]
    """The unit with this key; an unknown key is a DomainError (404) naming the field."""
    every: Callable[[], Iterable[Any]] = tuple
    """All units of the kind, for a form's choices."""
    keys: Sequence[str] = ()
    """The keys known without the database (the API's enum), where the kind has a fixed set."""


_kinds: dict[str, UnitKind] = {}


def register(name: str, kind: UnitKind) -> None:
    if name not in REGISTRY_UNITS:
        raise ImproperlyConfigured(f"A role is not bound to a unit called {name!r}.")
    _kinds[name] = kind


def kind(name: str) -> UnitKind:
    try:
        return _kinds[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No one has registered how to find a {name!r}: is velferd.organisation installed?"
        ) from None


def find(name: str, key: str) -> Any:
    """The unit `name` with this key: find("office", "0317")."""
    return kind(name).find(key)


def every(name: str) -> Iterable[Any]:
    return kind(name).every()


def keys(name: str) -> list[str]:
    return list(kind(name).keys)
