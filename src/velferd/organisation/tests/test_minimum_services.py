"""The minimum every NAV office must offer, as the law stands (NAV Act § 13; Social Services
Act §§ 17, 18, 27, 28 and 29): a new agreement without one of them is refused naming it; an
agreement signed before a service joined the minimum stays on record, shows what it lacks
and is listed for the administrators, on the page and in the API."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable

import pytest
from django.apps import apps
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.testing import choose_english, refusal, row_of
from velferd.organisation.models import Office, PartnershipAgreement, ServiceType
from velferd.organisation.services import agreement_save, office_create

pytestmark = pytest.mark.django_db

MINIMUM = [
    "state_tasks",
    "social_services",
    "financial_counselling",
    "financial_assistance",
    "temporary_housing",
    "individual_plan",
    "qualification_programme",
]
SIGNED_BEFORE = datetime.date(2019, 6, 1)
OLDER_LACKS = ("temporary_housing", "individual_plan")
UNIT = "5690"
MIGRATION = importlib.import_module("velferd.organisation.migrations.0002_service_legal_basis")


@pytest.fixture
def admin(actor_of_login: Callable[[str], Actor]) -> Actor:
    return actor_of_login("admin")


@pytest.fixture
def office(admin: Actor) -> Office:
    """A new office for Loppa and Hasvik, whose office closes first (there is no service for
    closing one, so it is deleted), with an agreement of the full minimum."""
    Office.objects.get(unit_number="5614").delete()
    return office_create(
        actor=admin,
        unit_number=UNIT,
        name="NAV Loppa og Hasvik",
        county_number="56",
        areas=[("5614", ""), ("5616", "")],
        services=[*MINIMUM, "refugee_service"],
        signed_on=datetime.date(2025, 3, 1),
    )


@pytest.fixture
def signed_before(office: Office) -> PartnershipAgreement:
    """The office's agreement as signed in 2019, before temporary housing (§ 27) and the
    individual plan (§ 28) were part of the minimum: data carried over, which no service
    would write today."""
    agreement = office.agreement
    agreement.services.remove(*ServiceType.objects.filter(code__in=OLDER_LACKS))
    agreement.signed_on = SIGNED_BEFORE
    agreement.save()
    return agreement


def _save(admin: Actor, office: Office, services: list[str]) -> PartnershipAgreement:
    return agreement_save(
        actor=admin,
        office=office,
        services=services,
        signed_on=datetime.date(2026, 1, 1),
        version=office.agreement.version,
    )


class TestSavingRefusesAnAgreementBelowTheMinimum:
    def test_social_services_act_s27_temporary_housing_left_out_is_refused_naming_it(
        self, admin: Actor, office: Office
    ) -> None:
        events_before = AuditEvent.objects.count()
        without = [code for code in MINIMUM if code != "temporary_housing"]

        error = refusal(lambda: _save(admin, office, without))

        assert (error.code, error.status, error.field) == (
            "agreement_minimum_missing",
            422,
            "services",
        )
        assert error.message_nb.endswith(": Midlertidig botilbud (sosialtjenesteloven § 27).")
        assert error.message_en.endswith(": Temporary housing (Social Services Act section 27).")
        assert "temporary_housing" in office.agreement.services.values_list("code", flat=True)
        assert AuditEvent.objects.count() == events_before

    def test_social_services_act_s17_financial_counselling_left_out_is_refused_naming_it(
        self, admin: Actor, office: Office
    ) -> None:
        without = [code for code in MINIMUM if code != "financial_counselling"]

        error = refusal(lambda: _save(admin, office, without))

        assert "Økonomisk rådgivning (sosialtjenesteloven § 17)" in error.message_nb
        assert "Midlertidig botilbud" not in error.message_nb

    def test_social_services_act_s28_individual_plan_is_required_of_a_new_office(
        self, admin: Actor, office: Office
    ) -> None:
        Office.objects.filter(pk=office.pk).delete()

        error = refusal(
            lambda: office_create(
                actor=admin,
                unit_number=UNIT,
                name="NAV Loppa og Hasvik",
                county_number="56",
                areas=[("5614", ""), ("5616", "")],
                services=[code for code in MINIMUM if code != "individual_plan"],
                signed_on=datetime.date(2025, 3, 1),
            )
        )

        assert "Individuell plan (sosialtjenesteloven § 28)" in error.message_nb
        assert not Office.objects.filter(unit_number=UNIT).exists()


class TestAnAgreementSignedBeforeTheMinimum:
    def test_nav_act_s13_it_is_read_through_the_api_with_what_it_lacks(
        self, client: Client, signed_before: PartnershipAgreement
    ) -> None:
        response = client.get(f"/api/v1/organisation/offices/{UNIT}/agreement")

        assert response.status_code == 200
        body = response.json()
        assert body["signed_on"] == "2019-06-01"
        assert body["meets_minimum"] is False
        assert [(s["code"], s["legal_basis_nb"]) for s in body["minimum_missing"]] == [
            ("temporary_housing", "sosialtjenesteloven § 27"),
            ("individual_plan", "sosialtjenesteloven § 28"),
        ]

    def test_its_page_names_the_missing_services_and_their_legal_basis(
        self, client: Client, signed_before: PartnershipAgreement
    ) -> None:
        response = client.get(f"/offices/{UNIT}/agreement/")

        assert response.status_code == 200
        assertContains(response, 'data-testid="minimum-missing"')
        assertContains(response, "Mangler: Midlertidig botilbud")
        assertContains(response, "(sosialtjenesteloven § 27)")
        assertContains(response, "(sosialtjenesteloven § 28)")

    def test_the_office_page_shows_it_in_english_too(
        self, client: Client, signed_before: PartnershipAgreement
    ) -> None:
        response = choose_english(client).get(f"/offices/{UNIT}/")

        assertContains(response, "This agreement does not meet the minimum")
        assertContains(response, "Missing: Temporary housing")
        assertContains(response, "(Social Services Act section 27)")

    def test_an_agreement_with_the_whole_minimum_shows_no_warning(
        self, client: Client, office: Office
    ) -> None:
        response = client.get(f"/offices/{UNIT}/agreement/")

        assertNotContains(response, 'data-testid="minimum-missing"')
        assert client.get(f"/api/v1/organisation/offices/{UNIT}/agreement").json()["meets_minimum"]

    def test_saving_it_again_needs_the_services_it_lacks(
        self, admin: Actor, signed_before: PartnershipAgreement
    ) -> None:
        office = signed_before.office
        as_signed = list(signed_before.services.values_list("code", flat=True))

        error = refusal(lambda: _save(admin, office, as_signed))
        saved = _save(admin, office, [*as_signed, *OLDER_LACKS])

        assert "Midlertidig botilbud" in error.message_nb
        assert saved.version == 2
        assert set(saved.services.values_list("code", flat=True)) == {*MINIMUM, "refugee_service"}


class TestTheAdministratorsList:
    def test_the_api_filters_offices_on_whether_their_agreement_meets_the_minimum(
        self, client: Client, signed_before: PartnershipAgreement
    ) -> None:
        lacking = client.get(
            "/api/v1/organisation/offices", {"meets_minimum": "false", "page_size": "200"}
        ).json()
        meeting = client.get(
            "/api/v1/organisation/offices", {"meets_minimum": "true", "county": "56"}
        ).json()

        found = {o["unit_number"]: o for o in lacking["items"]}
        assert [s["code"] for s in found[UNIT]["minimum_missing"]] == list(OLDER_LACKS)
        assert all(o["minimum_missing"] for o in lacking["items"])
        assert UNIT not in {o["unit_number"] for o in meeting["items"]}
        assert meeting["count"] > 0
        assert not any(o["minimum_missing"] for o in meeting["items"])

    def test_the_page_lists_the_agreement_with_what_it_lacks(
        self, client_as: Callable[[str], Client], signed_before: PartnershipAgreement
    ) -> None:
        response = client_as("admin").get("/agreements/missing-minimum/")

        assert response.status_code == 200
        line = row_of(response.content.decode(), "agreements-missing-minimum", "NAV Loppa og")
        assert "Midlertidig botilbud (sosialtjenesteloven § 27)" in line
        assert "Individuell plan (sosialtjenesteloven § 28)" in line
        assert "01.06.2019" in line

    def test_the_directory_links_administrators_to_the_list(
        self, client_as: Callable[[str], Client], client: Client
    ) -> None:
        assertContains(client_as("admin").get("/offices/"), "/agreements/missing-minimum/")
        assertNotContains(client.get("/offices/"), "/agreements/missing-minimum/")


class TestTheMigrationKeepsExistingAgreements:
    def test_debt_and_financial_counselling_becomes_s17_financial_counselling(
        self, signed_before: PartnershipAgreement
    ) -> None:
        """An agreement offering the former optional "Økonomisk rådgivning og
        gjeldsrådgivning" offers the financial counselling of Social Services Act § 17; it gains
        no other service."""
        counselling = ServiceType.objects.get(code="financial_counselling")
        former = ServiceType.objects.create(
            code=MIGRATION.FORMER_COUNSELLING,
            name_nb="Økonomisk rådgivning og gjeldsrådgivning",
            name_en="Debt and financial counselling",
        )
        signed_before.services.remove(counselling)
        signed_before.services.add(former)

        MIGRATION.minimum_as_the_law_stands(apps, None)

        codes = set(signed_before.services.values_list("code", flat=True))
        assert "financial_counselling" in codes
        assert MIGRATION.FORMER_COUNSELLING not in codes
        assert not codes & set(OLDER_LACKS)
        assert not ServiceType.objects.filter(code=MIGRATION.FORMER_COUNSELLING).exists()
        assert ServiceType.objects.get(code="temporary_housing").legal_basis_nb == (
            "sosialtjenesteloven § 27"
        )
