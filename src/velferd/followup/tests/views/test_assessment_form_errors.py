"""The new needs assessment form names every mistake at once in the error summary before it
asks the service, keeps what was written, and confirms a saved draft."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import assert_every_error_shown, field_error
from velferd.followup.models import NeedsAssessment
from velferd.people.models import Person

pytestmark = pytest.mark.django_db


def test_a_missing_goal_and_reasoning_are_named_at_once(veileder: Client, me: Person) -> None:
    response = veileder.post(
        f"/people/{me.pk}/assessments/new/",
        {
            "need_group": "situation_specific",
            "main_goal": "",
            "reasoning": " ",
            "evidence": "Samtale",
        },
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert field_error(html, "main_goal") == "Velg et hovedmål."
    assert field_error(html, "reasoning") == "Begrunnelsen mangler."
    assert 'href="#id_main_goal"' in html and 'href="#id_reasoning"' in html
    assert 'name="reasoning" aria-invalid="true" aria-describedby="error-reasoning"' in html
    assert ">Samtale</textarea>" in html


def test_a_saved_draft_is_confirmed(veileder: Client, me: Person) -> None:
    response = veileder.post(
        f"/people/{me.pk}/assessments/new/",
        {
            "need_group": "situation_specific",
            "main_goal": "get_work",
            "reasoning": "Du trenger litt hjelp for å komme i jobb.",
            "sources": ["dialogue"],
        },
        follow=True,
    )

    assert NeedsAssessment.objects.filter(person=me).exists()
    assert 'role="status">Vurderingen er lagret som utkast.</div>' in response.content.decode()


def test_a_person_not_followed_up_is_named_with_the_forms_own_mistakes(
    veileder: Client, unfollowed: Person
) -> None:
    """The service refuses an assessment without an open follow-up whatever the form says;
    the page names that with the fields' mistakes at once, not after them."""
    response = veileder.post(
        f"/people/{unfollowed.pk}/assessments/new/",
        {"need_group": "situation_specific", "main_goal": "", "reasoning": ""},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert_every_error_shown(
        html,
        {
            "": "Start oppfølging før du vurderer bistandsbehovet.",
            "main_goal": "Velg et hovedmål.",
            "reasoning": "Begrunnelsen mangler.",
        },
    )
    assert not NeedsAssessment.objects.filter(person=unfollowed).exists()
