"""Reads of the sick-leave statistics, already filtered by who may see what and under
statistical disclosure control (velferd.core.disclosure; the rules in `figures`), a module
per capability: the groups, one enterprise's comparison, the advisors' prioritisation list,
the IW centres' results, the imports. Others use this package:
`from velferd.sickleave import selectors`."""

from .aggregates import (
    Group,
    GroupStatistics,
    group_label,
    group_statistics,
    groups,
    groups_of,
    hidden_industries,
)
from .comparisons import SERIES, Comparison, QuarterRow, enterprise_comparison, enterprise_for
from .figures import (
    HUNDRED,
    MASK_BELOW,
    Figure,
    GroupRows,
    contribution_of,
    contribution_of_enterprises,
    figure_of,
    group_rows,
    latest_quarter,
    span_of,
    sum_figures,
)
from .imports import recent_imports
from .priorities import (
    COOPERATION_NONE,
    SORT_LOST,
    SORT_SAVEABLE,
    SORTS,
    PriorityFilters,
    priorities,
    priority_row,
    priority_rows,
)
from .results import BEFORE_QUARTERS, SERVED_STATUSES, Results, counties_with_results, iw_results

__all__ = [
    "BEFORE_QUARTERS",
    "COOPERATION_NONE",
    "HUNDRED",
    "MASK_BELOW",
    "SERIES",
    "SERVED_STATUSES",
    "SORTS",
    "SORT_LOST",
    "SORT_SAVEABLE",
    "Comparison",
    "Figure",
    "Group",
    "GroupRows",
    "GroupStatistics",
    "PriorityFilters",
    "QuarterRow",
    "Results",
    "contribution_of",
    "contribution_of_enterprises",
    "counties_with_results",
    "enterprise_comparison",
    "enterprise_for",
    "figure_of",
    "group_label",
    "group_rows",
    "group_statistics",
    "groups",
    "groups_of",
    "hidden_industries",
    "iw_results",
    "latest_quarter",
    "priorities",
    "priority_row",
    "priority_rows",
    "recent_imports",
    "span_of",
    "sum_figures",
]
