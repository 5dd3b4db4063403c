"""What the tests of the registry's API share: its base path, the minimum services, asking
in English, and sending a JSON body."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

BASE = "/api/v1/organisation"
MINIMUM = [
    "state_tasks",
    "social_services",
    "financial_counselling",
    "financial_assistance",
    "temporary_housing",
    "individual_plan",
    "qualification_programme",
]
EN: dict[str, Any] = {"HTTP_ACCEPT_LANGUAGE": "en"}


def send(client: Client, method: str, path: str, body: Any, **headers: str) -> Any:
    return getattr(client, method)(
        f"{BASE}{path}", data=json.dumps(body), content_type="application/json", **headers
    )
