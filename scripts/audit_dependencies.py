"""Audit requirements.lock for known vulnerabilities (pip-audit, PyPI's advisory database).

Fails on any known vulnerability. A package the advisory database could not answer for (no
network, or the service refused the version's page) is named and counted; with
AUDIT_STRICT=1 that fails too, so a release build cannot pass unaudited.

Where PyPI answers only for a project's newest release (its page per version refused), a
package pinned at that newest release is audited from that page's vulnerabilities. Where
PyPI's advisory service cannot be reached at all, a copy of PyPA's advisory database
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
import urllib.request
from concurrent.futures import ThreadPoolExecutor
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


def newest_release_vulnerabilities(name: str, version: str) -> list[dict[str, str]] | None:
    """The vulnerabilities PyPI lists for the project's newest release, when that release is
    the pinned one; None when it is not, or PyPI does not answer."""
    try:
        with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=20) as answer:
            project = json.load(answer)
    except (OSError, ValueError):
        return None
    if project["info"]["version"] != version:
        return None
    return [{"id": vulnerability["id"]} for vulnerability in project.get("vulnerabilities", [])]


def audit_skipped_from_newest_release(dependencies: list[dict[str, object]]) -> None:
    pins = dict(locked_packages())
    skipped = [dependency for dependency in dependencies if "skip_reason" in dependency]
    names = [str(dependency["name"]) for dependency in skipped]
    with ThreadPoolExecutor(8) as pool:
        answers = pool.map(lambda name: newest_release_vulnerabilities(name, pins[name]), names)
    for dependency, vulnerabilities in zip(skipped, answers, strict=True):
        if vulnerabilities is not None:
            del dependency["skip_reason"]
            dependency.update(version=pins[str(dependency["name"])], vulns=vulnerabilities)


def main() -> int:
    offline = len(sys.argv) == 3 and sys.argv[1] == "--advisories"
    report = audit_offline(Path(sys.argv[2])) if offline else run_pip_audit()
    source = "advisory database copy" if offline else "pip-audit"
    dependencies = list(report["dependencies"])  # type: ignore[call-overload]
    if not offline:
        audit_skipped_from_newest_release(dependencies)
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
