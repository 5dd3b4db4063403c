"""Writes for the schemes domain, a module per capability. Every write is one transaction
with its audit event. Other domains, the demo and the tests use this package:
`from velferd.schemes import services`."""

__all__: list[str] = []
from .agreements import (
    agreement_activate as agreement_activate,
    agreement_add_rate as agreement_add_rate,
    agreement_cancel as agreement_cancel,
    agreement_create as agreement_create,
    agreement_end as agreement_end,
    agreement_exercise_option as agreement_exercise_option,
)
from .awards import agreement_from_award as agreement_from_award
from .catalogue import load_catalogue as load_catalogue, scheme_type_change as scheme_type_change
from .deliveries import (
    delivery_cancel as delivery_cancel,
    delivery_create as delivery_create,
    delivery_end as delivery_end,
    delivery_start as delivery_start,
)
from .outcomes import (
    measurement_record as measurement_record,
    outcome_contract_create as outcome_contract_create,
    settlement as settlement,
)
from .places import (
    free_place as free_place,
    lock_deliveries as lock_deliveries,
    lock_delivery as lock_delivery,
    take_place as take_place,
    take_places as take_places,
    take_places_of as take_places_of,
)
from .suppliers import (
    contact_add as contact_add,
    contact_change as contact_change,
    contact_remove as contact_remove,
    supplier_change as supplier_change,
    supplier_register as supplier_register,
    unit_add as unit_add,
    unit_change as unit_change,
    unit_remove as unit_remove,
)
