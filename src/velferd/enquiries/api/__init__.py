"""The Ministry's enquiries API, at /api/v1/enquiries: anyone submits an enquiry or an
access request (rate-limited) and searches the public mail journal; ministry staff route,
assign, re-route, answer and close, record provisional replies and appeals, and journal
documents. A module per capability on one router."""

from . import enquiries, journal
from .router import router

__all__ = ["enquiries", "journal", "router"]
