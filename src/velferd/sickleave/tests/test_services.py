"""The statistics import: all or nothing, every bad row reported, idempotent, audited."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.utils import translation

from velferd.access.actor import Actor
from velferd.audit.models import AuditEvent
from velferd.core.errors import DomainError
from velferd.sickleave import selectors, services
from velferd.sickleave.models import (
    EnterpriseSummary,
    GroupQuarter,
    QuarterlyStatistics,
    StatisticsImport,
)

from .factories import csv_file, last_quarters, latest, make_enterprise, with_statistics

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]


def imports(actor: Actor, data: bytes) -> services.ImportReport:
    return services.statistics_import(actor=actor, data=data, filename="test.csv")


class TestAMalformedFile:
    def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(
        self, actor_of_login: ActorOf
    ) -> None:
        good = make_enterprise()
        q = latest()
        data = csv_file(
            [
                (good.organisation_number, q.year, q.quarter, "1000", "50", "10", 7),  # line 2
                ("123456789", q.year, q.quarter, "1000", "50", "10", 7),  # 3 invalid number
                ("974760673", q.year, q.quarter, "1000", "50", "10", 7),  # 4 not registered
                (good.organisation_number, q.year, 5, "1000", "50", "10", 7),  # 5 quarter
                (good.organisation_number, q.year, 1, "1000", "1200", "10", 7),  # 6 lost>possible
                (good.organisation_number, q.year, 2, "1000", "50", "60", 7),  # 7 graded>lost
                (good.organisation_number, q.year, 3, "tusen", "50", "10", 7),  # 8 bad number
                (good.organisation_number, q.year, q.quarter, "900", "40", "10", 7),  # 9 dup of 2
                (good.organisation_number, q.year, 4, "1000", "50"),  # 10 too few fields
            ]
        )
        before = (QuarterlyStatistics.objects.count(), AuditEvent.objects.count())
        with pytest.raises(services.ImportRejected) as refused:
            imports(actor_of_login("admin"), data)
        codes = {(p.line, p.code) for p in refused.value.problems}
        assert codes == {
            (3, "invalid_organisation_number"),
            (4, "unknown_enterprise"),
            (5, "invalid_quarter"),
            (6, "lost_exceeds_possible"),
            (7, "graded_exceeds_lost"),
            (8, "invalid_possible_workdays"),
            (9, "duplicate_row"),
            (10, "wrong_field_count"),
        }
        assert refused.value.status == 422
        assert "8 line(s)" in refused.value.message_en
        assert (QuarterlyStatistics.objects.count(), AuditEvent.objects.count()) == before
        assert not StatisticsImport.objects.filter(filename="test.csv").exists()
        assert not QuarterlyStatistics.objects.filter(enterprise=good).exists()

    def test_the_reasons_are_given_in_norwegian_and_english(self, actor_of_login: ActorOf) -> None:
        q = latest()
        data = csv_file([("974760673", q.year, q.quarter, "1000", "50", "10", 7)])
        with pytest.raises(services.ImportRejected) as refused:
            imports(actor_of_login("admin"), data)
        (problem,) = refused.value.problems
        with translation.override("nb"):
            assert problem.message == "Virksomheten 974760673 er ikke registrert."
        with translation.override("en"):
            assert problem.message == "The enterprise 974760673 is not registered."

    def test_a_wrong_header_is_reported_on_line_1(self, actor_of_login: ActorOf) -> None:
        header = (
            "orgnr",
            "year",
            "quarter",
            "possible_workdays",
            "lost_workdays",
            "graded_lost_workdays",
            "sick_listed_persons",
        )
        with pytest.raises(services.ImportRejected) as refused:
            imports(actor_of_login("admin"), csv_file([], header=header))
        (problem,) = refused.value.problems
        assert (problem.line, problem.code) == (1, "invalid_header")
        assert "missing organisation_number" in problem.message_en
        assert "unknown orgnr" in problem.message_en

    def test_a_file_that_is_not_utf8_is_refused(self, actor_of_login: ActorOf) -> None:
        data = "organisation_number;år\n".encode("latin-1")
        with pytest.raises(services.ImportRejected) as refused:
            imports(actor_of_login("admin"), data)
        assert refused.value.problems[0].code == "not_utf8"

    def test_an_empty_file_is_refused(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(services.ImportRejected) as refused:
            imports(actor_of_login("admin"), b"")
        assert refused.value.problems[0].code == "empty_file"


class TestAGoodFile:
    def test_it_is_written_refreshed_and_audited(self, actor_of_login: ActorOf) -> None:
        enterprise = make_enterprise()
        q = latest()
        data = csv_file(
            [(enterprise.organisation_number, q.year, q.quarter, "1000,5", "50,25", "10", 7)]
        )
        report = imports(actor_of_login("admin"), data)
        assert (report.rows, report.created, report.changed, report.unchanged) == (1, 1, 0, 0)
        row = QuarterlyStatistics.objects.get(enterprise=enterprise)
        assert (row.possible_workdays, row.lost_workdays) == (Decimal("1000.50"), Decimal("50.25"))
        summary = EnterpriseSummary.objects.get(enterprise=enterprise)
        # 50.25 / 1,000.5 = 5.02 %: stored with one decimal, as NAV publishes it
        assert summary.percentage == Decimal("5.0")
        assert GroupQuarter.objects.get(kind="industry", key="62", year=q.year, quarter=q.quarter)
        event = AuditEvent.objects.get(
            action="sick_leave_statistics.imported", target_id=str(report.record.pk)
        )
        assert event.after is not None
        assert event.after["sha256"] == hashlib.sha256(data).hexdigest()
        assert (event.after["created"], event.after["changed"], event.after["unchanged"]) == (
            1,
            0,
            0,
        )
        assert event.after["quarters"] == [f"{q.year}Q{q.quarter}"]

    def test_commas_utf8_bom_and_decimal_points_are_accepted(self, actor_of_login: ActorOf) -> None:
        enterprise = make_enterprise()
        data = b"\xef\xbb\xbf" + csv_file(
            [(enterprise.organisation_number, 2019, 2, "800.25", "40.5", "0", 6)], separator=","
        )
        report = imports(actor_of_login("admin"), data)
        assert report.created == 1
        row = QuarterlyStatistics.objects.get(enterprise=enterprise)
        assert row.possible_workdays == Decimal("800.25")

    def test_the_same_quarter_twice_changes_nothing(self, actor_of_login: ActorOf) -> None:
        enterprise = make_enterprise()
        q = latest()
        data = csv_file(
            [(enterprise.organisation_number, q.year, q.quarter, "1000", "50", "10", 7)]
        )
        imports(actor_of_login("admin"), data)
        before = list(QuarterlyStatistics.objects.filter(enterprise=enterprise).values())
        report = imports(actor_of_login("admin"), data)
        assert (report.created, report.changed, report.unchanged) == (0, 0, 1)
        assert list(QuarterlyStatistics.objects.filter(enterprise=enterprise).values()) == before

    def test_importing_a_whole_file_again_changes_nothing(self, actor_of_login: ActorOf) -> None:
        """Twelve quarters of 26 enterprises: 312 rows."""
        enterprises = [make_enterprise() for _ in range(26)]
        data = csv_file(
            [
                (e.organisation_number, q.year, q.quarter, "1000", "50", "10", 7)
                for e in enterprises
                for q in last_quarters(12)
            ]
        )
        imports(actor_of_login("admin"), data)
        rows = QuarterlyStatistics.objects.count()
        report = imports(actor_of_login("admin"), data)
        assert (report.created, report.changed) == (0, 0)
        assert report.unchanged == report.rows > 300
        assert QuarterlyStatistics.objects.count() == rows

    def test_corrected_figures_replace_the_old_ones(self, actor_of_login: ActorOf) -> None:
        enterprise = make_enterprise()
        q = latest()
        number = enterprise.organisation_number
        imports(
            actor_of_login("admin"), csv_file([(number, q.year, q.quarter, "1000", "50", "10", 7)])
        )
        report = imports(
            actor_of_login("admin"), csv_file([(number, q.year, q.quarter, "1000", "80", "10", 9)])
        )
        assert (report.created, report.changed, report.unchanged) == (0, 1, 0)
        row = QuarterlyStatistics.objects.get(enterprise=enterprise)
        assert (row.lost_workdays, row.sick_listed_persons) == (Decimal("80.00"), 9)
        assert EnterpriseSummary.objects.get(enterprise=enterprise).percentage == Decimal("8.00")

    def test_a_new_latest_quarter_moves_every_enterprise_window(
        self, actor_of_login: ActorOf
    ) -> None:
        enterprise, own = make_enterprise(), make_enterprise()
        with_statistics(own, quarters=4)
        nxt = latest().shifted(1)
        imports(
            actor_of_login("admin"),
            csv_file(
                [(enterprise.organisation_number, nxt.year, nxt.quarter, "1000", "50", "10", 7)]
            ),
        )
        assert selectors.latest_quarter() == nxt
        summary = EnterpriseSummary.objects.get(enterprise=own)
        expected = QuarterlyStatistics.objects.filter(enterprise=own).order_by("-year", "-quarter")
        last_three = sum(r.lost_workdays for r in list(expected)[:3])
        assert summary.lost_workdays == last_three


def test_only_administrators_import(actor_of_login: ActorOf) -> None:
    enterprise = make_enterprise()
    data = csv_file([(enterprise.organisation_number, 2019, 2, "800", "40", "0", 6)])
    for login in ("ia-radgiver", "analytiker", "arbeidsgiver"):
        with pytest.raises(DomainError) as refused:
            imports(actor_of_login(login), data)
        assert refused.value.status == 403
    assert not QuarterlyStatistics.objects.filter(enterprise=enterprise).exists()


def test_a_correction_moves_the_workdays_to_save_of_the_whole_industry(
    actor_of_login: ActorOf,
) -> None:
    """Industry 62 has only these two enterprises: correcting one moves the industry's
    percentage and with it what the other could save."""
    first, second = make_enterprise(), make_enterprise()
    q = latest()
    imports(
        actor_of_login("admin"),
        csv_file(
            [
                (first.organisation_number, q.year, q.quarter, "1000", "100", "0", 9),
                (second.organisation_number, q.year, q.quarter, "1000", "50", "0", 9),
            ]
        ),
    )
    assert EnterpriseSummary.objects.get(enterprise=first).saveable_workdays == Decimal("25.00")
    imports(
        actor_of_login("admin"),
        csv_file([(second.organisation_number, q.year, q.quarter, "1000", "10", "0", 9)]),
    )
    # the industry is now 110 / 2,000 = 5.5 %: the first could save 100 − 55 = 45
    assert EnterpriseSummary.objects.get(enterprise=first).saveable_workdays == Decimal("45.00")
    assert EnterpriseSummary.objects.get(enterprise=second).saveable_workdays == Decimal("0.00")
