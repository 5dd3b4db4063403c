"""The allowed transitions of every follow-up record with a lifecycle, in one place."""

from __future__ import annotations

from django.utils.translation import gettext, override

from velferd.core.errors import CONFLICT, DomainError

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


def _label(choices: type, value: str, language: str) -> str:
    with override(language):
        return gettext(str(choices(value).label))


def require_transition(
    table: dict[str, set[str]], choices: type, current: str, target: str
) -> None:
    """Refuse a transition the table does not allow, naming both states."""
    if target in table[current]:
        return
    raise DomainError(
        code="invalid_transition",
        field="status",
        status=CONFLICT,
        message_nb=(
            f"Kan ikke gå fra «{_label(choices, current, 'nb')}» "
            f"til «{_label(choices, target, 'nb')}»."
        ),
        message_en=(
            f"Cannot go from “{_label(choices, current, 'en')}” "
            f"to “{_label(choices, target, 'en')}”."
        ),
    )
