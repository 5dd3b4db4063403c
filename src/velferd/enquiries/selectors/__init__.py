"""Reads of the Ministry's enquiries, a module per capability: the inbox and one enquiry
(`enquiries`), the public mail journal (`journal`). Callers use the package:
`from velferd.enquiries import selectors`."""

from .enquiries import (
    can_still_see,
    corrected_examples,
    deemed_refused,
    departments_visible_to,
    enquiry_for,
    inbox,
    officers_of,
    open_counts,
    provisional_reply_due,
    suggestions_named,
)
from .journal import (
    COMMON_EXEMPTIONS,
    JournalLine,
    journal_departments,
    journal_entry_for,
    journal_entry_to_change,
    journal_search,
    lines_for,
)

__all__ = [
    "COMMON_EXEMPTIONS",
    "JournalLine",
    "can_still_see",
    "corrected_examples",
    "deemed_refused",
    "departments_visible_to",
    "enquiry_for",
    "inbox",
    "journal_departments",
    "journal_entry_for",
    "journal_entry_to_change",
    "journal_search",
    "lines_for",
    "officers_of",
    "open_counts",
    "provisional_reply_due",
    "suggestions_named",
]
