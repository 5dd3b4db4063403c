"""The schemes domain's records. Other domains use them through `services` and `selectors`."""

from .agreements import (
    Agreement as Agreement,
)
from .agreements import (
    AgreementOption as AgreementOption,
)
from .agreements import (
    AgreementRate as AgreementRate,
)
from .agreements import (
    AgreementStatus as AgreementStatus,
)
from .agreements import (
    NationalRate as NationalRate,
)
from .agreements import (
    PriceModel as PriceModel,
)
from .catalogue import (
    ArrangedAs as ArrangedAs,
)
from .catalogue import (
    SchemeType as SchemeType,
)
from .deliveries import (
    Delivery as Delivery,
)
from .deliveries import (
    DeliveryOffice as DeliveryOffice,
)
from .deliveries import (
    DeliveryStatus as DeliveryStatus,
)
from .deliveries import (
    EnrolmentMode as EnrolmentMode,
)
from .outcomes import (
    OutcomeContract as OutcomeContract,
)
from .outcomes import (
    OutcomeMeasurement as OutcomeMeasurement,
)
from .outcomes import (
    OutcomeMetric as OutcomeMetric,
)
from .suppliers import (
    Supplier as Supplier,
)
from .suppliers import (
    SupplierContact as SupplierContact,
)
from .suppliers import (
    SupplierKind as SupplierKind,
)
from .suppliers import (
    SupplierUnit as SupplierUnit,
)
