"""The sick-leave API's shapes."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

from velferd.core.constraints import Declared, decimal_number, one_of
from velferd.core.disclosure import Reason
from velferd.core.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE
from velferd.employers import selectors as employer_selectors

from .models import GroupKind
from .programmes import BY_KEY as PROGRAMMES
from .selectors import COOPERATION_NONE, SORT_LOST, SORTS

GroupKindValue = Annotated[str, one_of(GroupKind)]
Percentage = Annotated[Decimal, decimal_number(minimum=0, maximum=100)]
# An industry (NACE division), a sector, a county number, NO for the country, or an
# industry programme.
GroupKey = Annotated[str, Declared(maxLength=20)]


class QuarterOut(Schema):
    year: int
    quarter: int


class FigureOut(Schema):
    """Sick leave over a span. Masked (all numbers null, with the reason) under statistical
    disclosure control: fewer than five sick-listed persons; for a group, fewer than three
    enterprises, one enterprise with 85 % or more of the lost workdays, the group without
    the enterprise compared failing those rules, another hidden group that would follow
    from it, or a hidden quarter in the span."""

    masked: bool
    reason: Reason | None = Field(None, description="why the figure is masked; null if shown")
    percentage: Decimal | None = Field(
        None, description="lost / possible workdays × 100, one decimal as NAV publishes it"
    )
    graded_share: Decimal | None = Field(
        None, description="graded lost / lost workdays × 100, one decimal"
    )
    lost_workdays: Decimal | None = Field(None, description="one decimal")
    possible_workdays: Decimal | None = Field(None, description="one decimal")
    duration_split: bool = Field(
        False,
        description=(
            "whether the statistics file gave short-term and long-term sick leave (for every "
            "quarter of the span); false: not in the file"
        ),
    )
    short_term_percentage: Decimal | None = Field(
        None, description="short-term sick leave (1–16 days): its lost / possible workdays × 100"
    )
    long_term_percentage: Decimal | None = Field(
        None,
        description="long-term sick leave (17 days and more): its lost / possible workdays × 100",
    )


class SeriesOut(Schema):
    """One figure per series; a series without figures for the span is null."""

    enterprise: FigureOut | None = None
    programme: FigureOut | None = Field(
        None, description="the enterprise's industry programme of the IW agreement, if any"
    )
    industry: FigureOut | None = None
    sector: FigureOut | None = None
    county: FigureOut | None = None
    country: FigureOut | None = None


class HistoryRowOut(SeriesOut):
    year: int
    quarter: int


class GroupOut(Schema):
    kind: str
    key: str
    label: str


class GroupsOut(Schema):
    programme: GroupOut | None = None
    industry: GroupOut
    sector: GroupOut
    county: GroupOut
    country: GroupOut


class ComparisonOut(Schema):
    organisation_number: str
    name: str
    groups: GroupsOut
    latest_quarter: QuarterOut | None
    last_quarter: SeriesOut
    four_quarters: SeriesOut
    history: list[HistoryRowOut]


class GroupFigureOut(Schema):
    kind: str
    key: str
    label: str
    four_quarters: FigureOut


class GroupListOut(Schema):
    items: list[GroupFigureOut]
    count: int


class GroupHistoryRowOut(Schema):
    year: int
    quarter: int
    group: FigureOut | None
    country: FigureOut | None


class GroupStatisticsOut(Schema):
    kind: str
    key: str
    label: str
    latest_quarter: QuarterOut | None
    last_quarter: FigureOut | None
    four_quarters: FigureOut | None
    country_four_quarters: FigureOut | None
    history: list[GroupHistoryRowOut]


class PriorityParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    county: Annotated[str, Declared(pattern="^([0-9]{2})?$")] = ""
    min_percentage: Percentage | None = Field(None, ge=0, le=100)
    max_percentage: Percentage | None = Field(None, ge=0, le=100)
    min_lost_workdays: Annotated[Decimal, decimal_number(minimum=0)] | None = Field(None, ge=0)
    min_employees: int | None = Field(None, ge=0)
    max_employees: int | None = Field(None, ge=0)
    industry: str = Field("", max_length=6, description="a NACE code or its start, e.g. 87")
    programme: Annotated[str, one_of(list(PROGRAMMES), blank=True)] = Field(
        "", description="an industry programme of the IW agreement"
    )
    sector: Annotated[str, one_of(employer_selectors.SECTORS, blank=True)] = ""
    municipality: Annotated[str, Declared(pattern="^([0-9]{4})?$")] = Field("", max_length=4)
    cooperation_status: Annotated[
        str, one_of([COOPERATION_NONE, *employer_selectors.COOPERATION_STATUSES], blank=True)
    ] = Field("", description="none, or the status of the open (else the latest) cooperation")
    sort: Annotated[str, one_of(SORTS)] = Field(
        SORT_LOST,
        description=(
            "lost_workdays (the default, as NAV's list) or saveable_workdays (velferd's own "
            "measure); most first, masked enterprises last"
        ),
    )


class PriorityOut(Schema):
    organisation_number: str
    name: str
    municipality: str
    municipality_name: str
    industry_code: str
    sector: str
    employees: int
    cooperation_status: str
    masked: bool
    reason: Reason | None = Field(None, description="why the enterprise's figures are masked")
    percentage: Decimal | None
    lost_workdays: Decimal | None
    industry_percentage: Decimal | None
    industry_reason: Reason | None = Field(
        None, description="why the industry's percentage (and the workdays to save) are null"
    )
    saveable_workdays: Decimal | None = Field(
        None,
        description=(
            "velferd's own measure, not an official figure: lost workdays over the last four "
            "quarters minus what the enterprise would have lost at its industry's percentage, "
            "never below 0"
        ),
    )


class PriorityListOut(Schema):
    items: list[PriorityOut]
    count: int


class RelativeQuarterOut(Schema):
    offset: int = Field(description="quarters after the cooperation's start quarter (0)")
    figure: FigureOut | None


class ResultsOut(Schema):
    county: str | None
    enterprises: int
    before: FigureOut | None
    during: FigureOut | None
    quarters: list[RelativeQuarterOut]


class ImportProblemOut(Schema):
    line: int
    code: str
    message: str


class ImportRejectedOut(Schema):
    code: str
    message: str
    field: str | None = None
    errors: list[ImportProblemOut]


class ImportIn(Schema):
    filename: str = Field("", max_length=200)
    content: str = Field(description="the CSV text of the file")


class ImportOut(Schema):
    id: int
    filename: str
    sha256: str
    rows: int
    created: int
    changed: int
    unchanged: int
    quarters: list[QuarterOut]
