"""IMDi's requests to the municipalities from a CSV file: every line checked, every bad line
named in the error summary, nothing saved unless all are good, and a receipt of what was."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from velferd.access import policies
from velferd.core.decorators import refusals_as_pages
from velferd.core.errors import UNPROCESSABLE, DomainError
from velferd.core.forms import FormErrors

from .. import services
from ..services.requests import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from .common import logged_in, shown_year


def _line_errors(refused: services.RowsRejected) -> FormErrors:
    """The file's refusal beside the file field, then each bad line, as the summary lists
    them (a line is no field of the form: it is named in words)."""
    lines = len(refused.problems)
    whole = DomainError(
        code="invalid_file",
        field="file",
        message_nb=f"Filen ble ikke lagret: {lines} linje(r) har feil. Ingenting er lagret.",
        message_en=f"The file was not saved: {lines} line(s) have errors. Nothing was saved.",
    )
    each = [
        DomainError(
            code=p.code, message_nb=p.message_nb, message_en=p.message_en, status=UNPROCESSABLE
        )
        for p in refused.problems
    ]
    return FormErrors(whole, *each)


def _upload(request: HttpRequest) -> bytes:
    upload = request.FILES.get("file")
    if upload is None:
        raise DomainError(
            code="file_required",
            field="file",
            message_nb="Velg en fil.",
            message_en="Choose a file.",
        )
    return upload.read()


@refusals_as_pages
def requests_from_file(request: HttpRequest) -> HttpResponse:
    """IMDi's officer: a national one for any municipality, a regional one for those of
    their county."""
    actor = logged_in(request)
    policies.require(actor, policies.can_manage_settlement_round)
    year = shown_year(request)
    context: dict[str, Any] = {
        "year": year,
        "required_columns": REQUIRED_COLUMNS,
        "optional_columns": OPTIONAL_COLUMNS,
        "national": policies.allows(actor, policies.can_run_settlement_matching),
    }
    status = 200
    if request.method == "POST":
        try:
            context["saved"] = services.requests_import(
                actor=actor, year=year.year, data=_upload(request)
            )
        except services.RowsRejected as refused:
            context["errors"] = _line_errors(refused)
            status = UNPROCESSABLE
        except DomainError as refused:
            context["errors"] = FormErrors(refused)
            status = refused.status
    return render(request, "settlement/requests.html", context, status=status)
