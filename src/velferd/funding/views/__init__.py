"""The funding pages, a module per capability."""

from .claims import claim, claim_new, claims, export_file, exports, participation
from .money import budgets, commitment, commitment_new, commitments, index

__all__ = [
    "budgets",
    "claim",
    "claim_new",
    "claims",
    "commitment",
    "commitment_new",
    "commitments",
    "export_file",
    "exports",
    "index",
    "participation",
]
