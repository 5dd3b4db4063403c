"""The overview of places: counts by scheme type from deliveries and participations, the
people waiting under disclosure control, the months counted on their last day, VTA in
ordinary versus sheltered enterprises, who sees which scope, and the page and the API."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.models import User
from velferd.core.testing import login_actor, refusal
from velferd.organisation.models import County
from velferd.participants.models import ParticipationStatus
from velferd.participants.selectors.overview import (
    VTA_ORDINARY,
    VTA_SHELTERED,
    Scope,
    overview_scope,
    places_overview,
)
from velferd.participants.tests.factories import a_participation
from velferd.people.tests.factories import a_person
from velferd.schemes.tests.factories import a_delivery, a_scheme_type, an_agreement

pytestmark = pytest.mark.django_db

S = ParticipationStatus
VESTLAND = Scope(kind="county", name="Vestland", county_id="46")
TODAY = datetime.date(2026, 12, 5)


def delivery_in_vestland(code: str, places: int, **fields: Any) -> Any:
    scheme_type = a_scheme_type(code=code)
    return a_delivery(
        agreement=an_agreement(scheme_type=scheme_type, counties=["46"]),
        county=County.objects.get(number="46"),
        places=places,
        **fields,
    )


def people_in(delivery: Any, status: str, count: int, **fields: Any) -> None:
    for _ in range(count):
        a_participation(person=a_person(), delivery=delivery, status=status, **fields)


def test_places_occupied_and_waiting_by_scheme_type() -> None:
    training = delivery_in_vestland("OV_A", places=10)
    people_in(training, S.PARTICIPATING, 3)
    people_in(training, S.AWAITING_START, 1)
    people_in(training, S.WAITING_LIST, 7)
    people_in(training, S.ENDED, 2)
    overview = places_overview(VESTLAND, TODAY)
    line = next(line for line in overview.lines if line.code == "OV_A")
    assert (line.places, line.occupied, line.waiting.count) == (10, 4, 7)
    assert line.utilisation == Decimal("40.0")
    assert line.label != "OV_A"


def test_few_people_waiting_are_hidden_and_one_more_to_keep_them_hidden() -> None:
    for code, waiting in (("OV_B", 7), ("OV_C", 6), ("OV_D", 2)):
        people_in(delivery_in_vestland(code, places=5), S.WAITING_LIST, waiting)
    overview = places_overview(VESTLAND, TODAY)
    by_code = {line.code: line.waiting for line in overview.lines}
    assert by_code["OV_B"].count == 7
    assert (by_code["OV_D"].count, by_code["OV_D"].reason) == (None, "few_persons")
    assert (by_code["OV_C"].count, by_code["OV_C"].reason) == (None, "complementary")
    assert overview.waiting.count == 15


def test_the_months_are_counted_on_their_last_day() -> None:
    delivery = delivery_in_vestland("OV_E", places=10, starts_on=datetime.date(2026, 1, 1))
    a_participation(
        person=a_person(),
        delivery=delivery,
        status=S.PARTICIPATING,
        starts_on=datetime.date(2026, 3, 10),
        ends_on=None,
    )
    a_participation(
        person=a_person(),
        delivery=delivery,
        status=S.ENDED,
        starts_on=datetime.date(2026, 2, 1),
        ends_on=datetime.date(2026, 6, 30),
        ended_at=timezone.make_aware(datetime.datetime(2026, 5, 15, 12)),
    )
    listed = places_overview(VESTLAND, TODAY).months
    months = {m.month.month: m for m in listed}
    assert listed[0].month == datetime.date(2026, 1, 1)
    assert months[12].counted_on == TODAY
    occupied = [months[n].occupied for n in range(1, 13)]
    assert occupied == [0, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    assert months[4].utilisation == Decimal("20.0")


def test_vta_in_ordinary_and_sheltered_enterprises_over_time() -> None:
    delivery_in_vestland(VTA_ORDINARY, places=4, starts_on=datetime.date(2026, 7, 1))
    delivery_in_vestland(
        VTA_SHELTERED,
        places=6,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 9, 30),
    )
    months = places_overview(VESTLAND, TODAY).months
    assert [m.vta[VTA_ORDINARY][0] for m in months] == [0] * 6 + [4] * 6
    assert [m.vta[VTA_SHELTERED][0] for m in months] == [6] * 9 + [0] * 3


def test_who_sees_which_scope() -> None:
    assert overview_scope(login_actor("kontorleder")).kind == "office"
    assert overview_scope(login_actor("tiltaksforvalter")).county_id == "03"
    assert overview_scope(login_actor("analytiker")).kind == "country"
    assert overview_scope(login_actor("analytiker"), county="46").county_id == "46"
    assert overview_scope(login_actor("tiltaksforvalter"), office="0317").kind == "office"
    refused: list[tuple[str, dict[str, str]]] = [
        ("kontorleder", {"county": "03"}),
        ("tiltaksforvalter", {"county": "46"}),
        ("veileder", {}),
        ("leverandor", {}),
    ]
    for login, asked in refused:
        error = refusal(partial(overview_scope, login_actor(login), **asked))
        assert error.status == 403, login


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_page_shows_each_chart_with_its_id_title_and_table() -> None:
    html = _client("tiltaksforvalter").get("/participants/overview/").content.decode()
    for chart in ("overview-utilisation", "overview-vta"):
        assert f'id="{chart}-title"' in html and f'aria-labelledby="{chart}-heading"' in html
        assert f'data-testid="{chart}-figures"' in html
    assert "VARIG_TILRETTELAGT" not in html
    assert 'style="' not in html.split("<main", 1)[-1]


def test_the_api_masks_few_people_waiting() -> None:
    people_in(delivery_in_vestland("OV_F", places=5), S.WAITING_LIST, 2)
    answer = _client("analytiker").get("/api/v1/participants/overview?county=46").json()
    line = next(line for line in answer["scheme_types"] if line["scheme_type"] == "OV_F")
    assert line["waiting"] == {"count": None, "masked": True, "reason": "few_persons"}
    assert len(answer["months"]) == 12
