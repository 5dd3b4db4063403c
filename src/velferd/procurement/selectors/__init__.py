"""Reading procurement, as far as the reader may see, a module per capability:
`competitions` (competitions and bids, through the policies' list filters) and
`evaluation` (the evaluators, their scores and the ranking's figures)."""

from .competitions import bid_for as bid_for
from .competitions import bids_visible_to as bids_visible_to
from .competitions import competition_for as competition_for
from .competitions import competitions_visible_to as competitions_visible_to
from .competitions import deadline_passed as deadline_passed
from .competitions import evaluator_of as evaluator_of
from .competitions import open_competitions as open_competitions
from .competitions import own_bid_in as own_bid_in
from .competitions import own_bids as own_bids
from .competitions import submitted_bids_visible_to as submitted_bids_visible_to
from .evaluation import evaluators_of as evaluators_of
from .evaluation import ranking_of as ranking_of
from .evaluation import scores_by as scores_by
from .evaluation import scores_missing as scores_missing
from .evaluation import scoring_evaluators as scoring_evaluators
