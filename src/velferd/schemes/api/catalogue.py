"""The catalogue of scheme types: everyone logged in reads it (citizens the description
written for them), scheme managers change it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS

from .. import selectors, services
from ..models import SchemeType
from ..schemas import (
    ArrangedAsFilter,
    SchemeCode,
    SchemeTypeList,
    SchemeTypeOut,
    SchemeTypePatch,
)
from .router import router

# What a citizen reads of a type (as on nav.no); staff read every field.
CITIZEN_FIELDS = {
    "code",
    "arena_code",
    "name_nb",
    "name_en",
    "arranged_as",
    "is_active",
    "for_citizens_nb",
    "for_citizens_en",
    "citizens_lix",
    "version",
}


def scheme_type_out(scheme_type: SchemeType, staff: bool) -> dict[str, Any]:
    return {
        name: getattr(scheme_type, name) if staff or name in CITIZEN_FIELDS else None
        for name in SchemeTypeOut.model_fields
    }


@router.get(
    "/types",
    response={200: SchemeTypeList, **ERRORS},
    auth=AUTH,
    operation_id="velferd_schemes_api_list_scheme_types",
)
def list_scheme_types(
    request: HttpRequest,
    q: str = "",
    arranged_as: ArrangedAsFilter = "",
    active: bool | None = None,
) -> Any:
    """The catalogue by name in the reader's language; filter by how a type is arranged,
    whether it is in use, and a part of its name or code."""
    actor = actor_of(request)
    found = selectors.scheme_types_for(actor=actor, arranged_as=arranged_as, active=active, query=q)
    staff = selectors.sees_staff_texts(actor)
    items = [scheme_type_out(scheme_type, staff) for scheme_type in found]
    return {"items": items, "count": len(items)}


@router.get(
    "/types/{code}",
    response={200: SchemeTypeOut, **ERRORS},
    auth=AUTH,
    operation_id="velferd_schemes_api_get_scheme_type",
)
def get_scheme_type(request: HttpRequest, code: SchemeCode) -> Any:
    actor = actor_of(request)
    found = selectors.scheme_type_for(actor=actor, code=code)
    return scheme_type_out(found, selectors.sees_staff_texts(actor))


@router.patch(
    "/types/{code}",
    response={200: SchemeTypeOut, **ERRORS},
    auth=AUTH,
    operation_id="velferd_schemes_api_change_scheme_type",
)
def change_scheme_type(request: HttpRequest, code: SchemeCode, payload: SchemeTypePatch) -> Any:
    """Scheme managers only. `version` is the type's version as read; a stale one is 409."""
    actor = actor_of(request)
    found = selectors.scheme_type_for(actor=actor, code=code)
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version")
    changed = services.scheme_type_change(
        actor=actor, scheme_type=found, version=version, **changes
    )
    return scheme_type_out(changed, True)
