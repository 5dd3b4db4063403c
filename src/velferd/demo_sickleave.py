"""Demo sick-leave statistics for the demo enterprises."""

from __future__ import annotations

from velferd.access.actor import Actor


def load_demo_sick_leave(*, system: Actor) -> int:
    """Import the demo quarters that are missing; returns how many rows were created."""
    return 0
