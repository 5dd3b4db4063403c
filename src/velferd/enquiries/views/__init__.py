"""The Ministry's enquiry pages, a module per capability: the public form, the inbox and
the case page (`enquiries`); the public mail journal (`journal`)."""

from .enquiries import enquiry_detail, enquiry_new, enquiry_sent, inbox
from .journal import journal, journal_entry, journal_entry_new

__all__ = [
    "enquiry_detail",
    "enquiry_new",
    "enquiry_sent",
    "inbox",
    "journal",
    "journal_entry",
    "journal_entry_new",
]
