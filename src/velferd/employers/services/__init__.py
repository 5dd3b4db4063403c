"""Writes for enterprises and their IW support, a module per capability. Every write is one
transaction with its audit event; a cooperation's status changes are also kept in its own
event log. The moves of the lifecycles are declared in `lifecycles`; each service here
makes one (or, a grant, either of two). Other domains, the demo and the tests use this package:
`from velferd.employers import services`."""

from .budgets import budget_set
from .cooperations import (
    TRANSITIONS,
    cooperation_activate,
    cooperation_assess,
    cooperation_cancel,
    cooperation_complete,
    cooperation_defer,
    cooperation_resume,
    cooperation_set_owner,
    cooperation_skip,
    cooperation_start,
)
from .enterprises import (
    ENTERPRISE_FIELDS,
    enterprise_assign_contact_person,
    enterprise_change,
    enterprise_register,
)
from .expert_assistance import (
    expert_assistance_apply,
    expert_assistance_grant,
    expert_assistance_refusals,
    expert_assistance_refuse,
)
from .plans import (
    SUB_THEME_FIELDS,
    delivery_add,
    delivery_change,
    sub_theme_add,
    sub_theme_change,
    sub_theme_date_refusals,
)
from .subsidies import (
    MAX_AMOUNT,
    SUBSIDY_TRANSITIONS,
    subsidy_apply,
    subsidy_assess,
    subsidy_grant,
    subsidy_pay,
    subsidy_refuse,
    valid_amount,
)
from .surveys import (
    answer_key,
    answer_windows,
    survey_answer,
    survey_answer_allowed,
    survey_close,
    survey_open,
)

__all__ = [
    "ENTERPRISE_FIELDS",
    "MAX_AMOUNT",
    "SUBSIDY_TRANSITIONS",
    "SUB_THEME_FIELDS",
    "TRANSITIONS",
    "answer_key",
    "answer_windows",
    "budget_set",
    "cooperation_activate",
    "cooperation_assess",
    "cooperation_cancel",
    "cooperation_complete",
    "cooperation_defer",
    "cooperation_resume",
    "cooperation_set_owner",
    "cooperation_skip",
    "cooperation_start",
    "delivery_add",
    "delivery_change",
    "enterprise_assign_contact_person",
    "enterprise_change",
    "enterprise_register",
    "expert_assistance_apply",
    "expert_assistance_grant",
    "expert_assistance_refusals",
    "expert_assistance_refuse",
    "sub_theme_add",
    "sub_theme_change",
    "sub_theme_date_refusals",
    "subsidy_apply",
    "subsidy_assess",
    "subsidy_grant",
    "subsidy_pay",
    "subsidy_refuse",
    "survey_answer",
    "survey_answer_allowed",
    "survey_close",
    "survey_open",
    "valid_amount",
]
