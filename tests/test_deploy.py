"""The production settings pass Django's deployment checks, with and without OIDC."""

import os
import secrets
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "velferd.settings.production",
    "VELFERD_SECRET_KEY": secrets.token_urlsafe(50),
    "VELFERD_PSEUDONYM_KEY": secrets.token_urlsafe(32),
    "VELFERD_ALLOWED_HOSTS": "velferd.example.no",
}
OIDC_ENV = {
    "VELFERD_OIDC_PROVIDERS": "idporten,entra",
    "VELFERD_OIDC_IDPORTEN_CLIENT_ID": "velferd",
    "VELFERD_OIDC_IDPORTEN_CLIENT_SECRET": "secret-from-the-vault",
    "VELFERD_OIDC_IDPORTEN_DISCOVERY_URL": "https://idporten.no",
    "VELFERD_OIDC_ENTRA_CLIENT_ID": "velferd-ansatte",
    "VELFERD_OIDC_ENTRA_CLIENT_SECRET": "another-secret-from-the-vault",
    "VELFERD_OIDC_ENTRA_DISCOVERY_URL": (
        "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    ),
    "VELFERD_PROXY_SSL_HEADER": "X-Forwarded-Proto",
}


def _deploy_check(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **PRODUCTION_ENV, **extra}
    for name in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("extra", [{}, OIDC_ENV], ids=["local login", "oidc"])
def test_production_settings_pass_the_deploy_check(extra: dict[str, str]) -> None:
    result = _deploy_check(extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _deploy_check({"VELFERD_SECRET_KEY": ""})
    assert result.returncode != 0


def test_production_refuses_to_start_without_a_pseudonym_key() -> None:
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "VELFERD_PSEUDONYM_KEY"}
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy"],
        env={
            **{k: v for k, v in os.environ.items() if k != "VELFERD_PSEUDONYM_KEY"},
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "VELFERD_PSEUDONYM_KEY" in result.stderr


def test_the_demo_server_shows_no_debug_page_to_anyone() -> None:
    """`make run` serves whoever reaches it: an error must give the plain error page, not
    Django's debug page with the settings, the code and the URL map."""
    script = (
        "import django, os;"
        "os.environ['DJANGO_SETTINGS_MODULE']='velferd.settings.dev';"
        "django.setup();"
        "from django.test import Client;"
        "r=Client().get('/no-such-page/', HTTP_HOST='127.0.0.1');"
        "from django.conf import settings;"
        "print(settings.DEBUG, r.status_code, b'URLconf' in r.content)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split()[-3:] == ["False", "404", "False"]
