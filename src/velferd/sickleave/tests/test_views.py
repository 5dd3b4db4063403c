"""The sick-leave pages render for the right people and show what they should."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from velferd.employers.models import Cooperation, Enterprise
from velferd.employers.tests.factories import CooperationFactory
from velferd.sickleave.models import QuarterlyStatistics

from .conftest import client_of
from .factories import (
    a_representative,
    csv_file,
    import_quarters,
    in_county,
    last_quarters,
    latest,
    make_enterprise,
    peers_with_statistics,
    with_statistics,
)

pytestmark = pytest.mark.django_db
ClientAs = Callable[[str], Client]
FERRIES = ("Kystferje AS", "Fjordferje AS")


def close_served_cooperations() -> None:
    """Close every cooperation being served, whatever the run loaded: the results are then
    those of the cooperations the test builds."""
    Cooperation.objects.filter(status__in=["active", "completed"]).update(
        status="cancelled", is_open=False
    )


def text(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def page_of(enterprise: Enterprise) -> str:
    return f"/sick-leave/enterprises/{enterprise.organisation_number}/"


def few_persons(municipality: str = "5601", **fields: object) -> Enterprise:
    """An enterprise with three sick-listed persons every quarter: its figures are masked."""
    enterprise = in_county(municipality, **fields)
    import_quarters([(enterprise, q, "300", "20", "0", 3) for q in last_quarters(4)])
    return enterprise


class TestEnterprisePage:
    def test_the_employer_lands_on_their_enterprise_with_the_chart(
        self, care_home: Enterprise
    ) -> None:
        response = client_of(a_representative(care_home)).get("/sick-leave/", follow=True)
        assert response.redirect_chain[-1][0] == page_of(care_home)
        page = text(response)
        assert "Fjellbekk Omsorg AS" in page
        assert 'data-testid="sick-leave-chart"' in page
        for series in ("enterprise", "industry", "sector", "county", "country"):
            assert f'class="sl-series sl-series--{series}"' in page
        assert "<polyline" in page and 'style="' not in page
        assert "87 Pleie- og omsorgstjenester i institusjon" in page

    def test_a_masked_enterprise_says_so(self, client_as: ClientAs) -> None:
        response = client_as("admin").get(page_of(few_persons()))
        assert response.status_code == 200
        assert "Skjult: færre enn 5 sykmeldte" in text(response)

    def test_another_enterprise_is_refused(self, care_home: Enterprise) -> None:
        another = in_county("4601")
        with_statistics(another, quarters=4)
        employer = client_of(a_representative(care_home))
        assert employer.get(page_of(another)).status_code == 404

    def test_a_group_it_could_subtract_itself_from_says_why(self, client_as: ClientAs) -> None:
        members = [make_enterprise() for _ in range(3)]
        import_quarters([(e, latest(), "1000", "60", "5", 6) for e in members])
        page = text(
            client_as("admin").get(f"/sick-leave/enterprises/{members[0].organisation_number}/")
        )
        assert "Skjult: uten denne virksomheten ville tallet avsløre andre virksomheter" in page

    def test_an_analyst_may_not_open_one_enterprise(
        self, client_as: ClientAs, care_home: Enterprise
    ) -> None:
        assert client_as("analytiker").get(page_of(care_home)).status_code == 404

    def test_an_unknown_enterprise_is_404(self, client_as: ClientAs) -> None:
        assert client_as("admin").get("/sick-leave/enterprises/974760673/").status_code == 404

    def test_anonymous_is_sent_to_log_in(self, client: Client, care_home: Enterprise) -> None:
        response = client.get(page_of(care_home))
        assert response.status_code == 302 and "/login/" in response["Location"]


class TestGroupPages:
    def test_the_analyst_sees_the_industries_and_one_of_them(
        self, client_as: ClientAs, care_home: Enterprise
    ) -> None:
        listing = client_as("analytiker").get("/sick-leave/groups/?kind=industry")
        assert listing.status_code == 200 and "Pleie- og omsorgstjenester i institusjon" in text(
            listing
        )
        one = client_as("analytiker").get("/sick-leave/groups/industry/87/")
        assert one.status_code == 200 and 'data-series="country"' in text(one)

    def test_a_hidden_group_says_why_in_norwegian_and_english(self, client_as: ClientAs) -> None:
        """Nordland, with one enterprise, in Bodø."""
        with_statistics(in_county("1804"))
        analyst = client_as("analytiker")
        page = text(analyst.get("/sick-leave/groups/county/18/"))
        assert "Skjult: færre enn 3 virksomheter" in page
        assert "Skjult: et kvartal i perioden er skjult" in page
        analyst.cookies["django_language"] = "en"
        page = text(analyst.get("/sick-leave/groups/county/18/"))
        assert "Hidden: fewer than 3 enterprises" in page

    def test_the_employer_sees_no_groups_page(self, care_home: Enterprise) -> None:
        employer = client_of(a_representative(care_home))
        assert employer.get("/sick-leave/groups/").status_code == 403

    def test_the_analyst_sees_how_many_enterprises_a_shown_group_has(
        self, client_as: ClientAs
    ) -> None:
        """Finnmark with four enterprises is counted; Nordland, with one, hides its count
        with its figure."""
        peers_with_statistics("5601", size=4)
        with_statistics(in_county("1804"))
        page = text(client_as("analytiker").get("/sick-leave/groups/?kind=county"))
        assert enterprises_of_group(page, "county/56") == "4"
        assert enterprises_of_group(page, "county/18") == "–"


def enterprises_of_group(page: str, path: str) -> str:
    """The "Enterprises" cell of the group's row on the groups page."""
    row = re.search(rf'href="/sick-leave/groups/{path}/".*?</tr>', page, re.S)
    assert row is not None, path
    cell = re.search(r'data-testid="group-enterprises">(.*?)</td>', row.group(0), re.S)
    assert cell is not None
    return re.sub(r"<[^>]+>", "", cell.group(1)).strip()


