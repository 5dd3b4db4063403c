"""The dialogue's forms: a new conversation names every missing field at once in the error
summary, and a message sent is confirmed on the next page in a live region."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import field_error
from velferd.followup.models import Thread
from velferd.people.models import Person

pytestmark = pytest.mark.django_db


def test_a_new_conversation_without_subject_or_message_names_both(
    veileder: Client, me: Person
) -> None:
    before = Thread.objects.filter(person=me).count()

    response = veileder.post(f"/people/{me.pk}/threads/new/", {"subject": "", "text": " "})

    html = response.content.decode()
    assert response.status_code == 422
    assert field_error(html, "subject") == "Emnet mangler."
    assert field_error(html, "text") == "Meldingen mangler."
    assert 'href="#id_subject"' in html and 'href="#id_text"' in html
    assert 'name="subject" aria-invalid="true" aria-describedby="error-subject"' in html
    assert Thread.objects.filter(person=me).count() == before


def test_a_new_conversation_is_confirmed_as_sent(veileder: Client, me: Person) -> None:
    response = veileder.post(
        f"/people/{me.pk}/threads/new/", {"subject": "Møte", "text": "Kan vi møtes?"}, follow=True
    )

    assert 'role="status">Meldingen er sendt.</div>' in response.content.decode()


def test_a_reply_is_confirmed_as_sent(veileder: Client, question: Thread) -> None:
    response = veileder.post(f"/threads/{question.pk}/", {"text": "Ta med CV-en."}, follow=True)

    assert 'role="status">Meldingen er sendt.</div>' in response.content.decode()
