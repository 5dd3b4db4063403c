"""The configured providers, as settings/oidc.py read them from the environment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import Http404

CITIZEN = "citizen"
EMPLOYEE = "employee"


@dataclass(frozen=True)
class Provider:
    name: str
    kind: str
    label: str
    client_id: str
    client_secret: str
    client_auth: str
    discovery_url: str
    claim: str
    scopes: str
    acr_values: tuple[str, ...]
    ui_locales: tuple[str, ...]
    sign_algorithms: tuple[str, ...]
    timeout: float
    verify_tls: bool | str
    logout_at_provider: bool

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> Provider:
        lists = ("acr_values", "ui_locales", "sign_algorithms")
        fields: dict[str, Any] = {k: tuple(v) if k in lists else v for k, v in values.items()}
        return cls(**fields)

    @property
    def is_citizen(self) -> bool:
        return self.kind == CITIZEN


def providers() -> list[Provider]:
    return [Provider.from_settings(values) for values in settings.VELFERD_OIDC_PROVIDERS.values()]


def provider(name: str) -> Provider:
    values = settings.VELFERD_OIDC_PROVIDERS.get(name)
    if values is None:
        raise Http404("No such login provider.")
    return Provider.from_settings(values)
