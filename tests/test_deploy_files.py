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


NAIS_VARIABLES = {  # what NAV's deploy action fills in, as a cluster's file would give them
    "image": "europe-north1-docker.pkg.dev/nais-management/velferd/velferd:2026.12.06",
    "ingress": "https://velferd.intern.nav.no",
    "host": "velferd.intern.nav.no",
    "sql_tier": "db-custom-2-7680",
    "caseworker_group": "5d4f3c2b-1a09-4e8d-9c7b-6a5f4e3d2c1b",
    "idporten_host": "idporten.no",
}
SETTINGS = ROOT / "src" / "velferd" / "settings"
PROJECT = ROOT / "src" / "velferd" / "project"


def _nais() -> list[dict[str, Any]]:
    text = (DEPLOY / "nais" / "app.yaml").read_text()
    used = set(re.findall(r"\{\{ (\w+) \}\}", text))
    assert used <= set(NAIS_VARIABLES), f"no example value for {used - set(NAIS_VARIABLES)}"
    for name, value in NAIS_VARIABLES.items():
        text = text.replace(f"{{{{ {name} }}}}", value)
    return [doc for doc in yaml.safe_load_all(text) if doc]


def _variables_read() -> set[str]:
    """The environment variables the production settings, gunicorn and the metrics read."""
    sources = [*SETTINGS.glob("*.py"), PROJECT / "gunicorn_conf.py", PROJECT / "metrics.py"]
    text = "\n".join(path.read_text() for path in sources)
    read = set(re.findall(r'"((?:VELFERD|PROMETHEUS)_[A-Z0-9_]+)"', text))
    # DATABASE_URL is read by dj_database_url.config(); REPLICA_URL by name.
    return read | {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REPLICA_URL"}


def _required_by_production() -> set[str]:
    text = (SETTINGS / "production.py").read_text()
    return set(re.findall(r'os\.environ\["(\w+)"\]', text)) | {"DATABASE_URL"}


def _in_the_secret(app: dict[str, Any]) -> set[str]:
    """The variables the manifest says its secret holds (the comment above `- secret:`)."""
    text = (DEPLOY / "nais" / "app.yaml").read_text()
    comment = re.search(r"envFrom:\n((?:\s*#.*\n)+)\s*- secret: velferd", text)
    assert comment, "the secret's variables are not named"
    assert {"secret": "velferd"} in app["spec"]["envFrom"]
    # VELFERD_OIDC_* names the providers' variables, VELFERD_OIDC_<NAME>_<SETTING>.
    named = set(re.findall(r"[A-Z][A-Z0-9_]{3,}\*?", comment.group(1)))
    return {"VELFERD_OIDC_PROVIDERS" if name == "VELFERD_OIDC_*" else name for name in named}


class TestNaisManifest:
    """Checked against NAIS's Application resource (nais.io/v1alpha1, the CRD of
    nais/liberator): its required and typed fields, and what the app relies on."""

    def test_both_are_nais_applications_of_the_team(self) -> None:
        for doc in _nais():
            assert (doc["apiVersion"], doc["kind"]) == ("nais.io/v1alpha1", "Application")
            metadata = doc["metadata"]
            assert re.fullmatch(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?", metadata["name"])
            assert metadata["namespace"] == metadata["labels"]["team"] == "velferd"
            spec = doc["spec"]
            assert spec["image"].startswith("europe-north1-docker.pkg.dev/")
            assert 1 <= spec["replicas"]["min"] <= spec["replicas"]["max"]
            requests, limits = spec["resources"]["requests"], spec["resources"]["limits"]
            assert re.fullmatch(r"\d+m", requests["cpu"])
            assert re.fullmatch(r"\d+[MG]i", requests["memory"])
            assert re.fullmatch(r"\d+[MG]i", limits["memory"])

    def test_the_app_servers_are_probed_and_scraped_where_the_app_answers(self) -> None:
        from velferd.project.health import CHECKS

        spec = _nais()[0]["spec"]
        assert spec["port"] == 8080  # gunicorn_conf's default bind, the image's EXPOSE
        assert {spec["liveness"]["path"], spec["readiness"]["path"]} == set(CHECKS)
        assert spec["liveness"]["path"] == "/health/live"
        assert spec["readiness"]["path"] == "/health/ready"
        assert spec["prometheus"] == {"enabled": True, "path": "/metrics"}
        assert spec["replicas"]["min"] >= 2
        assert all(url.startswith("https://") for url in spec["ingresses"])

    def test_the_database_is_the_app_servers_own_postgresql_instance(self) -> None:
        app, worker = _nais()
        (instance,) = app["spec"]["gcp"]["sqlInstances"]
        assert re.fullmatch(r"POSTGRES_1[5-8]", instance["type"])
        assert re.fullmatch(r"db-.+", instance["tier"])
        assert instance["pointInTimeRecovery"] and instance["highAvailability"]
        assert [db["name"] for db in instance["databases"]] == ["velferd"]
        # A second Application naming the database `velferd` would get no database.
        assert "gcp" not in worker["spec"]

    def test_the_login_clients_fit_what_the_platform_allows(self) -> None:
        spec = _nais()[0]["spec"]
        # NAIS's ID-porten comes only with its login sidecar; the app runs the login itself.
        assert "idporten" not in spec or spec["idporten"]["sidecar"]["enabled"]
        assert spec["azure"]["application"]["enabled"]
        hosts = {rule["host"] for rule in spec["accessPolicy"]["outbound"]["external"]}
        assert {"login.microsoftonline.com", "idporten.no"} <= hosts

    def test_every_variable_set_is_read_and_every_one_required_is_given(self) -> None:
        read = _variables_read()
        for doc in _nais():
            given = {item["name"]: item.get("value") for item in doc["spec"].get("env", [])}
            assert set(given) <= read, f"set but never read: {set(given) - read}"
            assert given["DJANGO_SETTINGS_MODULE"] == "velferd.settings.production"
            secret = _in_the_secret(doc)
            assert secret <= read, f"in the secret but never read: {secret - read}"
            missing = _required_by_production() - set(given) - secret
            assert not missing, f"production requires {missing}"

    def test_the_app_servers_add_up_their_processes_metrics(self) -> None:
        app, worker = _nais()
        given = {item["name"]: item["value"] for item in app["spec"]["env"]}
        assert given["PROMETHEUS_MULTIPROC_DIR"].startswith("/tmp/")
        assert "PROMETHEUS_MULTIPROC_DIR" not in {item["name"] for item in worker["spec"]["env"]}

    def test_one_worker_runs_the_schedule(self) -> None:
        worker = _nais()[1]
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
