"""Writes for participants, a module per capability: the lifecycle's moves and enrolment,
places and waiting lists, the plan's activity kept in step, and the supplier's change
proposals and progress reports. Every write is one transaction with its audit event. Other
domains, the demo and the tests use this package:
`from velferd.participants import services`."""

# Enrolment, moves, places and waiting lists
from .dates import (
    check_dates as check_dates,
    participation_change_dates as participation_change_dates,
)
from .drafts import draft_comment as draft_comment
from .enrolment import enrol as enrol
from .moves import (
    participation_apply as participation_apply,
    participation_assess as participation_assess,
    participation_complete as participation_complete,
    participation_end as participation_end,
    participation_not_relevant as participation_not_relevant,
    participation_register_in_error as participation_register_in_error,
    participation_start as participation_start,
    participation_withdraw_draft as participation_withdraw_draft,
)
from .places import (
    participation_admit as participation_admit,
    participation_pass_offer as participation_pass_offer,
)
from .plan_sync import STATUS_IN_PLAN as STATUS_IN_PLAN, sync_plan as sync_plan
from .proposals import (
    proposal_approve as proposal_approve,
    proposal_reject as proposal_reject,
    proposal_submit as proposal_submit,
    proposal_withdraw as proposal_withdraw,
)
from .reports import report_submit as report_submit
from .waiting_list import (
    fill_places as fill_places,
    participation_set_priority as participation_set_priority,
)

__all__: list[str] = []
