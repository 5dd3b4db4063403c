"""What the supplier sees of its participants: the minimum, on the page and in the API; the
person's access log names the supplier; a protected address never goes to the supplier; the
participant is gone a set number of days after the participation closed; another supplier's
participant is 404; a strictly confidential participant is in no one else's list."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from velferd.access.models import User
from velferd.audit.models import AccessEvent
from velferd.core.testing import login_actor
from velferd.followup.tests.factories import a_benefit, a_period, an_assessment
from velferd.participants import selectors
from velferd.participants.models import Participation
from velferd.people.tests.factories import a_person, citizen_of, confidential, strictly_confidential
from velferd.schemes.tests.factories import a_supplier

from .supplier_builders import closed_days_ago, participating

pytestmark = pytest.mark.django_db

SECRET_REASONING = "Begrunnelse som bare NAV skal lese: helse og rus."


def as_login(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def with_records_the_supplier_must_not_see() -> Participation:
    """A participant with a §14a decision and its reasoning, and financial assistance."""
    person = a_person(address_line="Markveien 3", postal_code="0554", postal_town="Oslo")
    a_period(person=person)
    an_assessment(person=person, reasoning=SECRET_REASONING)
    a_benefit(person=person, kind="financial_assistance")
    return participating(person=person)


def pages_and_answers(participation: Participation) -> list[str]:
    supplier = as_login("leverandor")
    api = "/api/v1/participants/supplier"
    return [
        supplier.get(f"/participants/supplier/{participation.pk}/").content.decode(),
        supplier.get(
            f"/participants/supplier/deliveries/{participation.delivery_id}/"
        ).content.decode(),
        supplier.get(f"{api}/participants/{participation.pk}").content.decode(),
        supplier.get(f"{api}/deliveries/{participation.delivery_id}/participants").content.decode(),
    ]


def test_the_supplier_sees_the_minimum_and_nothing_of_decisions_benefits_or_health() -> None:
    participation = with_records_the_supplier_must_not_see()
    for body in pages_and_answers(participation):
        assert participation.person.family_name in body
        assert SECRET_REASONING not in body
        assert "need_group" not in body and "reasoning" not in body
        assert "financial_assistance" not in body and "Økonomisk sosialhjelp" not in body
        assert participation.person.national_id not in body
    answer = as_login("leverandor").get(
        f"/api/v1/participants/supplier/participants/{participation.pk}"
    )
    assert set(answer.json()) == {
        "id",
        "name",
        "email",
        "address",
        "address_protected",
        "status",
        "starts_on",
        "ends_on",
        "percentage",
        "days_per_week",
        "caseworker_name",
        "delivery_id",
        "delivery_number",
        "delivery_name",
    }
    assert answer.json()["address"] == "Markveien 3, 0554 Oslo"
    assert answer.json()["caseworker_name"] == "Vera Veileder"


@pytest.mark.parametrize("protected", [confidential, strictly_confidential])
def test_a_protected_address_never_goes_to_the_supplier(protected: object) -> None:
    person = protected(address_line="Skjult vei 9", postal_code="0555", postal_town="Oslo")  # type: ignore[operator]
    participation = participating(person=person)
    for body in pages_and_answers(participation):
        assert "Skjult vei 9" not in body
        assert person.family_name in body
    answer = as_login("leverandor").get(
        f"/api/v1/participants/supplier/participants/{participation.pk}"
    )
    assert answer.json()["address"] == "" and answer.json()["address_protected"] is True


def test_the_person_sees_the_supplier_by_name_in_their_access_log() -> None:
    person = a_person()
    citizen = citizen_of(person)
    participation = participating(person=person)
    as_login("leverandor").get(f"/participants/supplier/{participation.pk}/")
    event = AccessEvent.objects.filter(subject_id=str(person.pk)).latest("occurred_at")
    assert event.actor_unit == participation.delivery.supplier.name
    assert citizen.user is not None
    own = Client()
    own.force_login(citizen.user)
    page = own.get("/me/access-log/").content.decode()
    assert participation.delivery.supplier.name in page
    assert "Din deltakelse i et arbeidsmarkedstiltak" in page


def test_someone_elses_participant_is_404_on_the_page_and_in_the_api() -> None:
    theirs = participating(supplier=a_supplier())
    supplier = as_login("leverandor")
    assert supplier.get(f"/participants/supplier/{theirs.pk}/").status_code == 404
    api = f"/api/v1/participants/supplier/participants/{theirs.pk}"
    assert supplier.get(api).status_code == 404
    listed = supplier.get(
        f"/api/v1/participants/supplier/deliveries/{theirs.delivery_id}/participants"
    )
    assert listed.status_code == 404


def test_access_ends_the_set_number_of_days_after_the_participation_closed(
    settings: object,
) -> None:
    within, after = closed_days_ago(39), closed_days_ago(41)
    supplier = as_login("leverandor")
    assert supplier.get(f"/participants/supplier/{within.pk}/").status_code == 200
    assert supplier.get(f"/participants/supplier/{after.pk}/").status_code == 404
    api = "/api/v1/participants/supplier/participants"
    assert supplier.get(f"{api}/{after.pk}").status_code == 404
    listed = supplier.get(
        f"/api/v1/participants/supplier/deliveries/{after.delivery_id}/participants"
    )
    assert listed.json() == []
    shown = [
        row["delivery_id"]
        for row in supplier.get("/api/v1/participants/supplier/deliveries").json()
    ]
    assert within.delivery_id in shown and after.delivery_id not in shown


def test_the_window_is_a_setting(settings: object) -> None:
    closed = closed_days_ago(10)
    settings.VELFERD_SUPPLIER_ACCESS_DAYS_AFTER_END = 5  # type: ignore[attr-defined]
    assert as_login("leverandor").get(f"/participants/supplier/{closed.pk}/").status_code == 404


def test_a_draft_is_not_shared_with_the_supplier() -> None:
    draft = participating(status="draft")
    assert as_login("leverandor").get(f"/participants/supplier/{draft.pk}/").status_code == 404


def test_a_strictly_confidential_participant_is_in_no_other_list() -> None:
    hidden = participating(person=strictly_confidential(), supplier=a_supplier())
    for login in ("leverandor", "veileder", "tiltaksforvalter"):
        actor = login_actor(login)
        if actor.has_role("supplier"):
            rows = selectors.supplier_deliveries(actor=actor)
            assert hidden.delivery_id not in [r["delivery_id"] for r in rows]
        if selectors.proposal_count_waiting(actor=actor):
            waiting = selectors.proposals_waiting(actor=actor)
            assert all(p.participation_id != hidden.pk for p in waiting)


def test_every_read_by_the_supplier_is_logged() -> None:
    participation = participating()
    before = AccessEvent.objects.filter(subject_id=str(participation.person_id)).count()
    supplier = as_login("leverandor")
    supplier.get(f"/participants/supplier/{participation.pk}/")
    supplier.get(f"/api/v1/participants/supplier/participants/{participation.pk}")
    supplier.get(f"/participants/supplier/deliveries/{participation.delivery_id}/")
    after = AccessEvent.objects.filter(subject_id=str(participation.person_id))
    assert after.count() == before + 3
    assert set(after.values_list("actor_role", flat=True)) == {"supplier"}
    assert datetime.date.today()  # the reads are today's


def _list_statements(delivery_id: int) -> int:
    actor = login_actor("leverandor")
    with CaptureQueriesContext(connection) as captured:
        selectors.participants_of_delivery(actor=actor, delivery_id=delivery_id)
    return len(captured.captured_queries)


def test_a_list_logs_each_participant_read_in_as_many_statements_for_two_as_six() -> None:
    small = participating()
    participating(delivery=small.delivery)
    large = participating()
    for _ in range(5):
        participating(delivery=large.delivery)
    shown = [p.person_id for p in Participation.objects.filter(delivery=large.delivery)]

    assert _list_statements(small.delivery_id) == _list_statements(large.delivery_id)

    logged = AccessEvent.objects.filter(subject_id__in=[str(pk) for pk in shown])
    assert sorted(logged.values_list("subject_id", flat=True)) == sorted(str(pk) for pk in shown)
    assert {(e.actor_role, e.actor_unit) for e in logged} == {
        ("supplier", large.delivery.supplier.name)
    }
