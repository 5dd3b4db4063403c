"""Why an instance cannot be solved, in words an officer can act on (bokmål and English).

These are the plain causes, checked before the solver runs; the solver reports the rest
(the capacities cannot hold the cases whole) when it proves it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from velferd.settlement.matching.problem import Instance


@dataclass(frozen=True)
class Reason:
    code: str
    message_nb: str
    message_en: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_nb": self.message_nb, "message_en": self.message_en}


class Infeasible(Exception):
    """No assignment satisfies the rules; `reasons` says why."""

    def __init__(self, reasons: list[Reason]) -> None:
        super().__init__("; ".join(r.message_en for r in reasons))
        self.reasons = reasons


MAX_LISTED = 20


def reasons(instance: Instance) -> list[Reason]:
    """Every plain cause of infeasibility found (empty when none is)."""
    found = _totals(instance)
    found += _locks(instance)
    found += _cases_without_place(instance)
    return found


def _totals(instance: Instance) -> list[Reason]:
    found = []
    persons, capacity = instance.sizes.sum(), instance.capacity_persons.sum()
    if persons > capacity:
        found.append(
            Reason(
                "too_many_persons",
                f"{persons:.0f} personer, men kommunene har bare {capacity:.0f} plasser.",
                f"{persons:.0f} persons, but the municipalities have only {capacity:.0f} places.",
            )
        )
    minors, places = instance.minors.sum(), instance.capacity_minors.sum()
    if minors > places:
        found.append(
            Reason(
                "too_many_minors",
                f"{minors:.0f} enslige mindreårige, men kommunene har bare {places:.0f} "
                "plasser for enslige mindreårige.",
                f"{minors:.0f} unaccompanied minors, but the municipalities have only "
                f"{places:.0f} places for unaccompanied minors.",
            )
        )
    health = np.array([c.health_need for c in instance.cases])
    competent = np.array([m.health_competence for m in instance.municipalities])
    needing, room = instance.sizes[health].sum(), instance.capacity_persons[competent].sum()
    if needing > room:
        found.append(
            Reason(
                "too_many_health_needs",
                f"Saker med alvorlige helsebehov har {needing:.0f} personer, men kommunene "
                f"med helsekompetanse har bare {room:.0f} plasser.",
                f"Cases with a serious health need hold {needing:.0f} persons, but the "
                f"municipalities with health competence have only {room:.0f} places.",
            )
        )
    return found


def _locks(instance: Instance) -> list[Reason]:
    found = []
    used = np.zeros(len(instance.municipalities))
    used_minors = np.zeros(len(instance.municipalities))
    for i, j in instance.locked.items():
        case, municipality = instance.cases[i], instance.municipalities[j]
        used[j] += case.persons
        used_minors[j] += case.minors
        if not instance.eligible[i, j]:
            found.append(
                Reason(
                    "locked_not_allowed",
                    f"Sak {case.case_id} er låst til {municipality.number} {municipality.name}, "
                    "som reglene ikke tillater for denne saken.",
                    f"Case {case.case_id} is locked to {municipality.number} "
                    f"{municipality.name}, which the rules do not allow for this case.",
                )
            )
    over = (used > instance.capacity_persons) | (used_minors > instance.capacity_minors)
    for j in np.flatnonzero(over).tolist():
        municipality = instance.municipalities[j]
        found.append(
            Reason(
                "locked_over_capacity",
                f"Låste saker gir {municipality.number} {municipality.name} {used[j]:.0f} "
                f"personer ({used_minors[j]:.0f} enslige mindreårige), over vedtaket "
                f"({municipality.capacity_persons}, {municipality.capacity_minors}).",
                f"Locked cases give {municipality.number} {municipality.name} {used[j]:.0f} "
                f"persons ({used_minors[j]:.0f} unaccompanied minors), over its decision "
                f"({municipality.capacity_persons}, {municipality.capacity_minors}).",
            )
        )
    return found


def _cases_without_place(instance: Instance) -> list[Reason]:
    stranded = np.flatnonzero(~instance.eligible.any(axis=1))
    found = [_no_place(instance, int(i)) for i in stranded[:MAX_LISTED].tolist()]
    if len(stranded) > MAX_LISTED:
        more = len(stranded) - MAX_LISTED
        found.append(
            Reason(
                "no_place_more",
                f"… og {more} saker til uten mulig kommune.",
                f"… and {more} more cases with no possible municipality.",
            )
        )
    return found


def _no_place(instance: Instance, i: int) -> Reason:
    case = instance.cases[i]
    largest = instance.capacity_persons.max(initial=0)
    if case.persons > largest:
        why_nb = f"den har {case.persons} personer, og ingen kommune har mer enn {largest:.0f}"
        why_en = f"it has {case.persons} persons and no municipality takes more than {largest:.0f}"
    elif case.minors > instance.capacity_minors.max(initial=0):
        why_nb = f"den har {case.minors} enslige mindreårige, flere enn noen kommune tar imot"
        why_en = f"it has {case.minors} unaccompanied minors, more than any municipality takes"
    elif case.health_need:
        why_nb = "den har et alvorlig helsebehov, og ingen kommune med plass har helsekompetanse"
        why_en = "it has a serious health need and no municipality with room has the competence"
    else:
        why_nb = "alle kommuner som har plass, er utelukket eller mangler poeng"
        why_en = "every municipality with room is excluded or has no score"
    return Reason(
        "no_place",
        f"Sak {case.case_id} kan ikke bosettes noe sted: {why_nb}.",
        f"Case {case.case_id} cannot be settled anywhere: {why_en}.",
    )
