"""The JSON API at /api/v1/: one ninja router per domain, one error shape for all."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from velferd.access.api import router as access_router
from velferd.assistance.api import router as assistance_router
from velferd.audit.api import router as audit_router
from velferd.core.errors import DomainError
from velferd.core.unavailable import unavailable_message, with_retry_after
from velferd.employers.api import router as employers_router
from velferd.enquiries.api import router as enquiries_router
from velferd.followup.api import router as followup_router
from velferd.funding.api import router as funding_router
from velferd.organisation.api import router as organisation_router
from velferd.participants.api import router as participants_router
from velferd.people.api import router as people_router
from velferd.procurement.api import router as procurement_router
from velferd.publications.api import router as publications_router
from velferd.results.api import router as results_router
from velferd.schemes.api import router as schemes_router
from velferd.settlement.api import router as settlement_router
from velferd.sickleave.api import router as sickleave_router

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="velferd API",
    version="1",
    description=(
        "The JSON API of velferd. Errors answer {code, message, field}: 400 malformed, "
        "401 not logged in, 403 not allowed, 404 unknown or hidden, 409 stale or conflicting, "
        "422 well-formed but invalid. Authenticate with a session (and CSRF token) or with "
        "`Authorization: Bearer <personal access token>`."
    ),
    urls_namespace="api",
)
api.add_router("/organisation/", organisation_router)
api.add_router("/access/", access_router)
api.add_router("/audit/", audit_router)
api.add_router("/people/", people_router)
api.add_router("/followup/", followup_router)
api.add_router("/enquiries", enquiries_router)
api.add_router("/publications", publications_router)
api.add_router("/employers/", employers_router)
api.add_router("/sickleave/", sickleave_router)
api.add_router("/schemes/", schemes_router)
api.add_router("/procurement/", procurement_router)
api.add_router("/funding/", funding_router)
api.add_router("/participants/", participants_router)
api.add_router("/results/", results_router)
api.add_router("/assistance/", assistance_router)
api.add_router("/settlement/", settlement_router)


def _error(
    request: HttpRequest, status: int, code: str, message: str, field: str | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": message, "field": field}, status=status
    )


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return _error(request, exc.status, exc.code, exc.message, exc.field)


def _field_of(location: list[object]) -> str | None:
    names = [str(part) for part in location if part not in ("body", "query", "path", "payload")]
    return ".".join(names) or None


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    if first.get("type") == "json_invalid":
        return _error(request, 400, "malformed_request", _("The request body is not valid JSON."))
    field = _field_of(list(first.get("loc", [])))
    detail = str(first.get("msg", ""))
    message = (
        _("Invalid value for %(field)s: %(detail)s") % {"field": field, "detail": detail}
        if field
        else _("Invalid input: %(detail)s") % {"detail": detail}
    )
    return _error(request, 422, "invalid_input", message, field)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "not_authenticated", _("Log in or give a valid access token."))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", _("Not found."))


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        return _error(request, 400, "malformed_request", _("The request body is not valid JSON."))
    code = "rate_limited" if exc.status_code == 429 else "http_error"
    return _error(request, exc.status_code, code, str(exc))


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def on_database_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.warning("Database unavailable in %s %s: %s", request.method, request.path, exc)
    return with_retry_after(_error(request, 503, "unavailable", unavailable_message()))


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("Unexpected error in %s %s", request.method, request.path)
    return _error(
        request, 500, "internal_error", _("Something went wrong on our side. Nothing was saved.")
    )
