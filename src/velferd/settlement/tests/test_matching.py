"""The matching against a brute-force solver on tiny random rounds: families whole,
capacities, health competence, unaccompanied minors, locks, and an honest gap."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from velferd.settlement.matching.feasibility import Infeasible
from velferd.settlement.matching.problem import Case, Instance, Municipality, build_instance
from velferd.settlement.matching.solver import solve


def brute_force(instance: Instance) -> tuple[float, tuple[int, ...]] | None:
    """The best assignment by enumerating them all, or None when none is allowed."""
    best = None
    n, m = len(instance.cases), len(instance.municipalities)
    allowed = instance.eligible.copy()
    for i, j in instance.locked.items():
        allowed[i] = False
        allowed[i, j] = instance.eligible[i, j]
    for choice in itertools.product(range(m), repeat=n):
        if all(allowed[i, j] for i, j in enumerate(choice)) and fits(instance, np.array(choice)):
            value = instance.objective(np.array(choice))
            if best is None or value > best[0]:
                best = (value, choice)
    return best


def fits(instance: Instance, assignment: np.ndarray) -> bool:
    m = len(instance.municipalities)
    persons = np.bincount(assignment, instance.sizes, minlength=m)
    minors = np.bincount(assignment, instance.minors, minlength=m)
    return bool(
        (persons <= instance.capacity_persons).all() and (minors <= instance.capacity_minors).all()
    )


@st.composite
def rounds(draw: st.DrawFn) -> Instance:
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 3))
    cases = []
    for i in range(n):
        persons = draw(st.integers(1, 4))
        minors = draw(st.integers(0, min(persons, 1)))
        adults = persons - minors
        cases.append(Case(f"C{i}", persons, minors, adults, draw(st.booleans())))
    municipalities = [
        Municipality(
            f"{j + 1:04d}",
            f"M{j}",
            draw(st.integers(0, 9)),
            draw(st.integers(0, 2)),
            draw(st.booleans()),
        )
        for j in range(m)
    ]
    scores = np.array(
        [[draw(st.integers(0, 20)) / 10 for _ in range(m)] for _ in range(n)], dtype=float
    )
    forbidden = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, m - 1)), max_size=2))
    return build_instance(
        cases,
        municipalities,
        scores,
        forbidden=[(f"C{i}", f"{j + 1:04d}") for i, j in forbidden],
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds())
def test_the_matching_is_optimal_and_keeps_every_rule_on_random_small_rounds(
    instance: Instance,
) -> None:
    best = brute_force(instance)
    if best is None:
        with pytest.raises(Infeasible) as refused:
            solve(instance)
        assert refused.value.reasons
        return
    solution = solve(instance)
    assignment = solution.assignment
    assert len(assignment) == len(instance.cases)
    assert all(instance.eligible[i, j] for i, j in enumerate(assignment))
    assert fits(instance, assignment)
    assert solution.bound >= best[0] - 1e-6
    assert solution.objective >= best[0] - solution.gap * solution.bound - 1e-6
    assert solution.gap <= 0.001
    assert solution.objective == pytest.approx(instance.objective(assignment))


def _two_municipalities() -> list[Municipality]:
    return [
        Municipality("0301", "Oslo", 4, 1, True),
        Municipality("1103", "Stavanger", 4, 0, False),
    ]


def test_a_locked_case_stays_where_the_officer_put_it_and_the_rest_is_reoptimised() -> None:
    cases = [Case("A", 2, 0, 2, False), Case("B", 2, 0, 2, False), Case("C", 2, 0, 2, False)]
    scores = np.array([[1.5, 0.5], [1.4, 0.4], [0.2, 0.1]])
    free = solve(build_instance(cases, _two_municipalities(), scores))
    assert [int(j) for j in free.assignment] == [0, 0, 1]
    locked = solve(build_instance(cases, _two_municipalities(), scores, locked={"A": "1103"}))
    assert [int(j) for j in locked.assignment] == [1, 0, 0]
    assert locked.objective == pytest.approx(0.5 + 1.4 + 0.2)


def test_a_forbidden_pair_is_never_used() -> None:
    cases = [Case("A", 1, 0, 1, False)]
    scores = np.array([[2.0, 0.1]])
    solution = solve(
        build_instance(cases, _two_municipalities(), scores, forbidden=[("A", "0301")])
    )
    assert int(solution.assignment[0]) == 1


def _reasons(cases: list[Case], municipalities: list[Municipality]) -> list[str]:
    instance = build_instance(cases, municipalities, np.ones((len(cases), len(municipalities))))
    with pytest.raises(Infeasible) as refused:
        solve(instance)
    return [r.message_en for r in refused.value.reasons] + [
        r.message_nb for r in refused.value.reasons
    ]


def test_more_unaccompanied_minors_than_places_is_refused_with_the_numbers() -> None:
    minors = [Case(f"M{k}", 1, 1, 0, False) for k in range(2)]
    messages = _reasons(minors, _two_municipalities())
    assert "2 unaccompanied minors, but the municipalities have only 1 places" in messages[0]
    assert any("2 enslige mindreårige" in m for m in messages)


def test_more_health_needs_than_competent_places_is_refused() -> None:
    cases = [Case(f"H{k}", 3, 0, 3, True) for k in range(2)]
    messages = _reasons(cases, _two_municipalities())
    assert any("serious health need hold 6 persons" in m and "only 4 places" in m for m in messages)


def test_a_case_larger_than_every_municipality_is_named() -> None:
    messages = _reasons([Case("BIG", 5, 0, 2, False)], _two_municipalities())
    assert any("Case BIG cannot be settled anywhere: it has 5 persons" in m for m in messages)
    assert any("Sak BIG kan ikke bosettes" in m for m in messages)


def test_capacities_that_hold_the_persons_only_split_are_refused() -> None:
    cases = [Case("A", 3, 0, 3, False), Case("B", 3, 0, 3, False)]
    municipalities = [Municipality("0301", "Oslo", 4, 0, False)] * 1 + [
        Municipality("1103", "Stavanger", 2, 0, False)
    ]
    messages = _reasons(cases, municipalities)
    assert any("cannot hold" in m for m in messages)
