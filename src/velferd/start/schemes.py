"""The scheme manager's and the supplier's sections, from the schemes selectors. The
supplier's section shows each supplier the login works for with its sub-units and contacts;
the boxes for its bids, agreements, deliveries and claims are added to SUPPLIER_BOXES by the
domains that hold them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.participants import selectors as participant_selectors
from velferd.schemes import selectors as scheme_selectors

from .base import Section

# A box of the supplier's section: its template (given `box`, the builder's context) and
# the builder, which takes the actor and the supplier. Shown in the order added.
SupplierBox = tuple[str, Callable[[Actor, Any], dict[str, Any]]]
SUPPLIER_BOXES: list[SupplierBox] = []


def scheme_manager(actor: Actor) -> Section:
    in_use = scheme_selectors.scheme_types_for(actor=actor, active=True).count()
    suppliers = scheme_selectors.suppliers_for(actor=actor).count()
    return Section(
        "start/_links.html",
        {
            "heading": _("Labour market schemes"),
            "intro": _("The catalogue of scheme types and the suppliers NAV buys them from."),
            "links": [
                (
                    reverse("schemes:catalogue"),
                    _("Scheme catalogue"),
                    _("%(count)s scheme types in use: texts, rules and price models.")
                    % {"count": in_use},
                ),
                (
                    reverse("schemes:supplier_list"),
                    _("Suppliers"),
                    _("%(count)s suppliers, their sub-units and contact persons.")
                    % {"count": suppliers},
                ),
                (
                    reverse("schemes:supplier_new"),
                    _("Register supplier"),
                    _("A new supplier by its organisation number."),
                ),
                (
                    reverse("schemes:agreement_list"),
                    _("Agreements"),
                    _("Agreements with suppliers: price, options, call-offs and deliveries."),
                ),
                (
                    reverse("schemes:delivery_list"),
                    pgettext_lazy("scheme", "Deliveries"),
                    _("The runs of schemes, their places and the offices that may enrol."),
                ),
                (
                    reverse("participants:places_overview"),
                    _("Places in labour market schemes"),
                    _("Places, occupied places and people waiting per county and office."),
                ),
            ],
        },
    )


def places(actor: Actor) -> Section:
    """The office roles find a place in a scheme for a person (the delivery catalogue); the
    office manager also sees the office's overview of places."""
    links = [
        (
            reverse("schemes:delivery_catalogue"),
            _("Find a place in a scheme"),
            _("Deliveries your office may enrol in, by scheme type and free places."),
        ),
    ]
    if policies.can_list_places_overview(actor):
        links.append(
            (
                reverse("participants:places_overview"),
                _("Places in labour market schemes"),
                _("Places, occupied places and people waiting at your office."),
            )
        )
    return Section(
        "start/_links.html", {"heading": _("Labour market schemes"), "intro": "", "links": links}
    )


def _agreements_box(actor: Actor, found: Any) -> dict[str, Any]:
    return {
        "agreements": scheme_selectors.agreements_for(
            actor=actor, supplier=found.organisation_number
        )[:5],
        "deliveries": scheme_selectors.deliveries_for(actor=actor, status="running").filter(
            supplier=found
        )[:5],
    }


SUPPLIER_BOXES.append(("start/_supplier_agreements.html", _agreements_box))


def _participants_box(actor: Actor, found: Any) -> dict[str, Any]:
    """The supplier's participants and its proposals waiting for NAV (every supplier the
    login works for together: the participants' pages list them by delivery)."""
    return {
        "participants": participant_selectors.participant_count(actor=actor),
        "pending": participant_selectors.pending_proposal_count(actor=actor),
    }


SUPPLIER_BOXES.append(("participants/supplier_start_box.html", _participants_box))


def supplier(actor: Actor) -> Section:
    own = [
        {
            "supplier": found,
            "units": list(scheme_selectors.units_of(found)),
            "contacts": list(scheme_selectors.contacts_of(found)),
            "boxes": [(template, build(actor, found)) for template, build in SUPPLIER_BOXES],
        }
        for found in scheme_selectors.own_suppliers(actor=actor)
    ]
    return Section("start/_supplier.html", {"suppliers": own})
