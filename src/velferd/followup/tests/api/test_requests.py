"""Malformed requests to the follow-up API are refused before anything is written."""

from __future__ import annotations

import pytest
from django.test import Client

from velferd.core.testing import reread
from velferd.followup.models import Activity

from .calls import BASE, send

pytestmark = pytest.mark.django_db


class TestMalformedRequests:
    @pytest.mark.parametrize(
        ("method", "path"),
        [("post", "/threads"), ("post", "/activities"), ("post", "/assessments")],
    )
    def test_a_body_that_is_not_json_is_400(self, veileder: Client, method: str, path: str) -> None:
        response = getattr(veileder, method)(
            f"{BASE}{path}", data="{not json", content_type="application/json"
        )

        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"

    def test_a_patch_that_is_not_json_is_400_and_changes_nothing(
        self, veileder: Client, jobs: Activity
    ) -> None:
        response = veileder.patch(
            f"{BASE}/activities/{jobs.pk}", data='{"version": 1,', content_type="application/json"
        )

        assert response.status_code == 400
        assert response.json()["code"] == "malformed_request"
        assert reread(jobs).version == jobs.version

    def test_a_missing_version_is_422_naming_the_field(
        self, veileder: Client, jobs: Activity
    ) -> None:
        response = send(veileder, "patch", f"/activities/{jobs.pk}", {"title": "Uten versjon"})

        assert response.status_code == 422
        assert response.json()["code"] == "invalid_input"
        assert response.json()["field"] == "version"
