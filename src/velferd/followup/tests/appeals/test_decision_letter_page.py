"""The §14a decision letter has a page of its own: the caseworker opens it from the person's
page; the person reads it with the last day to appeal, and from it replies in the dialogue or
appeals."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

import pytest
from django.test import Client
from django.utils.formats import date_format

from velferd.access.actor import Actor
from velferd.followup.appeal_selectors import sent_decision
from velferd.followup.models import Appeal, NeedsAssessment
from velferd.people.models import Person

from .conftest import draft

pytestmark = pytest.mark.django_db

Login = Callable[[Actor], Client]


def letter_page(decision: NeedsAssessment) -> str:
    return f"/assessments/{decision.pk}/letter/"


def deadline_of(decision: NeedsAssessment) -> str:
    return date_format(sent_decision(decision).deadline, "SHORT_DATE_FORMAT")


def test_the_caseworker_opens_the_sent_letter_from_the_persons_page(
    client_of: Login, vera: Actor, ola: Person, decision: NeedsAssessment
) -> None:
    caseworker = client_of(vera)
    person_page = caseworker.get(f"/people/{ola.pk}/").content.decode()
    assert f'href="{letter_page(decision)}" data-testid="decision-letter-link"' in person_page

    html = caseworker.get(letter_page(decision)).content.decode()
    assert decision.letter is not None
    assert decision.letter.body.splitlines()[0] in html
    assert f"Vedtaket kan påklages til og med {deadline_of(decision)}." in html
    assert f'href="/assessments/{decision.pk}/appeal/" data-testid="appeal-link"' in html


def test_the_person_reads_the_deadline_and_may_reply_or_appeal(
    client_of: Login, ola_login: Actor, decision: NeedsAssessment
) -> None:
    citizen = client_of(ola_login)
    decisions = citizen.get("/me/decisions/").content.decode()
    assert f'href="{letter_page(decision)}"' in decisions

    html = citizen.get(letter_page(decision)).content.decode()
    assert f"Du kan klage på vedtaket til og med {deadline_of(decision)}." in html
    assert f'href="/me/decisions/{decision.pk}/appeal/" data-testid="appeal-link"' in html
    reply = re.search(r'href="([^"]+)" data-testid="reply-link"', html)
    assert reply is not None
    assert reply.group(1).startswith(f"/people/{decision.person_id}/threads/new/?subject=")

    form = citizen.get(unescape(reply.group(1))).content.decode()
    assert decision.letter is not None
    assert f'value="{decision.letter.title}"' in form


def test_an_appeal_being_prepared_takes_away_the_link_to_appeal_again(
    client_of: Login, ola_login: Actor, appeal: Appeal
) -> None:
    html = client_of(ola_login).get(letter_page(appeal.decision)).content.decode()
    assert 'data-testid="appeal-link"' not in html
    assert "En klage på dette vedtaket er under behandling." in html


def test_a_draft_has_no_letter_page(client_of: Login, vera: Actor, ola: Person) -> None:
    assert client_of(vera).get(letter_page(draft(vera, ola))).status_code == 404


def test_staff_at_another_office_do_not_read_the_letter(
    client_of: Login, sagene: Actor, decision: NeedsAssessment
) -> None:
    assert client_of(sagene).get(letter_page(decision)).status_code in (403, 404)
