"""Reading the schemes' money, as far as the reader may see, a module per capability."""

from .lists import (
    BudgetLine,
    budget_lines,
    claim_for,
    claims,
    commitment_for,
    commitments,
    deliveries_to_commit,
    export_for,
    exports,
    to_export,
)
from .money import budget_remaining, commitment_remaining, committed, drawn
from .month_claims import CALCULATED, MonthClaim, month_claims

__all__ = [
    "CALCULATED",
    "BudgetLine",
    "MonthClaim",
    "budget_lines",
    "budget_remaining",
    "claim_for",
    "claims",
    "commitment_for",
    "commitment_remaining",
    "commitments",
    "committed",
    "deliveries_to_commit",
    "drawn",
    "export_for",
    "exports",
    "month_claims",
    "to_export",
]
