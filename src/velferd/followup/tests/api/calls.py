"""What the tests of the follow-up API share: `send()`, drafts and letters easy and hard to
read. The audit trail's marks are core.testing's, taken from here too."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.test import Client
from django.utils import timezone, translation

from velferd.core.testing import (
    Login as Login,
    actions_since as actions_since,
    audit_mark as audit_mark,
)
from velferd.followup.models import ActivityStatus
from velferd.people.models import Person

BASE = "/api/v1/followup"
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
EASY = "Du vil ha jobb. Vi hjelper deg å søke. Du får en plan."
# One endless sentence of long words: a letter with it is hard to read (LIX above 45).
HARD = ", ".join(
    [
        "arbeidsevnevurderingsprosessen dokumenterer funksjonsnedsettelsesrelaterte "
        "tilretteleggingsbehov og arbeidsmarkedstiltaksdeltakelsesmuligheter"
    ]
    * 14
).capitalize()


# Helpers -------------------------------------------------------------------------------------


def send(client: Client, method: str, path: str, body: Any, **headers: Any) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}",
        data=json.dumps(body, default=str),
        content_type="application/json",
        **headers,
    )


def draft(
    client: Client, person: Person, need_group: str = "standard", reasoning: str = EASY
) -> Any:
    """A new assessment of the person, who has an open period, through the API: resting on
    a conversation at the office, with the main goal its group takes (none for permanent
    adaptation, as NAV's decision support has it)."""
    response = send(
        client,
        "post",
        "/assessments",
        {
            "person": str(person.pk),
            "need_group": need_group,
            "main_goal": None if need_group == "permanent" else "get_work",
            "reasoning": reasoning,
            "sources": ["dialogue"],
            "evidence": "Samtale på kontoret.",
        },
    )
    assert response.status_code == 201, response.content
    return response.json()


def label(status: str, language: str) -> str:
    with translation.override(language):
        return str(ActivityStatus(status).label)


def new_activity(person_: Person, **changes: Any) -> dict[str, Any]:
    return {
        "person": str(person_.pk),
        "kind": "education",
        "title": "Norskkurs B2",
        "starts_on": TODAY().isoformat(),
        "ends_on": (TODAY() + 60 * DAY).isoformat(),
        **changes,
    }
