"""The Ministry's units at /api/v1/organisation/departments: public reads, in both languages."""

from __future__ import annotations

import pytest
from django.test import Client

from .calls import BASE, EN

pytestmark = pytest.mark.django_db

UNIT_SLUGS = [
    "labour-market",
    "working-environment-and-safety",
    "finance-and-governance",
    "integration",
    "pension",
    "press-and-communications",
    "administrative-services",
    "welfare-policy",
]


class TestDepartments:
    def test_lists_the_eight_units_in_order_with_both_languages(self, client: Client) -> None:
        response = client.get(f"{BASE}/departments")

        assert response.status_code == 200
        units = response.json()
        assert [u["slug"] for u in units] == UNIT_SLUGS
        labour = units[0]
        assert labour["name"] == "Arbeidsmarkedsavdelingen"
        assert labour["name_nb"] == "Arbeidsmarkedsavdelingen"
        assert labour["name_en"] == "Department of Labour Market"
        assert "velfungerende arbeidsmarked" in labour["responsibilities_nb"]
        assert "well-functioning labour market" in labour["responsibilities_en"]

    def test_the_localised_name_follows_accept_language(self, client: Client) -> None:
        units = client.get(f"{BASE}/departments", **EN).json()

        assert units[0]["name"] == "Department of Labour Market"

    def test_press_and_communications_is_part_of_the_secretary_generals_staff(
        self, client: Client
    ) -> None:
        response = client.get(f"{BASE}/departments/press-and-communications")

        assert response.status_code == 200
        assert response.json()["part_of_secretary_general_staff"] is True
        assert response.json()["kind"] == "division"

    def test_an_unknown_unit_is_404(self, client: Client) -> None:
        response = client.get(f"{BASE}/departments/space-programme")

        assert response.status_code == 404
        assert response.json() == {
            "code": "not_found",
            "field": "slug",
            "message": "Fant ikke enheten «space-programme».",
        }
