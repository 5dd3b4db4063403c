"""The demo's caseworker and citizen, logged in, and a draft for Ahmed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.followup import services
from velferd.followup.models import (
    NeedsAssessment,
)

from .pages import EASY, Login, Lookup, person


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")


@pytest.fixture
def ola(client_as: Login) -> Client:
    return client_as("innbygger")


@pytest.fixture
def draft_for_ahmed(actor_of_login: Lookup) -> Callable[..., NeedsAssessment]:
    def make(reasoning: str = EASY, need_group: str = "standard") -> NeedsAssessment:
        return services.assessment_create(
            actor=actor_of_login("veileder"),
            person=person("Ahmed"),
            need_group=need_group,
            main_goal="get_work",
            reasoning=reasoning,
        )

    return make
