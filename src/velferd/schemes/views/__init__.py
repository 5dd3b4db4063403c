"""The schemes pages, a module per capability."""

from .agreements import agreement, agreement_list
from .catalogue import catalogue, catalogue_edit, catalogue_type
from .deliveries import delivery, delivery_catalogue, delivery_list
from .outcomes import outcome_contract
from .suppliers import (
    contact_form,
    supplier,
    supplier_edit,
    supplier_list,
    supplier_mine,
    supplier_new,
    unit_form,
)

__all__: list[str] = [
    "agreement",
    "agreement_list",
    "catalogue",
    "catalogue_edit",
    "catalogue_type",
    "contact_form",
    "delivery",
    "delivery_catalogue",
    "delivery_list",
    "outcome_contract",
    "supplier",
    "supplier_edit",
    "supplier_list",
    "supplier_mine",
    "supplier_new",
    "unit_form",
]
