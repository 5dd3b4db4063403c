"""The new activity form forgives mistakes: every error of a submit at once, in a summary at
the top that links to each field, each field marked invalid and tied to its message, the
answers kept; a saved activity is confirmed on the next page in a live region."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import field_error
from velferd.followup.models import Activity
from velferd.people.models import Person

from .pages import activity_form

pytestmark = pytest.mark.django_db


def test_every_error_is_shown_at_once_with_the_summary_and_the_answers_kept(
    veileder: Client, me: Person
) -> None:
    response = veileder.post(
        f"/people/{me.pk}/activities/new/",
        activity_form(title="", starts_on="31.02.2026", meeting_at="i morgen", description="Kurs"),
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert field_error(html, "title") == "Tittel mangler."
    assert field_error(html, "starts_on") == "Skriv datoen som dd.mm.åååå."
    assert field_error(html, "meeting_at") == "Skriv tidspunktet som dd.mm.åååå tt:mm."
    summary = html[html.index('id="error-summary"') : html.index("</ul>")]
    assert (
        summary.index("#id_title")
        < summary.index("#id_starts_on")
        < summary.index("#id_meeting_at")
    )
    assert summary.count('href="#id_') == 3
    assert 'name="title" aria-invalid="true" aria-describedby="error-title"' in html
    assert 'name="ends_on" aria-invalid' not in html
    assert ">Kurs</textarea>" in html
    assert not Activity.objects.filter(person=me, description="Kurs").exists()


def test_a_saved_activity_is_confirmed_in_a_live_region(veileder: Client, me: Person) -> None:
    response = veileder.post(f"/people/{me.pk}/activities/new/", activity_form(), follow=True)

    html = response.content.decode()
    assert response.redirect_chain[0][1] == 302
    assert 'role="status">Aktiviteten er lagret.</div>' in html
