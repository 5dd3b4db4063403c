"""Each move of a follow-up lifecycle is declared once, in followup.lifecycles: the API's
list of moves, the pages' actions and their `unknown_action` refusal, and the service that
runs each move all come from the declaration."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import get_args

import pytest
from django.test import Client

from velferd.core.testing import login_actor
from velferd.followup import lifecycles, services
from velferd.followup.models import Activity, AssessmentStatus, NeedsAssessment
from velferd.project.openapi import openapi_document

from .factories import a_period, an_activity, an_assessment

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def test_every_move_goes_to_a_state_of_its_table() -> None:
    for lifecycle in (lifecycles.ACTIVITY, lifecycles.ASSESSMENT):
        assert {move.target for move in lifecycle.moves} <= set(lifecycle)


def test_each_assessment_move_is_run_by_its_own_service() -> None:
    assert {
        name: lifecycles.ASSESSMENT.service_for(name) for name in lifecycles.ASSESSMENT.names
    } == {
        "submit": services.assessment_submit,
        "approve": services.assessment_approve,
        "return": services.assessment_return,
        "send": services.assessment_send,
    }


def test_the_apis_activity_moves_are_the_declared_ones_in_their_order() -> None:
    from velferd.followup.schemas import Transition

    assert get_args(Transition) == lifecycles.ACTIVITY.names
    operation = json.loads(openapi_document())["paths"][
        "/api/v1/followup/activities/{activity_id}/{transition}"
    ]["post"]
    [parameter] = [p for p in operation["parameters"] if p["name"] == "transition"]
    assert tuple(parameter["schema"]["enum"]) == lifecycles.ACTIVITY.names


def test_an_action_the_activity_page_does_not_know_is_400_and_changes_nothing(
    client_as: Login,
) -> None:
    jobs = an_activity(person=a_period().person, title="Søk fire jobber i uka")

    response = client_as("veileder").post(
        f"/activities/{jobs.pk}/", {"action": "archive", "version": str(jobs.version)}
    )

    assert response.status_code == 400
    assert Activity.objects.get(pk=jobs.pk).version == jobs.version


def test_an_action_the_assessment_page_does_not_know_is_400_and_changes_nothing(
    client_as: Login,
) -> None:
    waiting = an_assessment(
        need_group="permanent",
        status=AssessmentStatus.AWAITING_APPROVAL,
        author=login_actor("veileder").user,
    )

    response = client_as("beslutter").post(
        f"/assessments/{waiting.pk}/", {"action": "archive", "version": str(waiting.version)}
    )

    assert response.status_code == 400
    stored = NeedsAssessment.objects.get(pk=waiting.pk)
    assert (stored.status, stored.version) == (waiting.status, waiting.version)
