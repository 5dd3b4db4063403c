"""Writes for procurement, a module per capability: every write one transaction with its
audit event. `from velferd.procurement import services`."""

from .awards import (
    competition_approve as competition_approve,
    competition_award as competition_award,
    competition_conclude as competition_conclude,
    competition_return as competition_return,
)
from .bids import bid_revise as bid_revise, bid_submit as bid_submit, bid_withdraw as bid_withdraw
from .competitions import (
    competition_cancel as competition_cancel,
    competition_create as competition_create,
    competition_evaluate as competition_evaluate,
    competition_publish as competition_publish,
)
from .evaluators import evaluator_add as evaluator_add, evaluator_declare as evaluator_declare
from .scores import bid_score as bid_score
