"""A staff write through the follow-up API reads the person's data once, and the access log
shows that one read: the answer to the write is the record as written, not a second read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from velferd.audit.models import AccessEvent
from velferd.core.testing import login_actor
from velferd.followup import services
from velferd.followup.models import IndividualPlan, NeedsAssessment

from .calls import EASY, TODAY, activity, demo_thread, new_activity, person, send

pytestmark = pytest.mark.django_db

Write = Callable[[Client], Any]


def ahmeds_draft(need_group: str = "standard") -> NeedsAssessment:
    return services.assessment_create(
        actor=login_actor("veileder"),
        person=person("Ahmed"),
        need_group=need_group,
        main_goal="get_work",
        reasoning=EASY,
    )


def olas_plan() -> IndividualPlan:
    return IndividualPlan.objects.get(person__given_name="Ola")


def assessment_write(path: str, need_group: str = "standard", **body: Any) -> Write:
    def write(client: Client) -> Any:
        draft = ahmeds_draft(need_group)
        return send(
            client, "post", f"/assessments/{draft.pk}{path}", {"version": draft.version, **body}
        )

    return write


def activity_write(method: str, path: str, **body: Any) -> Write:
    def write(client: Client) -> Any:
        jobs = activity("Søk fire jobber i uka")
        return send(
            client, method, f"/activities/{jobs.pk}{path}", {"version": jobs.version, **body}
        )

    return write


def thread_write(path: str, **body: Any) -> Write:
    def write(client: Client) -> Any:
        return send(client, "post", f"/threads/{demo_thread().pk}{path}", body)

    return write


def plan_write(method: str, path: str, **body: Any) -> Write:
    def write(client: Client) -> Any:
        plan = olas_plan()
        return send(
            client, method, f"/individual-plans/{plan.pk}{path}", {"version": plan.version, **body}
        )

    return write


WRITES: dict[str, tuple[str, Write]] = {
    "create an assessment": (
        "Ahmed",
        lambda client: send(
            client,
            "post",
            "/assessments",
            {
                "person": str(person("Ahmed").pk),
                "need_group": "standard",
                "main_goal": "get_work",
                "reasoning": EASY,
            },
        ),
    ),
    "update an assessment": (
        "Ahmed",
        lambda client: (
            lambda draft: send(
                client,
                "patch",
                f"/assessments/{draft.pk}",
                {"version": draft.version, "reasoning": "Ny begrunnelse."},
            )
        )(ahmeds_draft()),
    ),
    "submit an assessment": ("Ahmed", assessment_write("/submit", "permanent")),
    "send an assessment": ("Ahmed", assessment_write("/send")),
    "create an activity": (
        "Ola",
        lambda client: send(client, "post", "/activities", new_activity(person("Ola"))),
    ),
    "update an activity": ("Ola", activity_write("patch", "", title="Søk fem jobber i uka")),
    "comment on an activity": ("Ola", activity_write("post", "/comments", text="Bra jobbet.")),
    "move an activity": ("Ola", activity_write("post", "/start")),
    "start a thread": (
        "Ola",
        lambda client: send(
            client,
            "post",
            "/threads",
            {"person": str(person("Ola").pk), "subject": "Møte", "text": "Kan du komme?"},
        ),
    ),
    "reply in a thread": ("Ola", thread_write("/messages", text="Vi ser på det.")),
    "mark a thread read": ("Ola", thread_write("/read")),
    "set whom a thread waits for": ("Ola", thread_write("/waiting", waiting_for="person")),
    "update a plan's goals": ("Ola", plan_write("patch", "", goals="Jobb innen et år.")),
    "add a member to a plan": ("Ola", plan_write("post", "/members", service="school")),
    "set a plan's coordinator": ("Ola", plan_write("post", "/coordinator", service="gp")),
    "add a measure to a plan": (
        "Ola",
        plan_write(
            "post",
            "/measures",
            text="Time hos fastlegen",
            responsible_service="gp",
            deadline=TODAY().isoformat(),
        ),
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_write_leaves_one_access_event_for_its_read(veileder: Client, write: str) -> None:
    given_name, call = WRITES[write]
    about = str(person(given_name).pk)
    before = AccessEvent.objects.filter(subject_id=about).count()

    response = call(veileder)

    assert response.status_code in (200, 201), response.content
    assert AccessEvent.objects.filter(subject_id=about).count() == before + 1
