"""What the tests of writes to users, roles and API tokens share: the last audit event and
how many there are, a refusal that audits nothing, a login's first role and a token made
for it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from velferd.access import services
from velferd.access.actor import Actor
from velferd.access.models import ApiToken, RoleAssignment
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal

ActorOf = Callable[[str], Actor]


def last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-seq").first()
    assert event is not None
    return event


def audit_count() -> int:
    return AuditEvent.objects.count()


# A write that must be refused; its refusal, having checked nothing was audited.
refusal_of = partial(refusal, unchanged=audit_count)


def first_assignment(actor: Actor) -> RoleAssignment:
    return actor.assignments[0]


def create_token(
    actor: Actor, name: str = "nightly export", valid_days: int | None = 90
) -> tuple[ApiToken, str]:
    return services.api_token_create(
        actor=actor, name=name, role_assignment_id=first_assignment(actor).pk, valid_days=valid_days
    )
