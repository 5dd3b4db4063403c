"""The settlement round of refugees: IMDi's settlement officers and the municipalities'
settlement coordinators.

An officer bound to no county works for the whole country (IMDi's head office): the year,
the requests, every municipality's decisions, every case, the matching runs. An officer
bound to a county (a regional office) works with the municipalities of that county: their
requests and decisions, and the cases tied to one of them (relatives there) or with a live
proposal to one of them; the matching runs over the whole country and stay national.

A coordinator is bound to a municipality: they see its request and decisions, enter its
decisions, and see a case only while a proposal of it to their municipality is sent or
accepted — never a draft, and not once they declined it or it expired. The records these
read: a municipality's `number` and `county_id`; a case's `tie_municipality` and its
`proposals` (`municipality_id`, `status`); a proposal's `municipality`. `via` is the path
from the listed model to the record the predicate reads."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from ..actor import Actor
from ..roles import Role
from .base import NOTHING

# The proposals a municipality sees its case by (the model's values, not imported).
VISIBLE_TO_MUNICIPALITY = ("sent", "accepted")
LIVE = ("draft", "sent", "accepted")


def is_national_settlement_officer(actor: Actor) -> bool:
    return any(a.county_id is None for a in actor.assignments_for(Role.SETTLEMENT_OFFICER))


def settlement_counties(actor: Actor) -> set[str]:
    return {
        a.county_id
        for a in actor.assignments_for(Role.SETTLEMENT_OFFICER)
        if a.county_id is not None
    }


def coordinated_municipalities(actor: Actor) -> set[str]:
    return {
        a.municipality_id
        for a in actor.assignments_for(Role.SETTLEMENT_COORDINATOR)
        if a.municipality_id is not None
    }


def can_work_with_settlement(actor: Actor) -> bool:
    """The settlement pages' menu: IMDi's officers and the municipalities' coordinators."""
    return actor.has_role(Role.SETTLEMENT_OFFICER, Role.SETTLEMENT_COORDINATOR)


def can_manage_settlement_round(actor: Actor) -> bool:
    """The year, its estimate, the requests in bulk, the cases' import and the matching
    runs: IMDi's officers (a run reads the whole country, so the regional ones too see it,
    but only a national officer starts one or sends proposals in bulk)."""
    return actor.has_role(Role.SETTLEMENT_OFFICER)


def can_run_settlement_matching(actor: Actor) -> bool:
    return is_national_settlement_officer(actor)


def can_manage_settlement_for(actor: Actor, municipality: Any) -> bool:
    """IMDi's side of a municipality (its request, a decision entered for it, the proposals
    sent to it): a national officer or one of its county."""
    return is_national_settlement_officer(actor) or (
        municipality.county_id in settlement_counties(actor)
    )


def municipalities_managed_in_settlement(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_manage_settlement_for`; `via` leads to the municipality."""
    if is_national_settlement_officer(actor):
        return Q()
    counties = settlement_counties(actor)
    return Q(**{f"{via}county__in": counties}) if counties else NOTHING


def can_coordinate_settlement_in(actor: Actor, municipality: Any) -> bool:
    """The municipality's own side: its coordinators."""
    return municipality.number in coordinated_municipalities(actor)


def can_view_settlement_request(actor: Actor, municipality: Any) -> bool:
    """A municipality's request and decisions: its coordinators and IMDi's officers for it."""
    return can_coordinate_settlement_in(actor, municipality) or can_manage_settlement_for(
        actor, municipality
    )


def municipalities_in_settlement(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_settlement_request`; `via` leads to the municipality."""
    if is_national_settlement_officer(actor):
        return Q()
    own = coordinated_municipalities(actor)
    mine = Q(**{f"{via}number__in": own}) if own else NOTHING
    if not actor.has_role(Role.SETTLEMENT_OFFICER):
        return mine
    return mine | municipalities_managed_in_settlement(actor, via)


def can_enter_settlement_decision(actor: Actor, municipality: Any) -> bool:
    """A decision: the municipality's coordinator, or IMDi on its behalf (marked so)."""
    return can_view_settlement_request(actor, municipality)


def _proposed_to(case: Any, numbers: set[str] | None, statuses: tuple[str, ...]) -> bool:
    return any(
        p.status in statuses and (numbers is None or p.municipality_id in numbers)
        for p in case.proposals.all()
    )


def _officer_sees_case(actor: Actor, case: Any) -> bool:
    if is_national_settlement_officer(actor):
        return True
    counties = settlement_counties(actor)
    if not counties:
        return False
    tie = case.tie_municipality
    if tie is not None and tie.county_id in counties:
        return True
    return any(
        p.status in LIVE and p.municipality.county_id in counties for p in case.proposals.all()
    )


def can_view_settlement_case(actor: Actor, case: Any) -> bool:
    """A case and its persons: IMDi's officers (regional: tied to or proposed into their
    county), and a municipality's coordinators while it is sent or accepted there."""
    if actor.has_role(Role.SETTLEMENT_OFFICER) and _officer_sees_case(actor, case):
        return True
    own = coordinated_municipalities(actor)
    return bool(own) and _proposed_to(case, own, VISIBLE_TO_MUNICIPALITY)


def _officer_cases(actor: Actor, via: str) -> Q:
    if not actor.has_role(Role.SETTLEMENT_OFFICER):
        return NOTHING
    if is_national_settlement_officer(actor):
        return Q()
    counties = settlement_counties(actor)
    if not counties:
        return NOTHING
    return Q(**{f"{via}tie_municipality__county__in": counties}) | Q(
        **{
            f"{via}proposals__status__in": LIVE,
            f"{via}proposals__municipality__county__in": counties,
        }
    )


def settlement_cases_visible(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_view_settlement_case` (a query using it takes `distinct()`:
    the proposals are many); `via` leads to the case."""
    if actor.has_role(Role.SETTLEMENT_OFFICER) and is_national_settlement_officer(actor):
        # Everything: an empty Q joined by | to another gives the other alone.
        return Q()
    own = coordinated_municipalities(actor)
    sent = (
        Q(
            **{
                f"{via}proposals__status__in": VISIBLE_TO_MUNICIPALITY,
                f"{via}proposals__municipality__in": own,
            }
        )
        if own
        else NOTHING
    )
    return _officer_cases(actor, via) | sent


def can_manage_settlement_case(actor: Actor, case: Any) -> bool:
    """Locking a case to a municipality, ruling one out, overriding its proposal (each with
    a reason): the officers who see it."""
    return actor.has_role(Role.SETTLEMENT_OFFICER) and _officer_sees_case(actor, case)


def can_send_settlement_proposal(actor: Actor, proposal: Any) -> bool:
    """Sending a proposal to its municipality, or withdrawing it: IMDi for that municipality."""
    return actor.has_role(Role.SETTLEMENT_OFFICER) and can_manage_settlement_for(
        actor, proposal.municipality
    )


def can_answer_settlement_proposal(actor: Actor, proposal: Any) -> bool:
    """Accepting or declining a sent proposal: the coordinators of its municipality."""
    return proposal.municipality_id in coordinated_municipalities(actor)


def settlement_proposals_to_answer(actor: Actor, via: str = "") -> Q:
    """The list filter of `can_answer_settlement_proposal`; `via` leads to the proposal."""
    own = coordinated_municipalities(actor)
    return Q(**{f"{via}municipality__in": own}) if own else NOTHING
