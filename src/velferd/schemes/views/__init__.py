"""The schemes pages, a module per capability."""

from .catalogue import catalogue, catalogue_edit, catalogue_type
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
    "catalogue",
    "catalogue_edit",
    "catalogue_type",
    "contact_form",
    "supplier",
    "supplier_edit",
    "supplier_list",
    "supplier_mine",
    "supplier_new",
    "unit_form",
]
