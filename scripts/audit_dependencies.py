"""Audit requirements.lock for known vulnerabilities (pip-audit, PyPI's advisory database).

Fails on any known vulnerability. A package the advisory database could not answer for (no
network, or the service refused the version's page) is named and counted; with
AUDIT_STRICT=1 that fails too, so a release build cannot pass unaudited.

Where PyPI's advisory service cannot be reached, a copy of PyPA's advisory database
(github.com/pypa/advisory-database, OSV files under vulns/) audits the lock offline:

    .venv/bin/python scripts/audit_dependencies.py
    .venv/bin/python scripts/audit_dependencies.py --advisories path/to/advisory-database
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
# Vulnerabilities examined and judged not to affect velferd: {"PYSEC-...": "why"}.
ACCEPTED: dict[str, str] = {}


def run_pip_audit() -> dict[str, object]:
    audit = Path(sys.executable).with_name("pip-audit")
    command = [str(audit), "-r", str(LOCK), "--no-deps", "--disable-pip", "-f", "json"]
    command += ["--progress-spinner", "off"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if not done.stdout.strip():
        sys.stderr.write(done.stderr)
        raise SystemExit("pip-audit gave no answer")
    return dict(json.loads(done.stdout))


def locked_packages() -> list[tuple[str, str]]:
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", LOCK.read_text(), flags=re.MULTILINE)
    return [(canonicalize_name(name), version) for name, version in pins]


def in_range(version: Version, events: list[dict[str, str]]) -> bool:
    """OSV's ECOSYSTEM range: events in order, each introduced opening and each fixed or
    last_affected closing an affected stretch."""
    affected = False
    for event in events:
        if "introduced" in event:
            start = event["introduced"]
            affected = affected or start == "0" or version >= Version(start)
        elif closes(event, version):
            affected = False
    return affected


def closes(event: dict[str, str], version: Version) -> bool:
    if "fixed" in event:
        return version >= Version(event["fixed"])
    return "last_affected" in event and version > Version(event["last_affected"])


def affects(advisory: dict[str, object], name: str, version: str) -> bool:
    for entry in advisory.get("affected", []):  # type: ignore[attr-defined]
        if canonicalize_name(entry["package"]["name"]) != name:
            continue
        if version in entry.get("versions", []):
            return True
        for stretch in entry.get("ranges", []):
            if stretch["type"] == "ECOSYSTEM" and in_range(Version(version), stretch["events"]):
                return True
    return False


def audit_offline(database: Path) -> dict[str, object]:
    """The same report as pip-audit's JSON, from the advisory database's files."""
    dependencies: list[dict[str, object]] = []
    for name, version in locked_packages():
        found: list[dict[str, str]] = []
        for path in sorted((database / "vulns" / name).glob("*.yaml")):
            advisory = yaml.safe_load(path.read_text())
            try:
                hit = not advisory.get("withdrawn") and affects(advisory, name, version)
            except InvalidVersion:
                hit = False
            if hit:
                found.append({"id": advisory["id"]})
        dependencies.append({"name": name, "version": version, "vulns": found})
    return {"dependencies": dependencies}


def main() -> int:
    offline = len(sys.argv) == 3 and sys.argv[1] == "--advisories"
    report = audit_offline(Path(sys.argv[2])) if offline else run_pip_audit()
    source = "advisory database copy" if offline else "pip-audit"
    dependencies = list(report["dependencies"])  # type: ignore[call-overload]
    found = [
        (dependency["name"], dependency["version"], vulnerability["id"])
        for dependency in dependencies
        for vulnerability in dependency.get("vulns", [])
        if vulnerability["id"] not in ACCEPTED
    ]
    skipped = [dependency["name"] for dependency in dependencies if "skip_reason" in dependency]
    for name, version, advisory in found:
        print(f"VULNERABLE: {name} {version}: {advisory}")
    audited = len(dependencies) - len(skipped)
    print(
        f"{source}: {audited} of {len(dependencies)} locked packages audited, {len(found)} known vulnerabilities."
    )
    if skipped:
        print(
            f"Not audited ({len(skipped)}; the advisory database did not answer for them): "
            + ", ".join(skipped)
        )
    strict = os.environ.get("AUDIT_STRICT") == "1"
    return 1 if found or (skipped and strict) else 0


if __name__ == "__main__":
    raise SystemExit(main())
