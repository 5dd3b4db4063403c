"""Reads of the settlement round, already filtered by access; the reads of cases are
logged. Others use this package: `from velferd.settlement import selectors`."""

from .capacity import Capacity, capacities, newest_decisions
from .cases import (
    Waiting,
    case_for,
    cases_visible,
    has_minor,
    live_proposal,
    log_case_list,
    proposals_to_answer,
    run_for,
    run_proposals,
    waiting_of,
)
from .round import current_year, decisions_of, request_of, round_lines, years

__all__ = [
    "Capacity",
    "Waiting",
    "capacities",
    "case_for",
    "cases_visible",
    "current_year",
    "decisions_of",
    "has_minor",
    "live_proposal",
    "log_case_list",
    "newest_decisions",
    "proposals_to_answer",
    "request_of",
    "round_lines",
    "run_for",
    "run_proposals",
    "waiting_of",
    "years",
]
