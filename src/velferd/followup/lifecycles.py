"""Every follow-up record with a lifecycle, declared once: its table of allowed transitions
and, beside it, its moves — the name pages and the API use, the state it goes to, the audit
event it writes, what else it takes and its guard (velferd.core.lifecycles). The services
run the moves (services/activities.py, services/assessments.py, services/appeals.py); the
API's list of moves, the pages' actions and the `unknown_action` refusal are derived from
these declarations."""

from __future__ import annotations

from velferd.core.errors import CONFLICT
from velferd.core.lifecycles import Lifecycle, Move, require_transition as require_transition
from velferd.core.validation import invalid

from .models import (
    OFFERED_MAIN_GOALS,
    WITHOUT_MAIN_GOAL,
    ActivityStatus,
    AppealStatus,
    AssessmentStatus,
    NeedsAssessment,
    Source,
)

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


def check_main_goal(need_group: str, main_goal: str) -> None:
    """The main goal as NAV's decision support sets it: none for permanent adaptation, and
    one of the goals offered today for every other group."""
    if need_group in WITHOUT_MAIN_GOAL:
        if main_goal:
            raise invalid(
                "main_goal_not_allowed",
                "main_goal",
                "Varig tilpasset innsats har ikke hovedmål. Fjern hovedmålet.",
                "Permanent adaptation has no main goal. Remove the main goal.",
            )
        return
    if not main_goal:
        raise invalid("main_goal_required", "main_goal", "Velg et hovedmål.", "Choose a main goal.")
    if main_goal not in OFFERED_MAIN_GOALS:
        raise invalid(
            "main_goal_not_offered",
            "main_goal",
            "Velg «Skaffe arbeid» eller «Beholde arbeid». «Øke deltakelse» brukes ikke lenger.",
            "Choose “Get work” or “Keep work”. “Increase participation” is no longer used.",
        )


def check_sources(sources: list[str], evidence: str) -> None:
    """The sources are codes of `Source`; "other" needs the free text to say what it is."""
    unknown = [value for value in sources if value not in Source.values]
    if unknown:
        raise invalid(
            "unknown_source",
            "sources",
            f"Ukjent kilde: {', '.join(unknown)}.",
            f"Unknown source: {', '.join(unknown)}.",
        )
    if Source.OTHER in sources and not evidence.strip():
        raise invalid(
            "other_source_undescribed",
            "evidence",
            "Skriv hvilke andre opplysninger vedtaket bygger på.",
            "Write which other information the decision rests on.",
        )


def ready_to_decide(assessment: NeedsAssessment) -> None:
    """What a decision needs before it goes to an approver or is sent: at least one source
    (NAV's decision support refuses a decision without), and a main goal as the group has
    it (a draft made before may still have one the group no longer takes)."""
    if not assessment.sources:
        raise invalid(
            "sources_required",
            "sources",
            "Velg minst én kilde: hva vedtaket bygger på.",
            "Choose at least one source: what the decision rests on.",
        )
    check_sources(assessment.sources, assessment.evidence)
    check_main_goal(assessment.need_group, assessment.main_goal)


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


def submittable(assessment: NeedsAssessment) -> None:
    goes_to_an_approver(assessment)
    ready_to_decide(assessment)


def sendable(assessment: NeedsAssessment) -> None:
    approved_if_permanent(assessment)
    ready_to_decide(assessment)


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
        Move("submit", S.AWAITING_APPROVAL, "assessment.submitted", guard=submittable),
        Move("approve", S.APPROVED, "assessment.approved"),
        Move("return", S.RETURNED, "assessment.returned", inputs=("comment",)),
        Move("send", S.SENT, "assessment.sent", guard=sendable),
    ),
)


# Appeals (forvaltningsloven §§ 28–33) -----------------------------------------------------------

# The office prepares an appeal (§ 33): it upholds it and makes a new decision, or it sends
# it on to NAV Klageinstans. Either ends the office's part; who may prepare it is
# policies.can_prepare_appeal, the service of each move is in services/appeals.py.
P = AppealStatus
APPEAL = Lifecycle(
    AppealStatus,
    {
        P.RECEIVED: {P.UPHELD, P.FORWARDED},
        P.UPHELD: set(),
        P.FORWARDED: set(),
    },
    moves=(
        Move("uphold", P.UPHELD, "appeal.upheld", inputs=("comment",)),
        Move("forward", P.FORWARDED, "appeal.forwarded", inputs=("comment",)),
    ),
)
