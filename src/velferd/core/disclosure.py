"""Statistical disclosure control: whether a figure about a group of people or enterprises
may be shown, and if not, why. Every rule lives here, as functions over numbers (no models),
so that every domain that publishes group figures (sick leave, surveys, results) applies the
same ones.

The rules, in the order they are tried:

1. **Persons.** A figure based on fewer than `MIN_PERSONS` (5) sick-listed persons is hidden
   (`few_persons`).
2. **Enterprises.** A group figure needs at least `min_enterprises()` enterprises
   (`VELFERD_DISCLOSURE_MIN_ENTERPRISES`, 3) (`few_enterprises`).
3. **Dominance**, a (1, k) rule. The largest enterprise's share of the group's magnitude (for
   sick leave: the lost workdays) must be under `dominance_share()`
   (`VELFERD_DISCLOSURE_DOMINANCE`, 85 %); otherwise the group's figure is close to that one
   enterprise's (`dominant_enterprise`).
4. **Subtraction.** A group shown to one of its own members (an enterprise compared with its
   industry, sector, county and country) must still pass rules 1–3 with that member taken
   out: what is left after the member subtracts its own figures is other enterprises' figures
   (`own_subtraction`).
5. **Complementary suppression.** The groups of one kind (every industry, every county …)
   add up to a total that is shown (the country). The groups hidden by rules 1–3 taken
   together are therefore known: the total minus the shown groups. So they must pass rules
   1–3 together, and while they do not, the smallest shown group is hidden as well
   (`complementary`).
6. **Spans.** A figure over several quarters is shown only when each of its quarters is
   (`hidden_part`): otherwise the span minus the shown quarters gives the hidden one.

Survey answers:

7. **Answers.** A survey cell (one question, everyone or one respondent group) is shown only
   with at least `MIN_ANSWERS` (3) answers on the scale (`few_answers`); the group cells of a
   question are all hidden when any group that answered is below the minimum, since the
   total minus the shown group would give it (`small_group`).
8. **Closed surveys only.** A survey's results are shown only once it is closed and takes no
   more answers, so that no reader can compare the results before and after one answer
   (`survey_open`). While it is open only the number of answers is shown.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.conf import settings
from django.utils.translation import gettext, ngettext

MIN_PERSONS = 5
MIN_ANSWERS = 3
DEFAULT_MIN_ENTERPRISES = 3
DEFAULT_DOMINANCE_SHARE = Decimal("0.85")

K = TypeVar("K", bound=Hashable)


class Reason(enum.StrEnum):
    """Why a figure is hidden: the code the API gives beside the null values."""

    FEW_PERSONS = "few_persons"
    FEW_ENTERPRISES = "few_enterprises"
    DOMINANT_ENTERPRISE = "dominant_enterprise"
    OWN_SUBTRACTION = "own_subtraction"
    COMPLEMENTARY = "complementary"
    HIDDEN_PART = "hidden_part"
    FEW_ANSWERS = "few_answers"
    SMALL_GROUP = "small_group"
    SURVEY_OPEN = "survey_open"


def min_enterprises() -> int:
    return int(getattr(settings, "VELFERD_DISCLOSURE_MIN_ENTERPRISES", DEFAULT_MIN_ENTERPRISES))


def dominance_share() -> Decimal:
    return Decimal(str(getattr(settings, "VELFERD_DISCLOSURE_DOMINANCE", DEFAULT_DOMINANCE_SHARE)))


def explain(reason: Reason | str) -> str:
    """Why the figure is hidden, in the reader's language, for the page."""
    reason = Reason(reason)
    if reason is Reason.FEW_PERSONS:
        return gettext("Hidden: fewer than %(n)s sick-listed persons") % {"n": MIN_PERSONS}
    if reason is Reason.FEW_ENTERPRISES:
        n = min_enterprises()
        return ngettext(
            "Hidden: fewer than %(n)s enterprise",
            "Hidden: fewer than %(n)s enterprises",
            n,
        ) % {"n": n}
    if reason is Reason.DOMINANT_ENTERPRISE:
        return gettext("Hidden: one enterprise dominates the group")
    if reason is Reason.OWN_SUBTRACTION:
        return gettext("Hidden: without this enterprise it would reveal other enterprises")
    if reason is Reason.COMPLEMENTARY:
        return gettext("Hidden: it would reveal another hidden group")
    if reason is Reason.HIDDEN_PART:
        return gettext("Hidden: a quarter in the period is hidden")
    if reason is Reason.FEW_ANSWERS:
        return gettext("Fewer than %(n)s answers") % {"n": MIN_ANSWERS}
    if reason is Reason.SMALL_GROUP:
        return gettext("Hidden: another group has fewer than %(n)s answers") % {"n": MIN_ANSWERS}
    return gettext("Shown when the survey is closed")


# --- groups of enterprises -----------------------------------------------------------------


