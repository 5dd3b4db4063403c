"""The caseworkers' delivery catalogue: each filter of the search (scheme type, the person's
office or the caseworker's own, free places only, start date), the two sorts, paging, and
that only planned and running deliveries the office may enrol in are found. Deliveries are
built at NAV Østensjø (0326), where the demo has none."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db.models import F
from django.test import Client

from velferd.access.models import User
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor
from velferd.schemes import selectors
from velferd.schemes.models import Delivery, DeliveryStatus

from .factories import a_delivery, a_scheme_type, an_agreement

pytestmark = pytest.mark.django_db
OSTENSJO = "0326"


@pytest.fixture
def built() -> dict[str, Any]:
    first, second = a_scheme_type(), a_scheme_type()
    agreement = an_agreement(scheme_type=first)
    other = an_agreement(scheme_type=second)

    def at(name: str, agreement: Any, starts: int, places: int, **fields: Any) -> Delivery:
        return a_delivery(
            name=name,
            agreement=agreement,
            starts_on=datetime.date(2026, starts, 1),
            places=places,
            offices=[OSTENSJO],
            **fields,
        )

    made = {
        "march": at("Mars", agreement, 3, 10),
        "february": at("Februar", agreement, 2, 30),
        "full": at("Full", agreement, 1, 5),
        "planned": at("Planlagt", agreement, 6, 8, status=DeliveryStatus.PLANNED),
        "ended": at("Avsluttet", agreement, 1, 8, status=DeliveryStatus.ENDED),
        "other_type": at("Annen type", other, 4, 12),
        "elsewhere": a_delivery(name="Et annet kontor", agreement=agreement, offices=["0317"]),
    }
    Delivery.objects.filter(pk=made["full"].pk).update(places_taken=F("places"))
    Delivery.objects.filter(pk=made["march"].pk).update(places_taken=4)
    return {"type": first.code, "other": second.code, **made}


def search(**query: Any) -> list[str]:
    _, found = selectors.delivery_catalogue(
        actor=login_actor("veileder"),
        query=selectors.CatalogueQuery(office=OSTENSJO, **query),
    )
    return [d.name for d in found]


def test_by_scheme_type_sorted_by_start(built: dict[str, Any]) -> None:
    assert search(scheme_type=built["type"]) == ["Full", "Februar", "Mars", "Planlagt"]
    assert search(scheme_type=built["other"]) == ["Annen type"]
    assert search() == ["Full", "Februar", "Mars", "Annen type", "Planlagt"]


def test_only_free_places_and_sorted_by_most_free(built: dict[str, Any]) -> None:
    assert search(scheme_type=built["type"], free_only=True) == ["Februar", "Mars", "Planlagt"]
    assert search(free_only=True, sort="free_places") == [
        "Februar",
        "Annen type",
        "Planlagt",
        "Mars",
    ]


def test_starting_on_or_after_a_date(built: dict[str, Any]) -> None:
    assert search(starts_from=datetime.date(2026, 3, 1)) == ["Mars", "Annen type", "Planlagt"]


def test_the_caseworkers_own_office_by_default(built: dict[str, Any]) -> None:
    actor = login_actor("veileder")
    office, found = selectors.delivery_catalogue(actor=actor, query=selectors.CatalogueQuery())
    assert office == selectors.own_office(actor)
    assert office.unit_number != OSTENSJO
    assert not {"Mars", "Februar"} & {d.name for d in found}


def test_refusals(built: dict[str, Any]) -> None:
    with pytest.raises(DomainError) as unknown:
        search(scheme_type="NO_SUCH_TYPE")
    assert (unknown.value.status, unknown.value.field) == (404, "scheme_type")
    with pytest.raises(DomainError) as sort:
        search(sort="price")
    assert sort.value.code == "invalid_sort"
    with pytest.raises(DomainError) as scheme_manager:
        selectors.delivery_catalogue(
            actor=login_actor("tiltaksforvalter"), query=selectors.CatalogueQuery()
        )
    assert scheme_manager.value.status == 403


def test_the_api_pages_the_search(built: dict[str, Any]) -> None:
    client = Client()
    client.force_login(User.objects.get(username="veileder"))
    answer = client.get(
        "/api/v1/schemes/delivery-catalogue",
        {"office": OSTENSJO, "scheme_type": built["type"], "page_size": 2, "page": 2},
    ).json()
    assert answer["office"] == OSTENSJO
    assert answer["count"] == 4
    assert [d["name"] for d in answer["items"]] == ["Mars", "Planlagt"]
    assert answer["items"][0]["free_places"] == 6
    assert answer["items"][0]["enrolment_mode_label"] == "Løpende inntak"
