"""What the settlement pages share: the actor, the year shown, a form's reason and date."""

from __future__ import annotations

from django.http import HttpRequest

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.access.selectors import actor_for_request
from velferd.core.errors import NOT_FOUND, DomainError

from .. import selectors
from ..models import SettlementYear


def logged_in(request: HttpRequest) -> Actor:
    actor = actor_for_request(request)
    if not actor.is_authenticated:
        raise policies.not_authenticated()
    policies.require(actor, policies.can_work_with_settlement)
    return actor


def shown_year(request: HttpRequest) -> SettlementYear:
    year = selectors.current_year(request.GET.get("year"))
    if year is None:
        raise DomainError(
            code="not_found",
            message_nb="Det er ikke åpnet noe bosettingsår ennå.",
            message_en="No settlement year has been opened yet.",
            status=NOT_FOUND,
        )
    return year


def percent(value: float | None) -> float | None:
    return None if value is None else value * 100