class TestPriorityPage:
    @pytest.fixture
    def vestland(self) -> None:
        """In Bergen: a ferry company losing 12 % beside one losing 2 % (their industry at
        7 %), a small shop with few sick-listed, four IT firms and a state office."""
        ferries = [in_county("4601", name=n, industry_code="50.101") for n in FERRIES]
        import_quarters(
            [
                (ferry, q, "5000", lost, "0", 20)
                for ferry, lost in zip(ferries, ("600", "100"), strict=True)
                for q in last_quarters(4)
            ]
        )
        few_persons(name="Liten Butikk AS", industry_code="47.111", municipality="4601")
        peers_with_statistics("4601", industry_code="62.010")
        with_statistics(in_county("4601", name="Statens testkontor", sector="state"), quarters=4)

    def test_the_advisor_sees_the_county_most_to_save_first(
        self, client_as: ClientAs, vestland: None
    ) -> None:
        response = client_as("ia-radgiver").get("/sick-leave/priorities/")
        page = text(response)
        assert response.status_code == 200
        assert page.count('data-testid="priority-row"') >= 7
        assert "Skjult: færre enn 5 sykmeldte" in page  # the small shop
        assert page.index("Kystferje AS") < page.index("Liten Butikk AS")

    def test_a_filter_narrows_the_list(self, client_as: ClientAs, vestland: None) -> None:
        page = text(client_as("ia-radgiver").get("/sick-leave/priorities/?sector=state"))
        assert "Statens testkontor" in page and "Kystferje AS" not in page

    def test_a_bad_filter_shows_the_message(self, client_as: ClientAs) -> None:
        response = client_as("ia-radgiver").get(
            "/sick-leave/priorities/?min_percentage=9&max_percentage=2"
        )
        assert response.status_code == 422
        assert "Fra-verdien er større enn til-verdien." in text(response)

    def test_analysts_get_no_list(self, client_as: ClientAs) -> None:
        assert client_as("analytiker").get("/sick-leave/priorities/").status_code == 403


