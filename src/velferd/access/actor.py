"""Who is acting: a user in the roles they hold, or only the role a token was issued for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .roles import Role

if TYPE_CHECKING:
    from .models import ApiToken, RoleAssignment, User


@dataclass(frozen=True)
class Actor:
    user: User | None
    assignments: tuple[RoleAssignment, ...] = field(default=())
    token: ApiToken | None = None
    system: str = ""

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(a.role for a in self.assignments)

    def has_role(self, *roles: str) -> bool:
        return any(a.role in roles for a in self.assignments)

    def assignments_for(self, *roles: str) -> list[RoleAssignment]:
        return [a for a in self.assignments if a.role in roles]

    def office_ids(self, *roles: str) -> set[int]:
        return {a.office_id for a in self.assignments_for(*roles) if a.office_id is not None}

    @property
    def label(self) -> str:
        """How the actor is named in audit and access logs."""
        if self.system:
            return f"system: {self.system}"
        if self.user is None:
            return "anonymous"
        name = self.user.full_name or self.user.username
        return f"{name} (token {self.token.prefix})" if self.token else name

    @property
    def is_only_citizen(self) -> bool:
        return self.roles == {Role.CITIZEN}


ANONYMOUS = Actor(user=None)


def system_actor(task: str) -> Actor:
    """The actor for writes made by the system itself (loading reference data, say)."""
    return Actor(user=None, system=task)
