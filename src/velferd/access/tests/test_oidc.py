"""OpenID Connect without the provider: the settings read from the environment, the claims
that find a user, the security level, and the back-channel endpoint refusing what is not a
valid logout token."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from velferd.access import services
from velferd.access.actor import system_actor
from velferd.access.models import User
from velferd.access.oidc.accounts import user_for_claims
from velferd.access.oidc.backend import OIDCBackend
from velferd.access.oidc.config import Provider
from velferd.access.oidc.refusals import LoginRefusal
from velferd.audit.models import AuditEvent
from velferd.people.tests.factories import a_person, citizen_of
from velferd.settings.oidc import providers_from_environment, proxy_ssl_header

BOTH = {
    "VELFERD_OIDC_PROVIDERS": "idporten, entra",
    "VELFERD_OIDC_IDPORTEN_CLIENT_ID": "velferd",
    "VELFERD_OIDC_IDPORTEN_CLIENT_SECRET": "s1",
    "VELFERD_OIDC_IDPORTEN_DISCOVERY_URL": "https://idporten.no",
    "VELFERD_OIDC_ENTRA_CLIENT_ID": "velferd-ansatte",
    "VELFERD_OIDC_ENTRA_CLIENT_SECRET": "s2",
    "VELFERD_OIDC_ENTRA_DISCOVERY_URL": "https://login.microsoftonline.com/t/v2.0/",
}


def _provider(name: str, **overrides: str) -> Provider:
    return Provider.from_settings(providers_from_environment(BOTH | overrides)[name])


class TestSettings:
    def test_both_providers_are_read_with_their_usual_claims_and_levels(self) -> None:
        read = providers_from_environment(BOTH)
        assert list(read) == ["idporten", "entra"]
        assert read["idporten"]["kind"] == "citizen" and read["idporten"]["claim"] == "pid"
        assert read["idporten"]["acr_values"] == ["idporten-loa-high"]
        assert read["entra"]["kind"] == "employee" and read["entra"]["claim"] == "oid"
        assert read["entra"]["acr_values"] == []
        assert read["entra"]["discovery_url"] == (
            "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration"
        )

    def test_timeouts_tls_client_authentication_and_logout_are_configuration(self) -> None:
        read = providers_from_environment(
            BOTH
            | {
                "VELFERD_OIDC_ENTRA_TIMEOUT": "3.5",
                "VELFERD_OIDC_ENTRA_CA_BUNDLE": "/etc/ssl/nav.pem",
                "VELFERD_OIDC_ENTRA_CLIENT_AUTH": "client_secret_basic",
                "VELFERD_OIDC_ENTRA_LOGOUT_AT_PROVIDER": "0",
                "VELFERD_OIDC_IDPORTEN_UI_LOCALES": "nb nn en",
            }
        )
        assert read["entra"]["timeout"] == 3.5
        assert read["entra"]["verify_tls"] == "/etc/ssl/nav.pem"
        assert read["entra"]["client_auth"] == "client_secret_basic"
        assert read["entra"]["logout_at_provider"] is False
        assert read["idporten"]["ui_locales"] == ["nb", "nn", "en"]

    @pytest.mark.parametrize(
        ("change", "named"),
        [
            ({"VELFERD_OIDC_ENTRA_CLIENT_SECRET": ""}, "VELFERD_OIDC_ENTRA_CLIENT_SECRET"),
            ({"VELFERD_OIDC_ENTRA_DISCOVERY_URL": "http://idp"}, "https://"),
            ({"VELFERD_OIDC_ENTRA_TIMEOUT": "soon"}, "seconds"),
            ({"VELFERD_OIDC_ENTRA_VERIFY_TLS": "maybe"}, "VELFERD_OIDC_ENTRA_VERIFY_TLS"),
            ({"VELFERD_OIDC_ENTRA_CLIENT_AUTH": "none"}, "client_secret_post"),
            ({"VELFERD_OIDC_PROVIDERS": "entra,feide"}, "VELFERD_OIDC_FEIDE_KIND"),
            ({"VELFERD_OIDC_IDPORTEN_SCOPES": "profile"}, "openid"),
        ],
    )
    def test_a_mistake_stops_the_start_naming_the_variable(
        self, change: dict[str, str], named: str
    ) -> None:
        with pytest.raises(ImproperlyConfigured, match=named):
            providers_from_environment(BOTH | change)

    def test_no_providers_means_no_oidc_login(self) -> None:
        assert providers_from_environment({}) == {}

    def test_the_proxy_header_is_configuration(self) -> None:
        assert proxy_ssl_header({}) is None
        assert proxy_ssl_header({"VELFERD_PROXY_SSL_HEADER": "X-Forwarded-Proto"}) == (
            "HTTP_X_FORWARDED_PROTO",
            "https",
        )


class TestSecurityLevel:
    def _backend(self, **overrides: str) -> OIDCBackend:
        return _bare(_provider("idporten", **overrides))

    def test_the_level_asked_for_is_let_in(self) -> None:
        self._backend().check_level({"acr": "idporten-loa-high"})

    @pytest.mark.parametrize("acr", ["idporten-loa-substantial", None])
    def test_a_lower_or_missing_level_is_refused(self, acr: Any) -> None:
        with pytest.raises(LoginRefusal) as refused:
            self._backend().check_level({"acr": acr} if acr else {})
        assert refused.value.code == "security_level_too_low"
        assert refused.value.status == 403

    def test_employees_need_no_level_unless_configured(self) -> None:
        _bare(_provider("entra")).check_level({})


def _bare(provider: Provider) -> OIDCBackend:
    backend = OIDCBackend()
    backend.provider = provider
    return backend


@pytest.mark.django_db
class TestClaims:
    def test_a_citizen_is_found_by_pid_as_their_persons_login(self) -> None:
        ola = a_person(given_name="Ola", family_name="Pidsen")
        citizen_of(ola, "ola-pidsen")
        user = user_for_claims(_provider("idporten"), {"pid": ola.national_id, "sub": "x"})
        assert user.username == "ola-pidsen"

    def test_a_citizen_without_a_login_gets_one_at_first_login(self) -> None:
        kari = a_person(given_name="Kari", family_name="Førstegang")
        user = user_for_claims(_provider("idporten"), {"pid": kari.national_id})
        kari.refresh_from_db()
        assert kari.user == user and user.full_name == "Kari Førstegang"
        assert not user.has_usable_password()
        assert [a.role for a in user.role_assignments.all()] == ["citizen"]
        assert AuditEvent.objects.filter(action="person.user_linked").exists()
        assert user_for_claims(_provider("idporten"), {"pid": kari.national_id}) == user

    @pytest.mark.parametrize("pid", ["", "123", "not-a-number"])
    def test_a_pid_that_is_no_identity_number_is_refused(self, pid: str) -> None:
        with pytest.raises(LoginRefusal) as refused:
            user_for_claims(_provider("idporten"), {"pid": pid})
        assert refused.value.code == "unknown_citizen"

    def test_an_employee_is_found_by_oid_never_by_name_or_email(self) -> None:
        veileder = User.objects.get(username="veileder")
        services.user_set_employee_object_id(
            actor=system_actor("tests"), user=veileder, object_id="abc-123"
        )
        entra = _provider("entra")
        assert user_for_claims(entra, {"oid": "abc-123"}) == veileder
        before = User.objects.count()
        with pytest.raises(LoginRefusal) as refused:
            user_for_claims(entra, {"oid": "other", "preferred_username": "veileder"})
        assert refused.value.code == "unknown_employee"
        assert User.objects.count() == before

    def test_a_deactivated_employee_is_refused(self) -> None:
        veileder = User.objects.get(username="veileder")
        veileder.employee_object_id = "abc-123"
        veileder.is_active = False
        veileder.save()
        with pytest.raises(LoginRefusal) as refused:
            user_for_claims(_provider("entra"), {"oid": "abc-123"})
        assert refused.value.code == "login_deactivated"


@pytest.mark.django_db
def test_the_back_channel_refuses_a_missing_logout_token(settings: Any) -> None:
    settings.VELFERD_OIDC_PROVIDERS = providers_from_environment(BOTH)
    answer = Client().post("/oidc/idporten/backchannel-logout/", {})
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_request"


@pytest.mark.django_db
def test_an_unknown_provider_is_not_found(settings: Any) -> None:
    settings.VELFERD_OIDC_PROVIDERS = providers_from_environment(BOTH)
    assert Client().get("/oidc/feide/login/").status_code == 404


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.django_db
def test_an_unreachable_provider_is_a_page_saying_so_not_a_server_error(
    settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    unreachable = f"http://127.0.0.1:{_closed_port()}"
    settings.VELFERD_OIDC_PROVIDERS = providers_from_environment(
        BOTH | {"VELFERD_OIDC_ENTRA_DISCOVERY_URL": unreachable, "VELFERD_OIDC_ENTRA_TIMEOUT": "2"}
    )
    answer = Client().get("/oidc/entra/login/", HTTP_ACCEPT_LANGUAGE="nb")
    assert answer.status_code == 502
    assert "Vi fikk ikke kontakt med innloggingstjenesten" in answer.content.decode()
    assert "provider=entra code=provider_unreachable" in caplog.text


@pytest.mark.django_db
def test_a_forged_logout_token_ends_no_session(settings: Any) -> None:
    unreachable = f"http://127.0.0.1:{_closed_port()}"
    settings.VELFERD_OIDC_PROVIDERS = providers_from_environment(
        BOTH | {"VELFERD_OIDC_IDPORTEN_DISCOVERY_URL": unreachable}
    )
    answer = Client().post("/oidc/idporten/backchannel-logout/", {"logout_token": "a.b.c"})
    assert answer.status_code == 400
