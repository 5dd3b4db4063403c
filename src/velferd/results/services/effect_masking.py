"""Statistical disclosure control for what an effect run writes: the rule of
`core.disclosure` for persons (`MIN_PERSONS`), applied to estimates, histograms and the
policy tree's leaves. Plain functions over plain data: nothing here reads the database.

- An estimate with fewer than `MIN_PERSONS` treated or controls is masked: no effect, no
  interval, no naive difference, no counts.
- Complementary: the groups of one subgroup column add up to `all`, whose counts are shown.
  While the masked groups together have fewer than the minimum on either side (but some),
  the smallest shown group of that column is masked too, so no hidden count can be had by
  subtraction.
- A histogram's neighbouring bins are merged until every bin has none or at least the
  minimum on each side; when that cannot be had, the histogram is hidden.
- A policy tree's leaf (or split) with fewer people than the minimum keeps its rule but not
  its count.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from velferd.core.disclosure import MIN_PERSONS, persons_reason


@dataclass(frozen=True)
class Figures:
    """An estimate as it is written: `masked` with every figure empty when hidden."""

    treatment: str
    group: str
    effect: float | None
    ci_low: float | None
    ci_high: float | None
    naive_difference: float | None
    n_treated: int | None
    n_control: int | None
    masked: bool = False

    def hidden(self) -> Figures:
        return replace(
            self,
            effect=None,
            ci_low=None,
            ci_high=None,
            naive_difference=None,
            n_treated=None,
            n_control=None,
            masked=True,
        )


def _small(count: int) -> bool:
    return count > 0 and persons_reason(count) is not None


def too_few(n_treated: int, n_control: int) -> bool:
    return persons_reason(n_treated) is not None or persons_reason(n_control) is not None


def _column(group: str) -> str:
    return group.split("=", 1)[0] if "=" in group else ""


def mask_estimates(estimates: list[Figures]) -> list[Figures]:
    """Every estimate as it may be shown (see the module's rules)."""
    counts = {(e.treatment, e.group): (e.n_treated or 0, e.n_control or 0) for e in estimates}
    hidden = {(e.treatment, e.group) for e in estimates if too_few(*counts[(e.treatment, e.group)])}
    families: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for e in estimates:
        if _column(e.group):
            families.setdefault((e.treatment, _column(e.group)), []).append((e.treatment, e.group))
    for members in families.values():
        _suppress_complement(members, counts, hidden)
    return [e.hidden() if (e.treatment, e.group) in hidden else e for e in estimates]


def _suppress_complement(
    members: list[tuple[str, str]],
    counts: dict[tuple[str, str], tuple[int, int]],
    hidden: set[tuple[str, str]],
) -> None:
    shown = sorted((m for m in members if m not in hidden), key=lambda m: sum(counts[m]))
    while shown:
        masked = [m for m in members if m in hidden]
        treated = sum(counts[m][0] for m in masked)
        control = sum(counts[m][1] for m in masked)
        if not masked or not (_small(treated) or _small(control)):
            return
        hidden.add(shown.pop(0))


def _fine(*counts: int) -> bool:
    return not any(_small(count) for count in counts)


def merge_bins(
    edges: list[float], treated: list[int], control: list[int]
) -> tuple[list[float], list[int], list[int]] | None:
    """Neighbouring bins merged until each has none or at least the minimum on each side;
    None when even one bin for everything would not do."""
    out_edges, out_treated, out_control = [edges[0]], [], []
    held_treated = held_control = 0
    for index, (t, c) in enumerate(zip(treated, control, strict=True)):
        held_treated, held_control = held_treated + t, held_control + c
        if _fine(held_treated, held_control):
            out_edges.append(edges[index + 1])
            out_treated.append(held_treated)
            out_control.append(held_control)
            held_treated = held_control = 0
    if held_treated or held_control or not out_treated:
        out_edges.append(edges[-1])
        out_treated.append(held_treated)
        out_control.append(held_control)
    while len(out_treated) > 1 and not _fine(out_treated[-1], out_control[-1]):
        out_treated[-2:] = [sum(out_treated[-2:])]
        out_control[-2:] = [sum(out_control[-2:])]
        del out_edges[-2]
    out_edges[-1] = edges[-1]
    if not _fine(out_treated[-1], out_control[-1]):
        return None
    return out_edges, out_treated, out_control


def mask_tree(node: dict[str, Any] | None) -> dict[str, Any] | None:
    """The tree with the counts below the minimum taken out (`n` None, `masked` True)."""
    if node is None:
        return None
    masked = persons_reason(int(node.get("n") or 0)) is not None
    shown = {
        **node,
        "n": None if masked else node.get("n"),
        "masked": masked,
        "left": mask_tree(node.get("left")),
        "right": mask_tree(node.get("right")),
    }
    return shown


MINIMUM = MIN_PERSONS
