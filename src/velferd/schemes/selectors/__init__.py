"""Reading the schemes domain, as far as the reader may see, a module per capability.
Other domains (procurement, funding) use this package: `from velferd.schemes import
selectors`."""

from . import agreements, deliveries, funding_support, outcomes
from .agreements import *  # noqa: F403
from .catalogue import (
    LIX_WARN_ABOVE as LIX_WARN_ABOVE,
    may_edit_catalogue as may_edit_catalogue,
    scheme_type_for as scheme_type_for,
    scheme_type_on_record as scheme_type_on_record,
    scheme_types_for as scheme_types_for,
    sees_staff_texts as sees_staff_texts,
)
from .deliveries import *  # noqa: F403
from .funding_support import *  # noqa: F403
from .outcomes import *  # noqa: F403
from .places import (
    deliveries_counted as deliveries_counted,
    deliveries_with_free_places as deliveries_with_free_places,
    delivery_by_id as delivery_by_id,
    delivery_office_ids as delivery_office_ids,
)
from .suppliers import (
    contact_of as contact_of,
    contacts_of as contacts_of,
    may_list_suppliers as may_list_suppliers,
    own_suppliers as own_suppliers,
    staff_of as staff_of,
    supplier_for as supplier_for,
    supplier_on_record as supplier_on_record,
    suppliers_for as suppliers_for,
    unit_of as unit_of,
    units_of as units_of,
)

__all__: list[str] = [
    *funding_support.__all__,
    *agreements.__all__,
    *deliveries.__all__,
    *outcomes.__all__,
]
