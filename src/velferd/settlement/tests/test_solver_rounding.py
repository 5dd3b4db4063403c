"""The rounding at the prices: cases placed by what they lose elsewhere, moved into places
left empty where they score more, never over a capacity."""

from __future__ import annotations

import numpy as np

from velferd.settlement.matching.rounding import by_regret, moved


def test_a_case_moves_into_an_empty_place_where_it_scores_more_and_none_overfills() -> None:
    scores = np.array([[0.2, 0.9], [0.5, 0.6], [0.4, -np.inf]])
    sizes, minors = np.array([1.0, 1.0, 1.0]), np.zeros(3)
    limits = np.array([2.0, 2.0, 0.0, 0.0])
    better = moved(scores, np.array([0, 1, 0]), sizes, minors, limits)
    assert better.tolist() == [1, 1, 0]
    assert np.bincount(better, sizes, 2).tolist() == [1.0, 2.0]


def test_the_case_that_loses_most_elsewhere_gets_the_last_place() -> None:
    scores = np.array([[1.0, 0.9], [1.0, 0.1]])
    sizes, minors = np.array([1.0, 1.0]), np.zeros(2)
    limits = np.array([1.0, 1.0, 0.0, 0.0])
    assignment = by_regret(scores, scores, sizes, minors, limits)
    assert assignment is not None
    assert assignment.tolist() == [1, 0]


def test_no_room_for_a_case_gives_no_rounding() -> None:
    scores = np.array([[1.0], [1.0]])
    limits = np.array([1.0, 0.0])
    assert by_regret(scores, scores, np.ones(2), np.zeros(2), limits) is None
