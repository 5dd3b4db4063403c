"""Writes for the schemes domain, a module per capability. Every write is one transaction
with its audit event. Other domains, the demo and the tests use this package:
`from velferd.schemes import services`."""

__all__: list[str] = []
from .awards import agreement_from_award as agreement_from_award
