"""The anonymous survey forgives mistakes: every answer given is kept when one is missing,
each missing answer is named by its question in the summary and beside the question, and
only answers received count against the address's limit."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings

from velferd.core.testing import field_error
from velferd.employers.models import Cooperation, Survey

pytestmark = pytest.mark.django_db

ANSWERS = dict.fromkeys(
    ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"], "4"
)


def url_of(cooperation: Cooperation) -> str:
    return f"/employers/survey/{Survey.objects.get(cooperation=cooperation).token}/"


def test_a_missing_answer_is_named_by_its_question_and_the_other_answers_are_kept(
    client: Client, assessed: Cooperation
) -> None:
    answers = {**ANSWERS, "adaptation": "", "knowledge": "dont_know"}

    response = client.post(url_of(assessed), {"group": "", **answers})

    html = response.content.decode()
    assert response.status_code == 422
    assert field_error(html, "group") == "Velg hvem du svarer som."
    message = "Svar på spørsmål 3: «Det er lett å få tilrettelagt arbeidet når helsen svikter.»"
    assert field_error(html, "adaptation") == message
    assert f'<a class="aksel-link" href="#id_adaptation">{message}</a>' in html
    assert 'href="#id_group"' in html and html.count('href="#id_') == 2
    assert 'id="id_adaptation" aria-invalid="true" aria-describedby="error-adaptation"' in html
    assert re.search(r'name="partnership" value="4"[^>]*checked', html)
    assert re.search(r'name="knowledge" value="dont_know"[^>]*checked', html)


def test_the_missing_answer_is_named_in_english_too(client: Client, assessed: Cooperation) -> None:
    client.cookies["django_language"] = "en"
    response = client.post(url_of(assessed), {"group": "employee", **ANSWERS, "workload": ""})
    assert field_error(response.content.decode(), "workload").startswith("Answer question 4: “")


@override_settings(VELFERD_SURVEY_ANSWER_RATE_LIMITS=((2, 60),))
def test_answers_refused_for_a_missing_answer_do_not_use_up_the_limit(
    assessed: Cooperation,
) -> None:
    url = url_of(assessed)
    for _ in range(5):
        assert Client().post(url, {"group": "employee"}).status_code == 422

    for _ in range(2):
        assert Client().post(url, {"group": "employee", **ANSWERS}).status_code == 302

    assert Client().post(url, {"group": "employee", **ANSWERS}).status_code == 429
    assert Survey.objects.get(cooperation=assessed).responses.count() == 6 + 2


def test_a_received_answer_is_confirmed_in_a_live_region(
    client: Client, assessed: Cooperation
) -> None:
    response = client.post(url_of(assessed), {"group": "manager", **ANSWERS}, follow=True)

    assert '<div class="aksel-alert notice notice--success" role="status"' in (
        response.content.decode()
    )
