"""What the procurement domain reads of the schemes: the scheme types it runs competitions
for and their price models, and the suppliers that bid (by organisation number)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext

from ..models import PriceModel, SchemeType, Supplier, SupplierKind


def procurable_scheme_types() -> QuerySet[SchemeType]:
    """The scheme types in use that NAV buys from suppliers."""
    return SchemeType.objects.filter(is_active=True).exclude(price_models=[]).order_by("code")


def scheme_type_by_code(code: str) -> SchemeType | None:
    return SchemeType.objects.filter(code=code).first()


def price_model_label(code: str) -> str:
    """The price model's label in the reader's language (the code when unknown)."""
    try:
        return gettext(str(PriceModel(code).label))
    except ValueError:
        return code


def price_model_choices(scheme_type: Any) -> list[tuple[str, str]]:
    """The price models a scheme type's agreements may use, with their labels."""
    return [(code, price_model_label(code)) for code in scheme_type.price_models]


def supplier_by_organisation_number(number: str) -> Supplier | None:
    return Supplier.objects.filter(organisation_number=number, is_active=True).first()


def suppliers_by_organisation_numbers(numbers: set[str]) -> QuerySet[Supplier]:
    return Supplier.objects.filter(organisation_number__in=numbers, is_active=True)


def is_sheltered(supplier: Any) -> bool:
    """A work and inclusion enterprise: the only kind that may bid in a reserved
    competition."""
    return bool(supplier.kind == SupplierKind.SHELTERED)


def supplier_kind_label(supplier: Any) -> str:
    return gettext(str(SupplierKind(supplier.kind).label))
