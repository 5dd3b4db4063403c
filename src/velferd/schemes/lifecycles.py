"""The lifecycles of agreements and deliveries, declared once: the table of allowed
transitions and, beside it, the moves — the name pages and the API use, the state it goes
to, the audit event it writes and its guard (velferd.core.lifecycles). The services run the
moves (services/agreements.py, services/deliveries.py); the API's and the pages' moves and
the `unknown_action` refusal are derived from these declarations."""

from __future__ import annotations

from typing import Any

from velferd.core import lifecycles
from velferd.core.errors import CONFLICT
from velferd.core.lifecycles import Lifecycle, Move
from velferd.core.validation import invalid

from .models import AgreementStatus, DeliveryStatus, PriceModel

AGREED_PRICE_MODELS = (
    PriceModel.AGREED_MONTHLY,
    PriceModel.AGREED_WEEKLY,
    PriceModel.AGREED_HOURLY,
)


def priced(agreement: Any) -> None:
    """An agreement with an agreed price model is activated only once it has a rate; an
    outcome-based one once its outcome contract is written (409 otherwise)."""
    if agreement.price_model in AGREED_PRICE_MODELS and not agreement.rates.exists():
        raise invalid(
            "rate_required",
            "rates",
            "Avtalen må ha en avtalt pris før den kan aktiveres.",
            "The agreement needs an agreed price before it can be activated.",
            status=CONFLICT,
        )
    if agreement.price_model == PriceModel.OUTCOME_BASED and not _has_contract(agreement):
        raise invalid(
            "outcome_contract_required",
            "outcome_contract",
            "Avtalen må ha en resultatkontrakt før den kan aktiveres.",
            "The agreement needs an outcome contract before it can be activated.",
            status=CONFLICT,
        )


def _has_contract(agreement: Any) -> bool:
    from .models import OutcomeContract

    return OutcomeContract.objects.filter(agreement=agreement).exists()


def agreement_in_force(delivery: Any) -> None:
    """A delivery starts only under an active agreement (409 otherwise)."""
    if delivery.agreement.status != AgreementStatus.ACTIVE:
        raise invalid(
            "agreement_not_active",
            "agreement",
            "Gjennomføringen kan bare starte når avtalen er aktiv.",
            "The delivery can only start while its agreement is active.",
            status=CONFLICT,
        )


A = AgreementStatus
AGREEMENT = Lifecycle(
    AgreementStatus,
    {
        A.DRAFT: {A.ACTIVE, A.CANCELLED},
        A.ACTIVE: {A.ENDED, A.CANCELLED},
        A.ENDED: set(),
        A.CANCELLED: set(),
    },
    # Cancelling takes a reason in words (kept on the agreement and in the audit trail).
    moves=(
        Move("activate", A.ACTIVE, "scheme_agreement.activated", guard=priced),
        Move("end", A.ENDED, "scheme_agreement.ended"),
        Move("cancel", A.CANCELLED, "scheme_agreement.cancelled", inputs=("reason",)),
    ),
)

D = DeliveryStatus
DELIVERY = Lifecycle(
    DeliveryStatus,
    {
        D.PLANNED: {D.RUNNING, D.CANCELLED},
        D.RUNNING: {D.ENDED, D.CANCELLED},
        D.ENDED: set(),
        D.CANCELLED: set(),
    },
    moves=(
        Move("start", D.RUNNING, "scheme_delivery.started", guard=agreement_in_force),
        Move("end", D.ENDED, "scheme_delivery.ended"),
        Move("cancel", D.CANCELLED, "scheme_delivery.cancelled", inputs=("reason",)),
    ),
)


def allowed(lifecycle: Lifecycle, state: str) -> list[lifecycles.Move]:
    """The moves the table allows from `state`, in the order they are declared."""
    return [move for move in lifecycle.moves if move.target in lifecycle[state]]


def register_labels() -> None:
    """The labels of the agreements' and deliveries' codes and audit events (called by the
    app once it is ready)."""
    from django.utils.translation import gettext_lazy as _

    from velferd.core.labels import AUDIT_EVENTS, AUDIT_RECORDS, register_choices

    from .models import EnrolmentMode, OutcomeMetric
    from .models.outcomes import MeasurementStatus

    register_choices("agreement_status", AgreementStatus)
    register_choices("delivery_status", DeliveryStatus)
    register_choices("enrolment_mode", EnrolmentMode)
    register_choices("outcome_metric", OutcomeMetric)
    register_choices("measurement_status", MeasurementStatus)
    AUDIT_RECORDS.update(
        {
            "scheme_agreement": _("Scheme agreement"),
            "scheme_delivery": _("Scheme delivery"),
            "outcome_contract": _("Outcome contract"),
            "outcome_measurement": _("Outcome measurement"),
        }
    )
    AUDIT_EVENTS.update({"rate_added": _("rate added"), "option_exercised": _("option exercised")})
