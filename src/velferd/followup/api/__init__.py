"""The follow-up API at /api/v1/followup/: a router per capability, mounted in this order so
that the paths are matched as they always were. The person uses the same routes as the
office for their own plan and dialogue.

Each route names its operation id (`velferd_followup_api_<function>`): clients generated
from docs/openapi.json call the operations by those names."""

from __future__ import annotations

from ninja import Router

from velferd.access.api_auth import AUTH

from . import (
    activities,
    activity_requirement,
    appeals,
    assessments,
    benefits,
    dialogue,
    notes,
    periods,
    plans,
    portfolio,
)

router = Router(tags=["followup"], auth=AUTH)
for capability in (
    periods,
    assessments,
    appeals,
    activities,
    dialogue,
    portfolio,
    benefits,
    activity_requirement,
    plans,
    notes,
):
    router.add_router("", capability.router)
