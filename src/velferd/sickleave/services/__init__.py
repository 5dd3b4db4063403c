"""Writes for the sick-leave statistics, a module per capability: the statistics file and
its checks, the all-or-nothing import, and the refresh of the aggregates the pages read.
Every import is audited. Others use this package: `from velferd.sickleave import services`."""

from velferd.core.errors import ImportRejected, rejected

from .aggregates import (
    GROUP_KEYS,
    percentage,
    refresh_aggregates,
    refresh_enterprise_summaries,
    refresh_group_quarters,
    refresh_group_summaries,
    refresh_saveable_workdays,
    saveable,
)
from .importing import ImportReport, statistics_import
from .statistics_file import (
    CHUNK,
    COLUMNS,
    DURATION_COLUMNS,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_FILE_BYTES,
    MAX_WORKDAYS,
    WORKDAY_COLUMNS,
    Problem,
    Row,
    parse,
)

__all__ = [
    "CHUNK",
    "COLUMNS",
    "DURATION_COLUMNS",
    "FIRST_YEAR",
    "GROUP_KEYS",
    "LAST_YEAR",
    "MAX_FILE_BYTES",
    "MAX_WORKDAYS",
    "WORKDAY_COLUMNS",
    "ImportRejected",
    "ImportReport",
    "Problem",
    "Row",
    "parse",
    "percentage",
    "refresh_aggregates",
    "refresh_enterprise_summaries",
    "refresh_group_quarters",
    "refresh_group_summaries",
    "refresh_saveable_workdays",
    "rejected",
    "saveable",
    "statistics_import",
]
