"""The participants' part of the demo (after the schemes' and follow-up's): each part loads
what is missing, so loading twice changes nothing."""

from __future__ import annotations

from velferd.access.actor import Actor

from .demo_enrolment import load_demo_enrolment
from .demo_supplier import load_demo_supplier_side


def load_demo_participants(*, system: Actor) -> int:
    """Returns how many demo participations were created."""
    return load_demo_supplier_side(system=system) + load_demo_enrolment(system=system)
