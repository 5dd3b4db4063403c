"""What a user reads in place of a code: the label of a coded value that is no model field's
choice (a partner service in a plan, an event of the audit trail), and an amount in kroner as
Norwegians write it. The templates use them through `{% load display %}`:

    {{ member.service|label:"partner_service" }}     Fastlege
    {{ event.action|label:"audit_action" }}          Tilskudd: innvilget
    {{ subsidy.amount_applied|kr }}                  85 000,00 kr

A code without a label is shown as it is, so that the walk of every page
(tests/test_display_labels.py) finds it and it gets one.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

NO_BREAK_SPACE = "\xa0"

# Choices defined in a domain, registered by the domain when it is ready (core imports no
# domain): kind → the choices.
CHOICES: dict[str, type[TextChoices]] = {}

# Codes that are no model field's choice.
EXTRA: dict[str, dict[str, Promise]] = {"partner_service": {"nav": _("NAV")}}

# The audit trail's events, `<record>.<event>`: the kind of record, and what happened to it.
AUDIT_RECORDS: dict[str, Promise] = {
    "access_request": _("Access request"),
    "activity": _("Activity"),
    "activity_requirement": _("Activity requirement"),
    "agency": _("Agency"),
    "agreement": _("Partnership agreement"),
    "api_token": _("API token"),
    "appeal": _("Appeal"),
    "assessment": _("Needs assessment"),
    "benefit": _("Benefit"),
    "budget": _("Budget"),
    "consent": _("Consent"),
    "cooperation": _("IW cooperation"),
    "county": _("County"),
    "delivery": _("Delivery"),
    "department": _("Department"),
    "enquiry": _("Enquiry"),
    "enterprise": _("Enterprise"),
    "expert_assistance": _("Expert assistance"),
    "individual_plan": _("Individual plan"),
    "iwcentre": _("IW centre"),
    "journal_entry": _("Journal entry"),
    "letter": _("Letter"),
    "message": _("Message"),
    "ministry": _("Ministry"),
    "municipality": _("Municipality"),
    "office": _("Office"),
    "period": _("Follow-up period"),
    "person": _("Person"),
    "publication": _("Publication"),
    "publication_ministry": _("Publishing ministry"),
    "qualification": _("Qualification programme"),
    "reminder_note": _("Reminder note"),
    "role": _("Role"),
    "matching_run": _("Matching run"),
    "settlement_case": _("Settlement case"),
    "settlement_decision": _("Settlement decision"),
    "settlement_proposal": _("Settlement proposal"),
    "settlement_request": _("Settlement request"),
    "settlement_year": _("Settlement year"),
    "saved_filter": _("Saved filter"),
    "servicetype": _("Service type"),
    "sick_leave_statistics": _("Sick-leave statistics"),
    "sub_theme": _("Sub-theme"),
    "subsidy": _("Subsidy"),
    "survey": _("Survey"),
    "thread": _("Conversation"),
    "topic": _("Topic"),
    "user": _("User"),
}
AUDIT_EVENTS: dict[str, Promise] = {
    "accepted": _("accepted"),
    "declined": _("declined"),
    "excluded": _("ruled out"),
    "expired": _("expired"),
    "locked": _("locked"),
    "settled": _("settled"),
    "unlocked": _("unlocked"),
    "activated": _("activated"),
    "added": _("added"),
    "address_protection_lowered": _("address protection lowered"),
    "answered": _("answered"),
    "applied": _("applied for"),
    "appealed": _("appealed"),
    "assessed": _("assessed"),
    "assessing": _("being assessed"),
    "assigned": _("assigned"),
    "cancelled": _("cancelled"),
    "changed": _("changed"),
    "closed": _("closed"),
    "commented": _("commented"),
    "completed": _("completed"),
    "contact_person_assigned": _("contact person assigned"),
    "created": _("created"),
    "deferred": _("deferred"),
    "deleted": _("deleted"),
    "ended": _("ended"),
    "given": _("given"),
    "granted": _("granted"),
    "imported": _("imported"),
    "loaded": _("loaded"),
    "measure_added": _("measure added"),
    "measure_done": _("measure done"),
    "member_added": _("service added"),
    "member_removed": _("service removed"),
    "opened": _("opened"),
    "paid": _("paid"),
    "partly_granted": _("partly granted"),
    "provisional_reply_sent": _("provisional reply sent"),
    "read": _("read"),
    "received": _("received"),
    "recorded": _("recorded"),
    "registered": _("registered"),
    "registration_forwarded": _("registration forwarded"),
    "rerouted": _("sent to another department"),
    "revoked": _("revoked"),
    "saved": _("saved"),
    "sent": _("sent"),
    "skipped": _("skipped"),
    "started": _("started"),
    "status_changed": _("status changed"),
    "submitted": _("submitted for approval"),
    "transferred": _("transferred"),
    "under_assessment": _("under assessment"),
    "updated": _("updated"),
    "user_linked": _("linked to a login"),
    "waiting_changed": _("waiting status changed"),
    "withdrawn": _("withdrawn"),
}


def register_choices(kind: str, choices: type[TextChoices]) -> None:
    """Let `{{ code|label:kind }}` show the labels of a domain's choices."""
    CHOICES[kind] = choices


def _choices(kind: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    if kind in CHOICES:
        labels.update((value, str(text)) for value, text in CHOICES[kind].choices)
    labels.update((code, str(text)) for code, text in EXTRA.get(kind, {}).items())
    return labels


def audit_action_label(action: str) -> str:
    """`subsidy.granted` as «Tilskudd: innvilget»; an event without labels as it is."""
    record, _dot, event = action.partition(".")
    if record not in AUDIT_RECORDS or event not in AUDIT_EVENTS:
        return action
    return f"{AUDIT_RECORDS[record]}: {AUDIT_EVENTS[event]}"


def label(code: object, kind: str) -> str:
    """The label of a code of a kind; the code itself when it has none."""
    text = "" if code is None else str(code)
    if kind == "audit_action":
        return audit_action_label(text)
    return _choices(kind).get(text, text)


def kroner(amount: object) -> str:
    """An amount as Norwegians write it, with a no-break space between the thousands and a
    decimal comma: 85 000,00 kr. Anything that is not a number is shown as it is."""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return str(amount)
    grouped = f"{value:,.2f}".replace(",", NO_BREAK_SPACE).replace(".", ",")
    return f"{grouped} kr"
