"""Writes for participants, a module per capability: the lifecycle's moves and enrolment,
places and waiting lists, the plan's activity kept in step, and the supplier's change
proposals and progress reports. Every write is one transaction with its audit event. Other
domains, the demo and the tests use this package:
`from velferd.participants import services`."""

__all__: list[str] = []
