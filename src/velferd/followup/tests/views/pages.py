"""What the tests of the follow-up pages share: finding things on a page by data-testid, the
access log about a person, the activity form, the letter of an assessment and an activity no
one at the office may see. Table rows, the error beside a field, the Norwegian and the English
pages are core.testing's; letters easy and hard to read are the API tests'."""

from __future__ import annotations

import re

from django.test import Client

from velferd.audit.models import AccessEvent
from velferd.core.testing import Login as Login, Lookup as Lookup
from velferd.followup.models import Activity, NeedsAssessment
from velferd.followup.tests.factories import an_activity
from velferd.people.models import Person
from velferd.people.tests.factories import strictly_confidential

from ..api.calls import DAY, TODAY


def by_testid(html: str, name: str) -> str:
    """The element with this data-testid, with everything inside it."""
    found = re.search(rf'<(\w+)[^>]*data-testid="{name}"[^>]*>(.*?)</\1>', html, flags=re.DOTALL)
    assert found is not None, f"nothing with data-testid={name}"
    return found.group(2)


def access_events_about(person_: Person) -> list[AccessEvent]:
    return list(AccessEvent.objects.filter(subject_id=str(person_.pk)).order_by("occurred_at"))


def activity_form(**changes: str) -> dict[str, str]:
    return {
        "kind": "education",
        "title": "Norskkurs B2",
        "description": "Kveldskurs to dager i uka.",
        "starts_on": (TODAY() + 10 * DAY).isoformat(),
        "ends_on": (TODAY() + 70 * DAY).isoformat(),
        "meeting_at": "",
        **changes,
    }


def assessment_letter(client: Client, assessment: NeedsAssessment) -> str:
    response = client.get(f"/api/v1/followup/assessments/{assessment.pk}")
    return str(response.json()["letter"]["body"])


def hidden_activity() -> Activity:
    """A meeting in the plan of a strictly confidential person, stored directly: nobody at the
    office is cleared to plan it."""
    return an_activity(person=strictly_confidential(), kind="meeting", title="Hemmelig møte")
