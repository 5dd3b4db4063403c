"""A staff write through the follow-up API reads the person's data once, and the access log
shows that one read: the answer to the write is the record as written, not a second read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from velferd.audit.models import AccessEvent
from velferd.core.testing import login_actor
from velferd.followup import services
from velferd.followup.models import Activity, IndividualPlan, NeedsAssessment, Thread
from velferd.people.models import Person

from .calls import EASY, TODAY, new_activity, send

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Scene:
    """The people written about: one newly followed up, and one followed up with an agreed
    activity, a question in the dialogue and an individual plan."""

    newcomer: Person
    me: Person
    jobs: Activity
    question: Thread
    plan: IndividualPlan


Write = Callable[[Client, Scene], Any]


@pytest.fixture
def scene(
    newcomer: Person, me: Person, jobs: Activity, question: Thread, plan: IndividualPlan
) -> Scene:
    return Scene(newcomer=newcomer, me=me, jobs=jobs, question=question, plan=plan)


def draft_of(person: Person, need_group: str = "standard") -> NeedsAssessment:
    return services.assessment_create(
        actor=login_actor("veileder"),
        person=person,
        need_group=need_group,
        main_goal="" if need_group == "permanent" else "get_work",
        reasoning=EASY,
        sources=["dialogue"],
    )


def assessment_create(client: Client, scene: Scene) -> Any:
    body = {
        "person": str(scene.newcomer.pk),
        "need_group": "standard",
        "main_goal": "get_work",
        "reasoning": EASY,
    }
    return send(client, "post", "/assessments", body)


def assessment_update(client: Client, scene: Scene) -> Any:
    draft = draft_of(scene.newcomer)
    body = {"version": draft.version, "reasoning": "Ny begrunnelse."}
    return send(client, "patch", f"/assessments/{draft.pk}", body)


def assessment_write(path: str, need_group: str = "standard", **body: Any) -> Write:
    def write(client: Client, scene: Scene) -> Any:
        draft = draft_of(scene.newcomer, need_group)
        return send(
            client, "post", f"/assessments/{draft.pk}{path}", {"version": draft.version, **body}
        )

    return write


def activity_write(method: str, path: str, **body: Any) -> Write:
    def write(client: Client, scene: Scene) -> Any:
        jobs = scene.jobs
        return send(
            client, method, f"/activities/{jobs.pk}{path}", {"version": jobs.version, **body}
        )

    return write


def thread_start(client: Client, scene: Scene) -> Any:
    body = {"person": str(scene.me.pk), "subject": "Møte", "text": "Kan du komme?"}
    return send(client, "post", "/threads", body)


def thread_write(path: str, **body: Any) -> Write:
    def write(client: Client, scene: Scene) -> Any:
        return send(client, "post", f"/threads/{scene.question.pk}{path}", body)

    return write


def plan_write(method: str, path: str, **body: Any) -> Write:
    def write(client: Client, scene: Scene) -> Any:
        plan = scene.plan
        return send(
            client, method, f"/individual-plans/{plan.pk}{path}", {"version": plan.version, **body}
        )

    return write


# Each write, and whom it is about: the newcomer, or the person followed up ("me").
WRITES: dict[str, tuple[str, Write]] = {
    "create an assessment": ("newcomer", assessment_create),
    "update an assessment": ("newcomer", assessment_update),
    "submit an assessment": ("newcomer", assessment_write("/submit", "permanent")),
    "send an assessment": ("newcomer", assessment_write("/send")),
    "create an activity": (
        "me",
        lambda client, scene: send(client, "post", "/activities", new_activity(scene.me)),
    ),
    "update an activity": ("me", activity_write("patch", "", title="Søk fem jobber i uka")),
    "comment on an activity": ("me", activity_write("post", "/comments", text="Bra jobbet.")),
    "move an activity": ("me", activity_write("post", "/start")),
    "start a thread": ("me", thread_start),
    "reply in a thread": ("me", thread_write("/messages", text="Vi ser på det.")),
    "mark a thread read": ("me", thread_write("/read")),
    "set whom a thread waits for": ("me", thread_write("/waiting", waiting_for="person")),
    "update a plan's goals": ("me", plan_write("patch", "", goals="Jobb innen et år.")),
    "add a member to a plan": ("me", plan_write("post", "/members", service="school")),
    "set a plan's coordinator": ("me", plan_write("post", "/coordinator", service="gp")),
    "add a measure to a plan": (
        "me",
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
def test_a_write_leaves_one_access_event_for_its_read(
    veileder: Client, scene: Scene, write: str
) -> None:
    whom, call = WRITES[write]
    about = str(getattr(scene, whom).pk)
    before = AccessEvent.objects.filter(subject_id=about).count()

    response = call(veileder, scene)

    assert response.status_code in (200, 201), response.content
    assert AccessEvent.objects.filter(subject_id=about).count() == before + 1
