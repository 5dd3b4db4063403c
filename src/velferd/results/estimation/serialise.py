"""Estimates as JSON-ready dicts: NaN becomes null, tuples become lists."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from .types import Estimates, GroupEffect

EFFECT_KEYS = ("treatment", "group", "effect", "ci_low", "ci_high", "n_treated", "n_control")


def effect_line(effect: GroupEffect) -> dict[str, Any]:
    """One line of the command line's output: the fixed keys first, then the naive difference."""
    record = asdict(effect)
    line = {key: record[key] for key in EFFECT_KEYS}
    line["naive_difference"] = record["naive_difference"]
    return {key: _rounded(value) for key, value in _clean(line).items()}


def _rounded(value: Any) -> Any:
    return round(value, 6) if isinstance(value, float) else value


def estimates_to_dict(estimates: Estimates) -> dict[str, Any]:
    return _clean(asdict(estimates))


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value
