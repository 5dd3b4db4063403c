"""Effect runs: who may ask the estimator a question, and who may read what it found.

A run reads personal data (the pseudonymised extract, inside the platform), but what it
writes and anyone reads are aggregates, masked where few people are behind a figure
(core.disclosure). So analysts, whose work it is, request runs; those who follow up the
schemes read them: analysts, ministry staff, scheme managers (any county: the figures are
national aggregates) and administrators. Nobody else, and nobody outside NAV."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .base import NOTHING

EFFECT_READERS = (Role.ANALYST, Role.MINISTRY_STAFF, Role.SCHEME_MANAGER, Role.ADMINISTRATOR)


def can_request_effect_run(actor: Actor) -> bool:
    """Ask a question of the estimator (which schemes, against what, for whom): analysts."""
    return actor.has_role(Role.ANALYST)


def can_view_effect_run(actor: Actor, run: Any = None) -> bool:
    """A run's question, status, masked estimates, diagnostics and policy tree (`run`
    None: the list of runs). Every reader sees every run: they are aggregates."""
    return actor.has_role(*EFFECT_READERS)


def effect_runs_visible(actor: Actor) -> Q:
    """The list filter of `can_view_effect_run`, over effect runs."""
    return Q() if can_view_effect_run(actor) else NOTHING
