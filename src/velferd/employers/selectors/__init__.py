"""Reading enterprises and their IW support, as far as the reader may see, a module per
capability. Other domains use this package: `from velferd.employers import selectors`."""

from .budgets import BudgetLine, budget_line, budget_lines, this_year, today, valid_year
from .cooperations import (
    completion_blockers,
    cooperation_for,
    cooperations_of,
    current_cooperation,
    events_of,
    open_cooperation,
)
from .enterprises import (
    counties_advised_by,
    enterprise_for,
    enterprises_visible_to,
    iw_advisors_of,
    iw_centre_of,
    own_enterprises,
)
from .plans import ThemePlan, deliveries_of, delivery_for, plan_of, sub_theme_for
from .subsidies import (
    CENTS,
    granted_total,
    paid_total,
    subsidies_of,
    subsidies_visible_to,
    subsidy_for,
)
from .surveys import (
    GROUPS,
    Cell,
    QuestionResult,
    questions_of,
    response_count,
    results_shown,
    survey_by_token,
    survey_for,
    survey_results,
    surveys_of,
)

__all__ = [
    "CENTS",
    "GROUPS",
    "BudgetLine",
    "Cell",
    "QuestionResult",
    "ThemePlan",
    "budget_line",
    "budget_lines",
    "completion_blockers",
    "cooperation_for",
    "cooperations_of",
    "counties_advised_by",
    "current_cooperation",
    "deliveries_of",
    "delivery_for",
    "enterprise_for",
    "enterprises_visible_to",
    "events_of",
    "granted_total",
    "iw_advisors_of",
    "iw_centre_of",
    "open_cooperation",
    "own_enterprises",
    "paid_total",
    "plan_of",
    "questions_of",
    "response_count",
    "results_shown",
    "sub_theme_for",
    "subsidies_of",
    "subsidies_visible_to",
    "subsidy_for",
    "survey_by_token",
    "survey_for",
    "survey_results",
    "surveys_of",
    "this_year",
    "today",
    "valid_year",
]
