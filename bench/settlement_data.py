"""Generator of a national settlement round with a HIDDEN true employment model, for
bench/settlement.py: any assignment can be scored against the truth.

    .venv/bin/python bench/settlement_data.py --out /tmp/settlement [--seed 2026]

writes municipalities.csv, persons.csv and history.csv in the command's formats
(docs/settlement.md). The round: all 357 municipalities (numbers and names of
src/velferd/organisation/data/municipalities.csv, capacities weighted by the approximate
populations of bench/data/municipal_population.csv), about 14,000 cases and 35,000
persons (half single adults, families of 2-8, unaccompanied minors), capacities 3 %
above the need, places for unaccompanied minors in about a third of the municipalities,
health competence in about half (the larger more often). History: five earlier years of
adults placed as today (at random where there was room) with their outcome two years on,
drawn from the true model. The true model (hidden from the solver and the trained model):
a logistic model of the person (education, English, age, gender, health, origin group),
the municipality's labour market, and interactions (education and English pay more in
larger labour markets; an origin group does better where its network is, by county)."""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
POPULATION = ROOT / "bench" / "data" / "municipal_population.csv"
MUNICIPALITIES = ROOT / "src" / "velferd" / "organisation" / "data" / "municipalities.csv"
ORIGINS = ["A", "B", "C", "D", "E", "F"]
CASE_SIZES = [1, 2, 3, 4, 5, 6, 7, 8]
CASE_SIZE_SHARES = [0.48, 0.13, 0.11, 0.11, 0.08, 0.05, 0.025, 0.015]
HISTORY_YEARS = 5


@dataclass
class Round:
    municipalities: list[dict[str, object]]
    persons: list[dict[str, object]]
    history: list[dict[str, object]]
    truth: TrueModel


@dataclass
class TrueModel:
    """The hidden truth: the chance an adult is in work two years after settling in a
    municipality."""

    labour: np.ndarray
    urban: np.ndarray
    network: np.ndarray
    county_of: np.ndarray

    def probability(self, people: dict[str, np.ndarray], municipality: np.ndarray) -> np.ndarray:
        """Row-wise: person k settled in municipality[k] (or the outer product when
        municipality is 2-d: persons x municipalities)."""
        base = (
            -0.55
            + 0.09 * (people["education_years"] - 9)
            + 0.45 * people["speaks_english"]
            - 0.45 * (people["gender"] == "F")
            - 0.025 * (people["age"] - 35)
            - 0.05 * np.maximum(people["age"] - 50, 0)
            - 0.9 * people["health_need"]
            + np.array([0.2, 0.0, -0.2, 0.1, -0.3, 0.15])[people["origin"]]
        )
        if municipality.ndim == 2:
            base, origin = base[:, None], people["origin"][:, None]
            edu, english = people["education_years"][:, None], people["speaks_english"][:, None]
        else:
            origin, edu, english = (
                people["origin"],
                people["education_years"],
                people["speaks_english"],
            )
        urban = self.urban[municipality]
        logit = (
            base
            + self.labour[municipality]
            + 0.07 * (edu - 9) * urban
            + 0.5 * english * urban
            + self.network[origin, self.county_of[municipality]]
        )
        return 1.0 / (1.0 + np.exp(-logit))


def _municipalities(
    rng: np.random.Generator, total_persons: int
) -> tuple[list[dict[str, object]], TrueModel]:
    with MUNICIPALITIES.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with POPULATION.open(encoding="utf-8") as f:
        population = {
            r["municipality_number"]: int(r["population"])
            for r in csv.DictReader(line for line in f if not line.startswith("#"))
        }
    pop = np.array([population.get(r["municipality_number"], 5000) for r in rows], dtype=float)
    weight = pop**0.85
    capacity = np.maximum(5, np.round(weight / weight.sum() * total_persons * 1.03)).astype(int)
    says_yes = rng.random(len(rows)) < 0.25 + 0.5 * (pop > np.median(pop))
    competence = rng.random(len(rows)) < 0.25 + 0.5 * (pop > np.quantile(pop, 0.4))
    counties = sorted({r["county_number"] for r in rows})
    county_of = np.array([counties.index(r["county_number"]) for r in rows])
    urban = (np.log(pop) - np.log(pop).mean()) / np.log(pop).std()
    truth = TrueModel(
        labour=rng.normal(0, 0.35, len(rows)),
        urban=urban,
        network=rng.normal(0, 0.4, (len(ORIGINS), len(counties))),
        county_of=county_of,
    )
    municipalities = [
        {
            "municipality_number": r["municipality_number"],
            "name": r["name"],
            "capacity_persons": int(capacity[k]),
            "capacity_unaccompanied_minors": 0,
            "health_competence": int(competence[k]),
        }
        for k, r in enumerate(rows)
    ]
    return municipalities, truth, says_yes  # type: ignore[return-value]


