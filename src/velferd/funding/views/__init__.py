"""The funding pages, a module per capability."""

from .claims import claim, claims, export_file, exports, participation
from .money import budgets, commitment, commitment_new, commitments, index

__all__ = [
    "budgets",
    "claim",
    "claims",
    "commitment",
    "commitment_new",
    "commitments",
    "export_file",
    "exports",
    "index",
    "participation",
]
