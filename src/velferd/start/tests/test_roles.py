"""Every demo login lands on its start page, with the section of its role; the sections of
the IW advisor, the employer, the Ministry officer, the partner, the analyst and the supplier
show the records built here and not another county's or enterprise's."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from velferd.access.actor import Actor, system_actor
from velferd.access.demo import DEMO_LOGINS, DEMO_PASSWORD, DemoLogin
from velferd.access.roles import Role
from velferd.access.services import role_assign
from velferd.core.testing import login_actor, new_user
from velferd.employers import services as employer_services
from velferd.employers.models import Cooperation, Delivery, DeliveryKind, Enterprise, Subsidy
from velferd.employers.tests.factories import a_representative, an_enterprise, in_municipality
from velferd.followup.tests.factories import days_ago
from velferd.organisation.selectors import iw_centres
from velferd.schemes.tests.factories import a_contact, a_staff_login, a_supplier, a_unit

from .pages import box

pytestmark = pytest.mark.django_db

Login = Callable[[str], Client]

SECTION_OF_ROLE = {
    "caseworker_state": "start-caseworker",
    "caseworker_municipal": "start-caseworker",
    "approver": "start-approver",
    "office_manager": "start-office-manager",
    "iw_advisor": "start-iw-advisor",
    "partner": "start-partner",
    "supplier": "start-supplier",
    "employer": "start-employer",
    "citizen": "start-citizen",
    "analyst": "start-links",
    "ministry_staff": "start-ministry",
    "administrator": "start-links",
    "scheme_manager": "start-links",
    "settlement_officer": "start-links",
    "settlement_coordinator": "start-links",
}


def being_assessed(advisor: Actor, enterprise: Enterprise) -> Cooperation:
    """A cooperation the advisor is assessing, with a needs assessment survey open and
    answered twice, and a subsidy application of 2018 on record."""
    cooperation = employer_services.cooperation_start(actor=advisor, enterprise=enterprise)
    cooperation = employer_services.cooperation_assess(
        actor=advisor, cooperation=cooperation, version=cooperation.version
    )
    survey = employer_services.survey_open(
        actor=advisor, cooperation=cooperation, kind="needs_assessment"
    )
    for group in ("employee", "manager"):
        employer_services.survey_answer(
            token=survey.token,
            group=group,
            answers=dict.fromkeys(
                ["partnership", "follow_up", "adaptation", "workload", "knowledge", "belonging"],
                3,
            ),
        )
    Subsidy.objects.create(
        enterprise=enterprise,
        purpose="Kurs i forebygging",
        amount_applied="85000.00",
        applied_on=datetime.date(2018, 3, 1),
        budget_year=2018,
    )
    return cooperation


def oslo_advisor() -> Actor:
    return new_user("oslo-radgiver", Role.IW_ADVISOR, iw_centre=iw_centres().get(county_id="03"))


@pytest.mark.parametrize("login", DEMO_LOGINS, ids=lambda login: login.username)
def test_every_demo_login_lands_on_the_start_page_of_its_role(
    client: Client, login: DemoLogin
) -> None:
    response = client.post("/login/", {"username": login.username, "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/start/"
    page = client.get("/start/")
    assert page.status_code == 200
    assert f'data-testid="{SECTION_OF_ROLE[login.role]}"' in page.content.decode()
    assert 'class="site-header__brand" href="/start/"' in page.content.decode()


def test_a_visitor_is_sent_to_log_in(client: Client) -> None:
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/start/"


def test_a_user_with_two_roles_sees_both_sections(client_as: Login) -> None:
    advisor = login_actor("ia-radgiver")
    enterprise = an_enterprise(name="Tofold AS")
    being_assessed(advisor, enterprise)
    both = a_representative(enterprise, "to-roller")
    assert both.user is not None
    role_assign(actor=system_actor("tests"), user=both.user, role=Role.ANALYST)
    page = client_as("to-roller").get("/start/").content.decode()
    assert "Tofold AS" in box(page, "start-employer")
    assert 'data-testid="start-links"' in page


def test_the_advisor_sees_their_countys_cooperations_and_deliveries_due(
    client_as: Login,
) -> None:
    advisor = login_actor("ia-radgiver")
    cooperation = being_assessed(advisor, an_enterprise(name="Leveranse Vest AS"))
    Delivery.objects.create(
        cooperation=cooperation, kind=DeliveryKind.TRAINING, deadline=days_ago(-5)
    )
    oslo = in_municipality("0301", name="Oslo Østkant AS")
    other = Delivery.objects.create(
        cooperation=being_assessed(oslo_advisor(), oslo),
        kind=DeliveryKind.TRAINING,
        deadline=days_ago(-2),
    )
    page = client_as("ia-radgiver").get("/start/").content.decode()
    deliveries = box(page, "start-deliveries")
    assert "Leveranse Vest AS" in deliveries
    assert days_ago(-5).strftime("%d.%m.%Y") in deliveries
    assert other.cooperation.enterprise.name not in page
    assert "status=assessing" in box(page, "start-statuses")
    assert 'href="/sick-leave/priorities/"' in page


def test_the_employer_sees_their_enterprise_its_survey_and_application(
    client_as: Login,
) -> None:
    advisor = login_actor("ia-radgiver")
    mine = an_enterprise(name="Egen Bedrift AS")
    being_assessed(advisor, mine)
    being_assessed(advisor, an_enterprise(name="Naboens Bedrift AS"))
    a_representative(mine)
    page = client_as("representant").get("/start/").content.decode()
    assert "Egen Bedrift AS" in box(page, "start-employer")
    assert f'href="/employers/{mine.organisation_number}/"' in page
    assert "Egen Bedrift AS" in box(page, "start-surveys")
    assert "2 svar" in box(page, "start-surveys")
    assert "Egen Bedrift AS" in box(page, "start-applications")
    assert "Naboens Bedrift AS" not in page


def test_the_supplier_sees_their_supplier_its_units_and_contacts(client_as: Login) -> None:
    own = a_supplier(name="Egen Leverandør AS")
    a_unit(own, name="Egen Leverandør, Økern")
    a_contact(own, name="Kim Kontaktperson")
    other = a_supplier(name="Naboens Leverandør AS")
    a_unit(other, name="Naboens Leverandør, Sagene")
    a_contact(other, name="Nils Naboen")
    a_staff_login(own)
    page = client_as("leverandoransatt").get("/start/").content.decode()
    units = box(page, "start-supplier-units")
    assert "Egen Leverandør AS" in units
    assert f'href="/schemes/suppliers/{own.organisation_number}/"' in units
    assert "Egen Leverandør, Økern" in units
    assert "Kim Kontaktperson" in box(page, "start-supplier-contacts")
    for others in ("Naboens Leverandør", "Nils Naboen"):
        assert others not in page


def test_the_scheme_manager_sees_the_way_to_the_catalogue_and_the_suppliers(
    client_as: Login,
) -> None:
    page = client_as("tiltaksforvalter").get("/start/").content.decode()
    for url in ("/schemes/catalogue/", "/schemes/suppliers/", "/schemes/suppliers/new/"):
        assert f'href="{url}"' in page


def test_the_analyst_sees_links_to_the_figures_they_may_see(client_as: Login) -> None:
    page = client_as("analytiker").get("/start/").content.decode()
    for url in ("/sick-leave/", "/sick-leave/groups/", "/sick-leave/results/"):
        assert f'href="{url}"' in box(page, "start-links")


def test_the_settlement_logins_find_their_way_into_the_round(client_as: Login) -> None:
    officer = box(client_as("imdi").get("/start/").content.decode(), "start-links")
    for url in ("/settlement/", "/settlement/requests/"):
        assert f'href="{url}"' in officer
    assert "/settlement/municipalities/" not in officer
    coordinator = box(client_as("bosetting-drammen").get("/start/").content.decode(), "start-links")
    assert 'href="/settlement/municipalities/3301/"' in coordinator
    assert 'href="/settlement/requests/"' not in coordinator


def test_today_is_shown_in_norwegian(client_as: Login) -> None:
    page = client_as("analytiker").get("/start/").content.decode()
    assert str(timezone.localdate().year) in page
