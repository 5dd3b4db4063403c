#!/usr/bin/env python3
"""Validate src/velferd/enquiries/data/corpus.jsonl, the labelled enquiry corpus.

Stdlib only. Checks that:

* every line is a JSON object with exactly the keys ``text``, ``department``
  and ``language``; ``text`` is a non-empty string, ``department`` a known
  slug and ``language`` one of nb, nn, en;
* every department has at least 60 enquiries, and per department at least
  20 in bokmål (nb), 8 in nynorsk (nn) and 12 in English (en);
* no text occurs twice (compared case- and whitespace-insensitively);
* no two texts share a run of 9 or more consecutive words (the offending
  pairs are printed with the shared run).

Prints a table of counts per department and language. Exits 0 when the
corpus is valid and 1 on any failure (problems are printed to stderr).

Usage:
    python scripts/check_corpus.py [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_CORPUS = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "velferd"
    / "enquiries"
    / "data"
    / "corpus.jsonl"
)

DEPARTMENTS = (
    "labour-market",
    "working-environment-and-safety",
    "finance-and-governance",
    "integration",
    "pension",
    "press-and-communications",
    "administrative-services",
    "welfare-policy",
)
LANGUAGES = ("nb", "nn", "en")
KEYS = {"text", "department", "language"}

MIN_PER_DEPARTMENT = 60
MIN_PER_LANGUAGE = {"nb": 20, "nn": 8, "en": 12}
MAX_SHARED_RUN = 8  # a shared run of MAX_SHARED_RUN + 1 words is a failure

WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def load(path: Path, problems: list[str]) -> list[tuple[int, dict[str, str]]]:
    records: list[tuple[int, dict[str, str]]] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.strip()
            if not line:
                problems.append(f"line {lineno}: empty line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"line {lineno}: invalid JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                problems.append(f"line {lineno}: not a JSON object")
                continue
            if set(obj) != KEYS:
                problems.append(f"line {lineno}: keys {sorted(obj)} != {sorted(KEYS)}")
                continue
            text, dept, lang = obj["text"], obj["department"], obj["language"]
            ok = True
            if not isinstance(text, str) or not text.strip():
                problems.append(f"line {lineno}: text must be a non-empty string")
                ok = False
            if dept not in DEPARTMENTS:
                problems.append(f"line {lineno}: unknown department {dept!r}")
                ok = False
            if lang not in LANGUAGES:
                problems.append(f"line {lineno}: unknown language {lang!r}")
                ok = False
            if ok:
                records.append((lineno, obj))
    return records


def check_counts(records: list[tuple[int, dict[str, str]]], problems: list[str]) -> None:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _, obj in records:
        counts[obj["department"]][obj["language"]] += 1

    width = max(len(d) for d in DEPARTMENTS)
    header = (
        f"{'department':<{width}}  " + "  ".join(f"{lang:>4}" for lang in LANGUAGES) + "  total"
    )
    print(header)
    print("-" * len(header))
    totals: Counter[str] = Counter()
    for dept in DEPARTMENTS:
        row = counts[dept]
        total = sum(row.values())
        totals.update(row)
        cells = "  ".join(f"{row[lang]:>4}" for lang in LANGUAGES)
        print(f"{dept:<{width}}  {cells}  {total:>5}")
        if total < MIN_PER_DEPARTMENT:
            problems.append(f"{dept}: {total} enquiries, need at least {MIN_PER_DEPARTMENT}")
        for lang, minimum in MIN_PER_LANGUAGE.items():
            if row[lang] < minimum:
                problems.append(f"{dept}/{lang}: {row[lang]} enquiries, need at least {minimum}")
    print("-" * len(header))
    cells = "  ".join(f"{totals[lang]:>4}" for lang in LANGUAGES)
    print(f"{'all':<{width}}  {cells}  {sum(totals.values()):>5}")


def check_duplicates(records: list[tuple[int, dict[str, str]]], problems: list[str]) -> None:
    seen: dict[str, int] = {}
    for lineno, obj in records:
        key = normalise(obj["text"])
        if key in seen:
            problems.append(f"line {lineno}: duplicate of line {seen[key]}")
        else:
            seen[key] = lineno


def longest_shared_run(a: list[str], b: list[str]) -> list[str]:
    """Longest run of consecutive words occurring in both token lists."""
    best_len, best_end = 0, 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best_len:
                    best_len, best_end = cur[j], i
        prev = cur
    return a[best_end - best_len : best_end]


def check_shared_runs(records: list[tuple[int, dict[str, str]]], problems: list[str]) -> None:
    n = MAX_SHARED_RUN + 1
    tokens = {lineno: words(obj["text"]) for lineno, obj in records}
    index: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for lineno, toks in tokens.items():
        for i in range(len(toks) - n + 1):
            index[tuple(toks[i : i + n])].add(lineno)
    pairs: set[tuple[int, int]] = set()
    for linenos in index.values():
        ordered = sorted(linenos)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs.add((a, b))
    for a, b in sorted(pairs):
        run = longest_shared_run(tokens[a], tokens[b])
        problems.append(f"lines {a} and {b} share {len(run)} consecutive words: {' '.join(run)!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)

    if not args.corpus.is_file():
        print(f"error: {args.corpus} not found", file=sys.stderr)
        return 1

    problems: list[str] = []
    records = load(args.corpus, problems)
    check_counts(records, problems)
    check_duplicates(records, problems)
    check_shared_runs(records, problems)

    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"\nOK: {len(records)} enquiries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
