"""Every way an OpenID Connect login is refused: a message for the person in both languages
and a reason for the operator's log. None of them is a failed password, so none counts
towards the password lockout (docs/architecture.md, "Login")."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.http import HttpRequest

from velferd.core.errors import BAD_REQUEST, FORBIDDEN, DomainError

BAD_GATEWAY = 502
logger = logging.getLogger("velferd.access.oidc")


@dataclass
class LoginRefusal(DomainError):
    reason: str = ""

    def log(self, request: HttpRequest, provider_name: str) -> None:
        logger.warning(
            "OIDC login refused: provider=%s code=%s status=%s address=%s reason=%s",
            provider_name,
            self.code,
            self.status,
            request.META.get("REMOTE_ADDR", ""),
            self.reason,
        )


def cancelled(description: str) -> LoginRefusal:
    return LoginRefusal(
        code="login_cancelled",
        message_nb="Du avbrøt innloggingen. Du er ikke logget inn.",
        message_en="You cancelled the login. You are not logged in.",
        status=FORBIDDEN,
        reason=f"the user denied at the provider (access_denied: {description})",
    )


def provider_error(error: str, description: str) -> LoginRefusal:
    return LoginRefusal(
        code="provider_error",
        message_nb="Innloggingstjenesten svarte med en feil. Prøv igjen om litt.",
        message_en="The login service answered with an error. Try again in a while.",
        status=BAD_GATEWAY,
        reason=f"the provider returned error={error!r} description={description!r}",
    )


def provider_unreachable(reason: str) -> LoginRefusal:
    return LoginRefusal(
        code="provider_unreachable",
        message_nb="Vi fikk ikke kontakt med innloggingstjenesten. Prøv igjen om litt.",
        message_en="We could not reach the login service. Try again in a while.",
        status=BAD_GATEWAY,
        reason=reason,
    )


def token_failed(reason: str) -> LoginRefusal:
    return LoginRefusal(
        code="token_request_failed",
        message_nb="Innloggingstjenesten godtok ikke velferd. Kontakt brukerstøtte.",
        message_en="The login service did not accept velferd. Contact user support.",
        status=BAD_GATEWAY,
        reason=f"the token endpoint refused (check the client id and secret): {reason}",
    )


def bad_state(reason: str) -> LoginRefusal:
    return LoginRefusal(
        code="login_expired",
        message_nb="Innloggingen var utløpt eller ugyldig. Start innloggingen på nytt.",
        message_en="The login had expired or was not valid. Start the login again.",
        status=BAD_REQUEST,
        reason=reason,
    )


def invalid_token(reason: str) -> LoginRefusal:
    return LoginRefusal(
        code="invalid_id_token",
        message_nb="Svaret fra innloggingstjenesten kunne ikke bekreftes. Prøv igjen.",
        message_en="The answer from the login service could not be verified. Try again.",
        status=BAD_REQUEST,
        reason=f"the ID token was refused: {reason}",
    )


def wrong_level(got: str, wanted: tuple[str, ...]) -> LoginRefusal:
    return LoginRefusal(
        code="security_level_too_low",
        message_nb="Du må logge inn med høyt sikkerhetsnivå (for eksempel BankID).",
        message_en="You must log in with a high security level (BankID, for example).",
        status=FORBIDDEN,
        reason=f"acr {got!r} is not one of {', '.join(wanted)}",
    )


def unknown_employee(reason: str) -> LoginRefusal:
    return LoginRefusal(
        code="unknown_employee",
        message_nb=(
            "Jobbkontoen din har ikke tilgang til velferd. Be en administrator om å gi deg tilgang."
        ),
        message_en=(
            "Your work account has no access to velferd. Ask an administrator to give you access."
        ),
        status=FORBIDDEN,
        reason=reason,
    )


def unknown_citizen(reason: str) -> LoginRefusal:
    return LoginRefusal(
        code="unknown_citizen",
        message_nb="Vi har ingen opplysninger om deg i velferd ennå.",
        message_en="We have no records about you in velferd yet.",
        status=FORBIDDEN,
        reason=reason,
    )


def deactivated(reason: str) -> LoginRefusal:
    return LoginRefusal(
        code="login_deactivated",
        message_nb="Innloggingen din i velferd er deaktivert. Kontakt en administrator.",
        message_en="Your login to velferd is deactivated. Contact an administrator.",
        status=FORBIDDEN,
        reason=reason,
    )
