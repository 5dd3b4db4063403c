from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Literal

from ninja import Field, Schema

from velferd.core.api import VersionIn as VersionIn
from velferd.core.constraints import (
    NOT_BLANK,
    Declared,
    RecordId,
    Username,
    omissible,
    one_of,
)

from . import lifecycles
from .models import (
    OFFERED_MAIN_GOALS,
    PLAN_SERVICES,
    ActivityKind,
    AppealStatus,
    BenefitKind,
    ExemptionReason,
    MainGoal,
    NeedGroup,
    QualificationOutcome,
    RequirementOutcome,
    Source,
)
from .portfolio import AGE_BANDS, FLAGS, SORTS

Text = Annotated[str, NOT_BLANK]
NeedGroupValue = Annotated[str, one_of(NeedGroup)]
# The main goals NAV offers today (none for permanent adaptation: null or left out).
MainGoalValue = Annotated[str, one_of(OFFERED_MAIN_GOALS)]
SourceValue = Annotated[str, one_of(Source)]
ActivityKindValue = Annotated[str, one_of(ActivityKind)]
# A service taking part in an individual plan: NAV, or a partner service.
PlanService = Annotated[str, one_of(sorted(PLAN_SERVICES))]


class PeriodIn(Schema):
    person: RecordId
    started_on: datetime.date | None = None
    caseworker: Username | None = Field(None, description="Username of the caseworker.")


class PeriodAssignIn(Schema):
    caseworker: Username = Field(..., description="Username of the caseworker.")
    version: int


class PeriodEndIn(Schema):
    reason: Text = Field(..., max_length=200)
    ended_on: datetime.date | None = None
    version: int


class PeriodOut(Schema):
    id: str
    person: str
    office: str
    caseworker: str | None
    started_on: datetime.date
    ended_on: datetime.date | None
    version: int


_MAIN_GOAL = "Get work or keep work; none (null) for permanent adaptation, which has no main goal."
_SOURCES = (
    "What the decision rests on; at least one before it goes to an approver or is sent. "
    "`other` needs `evidence` to say what it is."
)
_EVIDENCE = "The sources in free text: what `other` is, or details of the coded ones."


class AssessmentIn(Schema):
    person: RecordId
    need_group: NeedGroupValue
    main_goal: MainGoalValue | None = Field(None, description=_MAIN_GOAL)
    reasoning: Text = Field(..., max_length=10_000)
    sources: list[SourceValue] = Field([], description=_SOURCES, max_length=len(Source.values))
    evidence: str = Field("", max_length=10_000, description=_EVIDENCE)


class AssessmentPatch(Schema):
    """Only the fields sent are changed; `main_goal` and `evidence` may be sent as null (for
    none)."""

    version: int
    need_group: NeedGroupValue = omissible()
    main_goal: MainGoalValue | None = Field(None, description=_MAIN_GOAL)
    reasoning: Text = omissible(max_length=10_000)
    sources: list[SourceValue] = omissible(description=_SOURCES, max_length=len(Source.values))
    evidence: str | None = Field(None, max_length=10_000, description=_EVIDENCE)


class ReturnIn(Schema):
    version: int
    comment: Text = Field(..., max_length=10_000)


class LetterOut(Schema):
    title: str
    body: str
    lix: float
    too_hard: bool
    sent_at: datetime.datetime | None


class AssessmentOut(Schema):
    id: str
    person: str
    need_group: str
    main_goal: str | None = Field(..., description="None for permanent adaptation.")
    reasoning: str
    sources: list[str] = Field(
        ..., description="Empty on decisions sent before sources were recorded."
    )
    evidence: str
    status: str
    needs_approval: bool
    author: str
    approver: str | None
    approver_comment: str
    letter: LetterOut = Field(..., description="The letter as sent, or a preview before.")
    version: int


class AppealIn(Schema):
    grounds: Text = Field(..., max_length=10_000, description="What is appealed, and why.")
    received_on: datetime.date | None = Field(
        None, description="The day it came in, when the office registers it (today if left out)."
    )


