"""Deliveries through their services, and every refusal: under an agreement that is not
active, outside the agreement's period or areas, without places, cancelling without a
reason; `places_taken` stays 0 (participants are enrolled in a later domain)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.core.testing import login_actor
from velferd.schemes import services
from velferd.schemes.models import DeliveryStatus

from .agreement_builders import a_draft, an_active, manager

pytestmark = pytest.mark.django_db


def planned(agreement: Any = None, **fields: Any) -> Any:
    values: dict[str, Any] = {
        "name": "Oppfølging Grünerløkka",
        "places": 12,
        "starts_on": datetime.date(2026, 2, 1),
        "ends_on": datetime.date(2026, 12, 31),
        "enrolment_mode": "ongoing",
        "offices": ["0317", "0320"],
    }
    values.update(fields)
    return services.delivery_create(actor=manager(), agreement=agreement or an_active(), **values)


def refusal(call: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


def test_a_delivery_is_planned_under_an_active_agreement() -> None:
    delivery = planned()
    assert delivery.status == DeliveryStatus.PLANNED
    assert (delivery.places, delivery.places_taken, delivery.free_places) == (12, 0, 12)
    assert delivery.county_id == "03"
    assert delivery.scheme_type_id == delivery.agreement.scheme_type_id
    assert sorted(o.unit_number for o in delivery.offices.all()) == ["0317", "0320"]
    assert AuditEvent.objects.filter(action="scheme_delivery.created").exists()


def test_not_under_a_draft_agreement() -> None:
    error = refusal(lambda: planned(a_draft()))
    assert (error.code, error.status) == ("agreement_not_active", 409)


@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        (datetime.date(2025, 12, 31), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 6, 1), datetime.date(2028, 1, 1)),
    ],
)
def test_not_outside_the_agreements_period(
    starts_on: datetime.date, ends_on: datetime.date
) -> None:
    error = refusal(lambda: planned(starts_on=starts_on, ends_on=ends_on))
    assert (error.code, error.field) == ("outside_agreement_period", "starts_on")
    assert "01.01.2026–31.12.2027" in error.message_nb


def test_not_at_an_office_outside_the_agreements_areas() -> None:
    error = refusal(lambda: planned(offices=["0317", "4602"]))
    assert error.code == "office_outside_agreement"
    assert "4602" in error.message_en
    only_grunerlokka = an_active(offices=["0317"])
    error = refusal(lambda: planned(only_grunerlokka, offices=["0320"]))
    assert error.code == "office_outside_agreement"


@pytest.mark.parametrize("places", [0, -1, "mange", 10_001])
def test_places_are_a_whole_number_from_one(places: object) -> None:
    assert refusal(lambda: planned(places=places)).code == "invalid_places"


def test_the_moves_and_a_reason_to_cancel() -> None:
    delivery = planned()
    running = services.delivery_start(actor=manager(), delivery=delivery, version=1)
    assert running.status == DeliveryStatus.RUNNING
    error = refusal(
        lambda: services.delivery_cancel(actor=manager(), delivery=running, version=2, reason="")
    )
    assert error.code == "reason_required"
    stale = refusal(lambda: services.delivery_end(actor=manager(), delivery=running, version=1))
    assert (stale.code, stale.status) == ("stale_version", 409)
    ended = services.delivery_end(actor=manager(), delivery=running, version=2)
    assert ended.status == DeliveryStatus.ENDED


def test_a_caseworker_does_not_create_deliveries() -> None:
    agreement = an_active()
    with pytest.raises(DomainError) as caught:
        services.delivery_create(
            actor=login_actor("veileder"),
            agreement=agreement,
            name="X",
            places=1,
            starts_on=datetime.date(2026, 2, 1),
            ends_on=None,
            enrolment_mode="ongoing",
            offices=["0317"],
        )
    assert caught.value.status == 403
