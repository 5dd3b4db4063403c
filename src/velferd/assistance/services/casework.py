"""What the office's casework shares: finding an application for the caseworker, locking it
in the domain's lock order, and the refusals that name it.

Lock order of the casework: the person's row (`FOR NO KEY UPDATE`, as follow-up takes it),
then the application, then its documentation requests or decisions, then (through
follow-up) the person's records and (through the payments) the payments' rows, and the audit
chain head last."""

from __future__ import annotations

import uuid
from typing import Any

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import CONFLICT, DomainError, forbidden, not_found
from velferd.core.validation import invalid
from velferd.people import selectors as people_selectors

from ..models import Application, ApplicationStatus

OPEN_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.AWAITING_DOCUMENTATION,
    ApplicationStatus.READY_FOR_DECISION,
)


def acting_user(actor: Actor) -> Any:
    """The login that signs the casework: always a person, never the system itself."""
    if actor.user is None:
        raise forbidden()
    return actor.user


def application_gone() -> DomainError:
    return not_found("søknaden", "the application", field="application")


def _find(application_id: uuid.UUID | str) -> Application | None:
    try:
        key = uuid.UUID(str(application_id))
    except ValueError:
        return None
    return Application.objects.select_related("person", "office").filter(pk=key).first()


def application_to_work(actor: Actor, application_id: uuid.UUID | str) -> Application:
    """The application, for a caseworker who may decide it: 404 when the actor may not even
    see it, 403 when they may see it but not decide it."""
    found = _find(application_id)
    if found is None or not policies.allows(actor, policies.can_view_application, found):
        raise application_gone()
    if not policies.allows(actor, policies.can_decide_application, found):
        raise forbidden()
    return found


def locked_application(application: Application, version: int | None) -> Application:
    """The application locked for the casework, the person's row first; the version checked
    when one is given."""
    people_selectors.lock_person(application.person_id)
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("person", "office")
        .get(pk=application.pk)
    )
    if version is not None:
        locked.check_version(version)
    return locked


def require_open(application: Application) -> None:
    if application.status not in OPEN_STATUSES:
        raise invalid(
            "application_closed",
            None,
            "Søknaden er ikke lenger til behandling (den er avgjort eller trukket).",
            "The application is no longer being processed (it is decided or withdrawn).",
            status=CONFLICT,
        )


def status_change(application: Application, status: str) -> dict[str, Any]:
    """Set the application's status (and bump its version); the audit's before/after."""
    before = {"status": application.status}
    application.status = status
    application.bump_version()
    application.save(update_fields=["status", "version", "updated_at"])
    return before
