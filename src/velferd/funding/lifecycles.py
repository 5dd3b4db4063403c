"""The funding records with a lifecycle, declared once (velferd.core.lifecycles): a
commitment and a month's claim. The services run the moves, one service per move; the
API's routes and the pages' buttons come from these declarations.

A commitment: proposed (awaiting approval) → approved by another person, or returned with
a reason; a returned one is proposed again after a change; an approved one may be annulled
with a reason, which frees its budget. A claim: open (calculated, or to be entered by the
supplier) → submitted by the supplier → attested by NAV, or returned with a reason to the
supplier, who submits it again; an attested one is sent for payment in a file."""

from __future__ import annotations

from velferd.core.lifecycles import Lifecycle, Move

from .models import ClaimStatus, CommitmentStatus

T = CommitmentStatus
COMMITMENT = Lifecycle(
    CommitmentStatus,
    {
        T.TO_APPROVE: {T.APPROVED, T.RETURNED},
        T.RETURNED: {T.TO_APPROVE},
        T.APPROVED: {T.ANNULLED},
        T.ANNULLED: set(),
    },
    moves=(
        Move("approve", T.APPROVED, "commitment.approved"),
        Move("return", T.RETURNED, "commitment.returned", inputs=("reason",)),
        Move("resubmit", T.TO_APPROVE, "commitment.resubmitted"),
        Move("annul", T.ANNULLED, "commitment.annulled", inputs=("reason",)),
    ),
)

C = ClaimStatus
CLAIM = Lifecycle(
    ClaimStatus,
    {
        C.OPEN: {C.SUBMITTED},
        C.SUBMITTED: {C.APPROVED, C.RETURNED},
        C.RETURNED: {C.SUBMITTED},
        C.APPROVED: {C.EXPORTED},
        C.EXPORTED: set(),
    },
    moves=(
        Move("submit", C.SUBMITTED, "claim.submitted", inputs=("bank_account",)),
        Move("approve", C.APPROVED, "claim.approved"),
        Move("return", C.RETURNED, "claim.returned", inputs=("reason",)),
        Move("export", C.EXPORTED, "claim.exported"),
    ),
)
