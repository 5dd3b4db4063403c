"""The sick-leave API, at /api/v1/sickleave/: the import (administrators), one enterprise
against its groups, the groups themselves (aggregates), the advisors' prioritisation list
and the IW centres' results."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS
from velferd.core.constraints import CountyNumber, OrganisationNumber
from velferd.core.errors import DomainError
from velferd.core.pagination import paginate

from . import selectors, services
from .schemas import (
    ComparisonOut,
    GroupKey,
    GroupKindValue,
    GroupListOut,
    GroupStatisticsOut,
    ImportOut,
    ImportRejectedOut,
    PriorityListOut,
    PriorityParams,
    ResultsOut,
)

router = Router(tags=["sickleave"])

IMPORT_BODY = {
    "requestBody": {
        "description": (
            "The statistics file: as multipart/form-data (field `file`), as the raw CSV "
            "(text/csv), or as JSON {filename, content}. Columns: "
            + ";".join(services.COLUMNS)
            + "; optional: "
            + ";".join(services.DURATION_COLUMNS)
        ),
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "filename": {"type": "string"},
                        "content": {"type": "string"},
                    },
                    "required": ["content"],
                }
            },
        },
    }
}


def _figure(figure: selectors.Figure | None) -> dict[str, Any] | None:
    return figure.as_dict() if figure is not None else None


def _series(figures: dict[str, selectors.Figure | None]) -> dict[str, Any]:
    return {name: _figure(f) for name, f in figures.items()}


def _uploaded(request: HttpRequest) -> tuple[bytes, str]:
    upload = request.FILES.get("file")
    if upload is not None:
        return upload.read(), upload.name or ""
    content_type = request.content_type or ""
    if content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
            return str(body["content"]).encode(), str(body.get("filename", ""))[:200]
        except (ValueError, KeyError, TypeError):
            pass
    elif content_type in ("text/csv", "text/plain"):
        return request.body, ""
    raise DomainError(
        code="file_required",
        field="file",
        status=400,
        message_nb="Send filen som «file» (multipart), som text/csv eller som JSON {content}.",
        message_en="Send the file as “file” (multipart), as text/csv or as JSON {content}.",
    )


@router.post(
    "/imports",
    response={
        201: ImportOut,
        422: ImportRejectedOut,
        **{k: v for k, v in ERRORS.items() if k != 422},
    },
    auth=AUTH,
    openapi_extra=IMPORT_BODY,
)
def import_statistics(request: HttpRequest) -> Any:
    """Import a quarterly statistics file, all rows or none. 422 lists every bad line."""
    actor = actor_of(request)
    from velferd.access import policies

    policies.require(actor, policies.can_import_sick_leave_statistics)
    data, filename = _uploaded(request)
    try:
        report = services.statistics_import(actor=actor, data=data, filename=filename)
    except services.ImportRejected as refused:
        return Status(422, refused.as_dict())
    return Status(
        201,
        {
            "id": report.record.pk,
            "filename": report.record.filename,
            "sha256": report.record.sha256,
            "rows": report.rows,
            "created": report.created,
            "changed": report.changed,
            "unchanged": report.unchanged,
            "quarters": [p.as_dict() for p in report.quarters],
        },
    )


@router.get(
    "/enterprises/{organisation_number}", response={200: ComparisonOut, **ERRORS}, auth=AUTH
)
def enterprise_comparison(request: HttpRequest, organisation_number: OrganisationNumber) -> Any:
    """One enterprise against its industry programme (if in one), industry (NACE division),
    sector, county and the country: the last quarter, the last four quarters and every
    quarter."""
    found = selectors.enterprise_comparison(
        actor=actor_of(request), organisation_number=organisation_number
    )
    return {
        "organisation_number": found.enterprise.organisation_number,
        "name": found.enterprise.name,
        "groups": {
            name: {"kind": g.kind, "key": g.key, "label": g.label}
            for name, g in found.groups.items()
        },
        "latest_quarter": found.latest.as_dict() if found.latest else None,
        "last_quarter": _series(found.last_quarter),
        "four_quarters": _series(found.four_quarters),
        "history": [{**row.period.as_dict(), **_series(row.figures)} for row in found.history],
    }


@router.get("/groups/{kind}", response={200: GroupListOut, **ERRORS}, auth=AUTH)
def list_groups(request: HttpRequest, kind: GroupKindValue) -> Any:
    """Every industry, sector, county or industry programme (or the country) over the last
    four quarters."""
    found = selectors.groups(actor=actor_of(request), kind=kind)
    return {
        "items": [
            {"kind": g.kind, "key": g.key, "label": g.label, "four_quarters": f.as_dict()}
            for g, f in found
        ],
        "count": len(found),
    }


@router.get("/groups/{kind}/{key}", response={200: GroupStatisticsOut, **ERRORS}, auth=AUTH)
def group_statistics(request: HttpRequest, kind: GroupKindValue, key: GroupKey) -> Any:
    """One group: the last quarter, the last four quarters and every quarter, beside the
    country."""
    found = selectors.group_statistics(actor=actor_of(request), kind=kind, key=key)
    return {
        "kind": found.group.kind,
        "key": found.group.key,
        "label": found.group.label,
        "latest_quarter": found.latest.as_dict() if found.latest else None,
        "last_quarter": _figure(found.last_quarter),
        "four_quarters": _figure(found.four_quarters),
        "country_four_quarters": _figure(found.country_four_quarters),
        "history": [
            {**p.as_dict(), "group": _figure(g), "country": _figure(c)} for p, g, c in found.history
        ],
    }


def filters_of(params: PriorityParams) -> selectors.PriorityFilters:
    return selectors.PriorityFilters(
        county=params.county,
        min_percentage=params.min_percentage,
        max_percentage=params.max_percentage,
        min_lost_workdays=params.min_lost_workdays,
        min_employees=params.min_employees,
        max_employees=params.max_employees,
        industry=params.industry,
        programme=params.programme,
        sector=params.sector,
        municipality=params.municipality,
        cooperation_status=params.cooperation_status,
        sort=params.sort,
    )


@router.get("/priorities", response={200: PriorityListOut, **ERRORS}, auth=AUTH)
def priorities(request: HttpRequest, params: Query[PriorityParams]) -> Any:
    """The enterprises of the advisor's county by their lost workdays (the default) or by the
    workdays that could be saved."""
    found = selectors.priorities(actor=actor_of(request), filters=filters_of(params))
    page = paginate(found, page=params.page, page_size=params.page_size)
    return {"items": selectors.priority_rows(page.items), "count": page.count}


@router.get("/results", response={200: ResultsOut, **ERRORS}, auth=AUTH)
def results(request: HttpRequest, county: CountyNumber | None = None) -> Any:
    """Sick leave before and during the cooperation for the enterprises an IW centre serves
    (advisors: their county; analysts: any county, or the country without `county`)."""
    found = selectors.iw_results(actor=actor_of(request), county=county or None)
    return {
        "county": found.county.number if found.county else None,
        "enterprises": found.enterprises,
        "before": _figure(found.before),
        "during": _figure(found.during),
        "quarters": [{"offset": n, "figure": _figure(f)} for n, f in found.relative],
    }