@dataclass(frozen=True)
class Contribution:
    """What a group figure is made of, as far as disclosure control needs to know it:
    the number of enterprises, the number of persons behind the figure (None where no
    persons rule applies), the magnitude (lost workdays) and the two largest enterprises'
    magnitudes. An unknown largest (None) counts as dominant."""

    enterprises: int
    persons: int | None
    total: Decimal
    largest: Decimal | None
    second: Decimal | None = Decimal(0)

    def __add__(self, other: Contribution) -> Contribution:
        """Two disjoint groups together."""
        if None in (self.largest, self.second, other.largest, other.second):
            largest: Decimal | None = None
            second: Decimal | None = None
        else:
            top = sorted([self.largest, self.second, other.largest, other.second], reverse=True)  # type: ignore[type-var]
            largest, second = top[0], top[1]
        return Contribution(
            enterprises=self.enterprises + other.enterprises,
            persons=None
            if self.persons is None or other.persons is None
            else self.persons + other.persons,
            total=self.total + other.total,
            largest=largest,
            second=second,
        )


def persons_reason(persons: int) -> Reason | None:
    """Rule 1: fewer than five sick-listed persons."""
    return Reason.FEW_PERSONS if persons < MIN_PERSONS else None


def dominated(largest: Decimal | None, total: Decimal) -> bool:
    """Rule 3: the largest enterprise has `dominance_share()` of the total or more. An
    unknown largest is taken as dominant; a total of nothing has nothing to dominate."""
    if largest is None:
        return True
    if total <= 0:
        return False
    return Decimal(largest) >= dominance_share() * Decimal(total)


def group_reason(group: Contribution) -> Reason | None:
    """Rules 1–3 for one group."""
    if group.persons is not None and persons_reason(group.persons):
        return Reason.FEW_PERSONS
    if group.enterprises < min_enterprises():
        return Reason.FEW_ENTERPRISES
    if dominated(group.largest, group.total):
        return Reason.DOMINANT_ENTERPRISE
    return None


def without_member(group: Contribution, own_total: Decimal, own_persons: int) -> Contribution:
    """The group with one of its enterprises taken out. The largest of the rest is the
    group's largest unless the member was it; then it is at most the second largest."""
    if group.largest is None:
        rest_largest = None
    elif Decimal(own_total) >= group.largest:
        rest_largest = group.second
    else:
        rest_largest = group.largest
    return Contribution(
        enterprises=group.enterprises - 1,
        persons=None if group.persons is None else group.persons - own_persons,
        total=group.total - Decimal(own_total),
        largest=rest_largest,
        second=None,
    )


def own_view_reason(
    group: Contribution, *, own_total: Decimal | None, own_persons: int = 0
) -> Reason | None:
    """Rules 1–4: the group as one of its members sees it. `own_total` is the member's own
    magnitude in the group, None when it has no figures there (then it subtracts nothing)."""
    reason = group_reason(group)
    if reason is not None or own_total is None:
        return reason
    rest = without_member(group, own_total, own_persons)
    if rest.total <= 0 or group_reason(rest) is not None:
        return Reason.OWN_SUBTRACTION
    return None


def suppress(groups: Mapping[K, Contribution]) -> dict[K, Reason | None]:
    """Rules 1–3 and 5 for the groups of one kind in one period, whose sum is shown.

    Primary suppression first; then, while the hidden groups taken together fail rules 1–3,
    the shown group with the fewest enterprises (then the smallest magnitude) is hidden too.
    """
    verdicts = {key: group_reason(group) for key, group in groups.items()}
    hidden = [key for key, reason in verdicts.items() if reason is not None]
    if not hidden:
        return verdicts
    shown = sorted(
        (key for key, reason in verdicts.items() if reason is None),
        key=lambda k: (groups[k].enterprises, groups[k].total),
    )
    union = _together(groups[k] for k in hidden)
    while shown and group_reason(union) is not None:
        key = shown.pop(0)
        verdicts[key] = Reason.COMPLEMENTARY
        union = union + groups[key]
    return verdicts


def _together(groups: Iterable[Contribution]) -> Contribution:
    found = list(groups)
    total = found[0]
    for group in found[1:]:
        total = total + group
    return total


def span_reason(parts: Iterable[Reason | None], whole: Contribution | None = None) -> Reason | None:
    """Rule 6: a span is hidden when one of its parts is. When what the span is made of is
    known (`whole`), rules 1–3 are tried on it first, since they say more about why."""
    reason = group_reason(whole) if whole is not None else None
    if reason is None and any(part is not None for part in parts):
        return Reason.HIDDEN_PART
    return reason


# --- survey answers --------------------------------------------------------------------------


def answers_reason(answers: int) -> Reason | None:
    """Rule 7 for one cell: fewer than three answers on the scale."""
    return Reason.FEW_ANSWERS if answers < MIN_ANSWERS else None


def survey_results_reason(*, is_open: bool) -> Reason | None:
    """Rule 8: nothing of the answers while the survey takes more."""
    return Reason.SURVEY_OPEN if is_open else None


def survey_reasons(
    *, is_open: bool, total_answers: int, groups: Mapping[K, tuple[int, int]]
) -> tuple[Reason | None, dict[K, Reason | None]]:
    """Rules 7 and 8 for one question: the verdict on everyone's cell and on each
    respondent group's, from the group's (answers on the scale, "don't know" answers)."""
    closed = survey_results_reason(is_open=is_open)
    if closed is not None:
        return closed, dict.fromkeys(groups, closed)
    small = any(
        answers + dont_know > 0 and answers_reason(answers)
        for answers, dont_know in groups.values()
    )
    return answers_reason(total_answers), {
        key: answers_reason(answers) or (Reason.SMALL_GROUP if small else None)
        for key, (answers, _dont_know) in groups.items()
    }
