"""The offline dependency audit reads PyPA's advisory database the way pip-audit reads PyPI's:
a locked version inside an advisory's affected range is reported and fails `make lint`."""

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "audit_dependencies.py"


def write_advisory(
    database: Path, package: str, advisory_id: str, events: list[dict[str, str]]
) -> None:
    folder = database / "vulns" / package
    folder.mkdir(parents=True, exist_ok=True)
    advisory = {
        "id": advisory_id,
        "affected": [
            {
                "package": {"name": package, "ecosystem": "PyPI"},
                "ranges": [{"type": "ECOSYSTEM", "events": events}],
            }
        ],
    }
    (folder / f"{advisory_id}.yaml").write_text(yaml.safe_dump(advisory))


def audit(database: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--advisories", str(database)],
        capture_output=True,
        text=True,
        check=False,
    )


def locked_version(package: str) -> str:
    lock = (SCRIPT.parent.parent / "requirements.lock").read_text()
    return next(
        line.split("==")[1] for line in lock.splitlines() if line.lower().startswith(f"{package}==")
    )


def test_a_locked_version_inside_an_advisory_range_fails_the_audit(tmp_path: Path) -> None:
    version = locked_version("django")
    major = version.split(".")[0]
    write_advisory(
        tmp_path, "django", "PYSEC-TEST-1", [{"introduced": f"{major}.0"}, {"fixed": "999.0"}]
    )
    done = audit(tmp_path)
    assert done.returncode == 1
    assert f"VULNERABLE: django {version}: PYSEC-TEST-1" in done.stdout


def test_a_version_at_or_after_the_fix_passes(tmp_path: Path) -> None:
    version = locked_version("django")
    write_advisory(tmp_path, "django", "PYSEC-TEST-2", [{"introduced": "0"}, {"fixed": version}])
    write_advisory(
        tmp_path, "django", "PYSEC-TEST-3", [{"introduced": "0"}, {"last_affected": "1.0"}]
    )
    done = audit(tmp_path)
    assert done.returncode == 0, done.stdout
    assert "0 known vulnerabilities" in done.stdout


def test_a_package_pinned_at_its_newest_release_is_audited_from_pypis_project_page(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    django_pin, numpy_pin = locked_version("django"), locked_version("numpy")
    skipped = {
        "dependencies": [
            {"name": "django", "skip_reason": "404"},
            {"name": "numpy", "skip_reason": "404"},
        ]
    }
    projects = {
        "django": {"info": {"version": django_pin}, "vulnerabilities": [{"id": "PYSEC-TEST-4"}]},
        "numpy": {"info": {"version": numpy_pin + ".post9"}, "vulnerabilities": []},
    }

    def project_page(url: str, timeout: int) -> io.BytesIO:
        return io.BytesIO(json.dumps(projects[url.split("/")[-2]]).encode())

    monkeypatch.setattr(module, "run_pip_audit", lambda: skipped)
    monkeypatch.setattr(module.urllib.request, "urlopen", project_page)
    monkeypatch.setattr(sys, "argv", ["audit_dependencies.py"])
    assert module.main() == 1
    printed = capsys.readouterr().out
    assert f"VULNERABLE: django {django_pin}: PYSEC-TEST-4" in printed
    assert "1 of 2 locked packages audited" in printed
    assert "Not audited (1; the advisory database did not answer for them): numpy" in printed