class TestResultsPage:
    def test_the_advisor_and_the_analyst_see_results(self, client_as: ClientAs) -> None:
        assert client_as("ia-radgiver").get("/sick-leave/results/").status_code == 200
        assert client_as("analytiker").get("/sick-leave/results/?county=03").status_code == 200

    def test_the_centre_in_vestland_hides_the_results_of_two_enterprises(
        self, client_as: ClientAs
    ) -> None:
        """Two enterprises in Bergen, one in an active cooperation and one completed: the
        results of two enterprises would be the one's figures to the other, so they are
        hidden and the page says why. No other cooperation is being served."""
        close_served_cooperations()
        started = timezone.make_aware(datetime.datetime(latest().year, 1, 1))
        for status in ("active", "completed"):
            enterprise = in_county("4601")
            with_statistics(enterprise)
            cooperation: Cooperation = CooperationFactory.create(
                enterprise=enterprise, status=status
            )
            Cooperation.objects.filter(pk=cooperation.pk).update(
                created_at=started - datetime.timedelta(days=365), is_open=status == "active"
            )
        page = text(client_as("ia-radgiver").get("/sick-leave/results/"))
        assert "2 virksomheter har (hatt) et aktivt samarbeid." in page
        assert "Skjult: færre enn 3 virksomheter" in page
        assert 'data-testid="chart-marker"' not in page

    def test_charts_when_three_enterprises_are_served(self, client_as: ClientAs) -> None:
        close_served_cooperations()
        q = latest()
        started = timezone.make_aware(datetime.datetime(q.year, q.quarter * 3, 1))
        for lost in ("60", "70", "80"):
            enterprise = make_enterprise()
            import_quarters([(enterprise, q.shifted(-n), "1000", lost, "10", 8) for n in range(4)])
            cooperation = Cooperation.objects.create(enterprise=enterprise, status="active")
            Cooperation.objects.filter(pk=cooperation.pk).update(created_at=started)
        page = text(client_as("analytiker").get("/sick-leave/results/?county=56"))
        assert 'data-testid="chart-marker"' in page
        assert "Skjult" not in page

    def test_the_employer_sees_no_results(self, care_home: Enterprise) -> None:
        employer = client_of(a_representative(care_home))
        assert employer.get("/sick-leave/results/").status_code == 403


class TestImportPage:
    def test_an_upload_shows_the_counts(self, client_as: ClientAs) -> None:
        enterprise = make_enterprise()
        data = csv_file([(enterprise.organisation_number, 2020, 2, "700", "35", "7", 6)])
        response = client_as("admin").post(
            "/sick-leave/import/", {"file": SimpleUploadedFile("s.csv", data)}
        )
        assert response.status_code == 200
        assert "Nye: 1, endret: 0, uendret: 0." in text(response)

    def test_a_bad_file_lists_every_bad_line(self, client_as: ClientAs) -> None:
        enterprise = make_enterprise()
        data = csv_file(
            [
                (enterprise.organisation_number, 2020, 2, "700", "35", "7", 6),
                (enterprise.organisation_number, 2020, 0, "700", "35", "7", 6),
                ("974760673", 2020, 2, "700", "35", "7", 6),
            ]
        )
        response = client_as("admin").post(
            "/sick-leave/import/", {"file": SimpleUploadedFile("s.csv", data)}
        )
        page = text(response)
        assert response.status_code == 422
        assert page.count('data-testid="import-problem"') == 2
        assert "Virksomheten 974760673 er ikke registrert." in page
        assert not QuarterlyStatistics.objects.filter(enterprise=enterprise).exists()

    def test_the_page_documents_the_columns(self, client_as: ClientAs) -> None:
        page = text(client_as("admin").get("/sick-leave/import/"))
        assert "organisation_number;year;quarter;possible_workdays;lost_workdays;" in page

    def test_only_administrators_import(self, client_as: ClientAs) -> None:
        assert client_as("ia-radgiver").get("/sick-leave/import/").status_code == 403
