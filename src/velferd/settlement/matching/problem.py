"""The matching problem as plain data: cases, municipalities and the score of each
eligible (case, municipality) pair."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

ADULT_AGE = 18


@dataclass(frozen=True)
class Municipality:
    number: str
    name: str
    capacity_persons: int
    capacity_minors: int
    health_competence: bool


@dataclass(frozen=True)
class Person:
    person_id: str
    case_id: str
    age: int
    gender: str
    education_years: int
    speaks_english: bool
    origin_group: str
    health_need: bool
    unaccompanied_minor: bool

    @property
    def adult(self) -> bool:
        return self.age >= ADULT_AGE


@dataclass(frozen=True)
class Case:
    """A case goes whole to one municipality: a single person or a family."""

    case_id: str
    persons: int
    minors: int
    adults: int
    health_need: bool


def cases_of(persons: Iterable[Person]) -> list[Case]:
    """The cases of the persons, in order of first appearance."""
    members: dict[str, list[Person]] = {}
    for person in persons:
        members.setdefault(person.case_id, []).append(person)
    return [
        Case(
            case_id=case_id,
            persons=len(group),
            minors=sum(p.unaccompanied_minor for p in group),
            adults=sum(p.adult for p in group),
            health_need=any(p.health_need for p in group),
        )
        for case_id, group in members.items()
    ]


@dataclass
class Instance:
    """`scores[i, j]` is the expected number of adults in work if case i goes to
    municipality j; a pair is a candidate only where `eligible[i, j]`. `locked` fixes a
    case (by index) to a municipality (by index), the officer's decision."""

    cases: list[Case]
    municipalities: list[Municipality]
    scores: np.ndarray
    eligible: np.ndarray
    locked: dict[int, int] = field(default_factory=dict)

    @property
    def sizes(self) -> np.ndarray:
        return np.array([c.persons for c in self.cases], dtype=float)

    @property
    def minors(self) -> np.ndarray:
        return np.array([c.minors for c in self.cases], dtype=float)

    @property
    def capacity_persons(self) -> np.ndarray:
        return np.array([m.capacity_persons for m in self.municipalities], dtype=float)

    @property
    def capacity_minors(self) -> np.ndarray:
        return np.array([m.capacity_minors for m in self.municipalities], dtype=float)

    def objective(self, assignment: np.ndarray) -> float:
        """The total score of an assignment (municipality index per case)."""
        return float(self.scores[np.arange(len(self.cases)), assignment].sum())


def rule_eligibility(cases: list[Case], municipalities: list[Municipality]) -> np.ndarray:
    """The pairs the rules allow: the case fits the municipality's capacity, its
    unaccompanied minors fit the places for them (none where it said no), and a case with
    a serious health need goes only where there is competence for it."""
    size = np.array([c.persons for c in cases])[:, None]
    minors = np.array([c.minors for c in cases])[:, None]
    health = np.array([c.health_need for c in cases])[:, None]
    capacity = np.array([m.capacity_persons for m in municipalities])[None, :]
    capacity_minors = np.array([m.capacity_minors for m in municipalities])[None, :]
    competence = np.array([m.health_competence for m in municipalities])[None, :]
    return (size <= capacity) & (minors <= capacity_minors) & (~health | competence)


def build_instance(
    cases: list[Case],
    municipalities: list[Municipality],
    scores: np.ndarray,
    listed: np.ndarray | None = None,
    locked: Mapping[str, str] | None = None,
    forbidden: Iterable[tuple[str, str]] = (),
) -> Instance:
    """The instance from the rules, the scores (`listed` marks the pairs given a score;
    all when None), the officer's locks (case id -> municipality number) and forbidden
    pairs (case id, municipality number)."""
    case_index = {c.case_id: i for i, c in enumerate(cases)}
    municipality_index = {m.number: j for j, m in enumerate(municipalities)}
    eligible = rule_eligibility(cases, municipalities)
    if listed is not None:
        eligible &= listed
    for case_id, number in forbidden:
        eligible[case_index[case_id], municipality_index[number]] = False
    locks = {case_index[c]: municipality_index[n] for c, n in (locked or {}).items()}
    clean = np.where(eligible, np.nan_to_num(scores.astype(float)), 0.0)
    return Instance(cases, municipalities, clean, eligible, locks)
