"""The action plan's sub-theme form names every mistake at once in the error summary before
it asks the service, keeps what was written, and confirms a saved sub-theme."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.core.testing import assert_every_error_shown, field_error
from velferd.employers.models import Cooperation, SubTheme

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]


def test_a_missing_title_and_goal_and_a_bad_date_are_named_at_once(
    client_as: Login, assessed: Cooperation
) -> None:
    response = client_as("ia-radgiver").post(
        f"/employers/cooperations/{assessed.pk}/sub-themes/new/",
        {"theme": "sick_leave", "title": "", "goal": "", "starts_on": "1. mai"},
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert field_error(html, "title") == "Undertemaet mangler."
    assert field_error(html, "goal") == "Målet mangler."
    assert field_error(html, "starts_on") == "Skriv datoen som dd.mm.åååå."
    assert field_error(html, "ends_on") == "Sluttdato mangler."
    assert html.count('<a class="aksel-link" href="#id_') == 4
    assert 'value="1. mai"' in html


def test_the_services_rule_for_the_dates_is_named_with_the_forms_own_mistakes(
    client_as: Login, assessed: Cooperation
) -> None:
    """An end before the start is the service's rule; it is named at once with a missing
    title, not after the title is written."""
    response = client_as("ia-radgiver").post(
        f"/employers/cooperations/{assessed.pk}/sub-themes/new/",
        {
            "theme": "sick_leave",
            "title": "",
            "goal": "Tidlig kontakt",
            "starts_on": "2026-09-01",
            "ends_on": "2026-05-01",
        },
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert_every_error_shown(
        html,
        {
            "title": "Undertemaet mangler.",
            "ends_on": "Sluttdatoen kan ikke være før startdatoen.",
        },
    )
    assert 'value="2026-05-01"' in html
    assert not SubTheme.objects.filter(goal="Tidlig kontakt", cooperation=assessed).exists()


def test_a_saved_sub_theme_is_confirmed(client_as: Login, assessed: Cooperation) -> None:
    response = client_as("ia-radgiver").post(
        f"/employers/cooperations/{assessed.pk}/sub-themes/new/",
        {
            "theme": "sick_leave",
            "title": "Rutiner",
            "goal": "Tidlig kontakt",
            "starts_on": "2026-05-01",
            "ends_on": "2026-09-01",
        },
        follow=True,
    )

    assert SubTheme.objects.filter(title="Rutiner").exists()
    assert 'role="status">Undertemaet er lagret.</div>' in response.content.decode()
