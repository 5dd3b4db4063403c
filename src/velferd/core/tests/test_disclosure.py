"""The rules of statistical disclosure control, on numbers alone."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import translation

from velferd.core import disclosure
from velferd.core.disclosure import Contribution, Reason

D = Decimal


def group(*lost: int, persons: int = 20) -> Contribution:
    """A group of enterprises with these lost workdays."""
    top = [*sorted((D(n) for n in lost), reverse=True), D(0), D(0)]
    return Contribution(
        enterprises=len(lost),
        persons=persons,
        total=sum((D(n) for n in lost), D(0)),
        largest=top[0],
        second=top[1],
    )


class TestOneGroup:
    def test_fewer_than_five_persons_are_hidden_first(self) -> None:
        assert disclosure.group_reason(group(10, 10, 10, persons=4)) == Reason.FEW_PERSONS
        assert disclosure.persons_reason(5) is None

    def test_a_group_of_two_enterprises_is_hidden(self) -> None:
        assert disclosure.group_reason(group(10, 10)) == Reason.FEW_ENTERPRISES
        assert disclosure.group_reason(group(10, 10, 10)) is None

    @override_settings(VELFERD_DISCLOSURE_MIN_ENTERPRISES=5)
    def test_the_minimum_number_of_enterprises_is_a_setting(self) -> None:
        assert disclosure.group_reason(group(10, 10, 10, 10)) == Reason.FEW_ENTERPRISES
        assert disclosure.group_reason(group(10, 10, 10, 10, 10)) is None

    def test_one_enterprise_with_85_per_cent_dominates(self) -> None:
        assert disclosure.group_reason(group(85, 10, 5)) == Reason.DOMINANT_ENTERPRISE
        assert disclosure.group_reason(group(84, 10, 6)) is None

    @override_settings(VELFERD_DISCLOSURE_DOMINANCE="0.6")
    def test_the_dominance_share_is_a_setting(self) -> None:
        assert disclosure.group_reason(group(60, 30, 10)) == Reason.DOMINANT_ENTERPRISE

    def test_an_unknown_largest_enterprise_counts_as_dominant(self) -> None:
        unknown = Contribution(enterprises=10, persons=50, total=D(100), largest=None)
        assert disclosure.group_reason(unknown) == Reason.DOMINANT_ENTERPRISE


class TestOwnView:
    def test_two_enterprises_left_after_subtracting_ones_own_are_too_few(self) -> None:
        three = group(30, 30, 40)
        assert disclosure.group_reason(three) is None
        assert disclosure.own_view_reason(three, own_total=D(30), own_persons=5) == (
            Reason.OWN_SUBTRACTION
        )
        four = group(30, 30, 40, 20)
        assert disclosure.own_view_reason(four, own_total=D(20), own_persons=5) is None

    def test_what_is_left_may_not_be_dominated_by_one_enterprise(self) -> None:
        """100 of its own, 90 + 5 + 5 of others: the group is not dominated (50 %), but
        without its own the 90 are 90 % of what is left."""
        mixed = group(100, 90, 5, 5)
        assert disclosure.group_reason(mixed) is None
        assert disclosure.own_view_reason(mixed, own_total=D(100), own_persons=5) == (
            Reason.OWN_SUBTRACTION
        )
        # One of the small ones leaves 100 + 90 + 5: not dominated.
        assert disclosure.own_view_reason(mixed, own_total=D(5), own_persons=5) is None

    def test_an_enterprise_without_figures_subtracts_nothing(self) -> None:
        assert disclosure.own_view_reason(group(30, 30, 40), own_total=None) is None


class TestComplementary:
    def test_one_hidden_group_hides_the_smallest_shown_one_too(self) -> None:
        """The total minus the shown groups would give the hidden one."""
        verdicts = disclosure.suppress(
            {
                "56": group(900),
                "46": group(30, 30, 40),
                "03": group(200, 200, 200),
                "11": group(300, 300, 300),
            }
        )
        assert verdicts == {
            "56": Reason.FEW_ENTERPRISES,
            # 56 and 46 together: 900 of 1,000 is one enterprise's; 03 is needed as well.
            "46": Reason.COMPLEMENTARY,
            "03": Reason.COMPLEMENTARY,
            "11": None,
        }

    def test_hidden_groups_that_together_pass_hide_nothing_more(self) -> None:
        verdicts = disclosure.suppress(
            {"a": group(10, 10), "b": group(10, 10), "c": group(30, 30, 40)}
        )
        assert verdicts == {"a": Reason.FEW_ENTERPRISES, "b": Reason.FEW_ENTERPRISES, "c": None}


class TestSpans:
    def test_a_span_with_a_hidden_part_is_hidden(self) -> None:
        assert disclosure.span_reason([None, Reason.FEW_PERSONS, None]) == Reason.HIDDEN_PART
        assert disclosure.span_reason([None, None], group(30, 30, 40)) is None
        assert disclosure.span_reason([Reason.FEW_ENTERPRISES], group(30, 30)) == (
            Reason.FEW_ENTERPRISES
        )


class TestSurveys:
    def test_nothing_is_shown_while_the_survey_is_open(self) -> None:
        total, groups = disclosure.survey_reasons(
            is_open=True, total_answers=30, groups={"employee": (20, 0), "manager": (10, 0)}
        )
        assert total == Reason.SURVEY_OPEN
        assert set(groups.values()) == {Reason.SURVEY_OPEN}

    def test_three_answers_are_needed_and_a_small_group_hides_the_others(self) -> None:
        total, groups = disclosure.survey_reasons(
            is_open=False, total_answers=4, groups={"employee": (3, 0), "manager": (1, 0)}
        )
        assert total is None
        assert groups == {"employee": Reason.SMALL_GROUP, "manager": Reason.FEW_ANSWERS}
        total, _groups = disclosure.survey_reasons(
            is_open=False, total_answers=2, groups={"employee": (2, 0), "manager": (0, 0)}
        )
        assert total == Reason.FEW_ANSWERS


@pytest.mark.parametrize(
    ("language", "text"),
    [("nb", "Skjult: færre enn 3 virksomheter"), ("en", "Hidden: fewer than 3 enterprises")],
)
def test_the_reason_is_said_in_norwegian_and_english(language: str, text: str) -> None:
    with translation.override(language):
        assert disclosure.explain(Reason.FEW_ENTERPRISES) == text
