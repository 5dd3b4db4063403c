"""The sickleave API, at /api/v1/sickleave/."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["sickleave"])
