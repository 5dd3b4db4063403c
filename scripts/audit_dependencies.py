"""Audit requirements.lock for known vulnerabilities (pip-audit, PyPI's advisory database).

Fails on any known vulnerability. A package the advisory database could not answer for (no
network, or the service refused the version's page) is named and counted; with
AUDIT_STRICT=1 that fails too, so a release build cannot pass unaudited.

    .venv/bin/python scripts/audit_dependencies.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def main() -> int:
    report = run_pip_audit()
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
        f"pip-audit: {audited} of {len(dependencies)} locked packages audited, {len(found)} known vulnerabilities."
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
