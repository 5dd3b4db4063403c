"""Opening and changing offices: every write audited, every refusal leaving nothing behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.organisation import selectors
from velferd.organisation.models import Office, OfficeArea, PartnershipAgreement
from velferd.organisation.services import office_update

from .writes import KAUTOKEINO, MINIMUM, SIGNED, last_event, open_office, services_of

pytestmark = pytest.mark.django_db


class TestOfficeCreate:
    def test_an_inter_municipal_office_opens_with_its_areas_and_agreement(
        self, admin: Actor, loppa_and_hasvik_unserved: None
    ) -> None:
        office = open_office(admin)

        assert (office.unit_number, office.name_nb, office.county_id) == (
            "5690",
            "NAV Loppa og Hasvik",
            "56",
        )
        assert office.version == 1
        assert [(a.municipality_id, a.district) for a in office.areas.all()] == [
            ("5614", ""),
            ("5616", ""),
        ]
        assert services_of("5690") == {*MINIMUM, "refugee_service"}
        assert PartnershipAgreement.objects.get(office=office).signed_on == SIGNED
        assert selectors.office_serving("5616").office == office
        assert selectors.coverage_problems() == []

    def test_opening_an_office_is_audited_with_its_areas_and_services(
        self, admin: Actor, loppa_and_hasvik_unserved: None
    ) -> None:
        office = open_office(admin)

        event = last_event("office.created")
        assert event is not None
        assert event.target_id == str(office.pk)
        assert event.actor_label == "Ada Administrator"
        assert event.after == {
            "unit_number": "5690",
            "name_nb": "NAV Loppa og Hasvik",
            "county": "56",
            "areas": [["5614", ""], ["5616", ""]],
            "services": sorted([*MINIMUM, "refugee_service"]),
        }

    def test_an_office_for_a_new_district_of_a_divided_municipality_opens(
        self, admin: Actor
    ) -> None:
        office = open_office(
            admin,
            unit_number="0330",
            name="NAV Sentrum",
            county_number="03",
            areas=[("0301", "Sentrum")],
        )

        assert selectors.office_serving("0301", "sentrum").office == office
        assert selectors.office_serving("0301", "Alna").office.unit_number == "0312"

    def test_a_municipality_already_served_is_refused_naming_its_office(self, admin: Actor) -> None:
        error = refusal(lambda: open_office(admin, areas=[(KAUTOKEINO, "")]))

        assert (error.code, error.status, error.field) == ("area_already_served", 409, "areas")
        assert error.message_nb == (
            "Guovdageaidnu - Kautokeino betjenes allerede av NAV Guovdageaidnu - Kautokeino."
        )
        assert "is already served by NAV Guovdageaidnu - Kautokeino" in error.message_en
        assert not Office.objects.filter(unit_number="5690").exists()

    def test_a_district_already_served_is_refused_naming_its_office(self, admin: Actor) -> None:
        error = refusal(
            lambda: open_office(
                admin, unit_number="0330", county_number="03", areas=[("0301", "Alna")]
            )
        )

        assert (error.code, error.status) == ("area_already_served", 409)
        assert "NAV Alna" in error.message_nb
        assert "bydel Alna" in error.message_nb
        assert not Office.objects.filter(unit_number="0330").exists()

    def test_a_district_already_served_is_refused_whatever_its_case(self, admin: Actor) -> None:
        error = refusal(
            lambda: open_office(
                admin, unit_number="0330", county_number="03", areas=[("0301", "alna")]
            )
        )

        assert (error.code, error.status) == ("area_already_served", 409)

    def test_a_district_office_for_a_municipality_served_as_a_whole_is_refused(
        self, admin: Actor
    ) -> None:
        error = refusal(lambda: open_office(admin, areas=[(KAUTOKEINO, "Sentrum")]))

        assert (error.code, error.status) == ("area_already_served", 409)
        assert "NAV Guovdageaidnu - Kautokeino" in error.message_en
        assert not Office.objects.filter(unit_number="5690").exists()

    def test_a_whole_municipality_office_for_a_divided_municipality_is_refused(
        self, admin: Actor
    ) -> None:
        error = refusal(
            lambda: open_office(admin, unit_number="0330", county_number="03", areas=[("0301", "")])
        )

        assert (error.code, error.status) == ("area_already_served", 409)
        assert "(bydel " in error.message_nb

    def test_a_municipality_in_another_county_is_refused(
        self, admin: Actor, loppa_and_hasvik_unserved: None
    ) -> None:
        error = refusal(lambda: open_office(admin, areas=[("5614", ""), ("1508", "")]))

        assert (error.code, error.status, error.field) == (
            "municipality_outside_county",
            422,
            "areas",
        )
        assert error.message_nb == "Ålesund ligger ikke i Finnmark - Finnmárku - Finmarkku."
        assert error.message_en == "Ålesund is not in Finnmark - Finnmárku - Finmarkku."

    def test_an_unknown_municipality_is_refused(self, admin: Actor) -> None:
        error = refusal(lambda: open_office(admin, areas=[("5699", "")]))

        assert (error.code, error.status, error.field) == ("unknown_municipality", 422, "areas")
        assert error.message_nb == "Kommunenummer 5699 finnes ikke."
        assert error.message_en == "There is no municipality number 5699."

    def test_a_malformed_municipality_number_is_refused(self, admin: Actor) -> None:
        error = refusal(lambda: open_office(admin, areas=[("56a4", "")]))

        assert (error.code, error.status, error.field) == (
            "malformed_municipality_number",
            422,
            "areas",
        )
        assert "fire sifre" in error.message_nb

    @pytest.mark.parametrize("unit_number", ["569", "56900", "56a0", "", " 569"])
    def test_a_malformed_unit_number_is_refused(self, admin: Actor, unit_number: str) -> None:
        error = refusal(lambda: open_office(admin, unit_number=unit_number))

        assert (error.code, error.status, error.field) == (
            "malformed_unit_number",
            422,
            "unit_number",
        )
        assert error.message_en == "The unit number must have four digits."

    def test_a_unit_number_in_use_is_refused(
        self, admin: Actor, loppa_and_hasvik_unserved: None
    ) -> None:
        error = refusal(lambda: open_office(admin, unit_number=KAUTOKEINO))

        assert (error.code, error.status, error.field) == ("unit_number_taken", 409, "unit_number")
        assert "5612" in error.message_nb
        assert Office.objects.get(unit_number=KAUTOKEINO).name_nb == (
            "NAV Guovdageaidnu - Kautokeino"
        )

    def test_an_office_without_a_minimum_service_is_refused(
        self, admin: Actor, loppa_and_hasvik_unserved: None
    ) -> None:
        error = refusal(lambda: open_office(admin, services=MINIMUM[:3]))

        assert error.code == "agreement_minimum_missing"
        assert "Kvalifiseringsprogrammet" in error.message_nb
        assert not Office.objects.filter(unit_number="5690").exists()

    @pytest.mark.parametrize(
        ("county_number", "code"), [("99", "unknown_county"), ("5", "malformed_county_number")]
    )
    def test_an_unknown_or_malformed_county_is_refused(
        self, admin: Actor, county_number: str, code: str
    ) -> None:
        error = refusal(lambda: open_office(admin, county_number=county_number))

        assert (error.code, error.status, error.field) == (code, 422, "county")

    def test_an_office_serving_nothing_is_refused(self, admin: Actor) -> None:
        error = refusal(lambda: open_office(admin, areas=[]))

        assert (error.code, error.field) == ("areas_required", "areas")

    def test_an_office_without_a_name_is_refused(self, admin: Actor) -> None:
        error = refusal(lambda: open_office(admin, name="   "))

        assert (error.code, error.field) == ("name_required", "name")

    def test_a_refusal_after_the_first_area_leaves_nothing_half_written(
        self, admin: Actor, loppa_and_hasvik_unserved: None
    ) -> None:
        events_before = AuditEvent.objects.count()
        agreements_before = PartnershipAgreement.objects.count()

        error = refusal(lambda: open_office(admin, areas=[("5614", ""), (KAUTOKEINO, "")]))

        assert error.code == "area_already_served"
        assert not Office.objects.filter(unit_number="5690").exists()
        assert not OfficeArea.objects.filter(municipality="5614").exists()
        assert PartnershipAgreement.objects.count() == agreements_before
        assert AuditEvent.objects.count() == events_before
        assert selectors.coverage_problems() == [
            "5614 Loppa is served by no office",
            "5616 Hasvik is served by no office",
        ]

    @pytest.mark.parametrize("login", ["veileder", "kontorleder", "departement"])
    def test_only_an_administrator_may_open_an_office(
        self, actor_of_login: Callable[[str], Actor], loppa_and_hasvik_unserved: None, login: str
    ) -> None:
        error = refusal(lambda: open_office(actor_of_login(login)))

        assert (error.code, error.status) == ("forbidden", 403)
        assert not Office.objects.filter(unit_number="5690").exists()


class TestOfficeUpdate:
    def test_renaming_bumps_the_version_and_is_audited_with_before_and_after(
        self, admin: Actor
    ) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        updated = office_update(actor=admin, office=office, version=1, name="  NAV Kautokeino  ")

        assert updated.version == 2
        assert Office.objects.get(unit_number=KAUTOKEINO).name_nb == "NAV Kautokeino"
        event = last_event("office.updated")
        assert event is not None
        assert event.target_id == str(office.pk)
        assert event.before == {"name_nb": "NAV Guovdageaidnu - Kautokeino", "is_active": True}
        assert event.after == {"name_nb": "NAV Kautokeino", "is_active": True}

    def test_an_office_that_still_serves_areas_cannot_be_closed(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        events_before = AuditEvent.objects.count()

        error = refusal(
            lambda: office_update(actor=admin, office=office, version=1, is_active=False)
        )

        assert (error.code, error.status) == ("office_still_serves_areas", 409)
        assert "Move them to another office" in error.message_en
        assert selectors.offices(query="kautokeino").exists()
        assert AuditEvent.objects.count() == events_before

    def test_an_update_that_changes_nothing_keeps_the_version_and_writes_no_event(
        self, admin: Actor
    ) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        events_before = AuditEvent.objects.count()

        office_update(actor=admin, office=office, version=1, name=office.name_nb)

        assert Office.objects.get(unit_number=KAUTOKEINO).version == 1
        assert AuditEvent.objects.count() == events_before

    def test_stale_version_is_refused_with_409_and_nothing_is_saved(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        office_update(actor=admin, office=office, version=1, name="NAV Kautokeino")
        events_before = AuditEvent.objects.count()

        error = refusal(
            lambda: office_update(actor=admin, office=office, version=1, name="NAV Guovdageaidnu")
        )

        assert (error.code, error.status, error.field) == ("stale_version", 409, "version")
        saved = Office.objects.get(unit_number=KAUTOKEINO)
        assert (saved.name_nb, saved.version) == ("NAV Kautokeino", 2)
        assert AuditEvent.objects.count() == events_before

    def test_a_blank_name_is_refused_and_nothing_is_saved(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        error = refusal(lambda: office_update(actor=admin, office=office, version=1, name=" "))

        assert (error.code, error.field) == ("name_required", "name")
        saved = Office.objects.get(unit_number=KAUTOKEINO)
        assert (saved.name_nb, saved.version) == ("NAV Guovdageaidnu - Kautokeino", 1)

    def test_only_an_administrator_may_change_an_office(
        self, actor_of_login: Callable[[str], Actor]
    ) -> None:
        office = Office.objects.get(unit_number="0317")

        error = refusal(
            lambda: office_update(
                actor=actor_of_login("kontorleder"), office=office, version=1, name="NAV Løkka"
            )
        )

        assert (error.code, error.status) == ("forbidden", 403)
        assert Office.objects.get(unit_number="0317").name_nb == "NAV Grünerløkka"
