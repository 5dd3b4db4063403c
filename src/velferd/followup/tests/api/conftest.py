"""The demo's caseworker logged in, and the people and records the API tests act on, built
for each test (records.py)."""

from __future__ import annotations

import pytest
from django.test import Client

from .calls import Login
from .records import (
    awaiting,
    citizen,
    course,
    decision,
    jobs,
    me,
    meeting,
    newcomer,
    own_login,
    plan,
    proposal,
    question,
    unfollowed,
)

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
    "plan",
    "proposal",
    "question",
    "unfollowed",
]


@pytest.fixture
def veileder(client_as: Login) -> Client:
    return client_as("veileder")
