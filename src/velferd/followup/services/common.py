"""What the follow-up services share."""

from __future__ import annotations

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.models import User


def require_user(actor: Actor) -> User:
    """The user behind the actor: the writes that name an author need one."""
    if actor.user is None:
        raise policies.not_authenticated()
    return actor.user
