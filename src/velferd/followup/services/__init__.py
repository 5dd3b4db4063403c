"""Writes to follow-up, a module per capability: periods, needs assessments (§14a) and the
appeals against them, the activity plan, the dialogue, benefits, individual plans, and the
caseworker's saved filters and notes. Each write is one transaction with its audit event;
activities also keep their own history. Other domains, the demo and the tests use this package:
`from velferd.followup import services as followup`."""

from ..models import PLAN_SERVICES
from .activities import (
    ACTIVITY_FIELDS,
    activity_comment,
    activity_create,
    activity_transition,
    activity_update,
)
from .activity_requirement import activity_requirement_record
from .appeals import appeal_forward, appeal_register, appeal_uphold
from .assessments import (
    ASSESSMENT_FIELDS,
    assessment_approve,
    assessment_create,
    assessment_create_refusals,
    assessment_return,
    assessment_send,
    assessment_submit,
    assessment_update,
)
from .benefits import (
    benefit_change,
    benefit_delete,
    benefit_end,
    benefit_record,
    qualification_assessment_record,
)
from .dialogue import (
    message_send,
    thread_mark_read,
    thread_set_waiting,
    thread_start,
)
from .notes import (
    reminder_note_add,
    reminder_note_delete,
    saved_filter_delete,
    saved_filter_save,
)
from .periods import (
    open_period_of,
    period_assign,
    period_end,
    period_start,
    period_transfer,
)
from .plans import (
    individual_plan_create,
    plan_goals_update,
    plan_measure_add,
    plan_measure_done,
    plan_member_add,
    plan_member_remove,
    plan_set_coordinator,
)
from .scheme_activities import scheme_activity_sync

__all__ = [
    "ACTIVITY_FIELDS",
    "ASSESSMENT_FIELDS",
    "PLAN_SERVICES",
    "activity_comment",
    "activity_create",
    "activity_requirement_record",
    "activity_transition",
    "activity_update",
    "appeal_forward",
    "appeal_register",
    "appeal_uphold",
    "assessment_approve",
    "assessment_create",
    "assessment_create_refusals",
    "assessment_return",
    "assessment_send",
    "assessment_submit",
    "assessment_update",
    "benefit_change",
    "benefit_delete",
    "benefit_end",
    "benefit_record",
    "individual_plan_create",
    "message_send",
    "open_period_of",
    "period_assign",
    "period_end",
    "period_start",
    "period_transfer",
    "plan_goals_update",
    "plan_measure_add",
    "plan_measure_done",
    "plan_member_add",
    "plan_member_remove",
    "plan_set_coordinator",
    "qualification_assessment_record",
    "reminder_note_add",
    "reminder_note_delete",
    "saved_filter_delete",
    "saved_filter_save",
    "scheme_activity_sync",
    "thread_mark_read",
    "thread_set_waiting",
    "thread_start",
]
