"""A citizen logging in with ID-porten is their person record: the `pid` claim is the
person's national identity number. Their login is made at the first login and linked to the
person, both audited (settings.VELFERD_OIDC_CITIZEN_LOGIN names this function)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from velferd.access import services as access_services
from velferd.access.actor import system_actor

from . import services
from .models import Person


@transaction.atomic
def citizen_login(national_id: str) -> Any:
    """The login of the person with this number, made now if they have none; None if no
    person has it."""
    person = Person.objects.select_for_update().filter(national_id=national_id).first()
    if person is None:
        return None
    if person.user_id is not None:
        return person.user
    system = system_actor("first login with ID-porten")
    user = access_services.citizen_user_create(actor=system, full_name=person.full_name)
    services.link_user(actor=system, person=person, user=user)
    return user
