"""The demo's caseworker logged in, the people and records the page tests act on, built for
each test (the API tests' records.py), and a draft for the person newly followed up."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.core.testing import login_actor
from velferd.followup import services
from velferd.followup.models import NeedsAssessment
from velferd.people.models import Person

from ..api.calls import EASY
from ..api.records import (
    awaiting,
    citizen,
    course,
    decision,
    jobs,
    me,
    meeting,
    newcomer,
    own_login,
    proposal,
    question,
    unfollowed,
)
from .pages import Login

__all__ = [
    "awaiting",
    "citizen",
    "course",
    "decision",
    "jobs",
    "me",
    "meeting",
    "newcomer",
    "own_login",
    "proposal",
    "question",
    "unfollowed",
]


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def draft_for_newcomer(newcomer: Person) -> Callable[..., NeedsAssessment]:
    """A draft assessment of the person newly followed up, by Vera, resting on a conversation
    with them; the main goal its group takes (none for permanent adaptation)."""

    def make(reasoning: str = EASY, need_group: str = "standard") -> NeedsAssessment:
        return services.assessment_create(
            actor=login_actor("veileder"),
            person=newcomer,
            need_group=need_group,
            main_goal="" if need_group == "permanent" else "get_work",
            reasoning=reasoning,
            sources=["dialogue"],
        )

    return make
