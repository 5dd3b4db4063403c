from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema


class PeriodIn(Schema):
    person: str
    started_on: datetime.date | None = None
    caseworker: str | None = Field(None, description="Username of the caseworker.")


class PeriodAssignIn(Schema):
    caseworker: str = Field(..., description="Username of the caseworker.")
    version: int


class PeriodEndIn(Schema):
    reason: str = Field(..., max_length=200)
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


class AssessmentIn(Schema):
    person: str
    need_group: str
    main_goal: str
    reasoning: str = Field(..., max_length=10_000)
    evidence: str = Field("", max_length=10_000)


class AssessmentPatch(Schema):
    version: int
    need_group: str | None = None
    main_goal: str | None = None
    reasoning: str | None = Field(None, max_length=10_000)
    evidence: str | None = Field(None, max_length=10_000)


class VersionIn(Schema):
    version: int


class ReturnIn(Schema):
    version: int
    comment: str = Field(..., max_length=10_000)


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
    main_goal: str
    reasoning: str
    evidence: str
    status: str
    needs_approval: bool
    author: str
    approver: str | None
    approver_comment: str
    letter: LetterOut = Field(..., description="The letter as sent, or a preview before.")
    version: int


class ActivityIn(Schema):
    person: str
    kind: str
    title: str = Field(..., max_length=200)
    description: str = Field("", max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    meeting_at: datetime.datetime | None = None
    agreed_with_office: bool = False


class ActivityPatch(Schema):
    version: int
    kind: str | None = None
    title: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=10_000)
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    meeting_at: datetime.datetime | None = None
    agreed_with_office: bool | None = None


class CommentIn(Schema):
    text: str = Field(..., max_length=4000)


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


Transition = Literal["plan", "start", "complete", "cancel"]


class ThreadIn(Schema):
    person: str
    subject: str = Field(..., max_length=200)
    text: str = Field(..., max_length=4000)
    activity: str | None = None
    wait_for_reply: bool = False


class MessageIn(Schema):
    text: str = Field(..., max_length=4000)
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
    person: str
    kind: str
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    degree: int | None = None


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
    person: str
    outcome: str
    assessed_on: datetime.date | None = None
    note: str = Field("", max_length=2000)


class QualificationOut(Schema):
    person: str
    outcome: str
    assessed_on: datetime.date


class PlanIn(Schema):
    person: str
    coordinator: str = Field(..., description="The coordinator's service: nav, gp, …")
    members: list[str] = []
    goals: str = Field("", max_length=5000)


class PlanGoalsIn(Schema):
    goals: str = Field(..., max_length=5000)
    version: int


class MemberIn(Schema):
    service: str
    contact_name: str = Field("", max_length=200)


class CoordinatorIn(Schema):
    service: str
    version: int


class MeasureIn(Schema):
    text: str = Field(..., max_length=500)
    responsible_service: str
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
    name: str = Field(..., max_length=100)
    query: str = Field(..., max_length=1000)


class SavedFilterOut(Schema):
    id: int
    name: str
    query: str


class NoteIn(Schema):
    text: str = Field(..., max_length=1000)
    remind_on: datetime.date | None = None


class NoteOut(Schema):
    id: int
    text: str
    remind_on: datetime.date | None
    created_at: datetime.datetime
