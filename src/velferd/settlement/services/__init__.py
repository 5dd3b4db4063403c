"""Writes of the settlement round, a module per capability; every write is one transaction
with its audit event, and takes its locks in the domain's order: the year → the
municipality's request → the case → its proposal → the audit chain head. Others use this
package: `from velferd.settlement import services`."""

from .cases import case_exclude, case_import, case_lock, case_unlock
from .matching_runs import employment_model, matching_run
from .proposals import (
    case_override,
    expire_overdue_proposals,
    proposal_accept,
    proposal_decline,
    proposal_send,
    proposal_withdraw,
    run_send,
)
from .requests import (
    RequestSaved,
    RowsRejected,
    requests_from_csv,
    requests_import,
    requests_set,
)
from .round import decision_enter, year_set
from .settling import case_settle, settle_due_cases

__all__ = [
    "RequestSaved",
    "RowsRejected",
    "case_exclude",
    "case_import",
    "case_lock",
    "case_override",
    "case_settle",
    "case_unlock",
    "decision_enter",
    "employment_model",
    "expire_overdue_proposals",
    "matching_run",
    "proposal_accept",
    "proposal_decline",
    "proposal_send",
    "proposal_withdraw",
    "requests_from_csv",
    "requests_import",
    "requests_set",
    "run_send",
    "settle_due_cases",
    "year_set",
]
