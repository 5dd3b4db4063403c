"""Access-matrix rows for the participants domain (see test_access_matrix.py): enrolment and
the moves of a participation by the caseworkers, the person's own participations, and the
supplier's participants, proposals and reports."""

from __future__ import annotations

from .matrix import Route

# Enrolment, moves and waiting lists (NAV's caseworkers and the person) ----------------------

ENROLMENT_ROUTES: list[Route] = []

# The supplier's side -----------------------------------------------------------------------

SUPPLIER_ROUTES: list[Route] = []

ROUTES = [*ENROLMENT_ROUTES, *SUPPLIER_ROUTES]
