"""The pseudonymised extract: one row per outcome at the horizon, a keyed pseudonym and no
identity number or name, the covariates as recorded at the start, the control as defined,
and a fixed number of queries however many rows."""

from __future__ import annotations

import datetime
from typing import Any

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from velferd.followup.models import NeedGroup
from velferd.people.extract_selectors import gender_in_number, pseudonym
from velferd.results.services.extract import Extract, build_extract, pseudonym_key
from velferd.schemes.tests.factories import DeliveryFactory

from .effect_builders import (
    a_cohort,
    a_control,
    a_treated,
    clear_outcomes,
    decision_sent,
    employed,
    on_benefit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_these_outcomes() -> None:
    clear_outcomes()


def _row(extract: Extract, pseudonym_of: str) -> dict[str, Any]:
    index = extract.pseudonyms.index(pseudonym_of)
    return {name: column[index] for name, column in extract.columns.items()}


def test_each_outcome_is_a_row_with_its_treatment_and_outcome() -> None:
    cohort = a_cohort(treated=3, controls=2)
    extract = build_extract(horizon=12, outcome="in_work", control="none")
    assert extract.rows == 5
    treatments = sorted(extract.columns["treatment"].tolist())
    assert treatments == sorted([cohort.scheme_type] * 3 + ["none"] * 2)
    assert extract.columns["outcome"].sum() == 1 + 1  # one treated and one control in work


def test_the_pseudonym_is_the_keyed_hash_of_the_identity_number_and_nothing_else_names_them() -> (
    None
):
    cohort = a_cohort(treated=2, controls=2)
    extract = build_extract(horizon=12, outcome="in_work", control="none")
    person = cohort.treated[0]
    assert pseudonym(person.national_id, pseudonym_key()) in extract.pseudonyms
    everything = repr(extract.columns) + repr(extract.pseudonyms)
    for someone in [*cohort.treated, *cohort.controls]:
        assert someone.national_id not in everything
        assert someone.given_name not in everything
        assert str(someone.pk) not in everything


def test_pseudonyms_are_stable_under_one_key_and_change_with_the_key() -> None:
    a_cohort(treated=2, controls=1)
    first = build_extract(horizon=12, outcome="in_work", control="none").pseudonyms
    again = build_extract(horizon=12, outcome="in_work", control="none").pseudonyms
    assert sorted(first) == sorted(again)
    with override_settings(VELFERD_PSEUDONYM_KEY="another-key"):
        other = build_extract(horizon=12, outcome="in_work", control="none").pseudonyms
    assert not set(first) & set(other)


def test_the_covariates_are_read_at_the_start() -> None:
    delivery = DeliveryFactory()
    person = a_treated(
        delivery, "in_work", birth_date=datetime.date(1990, 10, 1), needs_interpreter=True
    )
    a_control("none")
    employed(
        person, datetime.date(2023, 5, 1), datetime.date(2023, 6, 1), datetime.date(2024, 2, 1)
    )
    employed(person, datetime.date(2024, 4, 1))  # after the start: not counted
    decision_sent(person, NeedGroup.SITUATION_SPECIFIC)
    on_benefit(person, "work_assessment_allowance")
    extract = build_extract(horizon=12, outcome="in_work", control="none")
    row = _row(extract, pseudonym(person.national_id, pseudonym_key()))
    assert row["age"] == 33  # on 31 August 2024, the end
    assert row["months_employed_before"] == 3
    assert row["need_situation_specific"] == 1.0 and row["need_standard"] == 0.0
    assert row["benefit_work_assessment_allowance"] == 1.0
    assert row["needs_interpreter"] == 1.0
    assert row["months_in_follow_up"] == 7  # the period began two months before the start
    assert row["female"] == float(gender_in_number(person.national_id) == "female")
    assert row["county_03"] == 1.0
    assert row["age_band"] == "30_49"
    assert row["prior_employment"] == "some"
    assert row["need_group"] == "situation_specific"
    assert row["benefit_at_start"] == "work_assessment_allowance"


def test_gender_is_read_from_the_number_where_it_tells_it() -> None:
    assert gender_in_number("01015012345"[:8] + "2" + "00") in ("female", "unknown")
    from velferd.core.identifiers import synthetic_national_id, synthetic_national_id_from_2032

    born = datetime.date(1985, 3, 4)
    numbers = [synthetic_national_id(born, n) for n in range(6)]
    genders = {gender_in_number(n) for n in numbers}
    assert genders == {"female", "male"}
    assert gender_in_number(synthetic_national_id_from_2032(born, 0)) == "unknown"


def test_a_follow_up_period_with_a_scheme_in_it_is_no_control() -> None:
    delivery = DeliveryFactory()
    person = a_treated(delivery, "in_work")
    period = person.periods.get()
    period.ended_on = datetime.date(2024, 9, 30)
    period.save()
    from velferd.results.tests.effect_builders import _outcome

    _outcome(person, "follow_up_period", period.pk, "", "in_work")
    clean = a_control("none")
    extract = build_extract(horizon=12, outcome="in_work", control="none")
    assert extract.columns["treatment"].tolist().count("none") == 1
    assert pseudonym(clean.national_id, pseudonym_key()) in extract.pseudonyms


def test_against_a_scheme_type_only_participations_are_rows() -> None:
    cohort = a_cohort(treated=2, controls=3)
    other: Any = DeliveryFactory()
    a_treated(other, "none")
    extract = build_extract(horizon=12, outcome="in_work", control=cohort.scheme_type)
    assert sorted(set(extract.columns["treatment"].tolist())) == sorted(
        {cohort.scheme_type, other.scheme_type.code}
    )
    assert extract.rows == 3


def test_a_covariate_that_never_varies_is_left_out() -> None:
    a_cohort(treated=2, controls=2)
    extract = build_extract(horizon=12, outcome="in_work", control="none")
    assert "needs_interpreter" not in extract.covariates
    assert "months_in_follow_up" in extract.covariates  # the treated had longer periods
    assert np.all(extract.columns["needs_interpreter"] == 0)


def _queries(treated: int, controls: int) -> int:
    clear_outcomes()
    a_cohort(treated=treated, controls=controls)
    with CaptureQueriesContext(connection) as captured:
        extract = build_extract(horizon=12, outcome="in_work", control="none")
    assert extract.rows == treated + controls
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_rows() -> None:
    assert _queries(2, 2) == _queries(12, 10)
