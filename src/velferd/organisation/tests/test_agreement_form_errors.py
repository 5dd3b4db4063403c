"""The partnership agreement form follows the site's form pattern: the error summary at the
top links to the services and the signing date, each marked invalid beside its message."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from velferd.core.testing import assert_every_error_shown

pytestmark = pytest.mark.django_db

AGREEMENT = "/offices/5612/agreement/"


def test_missing_services_are_in_the_summary_linked_to_the_first_service(
    client_as: Callable[[str], Client],
) -> None:
    response = client_as("admin").post(
        AGREEMENT, {"services": ["state_tasks"], "signed_on": "2025-03-01", "version": "1"}
    )

    html = response.content.decode()
    assert response.status_code == 422
    summary = html[html.index('id="error-summary"') : html.index("</ul>")]
    assert '<a class="aksel-link" href="#id_services">Avtalen mangler tjenester' in summary
    assert 'id="id_services"' in html


def test_missing_services_and_a_wrong_date_are_named_at_once(
    client_as: Callable[[str], Client],
) -> None:
    response = client_as("admin").post(
        AGREEMENT, {"services": ["state_tasks"], "signed_on": "1. mars", "version": "1"}
    )

    html = response.content.decode()
    assert response.status_code == 422
    missing = html.split('id="error-services">')[1].split("</p>")[0].strip()
    assert missing.startswith("Avtalen mangler tjenester")
    assert_every_error_shown(
        html, {"services": missing, "signed_on": "Skriv datoen som åååå-mm-dd."}
    )
    assert 'value="1. mars"' in html
    assert 'value="state_tasks" id="id_services" aria-invalid="true"' in html
    assert 'aria-describedby="error-services" checked>' in html