def _person(rng: np.random.Generator, person_id: str, case_id: str, age: int) -> dict[str, object]:
    adult = age >= 18
    education = int(np.clip(rng.normal(10 if adult else max(0, age - 6), 4), 0, 20))
    return {
        "person_id": person_id,
        "case_id": case_id,
        "age": age,
        "gender": "F" if rng.random() < 0.5 else "M",
        "education_years": education if adult else min(education, max(0, age - 6)),
        "speaks_english": int(rng.random() < 0.15 + 0.03 * max(0, education - 9)),
        "origin_group": ORIGINS[int(rng.choice(6, p=[0.3, 0.2, 0.15, 0.15, 0.1, 0.1]))],
        "health_need": int(rng.random() < 0.03),
        "unaccompanied_minor": 0,
    }


def _cases(rng: np.random.Generator, count: int, prefix: str) -> list[dict[str, object]]:
    persons: list[dict[str, object]] = []
    for c in range(count):
        case_id = f"{prefix}{c + 1:05d}"
        size = int(rng.choice(CASE_SIZES, p=CASE_SIZE_SHARES))
        minor_case = size == 1 and rng.random() < 0.09
        if minor_case:
            member = _person(rng, f"{case_id}-1", case_id, int(rng.integers(13, 18)))
            member["unaccompanied_minor"] = 1
            persons.append(member)
            continue
        adults = 1 if size == 1 else (2 if size == 2 or rng.random() < 0.7 else 1)
        first = _person(rng, f"{case_id}-1", case_id, int(rng.integers(18, 62)))
        persons.append(first)
        for k in range(1, size):
            age = int(rng.integers(18, 62)) if k < adults else int(rng.integers(0, 18))
            member = _person(rng, f"{case_id}-{k + 1}", case_id, age)
            member["origin_group"] = first["origin_group"]
            persons.append(member)
    return persons


def people_arrays(rows: list[dict[str, object]]) -> dict[str, np.ndarray]:
    return {
        "age": np.array([int(r["age"]) for r in rows], dtype=float),  # type: ignore[call-overload]
        "gender": np.array([r["gender"] for r in rows]),
        "education_years": np.array([int(r["education_years"]) for r in rows], dtype=float),  # type: ignore[call-overload]
        "speaks_english": np.array([int(r["speaks_english"]) for r in rows], dtype=float),  # type: ignore[call-overload]
        "health_need": np.array([int(r["health_need"]) for r in rows], dtype=float),  # type: ignore[call-overload]
        "origin": np.array([ORIGINS.index(str(r["origin_group"])) for r in rows]),
    }


def generate(seed: int = 2026, cases: int = 14_000) -> Round:
    rng = np.random.default_rng(seed)
    persons = _cases(rng, cases, "S")
    municipalities, truth, says_yes = _municipalities(rng, len(persons))  # type: ignore[misc]
    minors = sum(int(str(p["unaccompanied_minor"])) for p in persons)
    weight = np.array([m["capacity_persons"] for m in municipalities], dtype=float) * says_yes
    places = np.floor(weight / weight.sum() * minors * 1.25).astype(int)
    places[np.argsort(-weight)[: int(minors * 1.25) - places.sum()]] += 1
    for m, p in zip(municipalities, places, strict=True):
        m["capacity_unaccompanied_minors"] = int(p)
        if p:
            m["capacity_persons"] = max(int(str(m["capacity_persons"])), int(p) + 2)
    history = _history(rng, truth, municipalities, cases)
    return Round(municipalities, persons, history, truth)


def _history(
    rng: np.random.Generator, truth: TrueModel, municipalities: list[dict[str, object]], cases: int
) -> list[dict[str, object]]:
    adults = [
        p
        for year in range(HISTORY_YEARS)
        for p in _cases(rng, cases, f"H{year}-")
        if int(p["age"]) >= 18  # type: ignore[call-overload]
    ]
    capacity = np.array([m["capacity_persons"] for m in municipalities], dtype=float)
    placed = rng.choice(len(municipalities), size=len(adults), p=capacity / capacity.sum())
    probability = truth.probability(people_arrays(adults), placed)
    employed = rng.random(len(adults)) < probability
    return [
        {
            "person_id": p["person_id"],
            "age": p["age"],
            "gender": p["gender"],
            "education_years": p["education_years"],
            "speaks_english": p["speaks_english"],
            "origin_group": p["origin_group"],
            "health_need": p["health_need"],
            "municipality_number": municipalities[j]["municipality_number"],
            "employed_2y": int(e),
        }
        for p, j, e in zip(adults, placed, employed, strict=True)
    ]


def write(round_: Round, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in [
        ("municipalities.csv", round_.municipalities),
        ("persons.csv", round_.persons),
        ("history.csv", round_.history),
    ]:
        with (out / name).open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=14_000)
    args = parser.parse_args()
    round_ = generate(args.seed, args.cases)
    write(round_, args.out)
    print(
        f"{len(round_.municipalities)} municipalities, {len(round_.persons)} persons, "
        f"{len(round_.history)} history rows in {args.out}"
    )


if __name__ == "__main__":
    main()
