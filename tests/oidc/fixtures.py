"""The test provider (tests/oidc/provider.mjs) as pytest fixtures: one provider process per
test session (per pytest-xdist worker, each on its own free port), its clients pointing at
that session's live server."""

from __future__ import annotations

import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from velferd.settings.oidc import providers_from_environment

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT / "tests" / "oidc" / "provider.mjs"
SECRETS = {"idporten": "idporten-test-secret", "entra": "entra-test-secret"}


@dataclass(frozen=True)
class RunningProvider:
    issuer: str

    def environment(self, **overrides: str) -> dict[str, str]:
        env = {"VELFERD_OIDC_PROVIDERS": "idporten,entra"}
        for name, secret in SECRETS.items():
            prefix = f"VELFERD_OIDC_{name.upper()}_"
            env |= {
                f"{prefix}CLIENT_ID": f"velferd-{name}",
                f"{prefix}CLIENT_SECRET": secret,
                f"{prefix}DISCOVERY_URL": self.issuer,
                f"{prefix}TIMEOUT": "5",
            }
        return env | overrides

    def providers(self, **overrides: str) -> dict[str, dict[str, Any]]:
        return providers_from_environment(self.environment(**overrides))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_ready(process: subprocess.Popen[str], log: Path) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != "ready":
        process.kill()
        raise RuntimeError(f"the test OIDC provider did not start: {log.read_text()}")


@pytest.fixture(scope="session")
def oidc_provider(live_server: Any) -> Iterator[RunningProvider]:
    port = _free_port()
    with tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False) as log:
        process = subprocess.Popen(
            ["node", str(SCRIPT), str(port), str(live_server.url)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    try:
        _wait_until_ready(process, Path(log.name))
        yield RunningProvider(issuer=f"http://127.0.0.1:{port}")
    finally:
        process.terminate()
        process.wait(timeout=10)
        Path(log.name).unlink(missing_ok=True)


@pytest.fixture
def oidc_site(demo_site: str, oidc_provider: RunningProvider, settings: Any) -> str:
    """The demo site with both test providers configured, ID-porten-like and Entra-like."""
    settings.VELFERD_OIDC_PROVIDERS = oidc_provider.providers()
    return demo_site
