"""Follow-up pages, a module per capability: a person's overview and period, assessments
and the approver's queue, appeals and the office's list of them, the activity and dialogue
pages the person shares with the office, the portfolio, individual plans, and the
caseworker's own filters and notes. The URL conf uses this package:
`from velferd.followup import views`."""

from .activities import activity, activity_new
from .activity_requirement import activity_requirement_page
from .appeals import appeal, appeal_new, appeals
from .assessments import approvals, assessment, assessment_new
from .dialogue import thread, thread_new
from .letters import decision_letter
from .notes import note_add, saved_filter_save
from .periods import overview, period_assign, period_end, period_start
from .plans import plan_page, plans_page
from .portfolio import portfolio_labels, portfolio_page

__all__ = [
    "activity",
    "activity_new",
    "activity_requirement_page",
    "appeal",
    "appeal_new",
    "appeals",
    "approvals",
    "assessment",
    "assessment_new",
    "decision_letter",
    "note_add",
    "overview",
    "period_assign",
    "period_end",
    "period_start",
    "plan_page",
    "plans_page",
    "portfolio_labels",
    "portfolio_page",
    "saved_filter_save",
    "thread",
    "thread_new",
]
