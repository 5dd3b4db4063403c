"""Short-term (1–16 days) and long-term (17 days and more) sick leave, as NAV's sick-leave
statistics split the lost workdays by the duration of the sick leave: two optional columns
of the statistics file, stored and shown where the file gives them, "not in the file" where
it does not; files without them are read as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import pytest
from django.test import Client

from velferd.access.actor import system_actor
from velferd.core.testing import nb
from velferd.employers.models import Enterprise
from velferd.sickleave import services
from velferd.sickleave.models import QuarterlyStatistics
from velferd.sickleave.periods import four_quarters

from .factories import csv_file, import_quarters, in_county, latest

pytestmark = pytest.mark.django_db
ClientAs = Callable[[str], Client]
D = Decimal
S = "/api/v1/sickleave"
WITH_SPLIT = (*services.COLUMNS, *services.DURATION_COLUMNS)


def import_split(rows: Sequence[Sequence[object]]) -> services.ImportReport:
    return services.statistics_import(
        actor=system_actor("tests"), data=csv_file(rows, header=WITH_SPLIT), filename="split.csv"
    )


def peers() -> list[Enterprise]:
    """Three enterprises alike beside the one compared, so its groups are shown."""
    others = [in_county("5601", industry_code="62.010") for _ in range(3)]
    q = latest()
    import_quarters([(e, q, "1000", "50", "0", 6) for e in others])
    return others


class TestImport:
    def test_the_split_is_stored_where_the_file_gives_it(self) -> None:
        one, two = in_county("5601"), in_county("5601")
        q = latest()
        import_split(
            [
                (one.organisation_number, q.year, q.quarter, "1000", "60", "12", 8, "22,5", "37,5"),
                (two.organisation_number, q.year, q.quarter, "1000", "40", "0", 6, "", ""),
            ]
        )
        stored = QuarterlyStatistics.objects.get(enterprise=one)
        assert (stored.short_term_lost_workdays, stored.long_term_lost_workdays) == (
            D("22.5"),
            D("37.5"),
        )
        empty = QuarterlyStatistics.objects.get(enterprise=two)
        assert (empty.short_term_lost_workdays, empty.long_term_lost_workdays) == (None, None)

    def test_a_file_without_the_columns_is_still_accepted(self) -> None:
        enterprise = in_county("5601")
        q = latest()
        import_quarters([(enterprise, q, "1000", "60", "12", 8)])
        stored = QuarterlyStatistics.objects.get(enterprise=enterprise)
        assert stored.short_term_lost_workdays is None and stored.long_term_lost_workdays is None

    def test_a_split_beyond_the_lost_workdays_refuses_the_file(self) -> None:
        enterprise = in_county("5601")
        q = latest()
        number = enterprise.organisation_number
        with pytest.raises(services.ImportRejected) as refused:
            import_split(
                [
                    (number, q.year, q.quarter, "1000", "60", "12", 8, "61", "0"),
                    (number, q.shifted(-1).year, q.shifted(-1).quarter, "1000", "60", "0", 8,
                     "30", "31"),
                ]
            )  # fmt: skip
        assert [(p.line, p.code) for p in refused.value.problems] == [
            (2, "short_term_exceeds_lost"),
            (3, "duration_exceeds_lost"),
        ]
        assert not QuarterlyStatistics.objects.filter(enterprise=enterprise).exists()

    def test_a_changed_split_is_a_changed_row_and_the_same_file_changes_nothing(self) -> None:
        enterprise = in_county("5601")
        q = latest()
        row = (enterprise.organisation_number, q.year, q.quarter, "1000", "60", "0", 8)
        import_quarters([(enterprise, q, "1000", "60", "0", 8)])
        report = import_split([(*row, "20", "40")])
        assert (report.changed, report.unchanged) == (1, 0)
        again = import_split([(*row, "20", "40")])
        assert (again.changed, again.unchanged) == (0, 1)


class TestShown:
    def test_the_api_gives_the_split_as_shares_of_the_possible_workdays(
        self, client_as: ClientAs
    ) -> None:
        """NAV shows short-term and long-term sick leave as percentages of the possible
        workdays, beside the whole sick-leave percentage."""
        peers()
        own = in_county("5601", industry_code="62.010")
        q = latest()
        import_split([(own.organisation_number, q.year, q.quarter, "1000", "60", "0", 8, "22.5",
                       "37.5")])  # fmt: skip
        body = client_as("admin").get(f"{S}/enterprises/{own.organisation_number}").json()
        figure = body["last_quarter"]["enterprise"]
        assert figure["duration_split"] is True
        assert (figure["short_term_percentage"], figure["long_term_percentage"]) == ("2.3", "3.8")

    def test_four_quarters_have_the_split_only_when_every_quarter_has_it(
        self, client_as: ClientAs
    ) -> None:
        own = in_county("5601", industry_code="62.010")
        window = four_quarters(latest())
        import_split(
            [(own.organisation_number, p.year, p.quarter, "1000", "60", "0", 8, "20", "40")
             for p in window[1:]]
            + [(own.organisation_number, window[0].year, window[0].quarter, "1000", "60", "0", 8,
                "", "")]
        )  # fmt: skip
        body = client_as("admin").get(f"{S}/enterprises/{own.organisation_number}").json()
        assert body["last_quarter"]["enterprise"]["short_term_percentage"] == "2.0"
        four = body["four_quarters"]["enterprise"]
        assert four["duration_split"] is False and four["short_term_percentage"] is None

    def test_the_page_shows_the_split_or_says_it_is_not_in_the_file(
        self, client_as: ClientAs
    ) -> None:
        peers()
        split, plain = in_county("5601", industry_code="62.010"), in_county("5601")
        q = latest()
        import_split(
            [
                (split.organisation_number, q.year, q.quarter, "1000", "60", "0", 8, "20", "40"),
                (plain.organisation_number, q.year, q.quarter, "1000", "60", "0", 8, "", ""),
            ]
        )
        shown = client_as("admin").get(f"/sick-leave/enterprises/{split.organisation_number}/")
        assert "2,0 % / 4,0 %" in shown.content.decode()
        absent = client_as("admin").get(f"/sick-leave/enterprises/{plain.organisation_number}/")
        assert nb("Not in the statistics file") in absent.content.decode()

    def test_a_masked_figure_shows_no_split(self, client_as: ClientAs) -> None:
        own = in_county("5601")
        q = latest()
        import_split([(own.organisation_number, q.year, q.quarter, "1000", "60", "0", 4, "20",
                       "40")])  # fmt: skip
        body = client_as("admin").get(f"{S}/enterprises/{own.organisation_number}").json()
        figure = body["last_quarter"]["enterprise"]
        assert figure["masked"] is True
        assert (figure["short_term_percentage"], figure["long_term_percentage"]) == (None, None)


def test_the_import_page_describes_the_optional_columns(client_as: ClientAs) -> None:
    page = client_as("admin").get("/sick-leave/import/").content.decode()
    assert "short_term_lost_workdays;long_term_lost_workdays</pre>" in page
    assert nb("And, if the file has them, these two columns as well:") in page
