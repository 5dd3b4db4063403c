"""Loading the reference data into the registry: the Ministry's units, the counties and the
municipalities, brought back and audited when they have been changed."""

from __future__ import annotations

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.organisation import selectors
from velferd.organisation.models import County, Department, Municipality, ServiceType
from velferd.organisation.services import load_reference

from .writes import KAUTOKEINO, last_event

pytestmark = pytest.mark.django_db


class TestLoadReference:
    def test_loading_again_creates_and_updates_nothing_and_audits_nothing(
        self, system: Actor
    ) -> None:
        events_before = AuditEvent.objects.count()

        report = load_reference(actor=system)

        assert (report.created, report.updated) == (0, 0)
        # 1 ministry, 8 units, 7 agencies, 12 services, 15 counties, 357 municipalities, 15 IW
        assert report.unchanged == 1 + 8 + 7 + 12 + 15 + 357 + 15
        assert AuditEvent.objects.count() == events_before

    def test_registry_holds_every_municipality_and_county_of_the_classification(self) -> None:
        assert Municipality.objects.count() == 357
        assert County.objects.count() == 15
        assert selectors.iw_centres().count() == 15
        assert selectors.agencies().count() == 7
        assert ServiceType.objects.count() == 12
        # NAV Act § 13: the state's tasks and the Social Services Act's §§ 17 (twice: advice
        # and financial counselling), 18, 27, 28 and 29.
        assert ServiceType.objects.filter(is_minimum=True).count() == 7

    def test_the_ministry_has_its_eight_units(self) -> None:
        assert sorted(selectors.departments().values_list("slug", flat=True)) == sorted(
            [
                "labour-market",
                "working-environment-and-safety",
                "finance-and-governance",
                "integration",
                "pension",
                "administrative-services",
                "welfare-policy",
                "press-and-communications",
            ]
        )

    def test_only_press_and_communications_is_part_of_the_secretary_generals_staff(
        self,
    ) -> None:
        staff = Department.objects.filter(part_of_secretary_general_staff=True)
        assert [d.slug for d in staff] == ["press-and-communications"]
        assert staff.get().kind == "division"

    def test_a_changed_unit_is_brought_back_and_audited_with_before_and_after(
        self, system: Actor
    ) -> None:
        pension = Department.objects.get(slug="pension")
        real = pension.responsibilities_en
        Department.objects.filter(pk=pension.pk).update(responsibilities_en="Outdated text.")

        report = load_reference(actor=system)

        assert (report.created, report.updated) == (0, 1)
        pension.refresh_from_db()
        assert pension.responsibilities_en == real
        event = last_event("department.updated")
        assert event is not None
        assert event.target_id == str(pension.pk)
        assert event.actor_label == "system: tests"
        assert event.before == {"responsibilities_en": "Outdated text."}
        assert event.after == {"responsibilities_en": real}

    def test_a_renamed_municipality_is_brought_back_and_audited(self, system: Actor) -> None:
        Municipality.objects.filter(number=KAUTOKEINO).update(
            name="Kautokeino", search_name="kautokeino"
        )

        report = load_reference(actor=system)

        assert report.updated == 1
        assert Municipality.objects.get(number=KAUTOKEINO).name == "Guovdageaidnu - Kautokeino"
        event = last_event("municipality.updated")
        assert event is not None
        assert event.target_id == KAUTOKEINO
        assert event.before == {"name": "Kautokeino", "search_name": "kautokeino"}
        assert event.after == {
            "name": "Guovdageaidnu - Kautokeino",
            "search_name": "guovdageaidnu - kautokeino",
        }
