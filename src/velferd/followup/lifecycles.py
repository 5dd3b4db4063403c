"""The allowed transitions of every follow-up record with a lifecycle, in one place."""

from __future__ import annotations

from velferd.core.lifecycles import require_transition as require_transition

from .models import ActivityStatus, AssessmentStatus

ACTIVITY: dict[str, set[str]] = {
    ActivityStatus.PROPOSED: {ActivityStatus.PLANNED, ActivityStatus.CANCELLED},
    ActivityStatus.PLANNED: {
        ActivityStatus.IN_PROGRESS,
        ActivityStatus.COMPLETED,
        ActivityStatus.CANCELLED,
    },
    ActivityStatus.IN_PROGRESS: {
        ActivityStatus.PLANNED,
        ActivityStatus.COMPLETED,
        ActivityStatus.CANCELLED,
    },
    ActivityStatus.COMPLETED: set(),
    ActivityStatus.CANCELLED: set(),
}

ASSESSMENT: dict[str, set[str]] = {
    AssessmentStatus.DRAFT: {AssessmentStatus.AWAITING_APPROVAL, AssessmentStatus.SENT},
    AssessmentStatus.AWAITING_APPROVAL: {AssessmentStatus.APPROVED, AssessmentStatus.RETURNED},
    AssessmentStatus.RETURNED: {
        AssessmentStatus.DRAFT,
        AssessmentStatus.AWAITING_APPROVAL,
        AssessmentStatus.SENT,
    },
    AssessmentStatus.APPROVED: {AssessmentStatus.SENT, AssessmentStatus.DRAFT},
    AssessmentStatus.SENT: set(),
}
