"""Disclosure control of what an effect run writes: estimates, histograms, tree leaves."""

from __future__ import annotations

from velferd.results.services.effect_masking import Figures, mask_estimates, mask_tree, merge_bins


def _figures(group: str, treated: int, control: int) -> Figures:
    return Figures("AVKLARING", group, 0.1, 0.0, 0.2, 0.05, treated, control)


def test_an_estimate_with_fewer_than_five_on_a_side_is_hidden_with_every_figure() -> None:
    shown = mask_estimates([_figures("all", 40, 40), _figures("gender=female", 4, 20)])
    hidden = shown[1]
    assert hidden.masked and hidden.effect is None and hidden.n_treated is None
    assert not shown[0].masked


def test_the_smallest_other_group_of_the_column_is_hidden_when_subtraction_would_tell() -> None:
    shown = mask_estimates(
        [
            _figures("all", 40, 40),
            _figures("age_band=under_30", 3, 10),
            _figures("age_band=30_49", 12, 10),
            _figures("age_band=50_plus", 25, 20),
        ]
    )
    masked = {f.group for f in shown if f.masked}
    assert masked == {"age_band=under_30", "age_band=30_49"}


def test_small_bins_are_merged_with_their_neighbours() -> None:
    merged = merge_bins([0.0, 0.25, 0.5, 0.75, 1.0], [2, 3, 10, 1], [8, 0, 9, 7])
    assert merged is not None
    edges, treated, control = merged
    assert edges == [0.0, 0.5, 1.0]
    assert treated == [5, 11] and control == [8, 16]


def test_a_histogram_that_cannot_be_made_safe_is_hidden() -> None:
    assert merge_bins([0.0, 0.5, 1.0], [1, 2], [30, 30]) is None


def test_a_small_leaf_keeps_its_scheme_but_not_its_count() -> None:
    tree = mask_tree(
        {
            "n": 50,
            "feature": "age",
            "threshold": 30.0,
            "left": {"n": 3, "treatment": "AVKLARING"},
            "right": {"n": 47, "treatment": "none"},
        }
    )
    assert tree is not None
    assert tree["left"] == {**tree["left"], "n": None, "masked": True, "treatment": "AVKLARING"}
    assert tree["right"]["n"] == 47 and not tree["right"]["masked"]
