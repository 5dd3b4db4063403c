"""Access-matrix rows for the employers API (see test_access_matrix.py)."""

from __future__ import annotations

from .matrix import Route

ROUTES: list[Route] = []
