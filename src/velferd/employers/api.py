"""The employers API, at /api/v1/employers/."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["employers"])
