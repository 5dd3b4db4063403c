"""What the tests of the follow-up pages share: the demo's records by name, and finding
things on a page (by data-testid, table rows, the error beside a field)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from velferd.access.actor import Actor
from velferd.access.models import User
from velferd.audit.models import AccessEvent
from velferd.followup.models import (
    Activity,
    ActivityStatus,
    NeedsAssessment,
    Thread,
)
from velferd.people.models import Person

Login = Callable[[str], Client]
Lookup = Callable[[str], Actor]

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)
EASY = "Du vil ha jobb. Vi hjelper deg å søke. Du får en plan."
HARD = ", ".join(
    [
        "arbeidsevnevurderingsprosessen dokumenterer funksjonsnedsettelsesrelaterte "
        "tilretteleggingsbehov og arbeidsmarkedstiltaksdeltakelsesmuligheter"
    ]
    * 14
).capitalize()


# Helpers -------------------------------------------------------------------------------------


def person(given_name: str) -> Person:
    return Person.objects.get(given_name=given_name)


def activity(title: str) -> Activity:
    return Activity.objects.get(title=title)


def demo_thread() -> Thread:
    return Thread.objects.get(subject="Spørsmål om jobbsøkerkurset")


def waiting_assessment() -> NeedsAssessment:
    return NeedsAssessment.objects.get(person__given_name="Lars")


def nb(text: str) -> str:
    """A user-facing string as the Norwegian pages show it."""
    with translation.override("nb"):
        return gettext(text)


def by_testid(html: str, name: str) -> str:
    """The element with this data-testid, with everything inside it."""
    found = re.search(rf'<(\w+)[^>]*data-testid="{name}"[^>]*>(.*?)</\1>', html, flags=re.DOTALL)
    assert found is not None, f"nothing with data-testid={name}"
    return found.group(2)


def rows(html: str, name: str) -> list[str]:
    return re.findall(r"<tr[^>]*>(.*?)</tr>", by_testid(html, name), flags=re.DOTALL)[1:]


def row_of(html: str, name: str, text: str) -> str:
    [found] = [r for r in rows(html, name) if text in r]
    return found


def field_error(html: str, name: str) -> str:
    """The error shown beside a form field, or '' if none."""
    found = re.search(rf'<p [^>]*id="error-{name}"[^>]*>(.*?)</p>', html, flags=re.DOTALL)
    return found.group(1).strip() if found else ""


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


def choose_english(client: Client) -> Client:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def assessment_letter(client: Client, assessment: NeedsAssessment) -> str:
    response = client.get(f"/api/v1/followup/assessments/{assessment.pk}")
    return str(response.json()["letter"]["body"])


def activity_of_per() -> Activity:
    """An activity of Per Skjult (strictly confidential), stored directly: nobody at the demo
    office is cleared to plan it."""
    return Activity.objects.create(
        person=person("Per"),
        kind="meeting",
        title="Hemmelig møte",
        status=ActivityStatus.PLANNED,
        created_by=User.objects.get(username="veileder"),
    )
