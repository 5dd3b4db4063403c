"""Agreements: the list and page of an agreement (its rates, options, call-offs and
deliveries), creating one, adding a rate, exercising an option and the moves of its
lifecycle."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Query, Status

from velferd.access import policies
from velferd.access.api_auth import AUTH, actor_of
from velferd.core.api import ERRORS, PageParams
from velferd.core.errors import not_found
from velferd.core.pagination import paginate

from .. import lifecycles, selectors
from ..models import Agreement, AgreementStatus, PriceModel, SchemeType, Supplier
from ..schemas_agreements import (
    AgreementDetailOut,
    AgreementList,
    AgreementMove,
    AgreementStatusFilter,
    ExerciseIn,
    RateAddIn,
    SchemeAgreementIn,
    SchemeMoveIn,
    SchemeTypeFilter,
    SupplierFilter,
)
from ..services import agreements as services
from .router import router


def operation(function: str) -> str:
    return f"velferd_schemes_api_{function}"


def agreement_out(agreement: Agreement) -> dict[str, Any]:
    return {
        "id": agreement.pk,
        "number": agreement.number,
        "name": agreement.name,
        "supplier": agreement.supplier.organisation_number,
        "supplier_name": agreement.supplier.name,
        "scheme_type": agreement.scheme_type.code,
        "scheme_type_name": agreement.scheme_type.name,
        "starts_on": agreement.starts_on,
        "ends_on": agreement.ends_on,
        "price_model": agreement.price_model,
        "price_model_label": gettext(str(PriceModel(agreement.price_model).label)),
        "status": agreement.status,
        "status_label": gettext(str(AgreementStatus(agreement.status).label)),
        "status_reason": agreement.status_reason,
        "is_framework": agreement.is_framework,
        "framework_id": agreement.framework_id,
        "counties": sorted(c.pk for c in agreement.counties.all()),
        "offices": sorted(o.unit_number for o in agreement.offices.all()),
        "version": agreement.version,
    }


def agreement_detail_out(request: HttpRequest, agreement: Agreement) -> dict[str, Any]:
    actor = actor_of(request)
    return {
        **agreement_out(agreement),
        "rates": selectors.rates_of(agreement),
        "national_rates": selectors.national_rate_of(agreement),
        "options": selectors.options_of(agreement),
        "call_offs": [a.pk for a in selectors.call_offs(actor, agreement)],
        "deliveries": list(
            selectors.deliveries_visible_of(actor, agreement).values_list("pk", flat=True)
        ),
        "moves": [m.name for m in lifecycles.allowed(lifecycles.AGREEMENT, agreement.status)],
    }


def _agreement(request: HttpRequest, agreement_id: int) -> Agreement:
    return selectors.agreement_for(actor=actor_of(request), agreement_id=agreement_id)


@router.get(
    "/agreements",
    response={200: AgreementList, **ERRORS},
    auth=AUTH,
    operation_id=operation("list_agreements"),
)
def list_agreements(
    request: HttpRequest,
    paging: Query[PageParams],
    status: AgreementStatusFilter = "",
    scheme_type: SchemeTypeFilter = "",
    supplier: SupplierFilter = "",
) -> Any:
    """Scheme managers: the agreements of their counties (national ones: all); supplier
    staff: their own."""
    found = selectors.agreements_for(
        actor=actor_of(request), status=status, scheme_type=scheme_type, supplier=supplier
    ).prefetch_related("counties", "offices")
    page = paginate(found, page=paging.page, page_size=paging.page_size)
    return {"items": [agreement_out(a) for a in page.items], "count": page.count}


def _supplier(number: str) -> Supplier:
    found = selectors.supplier_on_record(number)
    if found is None:
        raise not_found(f"leverandør {number}", f"supplier {number}", field="supplier")
    return found


def _scheme_type(code: str) -> SchemeType:
    found = selectors.scheme_type_on_record(code)
    if found is None:
        raise not_found(f"tiltakstype {code}", f"scheme type {code}", field="scheme_type")
    return found


def _framework(request: HttpRequest, framework_id: int | None) -> Agreement | None:
    if framework_id is None:
        return None
    return selectors.agreement_for(actor=actor_of(request), agreement_id=framework_id)


@router.post(
    "/agreements",
    response={201: AgreementDetailOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("create_agreement"),
)
def create_agreement(request: HttpRequest, payload: SchemeAgreementIn) -> Any:
    """A draft agreement, by a scheme manager of a county it covers (or a national one)."""
    actor = actor_of(request)
    policies.require(actor, policies.can_create_agreement, payload.counties)
    agreement = services.agreement_create(
        actor=actor,
        supplier=_supplier(payload.supplier),
        scheme_type=_scheme_type(payload.scheme_type),
        name=payload.name,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        price_model=payload.price_model,
        counties=payload.counties,
        offices=payload.offices,
        is_framework=payload.is_framework,
        framework=_framework(request, payload.framework_id),
        options=payload.options,
        rates=[(r.valid_from, r.amount) for r in payload.rates],
        signed_on=payload.signed_on,
    )
    return Status(201, agreement_detail_out(request, _agreement(request, agreement.pk)))


@router.get(
    "/agreements/{agreement_id}",
    response={200: AgreementDetailOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("get_agreement"),
)
def get_agreement(request: HttpRequest, agreement_id: int) -> Any:
    return agreement_detail_out(request, _agreement(request, agreement_id))


@router.post(
    "/agreements/{agreement_id}/moves/{move}",
    response={200: AgreementDetailOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("move_agreement"),
)
def move_agreement(
    request: HttpRequest, agreement_id: int, move: AgreementMove, payload: SchemeMoveIn
) -> Any:
    """activate (an agreed price model needs a rate), end, cancel (with a reason); 409 for
    a move the status does not allow or a stale version."""
    found = _agreement(request, agreement_id)
    chosen = lifecycles.AGREEMENT.move(move)
    given = {"reason": payload.reason} if "reason" in chosen.inputs else {}
    lifecycles.AGREEMENT.service_for(chosen.name)(
        actor=actor_of(request), agreement=found, version=payload.version, **given
    )
    return agreement_detail_out(request, _agreement(request, agreement_id))


@router.post(
    "/agreements/{agreement_id}/rates",
    response={200: AgreementDetailOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("add_agreement_rate"),
)
def add_agreement_rate(request: HttpRequest, agreement_id: int, payload: RateAddIn) -> Any:
    services.agreement_add_rate(
        actor=actor_of(request),
        agreement=_agreement(request, agreement_id),
        version=payload.version,
        valid_from=payload.valid_from,
        amount=payload.amount,
    )
    return agreement_detail_out(request, _agreement(request, agreement_id))


@router.post(
    "/agreements/{agreement_id}/options/{number}/exercise",
    response={200: AgreementDetailOut, **ERRORS},
    auth=AUTH,
    operation_id=operation("exercise_agreement_option"),
)
def exercise_agreement_option(
    request: HttpRequest, agreement_id: int, number: int, payload: ExerciseIn
) -> Any:
    """The agreement's end date moves to the option's date."""
    services.agreement_exercise_option(
        actor=actor_of(request),
        agreement=_agreement(request, agreement_id),
        version=payload.version,
        number=number,
        on=payload.exercised_on or timezone.localdate(),
    )
    return agreement_detail_out(request, _agreement(request, agreement_id))
