"""Every follow-up record with a lifecycle, declared once: its table of allowed transitions
and, beside it, its moves — the name pages and the API use, the state it goes to, the audit
event it writes, what else it takes and its guard (velferd.core.lifecycles). The services
run the moves (services/activities.py, services/assessments.py); the API's list of moves,
the pages' actions and the `unknown_action` refusal are derived from these declarations."""

from __future__ import annotations

from velferd.core.errors import CONFLICT
from velferd.core.lifecycles import Lifecycle, Move
from velferd.core.lifecycles import require_transition as require_transition
from velferd.core.validation import invalid

from .models import ActivityStatus, AssessmentStatus, NeedsAssessment

# The activity plan ----------------------------------------------------------------------------

A = ActivityStatus
ACTIVITY = Lifecycle(
    ActivityStatus,
    {
        A.PROPOSED: {A.PLANNED, A.CANCELLED},
        A.PLANNED: {A.IN_PROGRESS, A.COMPLETED, A.CANCELLED},
        A.IN_PROGRESS: {A.PLANNED, A.COMPLETED, A.CANCELLED},
        A.COMPLETED: set(),
        A.CANCELLED: set(),
    },
    # Every move is one service, activity_transition, which also keeps the activity's
    # history; who may make which move is policies.can_move_activity.
    moves=(
        Move("plan", A.PLANNED, "activity.status_changed"),
        Move("start", A.IN_PROGRESS, "activity.status_changed"),
        Move("complete", A.COMPLETED, "activity.status_changed"),
        Move("cancel", A.CANCELLED, "activity.status_changed"),
    ),
)

# The person's own proposal is planned on the way when they start or finish it themselves:
# proposed → planned → in progress (or completed), in one move.
THROUGH_PLANNED = frozenset({A.IN_PROGRESS, A.COMPLETED})


# Needs assessments (§14a) ---------------------------------------------------------------------


def goes_to_an_approver(assessment: NeedsAssessment) -> None:
    """Only the permanent need groups go to an approver."""
    if not assessment.needs_approval:
        raise invalid(
            "approval_not_needed",
            "need_group",
            "Bare varig og gradert varig tilpasset innsats skal til beslutter.",
            "Only the permanent groups go to an approver.",
        )


def approved_if_permanent(assessment: NeedsAssessment) -> None:
    """A decision on a permanent need group is sent only once an approver has approved it."""
    unapproved = assessment.status not in (AssessmentStatus.APPROVED, AssessmentStatus.SENT)
    if assessment.needs_approval and unapproved:
        raise invalid(
            "approval_required",
            "status",
            "Vedtak om varig eller gradert varig tilpasset innsats må godkjennes av "
            "en beslutter før det sendes.",
            "A decision on a permanent group must be approved before it is sent.",
            status=CONFLICT,
        )


S = AssessmentStatus
ASSESSMENT = Lifecycle(
    AssessmentStatus,
    {
        S.DRAFT: {S.AWAITING_APPROVAL, S.SENT},
        S.AWAITING_APPROVAL: {S.APPROVED, S.RETURNED},
        S.RETURNED: {S.DRAFT, S.AWAITING_APPROVAL, S.SENT},
        S.APPROVED: {S.SENT, S.DRAFT},
        S.SENT: set(),
    },
    # One service per move. Editing an approved assessment takes it back to draft
    # (assessment_update), to be approved again.
    moves=(
        Move("submit", S.AWAITING_APPROVAL, "assessment.submitted", guard=goes_to_an_approver),
        Move("approve", S.APPROVED, "assessment.approved"),
        Move("return", S.RETURNED, "assessment.returned", inputs=("comment",)),
        Move("send", S.SENT, "assessment.sent", guard=approved_if_permanent),
    ),
)
