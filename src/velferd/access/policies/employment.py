"""The employment register and the outcomes derived from it.

The import brings every person's monthly employment from the employers' reports
(A-ordningen) into velferd: register data about people, so only administrators load it, as
they load the sick-leave statistics. The outcome figures are aggregates over people, masked
where few are behind a figure (core.disclosure): those who follow up the schemes read them,
for the whole country and for any county."""

from __future__ import annotations

from ..actor import Actor
from ..roles import Role


def can_import_employment(actor: Actor) -> bool:
    return actor.has_role(Role.ADMINISTRATOR)


def can_view_outcome_figures(actor: Actor) -> bool:
    """The share in work, in education, on a benefit or none after each scheme type, masked:
    analysts, ministry staff, scheme managers (any county: the figures are aggregates) and
    administrators."""
    return actor.has_role(
        Role.ANALYST, Role.MINISTRY_STAFF, Role.SCHEME_MANAGER, Role.ADMINISTRATOR
    )
