"""What the agreement, delivery and outcome tests build on: the demo scheme manager of Oslo
(tiltaksforvalter), a scheme type allowing the agreed and outcome-based price models, a
supplier, and a draft or active agreement made through the services."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from velferd.access.actor import Actor
from velferd.core.testing import login_actor
from velferd.schemes import services
from velferd.schemes.models import Agreement, PriceModel

from .factories import a_scheme_type, a_supplier

START = datetime.date(2026, 1, 1)
END = datetime.date(2027, 12, 31)
ALL_MODELS = [str(v) for v in PriceModel.values]


def manager() -> Actor:
    return login_actor("tiltaksforvalter")


def a_draft(actor: Actor | None = None, **fields: Any) -> Agreement:
    """A draft agreement in Oslo through the service (agreed monthly price, no rate)."""
    scheme_type = fields.pop("scheme_type", None) or a_scheme_type(price_models=ALL_MODELS)
    values: dict[str, Any] = {
        "supplier": fields.pop("supplier", None) or a_supplier(),
        "scheme_type": scheme_type,
        "name": "Oppfølging i Oslo",
        "starts_on": START,
        "ends_on": END,
        "price_model": PriceModel.AGREED_MONTHLY,
        "counties": ["03"],
    }
    values.update(fields)
    return services.agreement_create(actor=actor or manager(), **values)


def an_active(actor: Actor | None = None, **fields: Any) -> Agreement:
    """An active agreement with an agreed monthly rate of 21 500 kr."""
    fields.setdefault("rates", [(START, Decimal("21500.00"))])
    agreement = a_draft(actor, **fields)
    return services.agreement_activate(
        actor=actor or manager(), agreement=agreement, version=agreement.version
    )