class AppealMoveIn(Schema):
    version: int
    comment: Text = Field(..., max_length=10_000, description="The office's assessment.")


class AppealForwardIn(AppealMoveIn):
    forwarded_on: datetime.date | None = Field(
        None, description="The day it was sent to NAV Klageinstans (today if left out)."
    )


class AppealOut(Schema):
    id: str
    person: str
    decision: str
    status: Annotated[str, one_of(AppealStatus)]
    grounds: str
    received_on: datetime.date
    deadline: datetime.date = Field(..., description="Six weeks from the letter (fvl § 29).")
    late: bool = Field(..., description="Came in after the deadline: consider fvl § 31.")
    lodged_by_person: bool
    office_assessment: str
    new_decision: str | None
    forwarded_on: datetime.date | None
    version: int


class AppealsOut(Schema):
    items: list[AppealOut]
    count: int


class ActivityIn(Schema):
    person: RecordId
    kind: ActivityKindValue
    title: Text = Field(..., max_length=200)
    description: str = Field("", max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    meeting_at: datetime.datetime | None = None
    agreed_with_office: bool = False


class ActivityPatch(Schema):
    """Only the fields sent are changed; the dates, the meeting time and the description
    may be sent as null to clear them."""

    version: int
    kind: ActivityKindValue = omissible()
    title: Text = omissible(max_length=200)
    description: str | None = Field(None, max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    meeting_at: datetime.datetime | None = None
    agreed_with_office: bool = omissible()


class CommentIn(Schema):
    text: Text = Field(..., max_length=4000)


class CommentOut(Schema):
    author: str
    by_person: bool
    text: str
    created_at: datetime.datetime


class ChangeOut(Schema):
    changed_at: datetime.datetime
    changed_by: str
    by_person: bool
    what: str
    before: dict[str, object] | None
    after: dict[str, object] | None


class ActivityOut(Schema):
    id: str
    person: str
    kind: str
    title: str
    description: str
    status: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    meeting_at: datetime.datetime | None
    agreed_with_office: bool
    proposed_by_person: bool
    locked: bool
    version: int
    comments: list[CommentOut]


class ActivityDetail(ActivityOut):
    history: list[ChangeOut]


if TYPE_CHECKING:
    Transition = str
else:
    # The activity's moves, by name, as lifecycles.ACTIVITY declares them.
    Transition = Literal[lifecycles.ACTIVITY.names]


class ThreadIn(Schema):
    person: RecordId
    subject: Text = Field(..., max_length=200)
    text: Text = Field(..., max_length=4000)
    activity: RecordId | None = None
    wait_for_reply: bool = False


class MessageIn(Schema):
    text: Text = Field(..., max_length=4000)
    wait_for_reply: bool = False


class WaitingIn(Schema):
    waiting_for: Literal["nobody", "person", "office"]


class MessageOut(Schema):
    author: str
    from_office: bool
    text: str
    sent_at: datetime.datetime


class ThreadOut(Schema):
    id: str
    person: str
    subject: str
    activity: str | None
    waiting_for: str
    read_by_person: bool
    read_by_office: bool
    last_message_at: datetime.datetime
    messages: list[MessageOut]


class OverviewOut(Schema):
    person: str
    name: str
    office: str
    period: PeriodOut | None
    decision: AssessmentOut | None
    activities: list[ActivityOut]
    threads: list[ThreadOut]
    children_under_18: int
    needs_interpreter: bool


class PortfolioRow(Schema):
    person: str
    name: str
    national_id: str
    age: int
    caseworker: str | None
    started_on: datetime.date
    need_group: str | None
    main_goal: str | None
    next_deadline: datetime.date | None
    flags: list[str]
    activity_requirement_since: datetime.date | None


class PortfolioOut(Schema):
    items: list[PortfolioRow]
    count: int
    total: int
    counts: dict[str, int]


class BenefitIn(Schema):
    person: RecordId
    kind: Annotated[str, one_of(BenefitKind)]
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    degree: Annotated[int, Declared(minimum=1, maximum=100)] | None = Field(
        None, description="Per cent, for disability benefit only (and needed there)."
    )


class BenefitEndIn(Schema):
    ends_on: datetime.date


class BenefitOut(Schema):
    id: str
    kind: str
    degree: int | None
    starts_on: datetime.date
    ends_on: datetime.date | None
    municipal: bool


class QualificationIn(Schema):
    person: RecordId
    outcome: Annotated[str, one_of(QualificationOutcome)]
    assessed_on: datetime.date | None = None
    note: str = Field("", max_length=2000)


class QualificationOut(Schema):
    person: str
    outcome: str
    assessed_on: datetime.date


class PlanIn(Schema):
    person: RecordId
    coordinator: PlanService = Field(..., description="The coordinator's service: nav, gp, …")
    members: list[PlanService] = []
    goals: str = Field("", max_length=5000)


class PlanGoalsIn(Schema):
    goals: str = Field(..., max_length=5000)
    version: int


class MemberIn(Schema):
    service: PlanService
    contact_name: str = Field("", max_length=200)


class CoordinatorIn(Schema):
    service: PlanService
    version: int


class MeasureIn(Schema):
    text: Text = Field(..., max_length=500)
    responsible_service: PlanService = Field(..., description="A service in the plan.")
    deadline: datetime.date


class MemberOut(Schema):
    service: str
    contact_name: str
    is_coordinator: bool


class MeasureOut(Schema):
    id: str
    text: str
    responsible_service: str
    deadline: datetime.date
    done_on: datetime.date | None
    overdue: bool


class PlanOut(Schema):
    id: str
    person: str
    name: str
    goals: str
    members: list[MemberOut]
    measures: list[MeasureOut]
    version: int


class SavedFilterIn(Schema):
    name: Text = Field(..., max_length=100)
    query: str = Field(..., max_length=1000)


class SavedFilterOut(Schema):
    id: int
    name: str
    query: str


class NoteIn(Schema):
    text: Text = Field(..., max_length=1000)
    remind_on: datetime.date | None = None


class NoteOut(Schema):
    id: int
    text: str
    remind_on: datetime.date | None
    created_at: datetime.datetime


# The portfolio's filters, as in the portfolio page; "" is no filter.
_FLAG = "(" + "|".join(FLAGS) + ")"
PortfolioFlags = Annotated[
    str,
    Declared(
        pattern=f"^({_FLAG}(,{_FLAG})*)?$",
        description="A comma list of " + ", ".join(FLAGS) + ".",
    ),
]
NeedGroupFilter = Annotated[str, one_of(NeedGroup, blank=True)]
MainGoalFilter = Annotated[str, one_of(MainGoal, blank=True)]
BenefitFilter = Annotated[str, one_of(BenefitKind, blank=True)]
AgeBandFilter = Annotated[str, one_of(AGE_BANDS, blank=True)]
PortfolioSort = Annotated[str, one_of(SORTS, blank=True)]


class ActivityRequirementIn(Schema):
    """The activity requirement under 30 (Social Services Act § 20 a): `condition_set` with
    the activity set, or `exempt` with the weighty reason (`other` with the reason written
    out in `exemption_other`)."""

    person: RecordId
    outcome: Annotated[str, one_of(RequirementOutcome)]
    decided_on: datetime.date | None = None
    activity: str = Field("", max_length=500)
    exemption_reason: Annotated[str, one_of(ExemptionReason, blank=True)] = ""
    exemption_other: str = Field("", max_length=500)


class ActivityRequirementOut(Schema):
    id: str
    person: str
    outcome: str
    decided_on: datetime.date
    activity: str
    exemption_reason: str
    exemption_other: str
    recorded_at: datetime.datetime


class ActivityRequirementsOut(Schema):
    holds: ActivityRequirementOut | None = Field(
        ..., description="The newest record: the decision that holds; null when none"
    )
    history: list[ActivityRequirementOut]
