"""The sick-leave API: status codes and bodies for each route."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from velferd.audit.models import AuditEvent
from velferd.employers.models import Enterprise
from velferd.sickleave.models import EnterpriseSummary, QuarterlyStatistics
from velferd.sickleave.periods import four_quarters

from .conftest import client_of
from .factories import (
    a_representative,
    csv_file,
    import_quarters,
    in_county,
    latest,
    make_enterprise,
    peers_with_statistics,
    with_statistics,
)

pytestmark = pytest.mark.django_db
ClientAs = Callable[[str], Client]
S = "/api/v1/sickleave"
# Ten industries, by NACE code (care homes among them).
INDUSTRIES = ("01.110", "10.201", "41.200", "47.111", "49.391", "62.010", "71.129", "81.210",
              "84.130", "87.301")  # fmt: skip


class TestImport:
    def test_an_administrator_posts_a_file_and_gets_the_counts(self, client_as: ClientAs) -> None:
        enterprise = make_enterprise()
        q = latest()
        data = csv_file([(enterprise.organisation_number, q.year, q.quarter, "900", "45", "9", 6)])
        upload = SimpleUploadedFile("q.csv", data, content_type="text/csv")
        response = client_as("admin").post(f"{S}/imports", {"file": upload})
        assert response.status_code == 201
        body = response.json()
        assert {k: body[k] for k in ("filename", "rows", "created", "changed", "unchanged")} == {
            "filename": "q.csv",
            "rows": 1,
            "created": 1,
            "changed": 0,
            "unchanged": 0,
        }
        assert body["sha256"] == hashlib.sha256(data).hexdigest()
        assert body["quarters"] == [{"year": q.year, "quarter": q.quarter}]
        assert AuditEvent.objects.filter(action="sick_leave_statistics.imported").exists()

    def test_raw_csv_and_json_are_accepted_too(self, client_as: ClientAs) -> None:
        enterprise = make_enterprise()
        data = csv_file([(enterprise.organisation_number, 2020, 1, "900", "45", "9", 6)])
        raw = client_as("admin").post(f"{S}/imports", data, content_type="text/csv")
        assert (raw.status_code, raw.json()["created"]) == (201, 1)
        again = client_as("admin").post(
            f"{S}/imports",
            json.dumps({"filename": "again.csv", "content": data.decode()}),
            content_type="application/json",
        )
        assert (again.status_code, again.json()["unchanged"]) == (201, 1)

    def test_a_malformed_file_is_422_with_every_bad_line(self, client_as: ClientAs) -> None:
        enterprise = make_enterprise()
        data = csv_file(
            [
                (enterprise.organisation_number, 2020, 1, "900", "45", "9", 6),
                (enterprise.organisation_number, 2020, 9, "900", "45", "9", 6),
                ("123456789", 2020, 1, "900", "950", "9", 6),
            ]
        )
        response = client_as("admin").post(
            f"{S}/imports", data, content_type="text/csv", HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 422
        body = response.json()
        assert (body["code"], body["field"]) == ("invalid_file", "file")
        assert [(e["line"], e["code"]) for e in body["errors"]] == [
            (3, "invalid_quarter"),
            (4, "invalid_organisation_number"),
            (4, "lost_exceeds_possible"),
        ]
        assert body["errors"][0]["message"].startswith("quarter must be a whole number")
        assert not QuarterlyStatistics.objects.filter(enterprise=enterprise).exists()

    def test_no_file_is_400(self, client_as: ClientAs) -> None:
        response = client_as("admin").post(f"{S}/imports")
        assert (response.status_code, response.json()["code"]) == (400, "file_required")

    def test_an_advisor_may_not_import(self, client_as: ClientAs) -> None:
        response = client_as("ia-radgiver").post(f"{S}/imports", b"x", content_type="text/csv")
        assert response.status_code == 403


class TestComparison:
    def test_the_employer_gets_their_enterprise_against_the_groups(
        self, care_home: Enterprise
    ) -> None:
        response = client_of(a_representative(care_home)).get(
            f"{S}/enterprises/{care_home.organisation_number}", HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 200
        body = response.json()
        assert body["name"] == "Fjellbekk Omsorg AS"
        assert body["groups"]["industry"] == {
            "kind": "industry",
            "key": "87",
            "label": "87 Residential care",
        }
        assert set(body["four_quarters"]) == {"enterprise", "programme", "industry", "sector",
                                              "county", "country"}  # fmt: skip
        # 87.301 is not in the nursing homes' programme (87.101, 87.102 in NAV's statistics).
        assert body["groups"]["programme"] is None and body["four_quarters"]["programme"] is None
        own = body["four_quarters"]["enterprise"]
        assert own["masked"] is False and float(own["percentage"]) > 5
        assert len(body["history"]) == 12

    def test_masked_figures_are_null_with_the_flag(self, client_as: ClientAs) -> None:
        four, five = make_enterprise(), make_enterprise()
        q = latest()
        import_quarters([(four, q, "1000", "50", "5", 4), (five, q, "1000", "50", "5", 5)])
        masked = client_as("admin").get(f"{S}/enterprises/{four.organisation_number}").json()
        shown = client_as("admin").get(f"{S}/enterprises/{five.organisation_number}").json()
        assert masked["last_quarter"]["enterprise"] == {
            "masked": True,
            "reason": "few_persons",
            "percentage": None,
            "graded_share": None,
            "lost_workdays": None,
            "possible_workdays": None,
            "duration_split": False,
            "short_term_percentage": None,
            "long_term_percentage": None,
        }
        assert shown["last_quarter"]["enterprise"]["masked"] is False
        # One decimal, as NAV's sick-leave statistics publish it.
        assert shown["last_quarter"]["enterprise"]["percentage"] == "5.0"

    def test_another_enterprise_answers_the_employer_as_an_unknown_one(
        self, care_home: Enterprise
    ) -> None:
        another = in_county("4601")
        with_statistics(another, quarters=4)
        employer = client_of(a_representative(care_home))
        other = employer.get(f"{S}/enterprises/{another.organisation_number}")
        unknown = employer.get(f"{S}/enterprises/974760673")
        assert (other.status_code, other.json()) == (unknown.status_code, unknown.json())
        assert other.status_code == 404

    def test_a_group_the_enterprise_could_subtract_itself_from_is_null(
        self, client_as: ClientAs
    ) -> None:
        """Three enterprises in Finnmark: without the one asking, two would be left."""
        members = [make_enterprise() for _ in range(3)]
        q = latest()
        import_quarters([(e, q, "1000", lost, "5", 6) for e, lost in
                         zip(members, ("50", "60", "70"), strict=True)])  # fmt: skip
        body = client_as("admin").get(f"{S}/enterprises/{members[0].organisation_number}").json()
        county = body["last_quarter"]["county"]
        assert (county["masked"], county["reason"], county["lost_workdays"]) == (
            True,
            "own_subtraction",
            None,
        )
        assert body["last_quarter"]["enterprise"]["lost_workdays"] == "50.0"

    def test_an_analyst_never_gets_one_enterprise(
        self, client_as: ClientAs, care_home: Enterprise
    ) -> None:
        number = care_home.organisation_number
        assert client_as("analytiker").get(f"{S}/enterprises/{number}").status_code == 404


class TestGroups:
    def test_the_industries_with_four_quarter_figures(self, client_as: ClientAs) -> None:
        for industry in INDUSTRIES:
            with_statistics(make_enterprise(industry_code=industry), quarters=4)
        body = client_as("analytiker").get(f"{S}/groups/industry").json()
        assert body["count"] == len(body["items"]) >= 10
        keys = [item["key"] for item in body["items"]]
        assert keys == sorted(keys) and "87" in keys

    def test_one_county_with_its_history(self, client_as: ClientAs) -> None:
        peers_with_statistics("4601")
        body = client_as("departement").get(f"{S}/groups/county/46").json()
        assert (body["label"], len(body["history"])) == ("Vestland", 12)
        assert body["history"][-1]["country"]["masked"] is False

    def test_a_county_of_one_enterprise_is_null_with_the_reason(self, client_as: ClientAs) -> None:
        """Nordland: one enterprise in Bodø alone. Its figures were the county's every
        quarter."""
        with_statistics(in_county("1804"))
        body = client_as("analytiker").get(f"{S}/groups/county/18").json()
        hidden = {
            "masked": True,
            "reason": "few_enterprises",
            "percentage": None,
            "graded_share": None,
            "lost_workdays": None,
            "possible_workdays": None,
            "duration_split": False,
            "short_term_percentage": None,
            "long_term_percentage": None,
        }
        assert body["last_quarter"] == hidden
        assert [row["group"] for row in body["history"]] == [hidden] * 12
        assert body["four_quarters"]["reason"] == "hidden_part"
        listed = client_as("analytiker").get(f"{S}/groups/county").json()["items"]
        nordland = next(item for item in listed if item["key"] == "18")
        assert nordland["four_quarters"]["masked"]
        assert nordland["four_quarters"]["lost_workdays"] is None

    def test_an_unknown_kind_is_404(self, client_as: ClientAs) -> None:
        assert client_as("analytiker").get(f"{S}/groups/galaxy").status_code == 404


class TestPriorities:
    @pytest.fixture(autouse=True)
    def vestland(self) -> None:
        """Seven enterprises in Bergen with statistics, one a large state office."""
        peers_with_statistics("4601", size=6)
        office = in_county("4601", name="Statens testkontor", sector="state", employees=310)
        with_statistics(office, quarters=4)

    def test_paged_items_and_count(self, client_as: ClientAs) -> None:
        response = client_as("ia-radgiver").get(f"{S}/priorities", {"page_size": 2})
        body = response.json()
        assert response.status_code == 200
        assert body["count"] == EnterpriseSummary.objects.filter(county="46").count() >= 7
        assert len(body["items"]) == 2
        first = body["items"][0]
        assert set(first) >= {"organisation_number", "saveable_workdays", "cooperation_status"}
        second_page = client_as("ia-radgiver").get(f"{S}/priorities", {"page_size": 2, "page": 2})
        assert second_page.json()["items"][0]["name"] != first["name"]

    def test_filters_as_query_parameters(self, client_as: ClientAs) -> None:
        body = (
            client_as("ia-radgiver")
            .get(f"{S}/priorities", {"sector": "state", "min_employees": "100"})
            .json()
        )
        assert "Statens testkontor" in [i["name"] for i in body["items"]]
        assert all(i["sector"] == "state" and i["employees"] >= 100 for i in body["items"])

    @pytest.mark.parametrize(
        "query",
        [{"page_size": 201}, {"cooperation_status": "friendly"}, {"min_percentage": "lots"}],
    )
    def test_bad_parameters_are_422(self, client_as: ClientAs, query: dict[str, Any]) -> None:
        response = client_as("ia-radgiver").get(f"{S}/priorities", query)
        assert response.status_code == 422

    def test_an_analyst_gets_no_list(self, client_as: ClientAs) -> None:
        assert client_as("analytiker").get(f"{S}/priorities").status_code == 403


class TestResults:
    def test_the_analyst_sees_the_country_and_a_county(self, client_as: ClientAs) -> None:
        body = client_as("analytiker").get(f"{S}/results").json()
        assert body["county"] is None
        assert (
            client_as("analytiker").get(f"{S}/results", {"county": "46"}).json()["county"] == "46"
        )

    def test_an_advisor_gets_their_own_county(self, client_as: ClientAs) -> None:
        assert client_as("ia-radgiver").get(f"{S}/results").json()["county"] == "46"
        assert client_as("ia-radgiver").get(f"{S}/results", {"county": "03"}).status_code == 403


def test_the_four_quarter_window_is_the_last_four(client_as: ClientAs) -> None:
    enterprise = make_enterprise()
    import_quarters([(enterprise, p, "100", "5", "1", 5) for p in four_quarters(latest())])
    body = client_as("admin").get(f"{S}/enterprises/{enterprise.organisation_number}").json()
    # Workdays with one decimal, as NAV's sick-leave statistics publish them.
    assert body["four_quarters"]["enterprise"]["possible_workdays"] == "400.0"
