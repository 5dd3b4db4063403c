"""The allowed transitions of every employers record with a lifecycle, in one place, and
the coded reasons the closing moves need."""

from __future__ import annotations

from velferd.core.lifecycles import require_transition as require_transition

from .models import (
    CooperationReason,
    CooperationStatus,
    DeliveryStatus,
    SubsidyStatus,
    SubThemeStatus,
)

C = CooperationStatus
COOPERATION: dict[str, set[str]] = {
    C.TO_ASSESS: {C.ASSESSING},
    C.ASSESSING: {C.NOT_RELEVANT, C.ACTIVE},
    C.NOT_RELEVANT: set(),
    C.ACTIVE: {C.COMPLETED, C.CANCELLED},
    C.COMPLETED: set(),
    C.CANCELLED: set(),
}

R = CooperationReason
# The moves that need a coded reason, and the reasons that fit each.
REASONS: dict[str, tuple[str, ...]] = {
    C.NOT_RELEVANT: (
        R.NO_CAPACITY_NOW,
        R.TOO_FEW_LOST_WORKDAYS,
        R.ENTERPRISE_DECLINED,
        R.OTHER_SUPPORT_FITS_BETTER,
    ),
    C.CANCELLED: (
        R.ENTERPRISE_WITHDREW,
        R.ENTERPRISE_CEASED,
        R.NO_PROGRESS,
        R.NO_CAPACITY_NOW,
    ),
    C.COMPLETED: (R.GOALS_REACHED, R.AGREED_PERIOD_ENDED),
}

S = SubThemeStatus
SUB_THEME: dict[str, set[str]] = {
    S.PLANNED: {S.ONGOING, S.DONE, S.CANCELLED},
    S.ONGOING: {S.PLANNED, S.DONE, S.CANCELLED},
    S.DONE: {S.ONGOING},
    S.CANCELLED: {S.PLANNED},
}

D = DeliveryStatus
DELIVERY: dict[str, set[str]] = {
    D.PLANNED: {D.DELIVERED, D.CANCELLED},
    D.DELIVERED: {D.PLANNED},
    D.CANCELLED: {D.PLANNED},
}

G = SubsidyStatus
SUBSIDY: dict[str, set[str]] = {
    G.APPLIED: {G.UNDER_ASSESSMENT},
    G.UNDER_ASSESSMENT: {G.GRANTED, G.PARTLY_GRANTED, G.REFUSED},
    G.GRANTED: {G.PAID},
    G.PARTLY_GRANTED: {G.PAID},
    G.REFUSED: set(),
    G.PAID: set(),
}
