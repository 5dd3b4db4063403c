"""Writes for participants, a module per capability: the lifecycle's moves and enrolment,
places and waiting lists, the plan's activity kept in step, and the supplier's change
proposals and progress reports. Every write is one transaction with its audit event. Other
domains, the demo and the tests use this package:
`from velferd.participants import services`."""

from .plan_sync import STATUS_IN_PLAN as STATUS_IN_PLAN
from .plan_sync import sync_plan as sync_plan
from .proposals import proposal_approve as proposal_approve
from .proposals import proposal_reject as proposal_reject
from .proposals import proposal_submit as proposal_submit
from .proposals import proposal_withdraw as proposal_withdraw
from .reports import report_submit as report_submit

__all__: list[str] = []
