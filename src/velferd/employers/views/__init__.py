"""The employers pages, a module per capability: the advisor's list of enterprises, the
enterprise page (contact person, cooperation and its event log, plan, deliveries, surveys,
subsidies), the county budgets, the employer's own start page and the public survey answer
page."""

from .budgets import budgets
from .cooperations import cooperation_move, cooperation_start
from .enterprises import (
    contact_person,
    enterprise,
    enterprise_edit,
    enterprise_list,
    enterprise_new,
    mine,
)
from .expert_assistance import expert_assistance, expert_assistance_apply
from .plans import delivery_add, delivery_change, sub_theme_edit, sub_theme_new
from .subsidies import subsidy, subsidy_apply
from .surveys import survey, survey_answer, survey_open, survey_thanks

__all__ = [
    "budgets",
    "contact_person",
    "cooperation_move",
    "cooperation_start",
    "delivery_add",
    "delivery_change",
    "enterprise",
    "enterprise_edit",
    "enterprise_list",
    "enterprise_new",
    "expert_assistance",
    "expert_assistance_apply",
    "mine",
    "sub_theme_edit",
    "sub_theme_new",
    "subsidy",
    "subsidy_apply",
    "survey",
    "survey_answer",
    "survey_open",
    "survey_thanks",
]
