"""The participation a supplier's write is about, locked: the supplier must still see it
(404 for someone else's participant, a draft, or one closed longer ago than the access
window), and a change is proposed only for an open one (409)."""

from __future__ import annotations

from django.utils.translation import gettext, override

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.core.errors import CONFLICT, DomainError, not_found

from ..models import CLOSED, Participation


def _unknown() -> DomainError:
    return not_found("deltakeren", "the participant", field="participation")


def locked_for_supplier(actor: Actor, participation: Participation) -> Participation:
    """The participation's row locked and read again, if the supplier still sees it."""
    locked = (
        Participation.objects.select_for_update(of=("self",))
        .select_related("person", "delivery", "delivery__supplier")
        .filter(pk=participation.pk)
        .first()
    )
    if locked is None or not policies.can_supplier_view_participant(actor, locked):
        raise _unknown()
    return locked


def _status(participation: Participation, language: str) -> str:
    with override(language):
        return gettext(str(participation.get_status_display()))


def require_open(participation: Participation) -> None:
    """A closed participation takes no change (409, naming its status)."""
    if participation.status in CLOSED:
        raise DomainError(
            code="participation_closed",
            field=None,
            status=CONFLICT,
            message_nb=(
                f"Deltakelsen er avsluttet («{_status(participation, 'nb')}») og kan ikke endres."
            ),
            message_en=(
                f"The participation is closed (“{_status(participation, 'en')}”) "
                "and cannot be changed."
            ),
        )
