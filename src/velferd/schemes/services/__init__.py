"""Writes for the schemes domain, a module per capability. Every write is one transaction
with its audit event. Other domains, the demo and the tests use this package:
`from velferd.schemes import services`."""

__all__: list[str] = []
from .awards import agreement_from_award as agreement_from_award
from .catalogue import load_catalogue as load_catalogue
from .catalogue import scheme_type_change as scheme_type_change
from .suppliers import contact_add as contact_add
from .suppliers import contact_change as contact_change
from .suppliers import contact_remove as contact_remove
from .suppliers import supplier_change as supplier_change
from .suppliers import supplier_register as supplier_register
from .suppliers import unit_add as unit_add
from .suppliers import unit_change as unit_change
from .suppliers import unit_remove as unit_remove
