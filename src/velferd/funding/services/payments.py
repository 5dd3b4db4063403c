"""The file of attested payments for the accounting system (the format:
docs/architecture.md, "The schemes' money"). Each attested payment goes into one file
only: making the file moves its claims to `exported` and keeps the file as it was sent."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.db import transaction

from velferd.access import policies
from velferd.access.actor import Actor
from velferd.audit import services as audit
from velferd.core.errors import CONFLICT
from velferd.core.validation import invalid

from ..lifecycles import CLAIM
from ..models import Claim, ClaimStatus, PaymentExport

EXPORT_HEADER = [
    "payment_id",
    "supplier_organisation_number",
    "bank_account",
    "amount_ore",
    "due_date",
    "reference",
    "commitment_number",
]


def _line(claim: Claim) -> list[str]:
    assert claim.commitment is not None and claim.due_on is not None
    return [
        str(claim.pk),
        claim.delivery.supplier.organisation_number,
        claim.bank_account,
        str(int(claim.amount * 100)),
        claim.due_on.isoformat(),
        claim.reference,
        claim.commitment.number,
    ]


def export_content(claims: list[Claim]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(EXPORT_HEADER)
    writer.writerows(_line(claim) for claim in claims)
    return out.getvalue()


@transaction.atomic
def payments_export(*, actor: Actor) -> PaymentExport:
    """Every attested payment the actor manages that is not yet in a file, in one file."""
    policies.require(actor, policies.can_manage_funding)
    claims = list(
        Claim.objects.select_for_update(of=("self",))
        .filter(policies.claims_managed(actor), status=ClaimStatus.APPROVED, export__isnull=True)
        .select_related("delivery", "delivery__supplier", "commitment")
        .order_by("due_on", "pk")
    )
    if not claims:
        raise invalid(
            "nothing_to_export",
            None,
            "Det finnes ingen attesterte utbetalinger som ikke er sendt.",
            "There are no attested payments not yet sent.",
            status=CONFLICT,
        )
    assert actor.user is not None
    export = PaymentExport.objects.create(
        created_by=actor.user,
        payments=len(claims),
        total=sum((claim.amount for claim in claims), Decimal("0.00")),
        content=export_content(claims),
    )
    move = CLAIM.move("export")
    for claim in claims:
        CLAIM.enter(claim, move)
    Claim.objects.filter(pk__in=[claim.pk for claim in claims]).update(
        status=ClaimStatus.EXPORTED, export=export
    )
    audit.record(
        actor=actor,
        action="payment_file.exported",
        target=export,
        after={
            "payments": [claim.pk for claim in claims],
            "total": str(export.total),
        },
    )
    return export
