"""The question's columns checked and turned into the arrays the estimator works on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .errors import EstimationError
from .types import Question

MIN_ROWS_PER_FOLD = 10


@dataclass(frozen=True)
class Prepared:
    """Arms coded 0..A-1 with the control as 0, the outcome, the covariates and the groups."""

    arms: tuple[str, ...]
    arm: np.ndarray
    outcome: np.ndarray
    covariates: np.ndarray
    covariate_names: tuple[str, ...]
    groups: tuple[tuple[str, np.ndarray], ...]


def prepare(columns: Mapping[str, np.ndarray], question: Question) -> Prepared:
    _require_columns(columns, question)
    treatment = np.asarray(columns[question.treatment]).astype(str)
    n = len(treatment)
    _require_rows(n, question.folds)
    arms = _arms(treatment, question)
    sorted_values = np.unique(treatment)
    position = np.array([arms.index(str(v)) for v in sorted_values], dtype=np.int32)
    codes = position[np.searchsorted(sorted_values, treatment)]
    outcome = _numeric(columns[question.outcome], question.outcome, "outcome")
    covariates = np.empty((n, len(question.covariates)), dtype=np.float32)
    for j, name in enumerate(question.covariates):
        covariates[:, j] = _numeric(columns[name], name, "covariate")
    groups = [("all", np.ones(n, dtype=bool))]
    for name in question.by:
        groups.extend(_groups_of(name, np.asarray(columns[name])))
    return Prepared(arms, codes, outcome, covariates, question.covariates, tuple(groups))


def _require_columns(columns: Mapping[str, np.ndarray], question: Question) -> None:
    wanted = [question.treatment, question.outcome, *question.covariates, *question.by]
    missing = [name for name in dict.fromkeys(wanted) if name not in columns]
    if missing:
        names = ", ".join(missing)
        raise EstimationError(
            "missing_columns",
            f"Disse kolonnene finnes ikke i dataene: {names}.",
            f"These columns are not in the data: {names}.",
            field=missing[0],
        )
    if not question.covariates:
        raise EstimationError(
            "no_covariates",
            "Oppgi minst én bakgrunnsvariabel (kovariat).",
            "Name at least one covariate.",
            field="covariates",
        )


def _require_rows(n: int, folds: int) -> None:
    if folds < 2:
        raise EstimationError(
            "too_few_folds",
            f"Antall folder må være minst 2 (fikk {folds}).",
            f"The number of folds must be at least 2 (got {folds}).",
            field="folds",
        )
    if n < MIN_ROWS_PER_FOLD * folds * 2:
        least = MIN_ROWS_PER_FOLD * folds * 2
        raise EstimationError(
            "too_few_rows",
            f"For få rader: {n}. Det trengs minst {least} med {folds} folder.",
            f"Too few rows: {n}. At least {least} are needed with {folds} folds.",
        )


def _arms(treatment: np.ndarray, question: Question) -> tuple[str, ...]:
    values = np.unique(treatment)
    if question.control not in values:
        raise EstimationError(
            "control_absent",
            f"Kontrollverdien «{question.control}» finnes ikke i kolonnen {question.treatment}.",
            f"The control value '{question.control}' does not occur in column "
            f"{question.treatment}.",
            field="control",
        )
    if len(values) < 2:
        raise EstimationError(
            "one_treatment_value",
            f"Kolonnen {question.treatment} har bare én verdi ({values[0]}): "
            "det er ingenting å sammenligne.",
            f"Column {question.treatment} has only one value ({values[0]}): "
            "there is nothing to compare.",
            field="treatment",
        )
    others = tuple(str(v) for v in values if v != question.control)
    return (question.control, *others)


def _numeric(values: np.ndarray, name: str, role: str) -> np.ndarray:
    array = np.asarray(values)
    if array.dtype.kind in "biuf":
        converted = array.astype(np.float64)
    else:
        converted = _parse_floats(array, name, role)
    bad = ~np.isfinite(converted)
    if bad.any():
        _refuse_non_numeric(name, role, int(np.argmax(bad)), str(array[np.argmax(bad)]))
    return converted


def _parse_floats(array: np.ndarray, name: str, role: str) -> np.ndarray:
    try:
        return np.char.strip(array.astype(str)).astype(np.float64)
    except ValueError:
        for row, value in enumerate(array):
            try:
                float(value)
            except ValueError:
                _refuse_non_numeric(name, role, row, str(value))
        raise


def _refuse_non_numeric(name: str, role: str, row: int, value: str) -> None:
    role_nb = "Utfallet" if role == "outcome" else "Kovariaten"
    role_en = "The outcome" if role == "outcome" else "The covariate"
    raise EstimationError(
        f"non_numeric_{role}",
        f"{role_nb} {name} må være et tall, men rad {row + 1} har «{value}».",
        f"{role_en} {name} must be a number, but row {row + 1} has '{value}'.",
        field=name,
    )


def _groups_of(name: str, values: np.ndarray) -> list[tuple[str, np.ndarray]]:
    labels = np.array([_label(v) for v in np.unique(values)], dtype=object)
    keys = np.unique(values)
    return [(f"{name}={label}", values == key) for key, label in zip(keys, labels, strict=True)]


def _label(value: object) -> str:
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    return str(value)
