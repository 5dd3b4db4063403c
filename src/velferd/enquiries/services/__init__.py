"""Writes for the Ministry's enquiries, a module per capability: enquiries (received,
routed, assigned, answered, the provisional reply, closed), access requests (the appeal)
and the public mail journal. Every write is one transaction with its audit event. Other
domains, the demo and the tests use this package: `from velferd.enquiries import services`."""

from ..working_days import add_working_days
from .access_requests import access_request_appeal
from .enquiries import (
    enquiry_assign,
    enquiry_close,
    enquiry_provisional_reply,
    enquiry_reply,
    enquiry_reroute,
    enquiry_submit,
)
from .journal import (
    journal_entry_record,
    journal_entry_set_exemption,
    screen_names,
)

__all__ = [
    "access_request_appeal",
    "add_working_days",
    "enquiry_assign",
    "enquiry_close",
    "enquiry_provisional_reply",
    "enquiry_reply",
    "enquiry_reroute",
    "enquiry_submit",
    "journal_entry_record",
    "journal_entry_set_exemption",
    "screen_names",
]
