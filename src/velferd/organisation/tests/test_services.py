"""Writes to the registry: loading the reference data, opening and changing offices, and
the partnership agreement with its minimum services. Every write is audited; every refusal
leaves nothing behind."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from velferd.access.actor import ANONYMOUS, Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import refusal
from velferd.organisation import selectors
from velferd.organisation.models import (
    County,
    Department,
    Municipality,
    Office,
    OfficeArea,
    PartnershipAgreement,
    ServiceType,
)
from velferd.organisation.services import (
    agreement_save,
    load_reference,
    office_create,
    office_update,
)

pytestmark = pytest.mark.django_db

MINIMUM = ["state_tasks", "financial_assistance", "social_services", "qualification_programme"]
# (code, Norwegian name, English name) of the services every NAV office must offer.
MINIMUM_NAMES = [
    (
        "state_tasks",
        "Arbeids- og velferdsetatens oppgaver",
        "The Labour and Welfare Administration's tasks",
    ),
    ("financial_assistance", "Økonomisk stønad", "Financial assistance"),
    (
        "social_services",
        "Opplysning, råd og veiledning og de andre sosiale tjenestene",
        "Information, advice, guidance and the other social services",
    ),
    ("qualification_programme", "Kvalifiseringsprogrammet", "The qualification programme"),
]
NON_ADMIN_LOGINS = [
    "veileder",
    "sosialkonsulent",
    "beslutter",
    "kontorleder",
    "ia-radgiver",
    "fastlege",
    "leverandor",
    "arbeidsgiver",
    "innbygger",
    "analytiker",
    "departement",
]
KAUTOKEINO = "5612"  # NAV Guovdageaidnu - Kautokeino serves the municipality 5612 as a whole
SIGNED = datetime.date(2025, 3, 1)


@pytest.fixture
def admin(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("admin")


@pytest.fixture
def loppa_and_hasvik_unserved() -> None:
    """NAV Vest-Finnmark (5614) closes, so Loppa (5614) and Hasvik (5616) have no office
    until a new one opens. There is no service for closing an office, so it is deleted."""
    Office.objects.get(unit_number="5614").delete()
    assert not OfficeArea.objects.filter(municipality__in=["5614", "5616"]).exists()


def last_event(action: str) -> AuditEvent | None:
    return AuditEvent.objects.filter(action=action).order_by("seq").last()


def services_of(unit_number: str) -> set[str]:
    agreement = PartnershipAgreement.objects.get(office__unit_number=unit_number)
    return set(agreement.services.values_list("code", flat=True))


# Reference data --------------------------------------------------------------------------


class TestLoadReference:
    def test_loading_again_creates_and_updates_nothing_and_audits_nothing(
        self, system: Actor
    ) -> None:
        events_before = AuditEvent.objects.count()

        report = load_reference(actor=system)

        assert (report.created, report.updated) == (0, 0)
        # 1 ministry, 8 units, 7 agencies, 10 services, 15 counties, 357 municipalities, 15 IW
        assert report.unchanged == 1 + 8 + 7 + 10 + 15 + 357 + 15
        assert AuditEvent.objects.count() == events_before

    def test_registry_holds_every_municipality_and_county_of_the_classification(self) -> None:
        assert Municipality.objects.count() == 357
        assert County.objects.count() == 15
        assert selectors.iw_centres().count() == 15
        assert selectors.agencies().count() == 7
        assert ServiceType.objects.count() == 10
        assert ServiceType.objects.filter(is_minimum=True).count() == 4

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


# Partnership agreements --------------------------------------------------------------------


class TestAgreementSave:
    def test_saving_replaces_the_services_bumps_the_version_and_is_audited(
        self, admin: Actor
    ) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        old_services = services_of(KAUTOKEINO)
        assert "housing_assistance" not in old_services

        agreement = agreement_save(
            actor=admin,
            office=office,
            services=[*MINIMUM, "housing_assistance"],
            signed_on=SIGNED,
            notes="Boligsosialt arbeid er lagt til.",
            version=1,
        )

        assert agreement.version == 2
        assert services_of(KAUTOKEINO) == {*MINIMUM, "housing_assistance"}
        agreement.refresh_from_db()
        assert (agreement.signed_on, agreement.notes) == (
            SIGNED,
            "Boligsosialt arbeid er lagt til.",
        )
        event = last_event("agreement.saved")
        assert event is not None
        assert event.target_id == str(agreement.pk)
        assert event.actor_label == "Ada Administrator"
        assert event.before == {
            "signed_on": "2024-01-01",
            "notes": "",
            "services": sorted(old_services),
        }
        assert event.after == {
            "signed_on": "2025-03-01",
            "notes": "Boligsosialt arbeid er lagt til.",
            "services": sorted([*MINIMUM, "housing_assistance"]),
        }

    def test_the_minimum_alone_is_a_valid_agreement(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        agreement_save(actor=admin, office=office, services=MINIMUM, signed_on=SIGNED, version=1)

        assert services_of(KAUTOKEINO) == set(MINIMUM)

    @pytest.mark.parametrize(
        ("left_out", "name_nb", "name_en"),
        MINIMUM_NAMES,
        ids=[code for code, _, _ in MINIMUM_NAMES],
    )
    def test_agreement_without_a_minimum_service_is_refused_naming_it(
        self, admin: Actor, left_out: str, name_nb: str, name_en: str
    ) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        old_services = services_of(KAUTOKEINO)
        events_before = AuditEvent.objects.count()
        chosen = [code for code in MINIMUM if code != left_out] + ["housing_assistance"]

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=chosen,
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status, error.field) == (
            "agreement_minimum_missing",
            422,
            "services",
        )
        assert name_nb in error.message_nb
        assert name_en in error.message_en
        others = [n for code, n, _ in MINIMUM_NAMES if code != left_out]
        assert not any(other in error.message_nb for other in others)
        assert services_of(KAUTOKEINO) == old_services
        assert PartnershipAgreement.objects.get(office=office).version == 1
        assert AuditEvent.objects.count() == events_before

    def test_leaving_out_several_minimum_services_names_them_all(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=["state_tasks"],
                signed_on=SIGNED,
                version=1,
            )
        )

        assert error.code == "agreement_minimum_missing"
        for _code, name_nb, name_en in MINIMUM_NAMES[1:]:
            assert name_nb in error.message_nb
            assert name_en in error.message_en

    def test_unknown_service_code_is_refused_naming_it(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        old_services = services_of(KAUTOKEINO)

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=[*MINIMUM, "jetpack_rental"],
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status, error.field) == ("unknown_service", 422, "services")
        assert "jetpack_rental" in error.message_nb
        assert "jetpack_rental" in error.message_en
        assert services_of(KAUTOKEINO) == old_services

    def test_stale_version_is_refused_with_409_and_nothing_is_saved(self, admin: Actor) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)
        agreement_save(
            actor=admin,
            office=office,
            services=[*MINIMUM, "mental_health"],
            signed_on=SIGNED,
            version=1,
        )
        events_before = AuditEvent.objects.count()

        error = refusal(
            lambda: agreement_save(
                actor=admin,
                office=office,
                services=[*MINIMUM, "housing_assistance"],
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status, error.field) == ("stale_version", 409, "version")
        assert "versjon 2" in error.message_nb
        assert "version 2" in error.message_en
        assert services_of(KAUTOKEINO) == {*MINIMUM, "mental_health"}
        assert PartnershipAgreement.objects.get(office=office).version == 2
        assert AuditEvent.objects.count() == events_before

    @pytest.mark.parametrize("login", NON_ADMIN_LOGINS)
    def test_only_an_administrator_may_change_an_agreement(
        self, actor_of_login: Callable[[str], Actor], login: str
    ) -> None:
        office = Office.objects.get(unit_number="0317")  # the office of the caseworkers
        old_services = services_of("0317")

        error = refusal(
            lambda: agreement_save(
                actor=actor_of_login(login),
                office=office,
                services=MINIMUM,
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status) == ("forbidden", 403)
        assert services_of("0317") == old_services

    def test_anonymous_actor_is_asked_to_log_in(self) -> None:
        office = Office.objects.get(unit_number=KAUTOKEINO)

        error = refusal(
            lambda: agreement_save(
                actor=ANONYMOUS,
                office=office,
                services=MINIMUM,
                signed_on=SIGNED,
                version=1,
            )
        )

        assert (error.code, error.status) == ("not_authenticated", 401)
        assert PartnershipAgreement.objects.get(office=office).version == 1


# Opening offices ---------------------------------------------------------------------------


def open_office(
    actor: Actor,
    *,
    unit_number: str = "5690",
    name: str = "NAV Loppa og Hasvik",
    county_number: str = "56",
    areas: list[tuple[str, str]] | None = None,
    services: list[str] | None = None,
) -> Office:
    return office_create(
        actor=actor,
        unit_number=unit_number,
        name=name,
        county_number=county_number,
        areas=areas if areas is not None else [("5614", ""), ("5616", "")],
        services=services if services is not None else [*MINIMUM, "refugee_service"],
        signed_on=SIGNED,
    )


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


# Changing offices --------------------------------------------------------------------------


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
