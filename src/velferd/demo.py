"""The demo data set: each domain's demo data (its `demo.py`), loaded in the order the
domains build on each other. `velferd load-demo` loads it (never in production), and the
tests load it once per run."""

from __future__ import annotations

from django.db import transaction

from velferd.access.actor import Actor
from velferd.access.demo import DEMO_LOGINS, DEMO_PASSWORD, load_demo_logins
from velferd.assistance.demo import load_demo_assistance
from velferd.employers.demo import load_demo_employers
from velferd.enquiries.demo import load_demo_enquiries
from velferd.followup.demo import load_demo_followup
from velferd.funding.demo import load_demo_funding
from velferd.organisation.demo import iw_advisor_logins, load_demo_offices
from velferd.participants.demo import load_demo_participants
from velferd.people.demo import load_demo_people
from velferd.procurement.demo import load_demo_procurement
from velferd.publications.services import load_demo_publications
from velferd.results.demo import load_demo_outcomes
from velferd.results.demo_effects import load_demo_effects
from velferd.schemes.demo import load_demo_schemes
from velferd.settlement.demo import load_demo_settlement
from velferd.sickleave.demo import load_demo_sick_leave

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "load_demo"]


@transaction.atomic
def load_demo(*, actor: Actor) -> dict[str, int]:
    """Open the demo offices and create the demo logins, people and their follow-up,
    enquiries, publications, enterprises and sick-leave statistics that are missing;
    returns how many of each were created. Loading twice changes nothing."""
    offices = load_demo_offices(actor=actor)
    logins = load_demo_logins(actor=actor, logins=[*DEMO_LOGINS, *iw_advisor_logins()])
    people = load_demo_people(system=actor)
    load_demo_followup(people=people)
    return {
        "offices": offices,
        "logins": logins,
        "people": len(people),
        "enquiries": load_demo_enquiries(system=actor),
        "publications": load_demo_publications(actor=actor),
        "enterprises": load_demo_employers(system=actor),
        "sick_leave_rows": load_demo_sick_leave(system=actor),
        "suppliers": load_demo_schemes(system=actor),
        "competitions": load_demo_procurement(system=actor),
        "scheme_claims": load_demo_funding(system=actor),
        "participations": load_demo_participants(system=actor),
        "employment_months": load_demo_outcomes(system=actor),
        "effect_runs": load_demo_effects(system=actor),
        "settlement_cases": load_demo_settlement(system=actor),
        "assistance_applications": load_demo_assistance(system=actor),
    }
