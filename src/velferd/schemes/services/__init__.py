"""Writes for the schemes domain, a module per capability. Every write is one transaction
with its audit event. Other domains, the demo and the tests use this package:
`from velferd.schemes import services`."""

__all__: list[str] = []
from .agreements import agreement_activate as agreement_activate
from .agreements import agreement_add_rate as agreement_add_rate
from .agreements import agreement_cancel as agreement_cancel
from .agreements import agreement_create as agreement_create
from .agreements import agreement_end as agreement_end
from .agreements import agreement_exercise_option as agreement_exercise_option
from .awards import agreement_from_award as agreement_from_award
from .catalogue import load_catalogue as load_catalogue
from .catalogue import scheme_type_change as scheme_type_change
from .deliveries import delivery_cancel as delivery_cancel
from .deliveries import delivery_create as delivery_create
from .deliveries import delivery_end as delivery_end
from .deliveries import delivery_start as delivery_start
from .outcomes import measurement_record as measurement_record
from .outcomes import outcome_contract_create as outcome_contract_create
from .outcomes import settlement as settlement
from .places import free_place as free_place
from .places import lock_delivery as lock_delivery
from .places import take_place as take_place
from .places import take_places as take_places
from .suppliers import contact_add as contact_add
from .suppliers import contact_change as contact_change
from .suppliers import contact_remove as contact_remove
from .suppliers import supplier_change as supplier_change
from .suppliers import supplier_register as supplier_register
from .suppliers import unit_add as unit_add
from .suppliers import unit_change as unit_change
from .suppliers import unit_remove as unit_remove
