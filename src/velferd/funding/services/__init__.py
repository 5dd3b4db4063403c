"""Writes for the schemes' money, a module per capability; every write is one transaction
with its audit event, and takes its locks in the domain's order: budget → commitment →
claim → the audit chain head. Others use this package: `from velferd.funding import
services`."""

from .budgets import budget_set
from .claims import (
    claim_approve,
    claim_enter,
    claim_of,
    claim_return,
    claim_submit,
    claims_calculate,
    valid_bank_account,
)
from .commitments import (
    calculated_amount,
    commitment_annul,
    commitment_approve,
    commitment_propose,
    commitment_resubmit,
    commitment_return,
)
from .common import valid_amount
from .participation import participation_import
from .participation_kept import Share, kept_periods, participation_keep
from .payments import EXPORT_HEADER, payments_export

__all__ = [
    "EXPORT_HEADER",
    "Share",
    "budget_set",
    "calculated_amount",
    "claim_approve",
    "claim_enter",
    "claim_of",
    "claim_return",
    "claim_submit",
    "claims_calculate",
    "commitment_annul",
    "commitment_approve",
    "commitment_propose",
    "commitment_resubmit",
    "commitment_return",
    "kept_periods",
    "participation_import",
    "participation_keep",
    "payments_export",
    "valid_amount",
    "valid_bank_account",
]
