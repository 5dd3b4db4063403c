"""Writes for participants, a module per capability: the lifecycle's moves and enrolment,
places and waiting lists, the plan's activity kept in step, and the supplier's change
proposals and progress reports. Every write is one transaction with its audit event. Other
domains, the demo and the tests use this package:
`from velferd.participants import services`."""

from .plan_sync import STATUS_IN_PLAN as STATUS_IN_PLAN
from .plan_sync import sync_plan as sync_plan

__all__: list[str] = []
