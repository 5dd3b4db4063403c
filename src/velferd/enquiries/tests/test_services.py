"""Receiving, routing and handling enquiries; every write audited, refusals write nothing."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.enquiries import services
from velferd.enquiries.models import Enquiry, EnquiryStatus, RoutedBy, RoutingCorrection

pytestmark = pytest.mark.django_db

Lookup = Callable[[str], Actor]
SICKNESS = {
    "name": "Mari Moe",
    "email": "mari@example.no",
    "subject": "Sykepenger",
    "text": "Hvor lenge kan jeg få sykepenger når jeg er sykmeldt fra jobben min?",
}


def submit(**overrides: Any) -> Enquiry:
    return services.enquiry_submit(actor=ANONYMOUS, **{**SICKNESS, **overrides})


def counts() -> tuple[int, int]:
    return Enquiry.objects.count(), AuditEvent.objects.count()


# A write that must be refused; its refusal, having checked nothing was written.
refused = partial(refusal, unchanged=counts)


def press_enquiry() -> Enquiry:
    return Enquiry.objects.get(is_press=True)


class TestSubmit:
    def test_an_enquiry_is_routed_to_the_department_of_its_subject(self) -> None:
        enquiry = submit()
        assert enquiry.department.slug == "welfare-policy"
        assert enquiry.routed_by == RoutedBy.CLASSIFIER
        assert enquiry.reference.startswith(f"AID-{datetime.date.today().year}-")
        assert len(enquiry.alternatives) == 2
        event = AuditEvent.objects.order_by("-seq").first()
        assert event is not None and event.action == "enquiry.received"
        assert isinstance(event.after, dict) and event.after["department"] == "welfare-policy"

    def test_a_press_enquiry_goes_to_the_press_division_with_a_short_deadline(self) -> None:
        enquiry = submit(is_press=True)
        assert enquiry.department.slug == "press-and-communications"
        assert enquiry.routed_by == RoutedBy.PRESS
        assert enquiry.suggested_department == "welfare-policy"
        assert (enquiry.deadline - datetime.date.today()).days <= 3

    def test_a_routing_below_the_threshold_is_left_for_a_person(self, settings: Any) -> None:
        settings.VELFERD_ENQUIRY_CONFIDENCE_THRESHOLD = 1.01
        enquiry = submit()
        assert enquiry.department.slug == "press-and-communications"
        assert enquiry.routed_by == RoutedBy.LOW_CONFIDENCE

    def test_the_deadline_is_ten_working_days_later(self) -> None:
        friday = datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)
        enquiry = submit(received_at=friday)
        assert enquiry.deadline == datetime.date(2026, 12, 4)

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("email", "not-an-address", "invalid_email"),
            ("name", " ", "name_required"),
            ("text", "", "text_required"),
            ("subject", "x" * 201, "too_long"),
        ],
    )
    def test_bad_input_is_refused_beside_its_field_and_nothing_is_written(
        self, field: str, value: str, code: str
    ) -> None:
        error = refused(lambda: submit(**{field: value}))
        assert (error.code, error.field, error.status) == (code, field, 422)
        assert error.message_nb and error.message_en


class TestHandling:
    def test_the_press_division_assigns_reroutes_replies_and_closes(
        self, actor_of_login: Lookup
    ) -> None:
        press = actor_of_login("departement")
        enquiry = services.enquiry_assign(
            actor=press, enquiry=press_enquiry(), username="departement", version=1
        )
        assert enquiry.status == EnquiryStatus.ASSIGNED
        enquiry = services.enquiry_reply(
            actor=press, enquiry=enquiry, text="Statsråden kan torsdag.", version=2
        )
        assert enquiry.status == EnquiryStatus.ANSWERED
        enquiry = services.enquiry_close(actor=press, enquiry=enquiry, version=3)
        assert enquiry.status == EnquiryStatus.CLOSED
        actions = list(
            AuditEvent.objects.filter(target_id=str(enquiry.pk))
            .order_by("seq")
            .values_list("action", flat=True)
        )
        assert actions[-3:] == ["enquiry.assigned", "enquiry.answered", "enquiry.closed"]

    def test_a_reroute_moves_it_keeps_the_correction_and_clears_the_assignee(
        self, actor_of_login: Lookup
    ) -> None:
        press = actor_of_login("departement")
        enquiry = services.enquiry_assign(
            actor=press, enquiry=press_enquiry(), username="departement", version=1
        )
        moved = services.enquiry_reroute(
            actor=press, enquiry=enquiry, department="welfare-policy", version=2
        )
        assert moved.department.slug == "welfare-policy"
        assert moved.assignee is None and moved.routed_by == RoutedBy.PERSON
        correction = RoutingCorrection.objects.get(enquiry=moved)
        assert (correction.from_department, correction.to_department) == (
            "press-and-communications",
            "welfare-policy",
        )

    def test_an_officer_of_another_department_cannot_be_assigned(
        self, actor_of_login: Lookup
    ) -> None:
        press = actor_of_login("departement")
        error = refused(
            lambda: services.enquiry_assign(
                actor=press, enquiry=press_enquiry(), username="velferdspolitikk", version=1
            )
        )
        assert (error.code, error.field) == ("not_in_department", "assignee")

    def test_a_department_cannot_handle_another_departments_enquiry(
        self, actor_of_login: Lookup
    ) -> None:
        error = refused(
            lambda: services.enquiry_close(
                actor=actor_of_login("velferdspolitikk"), enquiry=press_enquiry(), version=1
            )
        )
        assert error.status == 403

    def test_a_stale_version_is_refused(self, actor_of_login: Lookup) -> None:
        error = refused(
            lambda: services.enquiry_close(
                actor=actor_of_login("departement"), enquiry=press_enquiry(), version=7
            )
        )
        assert (error.code, error.status) == ("stale_version", 409)

    def test_a_closed_enquiry_is_not_answered_again(self, actor_of_login: Lookup) -> None:
        press = actor_of_login("departement")
        closed = services.enquiry_close(actor=press, enquiry=press_enquiry(), version=1)
        error = refused(
            lambda: services.enquiry_reply(actor=press, enquiry=closed, text="Svar", version=2)
        )
        assert (error.code, error.status) == ("enquiry_closed", 409)

    def test_rerouting_to_the_same_department_is_refused(self, actor_of_login: Lookup) -> None:
        error = refused(
            lambda: services.enquiry_reroute(
                actor=actor_of_login("departement"),
                enquiry=press_enquiry(),
                department="press-and-communications",
                version=1,
            )
        )
        assert error.code == "same_department"


def test_working_days_skip_the_weekend() -> None:
    friday = datetime.date(2026, 11, 20)
    assert services.add_working_days(friday, 1) == datetime.date(2026, 11, 23)
    assert services.add_working_days(friday, 5) == datetime.date(2026, 11, 27)
