"""The schemes domain's records. Other domains use them through `services` and `selectors`."""

from .agreements import (
    Agreement as Agreement,
    AgreementOption as AgreementOption,
    AgreementRate as AgreementRate,
    AgreementStatus as AgreementStatus,
    NationalRate as NationalRate,
    PriceModel as PriceModel,
)
from .catalogue import (
    ArrangedAs as ArrangedAs,
    SchemeType as SchemeType,
)
from .deliveries import (
    Delivery as Delivery,
    DeliveryOffice as DeliveryOffice,
    DeliveryStatus as DeliveryStatus,
    EnrolmentMode as EnrolmentMode,
)
from .outcomes import (
    OutcomeContract as OutcomeContract,
    OutcomeMeasurement as OutcomeMeasurement,
    OutcomeMetric as OutcomeMetric,
)
from .suppliers import (
    Supplier as Supplier,
    SupplierContact as SupplierContact,
    SupplierKind as SupplierKind,
    SupplierUnit as SupplierUnit,
)
