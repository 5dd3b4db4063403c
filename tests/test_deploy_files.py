"""The container image, the NAIS manifest and the compose file describe the topology that
make scale-demo runs: no container engine runs here, so they are read and checked."""

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def _documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _keys(mapping: dict[str, Any], *names: str) -> None:
    missing = [name for name in names if name not in mapping]
    assert not missing, f"missing {missing}"


class TestNaisManifest:
    def test_the_app_servers_are_probed_scraped_and_replicated(self) -> None:
        app = _documents(DEPLOY / "nais" / "app.yaml")[0]
        assert (app["apiVersion"], app["kind"]) == ("nais.io/v1alpha1", "Application")
        spec = app["spec"]
        _keys(spec, "image", "port", "ingresses", "replicas", "resources", "gcp", "envFrom")
        assert spec["liveness"]["path"] == "/health/live"
        assert spec["readiness"]["path"] == "/health/ready"
        assert spec["prometheus"] == {"enabled": True, "path": "/metrics"}
        assert spec["replicas"]["min"] >= 2
        _keys(spec["resources"], "requests", "limits")
        assert spec["gcp"]["sqlInstances"][0]["type"].startswith("POSTGRES_")
        assert spec["idporten"]["enabled"] and spec["azure"]["application"]["enabled"]
        settings = {e["name"]: e["value"] for e in spec["env"]}
        assert settings["DJANGO_SETTINGS_MODULE"] == "velferd.settings.production"

    def test_one_worker_runs_the_schedule(self) -> None:
        worker = _documents(DEPLOY / "nais" / "app.yaml")[1]
        assert worker["spec"]["command"] == ["velferd", "worker"]
        assert worker["spec"]["replicas"] == {"min": 1, "max": 1}
        assert "ingresses" not in worker["spec"]


class TestCompose:
    def test_the_topology_is_all_there(self) -> None:
        (compose,) = _documents(DEPLOY / "compose.yaml")
        services = compose["services"]
        _keys(services, "primary", "replica", "migrate", "app1", "app2", "worker", "nginx")
        assert "pg_basebackup" in services["replica"]["command"]
        assert "archive_mode=on" in services["primary"]["command"]
        for name in ("app1", "app2", "worker"):
            environment = services[name]["environment"]
            assert environment["REPLICA_URL"].startswith("postgres://")
            assert environment["DATABASE_URL"].startswith("postgres://")
        assert services["worker"]["command"] == ["velferd", "worker"]

    def test_the_mounted_files_exist_and_nginx_reaches_both_app_servers(self) -> None:
        (compose,) = _documents(DEPLOY / "compose.yaml")
        for service in compose["services"].values():
            for volume in service.get("volumes", []):
                source = volume.split(":")[0]
                if source.startswith("./"):
                    assert (DEPLOY / source).is_file(), source
        nginx = (DEPLOY / "nginx-compose.conf").read_text()
        assert re.findall(r"server (app\d):8080", nginx) == ["app1", "app2"]


def _balanced(text: str) -> bool:
    depth = 0
    for char in re.sub(r"#.*", "", text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def test_the_nginx_configurations_are_well_formed() -> None:
    for name in ("nginx.conf.in", "nginx-compose.conf"):
        text = (DEPLOY / name).read_text()
        assert _balanced(text), name
        assert "proxy_pass http://velferd;" in text
        assert "X-Request-ID $request_id" in text


def test_the_image_runs_gunicorn_as_a_plain_user_from_the_lock() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11", dockerfile, re.MULTILINE)
    assert "-r requirements.lock" in dockerfile
    assert re.search(r"^USER velferd$", dockerfile, re.MULTILINE)
    assert '"python:velferd.project.gunicorn_conf", "velferd.wsgi"' in dockerfile
    for copied in re.findall(r"^COPY (?!--)(.+) \S+$", dockerfile, re.MULTILINE):
        for source in copied.split():
            assert (ROOT / source).exists(), source
