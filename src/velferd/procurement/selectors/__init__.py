"""Reading procurement, as far as the reader may see, a module per capability:
`competitions` (competitions and bids, through the policies' list filters) and
`evaluation` (the evaluators, their scores and the ranking's figures)."""

from .competitions import (
    bid_for as bid_for,
    bids_visible_to as bids_visible_to,
    competition_for as competition_for,
    competitions_visible_to as competitions_visible_to,
    deadline_passed as deadline_passed,
    evaluator_of as evaluator_of,
    open_competitions as open_competitions,
    own_bid_in as own_bid_in,
    own_bids as own_bids,
    submitted_bids_visible_to as submitted_bids_visible_to,
)
from .evaluation import (
    evaluators_of as evaluators_of,
    ranking_of as ranking_of,
    scores_by as scores_by,
    scores_missing as scores_missing,
    scoring_evaluators as scoring_evaluators,
)
