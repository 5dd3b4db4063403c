"""What every policy module shares: the refusal a False turns into, and the empty list
filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q

from velferd.core.errors import DomainError, forbidden

from ..actor import Actor

# A list filter is a `Q` over the model the list is of; `via` is the path from that model
# to the person ("" for persons, "person__" for their records). Each filter sits beside
# the predicate it mirrors and must answer the same for every row.
NOTHING = Q(pk__in=[])

Policy = Callable[..., bool]


def not_authenticated() -> DomainError:
    return DomainError(
        code="not_authenticated",
        message_nb="Du må logge inn.",
        message_en="You must log in.",
        status=401,
    )


def allows(actor: Actor, policy: Policy, *args: Any) -> bool:
    """Whether `policy(actor, *args)` allows it. The system itself (command-line loaders,
    never a request) is not asked: for a service that refuses in its own words."""
    return bool(actor.system) or policy(actor, *args)


def require(actor: Actor, policy: Policy, *args: Any) -> None:
    """Raise unless `policy(actor, *args)` allows it (the system itself is not asked)."""
    if allows(actor, policy, *args):
        return
    raise not_authenticated() if not actor.is_authenticated else forbidden()
