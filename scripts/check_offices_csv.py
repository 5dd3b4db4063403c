#!/usr/bin/env python3
"""Validate src/velferd/organisation/data/offices.csv against municipalities.csv.

Stdlib only. Prints a summary and exits 0 when the file is valid; on any
violation it prints every problem found (one per line, prefixed with the CSV
line number where applicable) to stderr and exits 1.

Usage:
    python scripts/check_offices_csv.py [--offices PATH] [--municipalities PATH]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "velferd" / "organisation" / "data"

HEADER = ["unit_number", "name", "county_number", "municipalities", "district", "optional_services"]
MUNICIPALITY_HEADER = ["municipality_number", "name", "county_number", "county_name"]

SERVICES = {
    "refugee_service",
    "housing_assistance",
    "substance_abuse",
    "introduction_programme",
    "mental_health",
}

OSLO = "0301"
OSLO_DISTRICTS = {
    "Alna",
    "Bjerke",
    "Frogner",
    "Gamle Oslo",
    "Grorud",
    "Grünerløkka",
    "Nordre Aker",
    "Nordstrand",
    "Sagene",
    "St. Hanshaugen",
    "Stovner",
    "Søndre Nordstrand",
    "Ullern",
    "Vestre Aker",
    "Østensjø",
}
BERGEN = "4601"
BERGEN_DISTRICTS = {
    "Arna",
    "Bergenhus",
    "Fana",
    "Fyllingsdalen",
    "Laksevåg",
    "Ytrebygda",
    "Årstad",
    "Åsane",
}
REQUIRED_SPLITS = {OSLO: OSLO_DISTRICTS, BERGEN: BERGEN_DISTRICTS}

MIN_INTER_MUNICIPAL = 20
INTER_MUNICIPAL_SIZE = (2, 6)
TOTAL_OFFICES = (250, 300)
EXPECTED_MUNICIPALITIES = 357

UNIT_RE = re.compile(r"^\d{4}$")
COUNTY_RE = re.compile(r"^\d{2}$")


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, msg: str, line: int | None = None) -> None:
        self.errors.append(f"line {line}: {msg}" if line is not None else msg)


def read_csv(
    path: Path, checker: Checker, expected_header: list[str]
) -> list[tuple[int, dict[str, str]]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        checker.error(f"{path}: cannot read file ({exc})")
        return []
    if raw.startswith(b"\xef\xbb\xbf"):
        checker.error(f"{path.name}: file starts with a UTF-8 byte order mark")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        checker.error(f"{path.name}: not valid UTF-8 ({exc})")
        return []
    reader = csv.reader(text.splitlines())
    try:
        header = next(reader)
    except StopIteration:
        checker.error(f"{path.name}: file is empty")
        return []
    if header != expected_header:
        checker.error(f"{path.name}: header is {header!r}, expected {expected_header!r}", 1)
        return []
    rows = []
    for row in reader:
        line = reader.line_num
        if not row:
            checker.error(f"{path.name}: blank line", line)
            continue
        if len(row) != len(expected_header):
            checker.error(
                f"{path.name}: {len(row)} fields, expected {len(expected_header)}: {row!r}", line
            )
            continue
        for col, value in zip(expected_header, row, strict=False):
            if value != value.strip():
                checker.error(f"{path.name}: {col} {value!r} has leading/trailing whitespace", line)
        rows.append((line, dict(zip(expected_header, row, strict=False))))
    return rows


def split_list(value: str) -> list[str]:
    return value.split(";") if value != "" else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--offices", type=Path, default=DATA_DIR / "offices.csv")
    parser.add_argument("--municipalities", type=Path, default=DATA_DIR / "municipalities.csv")
    args = parser.parse_args(argv)

    ck = Checker()

    # ---- reference data -------------------------------------------------
    municipalities: dict[str, dict[str, str]] = {}
    county_names: dict[str, str] = {}
    for line, row in read_csv(args.municipalities, ck, MUNICIPALITY_HEADER):
        number = row["municipality_number"]
        if not UNIT_RE.match(number):
            ck.error(f"municipalities.csv: bad municipality_number {number!r}", line)
        if number in municipalities:
            ck.error(f"municipalities.csv: duplicate municipality_number {number}", line)
        municipalities[number] = row
        county_names[row["county_number"]] = row["county_name"]
    if ck.errors:
        return report_failure(ck)

    # ---- per-row checks ---------------------------------------------------
    rows = read_csv(args.offices, ck, HEADER)
    if not rows and not ck.errors:
        ck.error("offices.csv: no office rows")

    unit_lines: dict[str, int] = {}
    name_lines: dict[str, int] = {}
    whole_cover: dict[str, list[int]] = defaultdict(
        list
    )  # municipality -> lines of whole-municipality rows
    district_cover: dict[str, dict[str, int]] = defaultdict(
        dict
    )  # municipality -> district -> line
    district_rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    offices_per_county: Counter[str] = Counter()
    service_counts: Counter[str] = Counter()
    inter_municipal: list[dict[str, str]] = []
    n_district = 0

    for line, row in rows:
        unit = row["unit_number"]
        name = row["name"]
        county = row["county_number"]
        district = row["district"]
        munis = split_list(row["municipalities"])
        services = split_list(row["optional_services"])

        # unit_number
        if not UNIT_RE.match(unit):
            ck.error(f"unit_number {unit!r} is not 4 digits", line)
        elif unit in unit_lines:
            ck.error(f"unit_number {unit} duplicates line {unit_lines[unit]}", line)
        else:
            unit_lines[unit] = line

        # name
        if not name.startswith("NAV ") or not name[4:].strip():
            ck.error(f"name {name!r} must look like 'NAV <place>'", line)
        if name in name_lines:
            ck.error(f"office name {name!r} duplicates line {name_lines[name]}", line)
        else:
            name_lines[name] = line

        # county_number
        if not COUNTY_RE.match(county):
            ck.error(f"county_number {county!r} is not 2 digits", line)
        elif county not in county_names:
            ck.error(f"county_number {county} is not a county in municipalities.csv", line)
        offices_per_county[county] += 1

        # municipalities
        if not munis:
            ck.error("municipalities is empty", line)
        dupes = [m for m, c in Counter(munis).items() if c > 1]
        if dupes:
            ck.error(f"municipalities lists {', '.join(dupes)} more than once", line)
        valid_munis = True
        for m in munis:
            if not UNIT_RE.match(m):
                ck.error(f"municipality number {m!r} is not 4 digits", line)
                valid_munis = False
            elif m not in municipalities:
                ck.error(f"municipality {m} is not in municipalities.csv", line)
                valid_munis = False
            elif municipalities[m]["county_number"] != county:
                ck.error(
                    f"municipality {m} ({municipalities[m]['name']}) is in county "
                    f"{municipalities[m]['county_number']}, not the office's county {county}",
                    line,
                )

        # optional_services
        for s in services:
            if s not in SERVICES:
                ck.error(
                    f"unknown optional service {s!r} (allowed: {', '.join(sorted(SERVICES))})", line
                )
        sdupes = [s for s, c in Counter(services).items() if c > 1]
        if sdupes:
            ck.error(f"optional_services lists {', '.join(sdupes)} more than once", line)
        service_counts.update(set(services) & SERVICES)

        if not valid_munis or not munis:
            continue

        if district:
            # district office: exactly one municipality, unit number must not be a municipality number
            n_district += 1
            if len(munis) != 1:
                ck.error(
                    f"district office {name!r} ({district}) must cover exactly one municipality, has {len(munis)}",
                    line,
                )
                continue
            m = munis[0]
            if district in district_cover[m]:
                ck.error(
                    f"district {district!r} of {m} duplicates line {district_cover[m][district]}",
                    line,
                )
            else:
                district_cover[m][district] = line
            district_rows[m].append(row)
            if unit in municipalities:
                ck.error(
                    f"district office unit_number {unit} collides with municipality {unit} "
                    f"({municipalities[unit]['name']})",
                    line,
                )
            if name != f"NAV {district}":
                ck.error(f"district office name {name!r} should be 'NAV {district}'", line)
        elif len(munis) == 1:
            m = munis[0]
            whole_cover[m].append(line)
            expected = f"NAV {municipalities[m]['name']}"
            if unit != m:
                ck.error(
                    f"single-municipality office {name!r}: unit_number {unit} should equal municipality number {m}",
                    line,
                )
            if name != expected:
                ck.error(
                    f"single-municipality office for {m}: name {name!r} should be {expected!r}",
                    line,
                )
        else:
            for m in munis:
                whole_cover[m].append(line)
            inter_municipal.append(row)
            lo, hi = INTER_MUNICIPAL_SIZE
            if not lo <= len(munis) <= hi:
                ck.error(
                    f"inter-municipal office {name!r} groups {len(munis)} municipalities, must be {lo}-{hi}",
                    line,
                )
            if unit != munis[0]:
                ck.error(
                    f"inter-municipal office {name!r}: unit_number {unit} should equal its first (host) "
                    f"municipality {munis[0]}",
                    line,
                )
            member_names = {f"NAV {municipalities[m]['name']}" for m in munis}
            if name in member_names:
                ck.error(
                    f"inter-municipal office {name!r} should have a regional name, not a member municipality's name",
                    line,
                )

    # ---- coverage ------------------------------------------------------
    covered: set[str] = set()
    for number, info in municipalities.items():
        whole = whole_cover.get(number, [])
        districts = district_cover.get(number, {})
        label = f"municipality {number} ({info['name']})"
        if whole and districts:
            ck.error(
                f"{label} is covered both by whole-municipality row(s) on line(s) "
                f"{', '.join(map(str, whole))} and by district rows on line(s) "
                f"{', '.join(map(str, sorted(districts.values())))}"
            )
        elif len(whole) > 1:
            ck.error(
                f"{label} is covered by {len(whole)} whole-municipality rows (lines {', '.join(map(str, whole))})"
            )
        elif len(districts) == 1:
            ck.error(
                f"{label} has only one district office ({next(iter(districts))!r}); a split municipality needs at least two"
            )
        elif not whole and not districts:
            ck.error(f"{label} is not covered by any office")
        if whole or districts:
            covered.add(number)

    if len(municipalities) != EXPECTED_MUNICIPALITIES:
        ck.error(
            f"municipalities.csv has {len(municipalities)} municipalities, expected {EXPECTED_MUNICIPALITIES}"
        )

    # ---- required district splits (Oslo, Bergen) ---------------------------
    for number, expected in REQUIRED_SPLITS.items():
        if number not in municipalities:
            ck.error(f"municipality {number} missing from municipalities.csv")
            continue
        label = f"{municipalities[number]['name']} ({number})"
        got = set(district_cover.get(number, {}))
        missing = sorted(expected - got)
        extra = sorted(got - expected)
        if missing:
            ck.error(f"{label} is missing district office(s): {', '.join(missing)}")
        if extra:
            ck.error(f"{label} has unexpected district office(s): {', '.join(extra)}")
        if whole_cover.get(number):
            ck.error(f"{label} must be split into districts but has a whole-municipality office")
        if number == OSLO:
            for row in district_rows.get(number, []):
                if not row["unit_number"].startswith("03"):
                    ck.error(
                        f"Oslo district office {row['name']!r} has unit_number {row['unit_number']}, expected 03xx"
                    )

    # ---- totals and plausibility -------------------------------------------
    n_offices = len(rows)
    lo, hi = TOTAL_OFFICES
    if not lo <= n_offices <= hi:
        ck.error(f"{n_offices} offices in total, expected {lo}-{hi}")
    if len(inter_municipal) < MIN_INTER_MUNICIPAL:
        ck.error(
            f"only {len(inter_municipal)} inter-municipal offices, expected at least {MIN_INTER_MUNICIPAL}"
        )
    for county, cname in county_names.items():
        if offices_per_county[county] < 2:
            ck.error(
                f"county {county} ({cname}) has {offices_per_county[county]} office(s); expected several"
            )
    if n_offices:
        for s in sorted(SERVICES):
            if service_counts[s] == 0:
                ck.error(f"optional service {s} is never used")
            elif service_counts[s] == n_offices:
                ck.error(f"optional service {s} is offered by every office; vary it")

    if ck.errors:
        return report_failure(ck)

    # ---- summary -------------------------------------------------------------
    print(f"offices.csv OK ({args.offices})")
    print(f"  offices:                  {n_offices}")
    print(f"  inter-municipal offices:  {len(inter_municipal)}")
    print(f"  district offices:         {n_district}")
    print(f"  municipalities covered:   {len(covered)} / {len(municipalities)}")
    print("  offices per county:")
    for county in sorted(county_names):
        n_munis = sum(1 for m in municipalities.values() if m["county_number"] == county)
        print(
            f"    {county} {county_names[county]:<36} {offices_per_county[county]:>3} offices / {n_munis:>3} municipalities"
        )
    print("  optional services:")
    for s in sorted(SERVICES):
        print(f"    {s:<24} {service_counts[s]:>3}")
    return 0


def report_failure(ck: Checker) -> int:
    for msg in ck.errors:
        print(f"ERROR: {msg}", file=sys.stderr)
    print(f"offices.csv: {len(ck.errors)} problem(s) found", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
