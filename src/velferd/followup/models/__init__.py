"""Work-oriented follow-up, a module per capability: the follow-up period, the needs
assessment (§14a), the activity plan the person shares with the office, the dialogue between
them, benefits on record, individual plans across services, the caseworker's own filters and
notes, and the portfolio's state rows. Everything else imports them from here."""

from .activities import (
    Activity,
    ActivityChange,
    ActivityComment,
    ActivityKind,
    ActivityStatus,
)
from .activity_requirement import (
    ACTIVITY_REQUIREMENT_AGE,
    ActivityRequirement,
    ExemptionReason,
    RequirementOutcome,
)
from .appeals import Appeal, AppealStatus
from .assessments import (
    OFFERED_MAIN_GOALS,
    PERMANENT_GROUPS,
    WITHOUT_MAIN_GOAL,
    AssessmentStatus,
    MainGoal,
    NeedGroup,
    NeedsAssessment,
    Source,
)
from .benefits import (
    MUNICIPAL_BENEFITS,
    Benefit,
    BenefitKind,
    QualificationAssessment,
    QualificationOutcome,
)
from .dialogue import Message, Thread, Waiting
from .notes import ReminderNote, SavedFilter
from .periods import FollowUpPeriod
from .plans import NAV_SERVICE, PLAN_SERVICES, IndividualPlan, PlanMeasure, PlanMember
from .portfolio import OPEN_ENDED, PortfolioState

__all__ = [
    "ACTIVITY_REQUIREMENT_AGE",
    "MUNICIPAL_BENEFITS",
    "NAV_SERVICE",
    "OFFERED_MAIN_GOALS",
    "OPEN_ENDED",
    "PERMANENT_GROUPS",
    "PLAN_SERVICES",
    "WITHOUT_MAIN_GOAL",
    "Activity",
    "ActivityChange",
    "ActivityComment",
    "ActivityKind",
    "ActivityRequirement",
    "ActivityStatus",
    "Appeal",
    "AppealStatus",
    "AssessmentStatus",
    "Benefit",
    "BenefitKind",
    "ExemptionReason",
    "FollowUpPeriod",
    "IndividualPlan",
    "MainGoal",
    "Message",
    "NeedGroup",
    "NeedsAssessment",
    "PlanMeasure",
    "PlanMember",
    "PortfolioState",
    "QualificationAssessment",
    "QualificationOutcome",
    "ReminderNote",
    "RequirementOutcome",
    "SavedFilter",
    "Source",
    "Thread",
    "Waiting",
]
