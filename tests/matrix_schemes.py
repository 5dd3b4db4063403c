"""Access-matrix rows for the schemes domain: the catalogue, the suppliers, the agreements
and the deliveries (see test_access_matrix.py)."""

from __future__ import annotations

from .matrix import Route

ROUTES: list[Route] = []
