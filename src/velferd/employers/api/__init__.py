"""The employers API, at /api/v1/employers/: enterprises and their contact person, the IW
cooperation and its lifecycle, the action plan, surveys, subsidies (expert assistance since
2019) and county budgets, a
module per capability on one router. Survey answers come in anonymously through the public
answer link."""

from . import budgets, cooperations, enterprises, expert_assistance, plans, subsidies, surveys
from .router import router

__all__ = [
    "budgets",
    "cooperations",
    "enterprises",
    "expert_assistance",
    "plans",
    "router",
    "subsidies",
    "surveys",
]
