"""The prioritisation list sorted as NAV's IW advisors' list is (by lost workdays, most
first: NAV's "Fia" list of enterprises), or by the workdays that could be saved, velferd's
own measure and not a figure NAV publishes; masked enterprises last either way."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.test import Client

from velferd.access.actor import Actor
from velferd.core.db import is_postgresql
from velferd.core.errors import DomainError
from velferd.core.testing import nb
from velferd.employers.models import Enterprise
from velferd.sickleave import selectors
from velferd.sickleave.models import EnterpriseSummary
from velferd.sickleave.selectors import PriorityFilters

from .factories import import_quarters, latest, make_enterprise

pytestmark = pytest.mark.django_db
ActorOf = Callable[[str], Actor]
ClientAs = Callable[[str], Client]
D = Decimal
S = "/api/v1/sickleave"


@pytest.fixture
def finnmark() -> dict[str, Enterprise]:
    """Five IT firms in Finnmark (NACE 62) in the last quarter: (possible, lost, persons).
    The industry: 3,510 lost of 30,800 possible = 11.4 %."""
    figures = {
        "Alfa AS": ("4000", "400", 10),  # 10 %: 400 − 4,000 × 11.4 % < 0 → 0 to save
        "Bravo AS": ("800", "200", 8),  # 25 %: 200 − 800 × 11.4 % = 108.8
        "Charlie AS": ("20000", "900", 40),  # 4.5 %: 0
        "Delta AS": ("1000", "10", 5),  # 1 %: 0
        "Maske AS": ("5000", "2000", 4),  # the most lost, but masked (4 persons)
    }
    made = {name: make_enterprise(name=name) for name in figures}
    q = latest()
    import_quarters(
        [(made[name], q, possible, lost, "0", persons)
         for name, (possible, lost, persons) in figures.items()]
    )  # fmt: skip
    return made


def names(actor: Actor, **filters: object) -> list[str]:
    found = selectors.priorities(actor=actor, filters=PriorityFilters(**filters))  # type: ignore[arg-type]
    return [s.enterprise.name for s in found]


class TestSort:
    def test_lost_workdays_most_first_is_the_default_as_in_nav_list(
        self, actor_of_login: ActorOf, finnmark: dict[str, Enterprise]
    ) -> None:
        """A masked enterprise comes last though it lost the most: its place would tell."""
        assert names(actor_of_login("ia-56")) == [
            "Charlie AS",
            "Alfa AS",
            "Bravo AS",
            "Delta AS",
            "Maske AS",
        ]

    def test_the_advisor_may_sort_by_the_workdays_that_could_be_saved(
        self, actor_of_login: ActorOf, finnmark: dict[str, Enterprise]
    ) -> None:
        found = selectors.priorities(
            actor=actor_of_login("ia-56"), filters=PriorityFilters(sort="saveable_workdays")
        )
        rows = selectors.priority_rows(found)
        assert [(r["name"], r["saveable_workdays"]) for r in rows] == [
            ("Bravo AS", D("108.8")),
            ("Alfa AS", D("0.0")),
            ("Charlie AS", D("0.0")),
            ("Delta AS", D("0.0")),
            ("Maske AS", None),
        ]
        assert rows[0]["industry_percentage"] == D("11.4")

    def test_an_unknown_sort_is_refused(self, actor_of_login: ActorOf) -> None:
        with pytest.raises(DomainError) as refused:
            names(actor_of_login("ia-56"), sort="percentage")
        assert (refused.value.code, refused.value.field) == ("invalid_filter", "sort")

    def test_the_api_takes_the_sort(
        self, client_as: ClientAs, finnmark: dict[str, Enterprise]
    ) -> None:
        default = client_as("ia-56").get(f"{S}/priorities", {"page_size": "2"}).json()
        assert [r["name"] for r in default["items"]] == ["Charlie AS", "Alfa AS"]
        saveable = client_as("ia-56").get(
            f"{S}/priorities", {"page_size": "1", "sort": "saveable_workdays"}
        )
        assert [r["name"] for r in saveable.json()["items"]] == ["Bravo AS"]
        assert client_as("ia-56").get(f"{S}/priorities", data={"sort": "name"}).status_code in (
            400,
            422,
        )

    def test_the_page_sorts_and_explains_the_workdays_that_could_be_saved(
        self, client_as: ClientAs, finnmark: dict[str, Enterprise]
    ) -> None:
        page = client_as("ia-56").get("/sick-leave/priorities/", {"sort": "saveable_workdays"})
        html = page.content.decode()
        assert html.index("Bravo AS") < html.index("Alfa AS") < html.index("Charlie AS")
        assert 'data-testid="saveable-explained"' in html
        assert nb("What are “workdays that could be saved”?") in html
        default = client_as("ia-56").get("/sick-leave/priorities/").content.decode()
        assert default.index("Charlie AS") < default.index("Alfa AS") < default.index("Bravo AS")

    def test_the_column_of_workdays_that_could_be_saved_sorts_the_list(
        self, client_as: ClientAs, finnmark: dict[str, Enterprise]
    ) -> None:
        """The column's heading is a link to the list sorted by it, the filters kept; the
        column the list is sorted by says so to a screen reader."""
        advisor = client_as("ia-56")
        html = advisor.get("/sick-leave/priorities/", {"industry": "62"}).content.decode()
        heading = re.search(r'<th[^>]*data-testid="sort-saveable_workdays">.*?</th>', html, re.S)
        assert heading is not None
        link = re.search(r'href="\?([^"]+)"', heading.group(0))
        assert link is not None
        assert 'aria-sort="descending" data-testid="sort-lost_workdays"' in html
        sorted_page = advisor.get("/sick-leave/priorities/?" + unescape(link.group(1)))
        sorted_html = sorted_page.content.decode()
        assert sorted_html.index("Bravo AS") < sorted_html.index("Alfa AS")
        assert 'value="62"' in sorted_html
        assert 'aria-sort="descending" data-testid="sort-saveable_workdays"' in sorted_html


class TestIndexed:
    def test_the_order_by_lost_workdays_is_an_index_walk(
        self, finnmark: dict[str, Enterprise]
    ) -> None:
        """The county's list in the default order reads the (county, lost workdays) index
        instead of sorting the county's rows."""
        assert EnterpriseSummary.objects.filter(county_id="56").count() >= 5
        sql = (
            "SELECT enterprise_id FROM sickleave_enterprisesummary WHERE county_id = %s "
            "ORDER BY shown_lost_workdays DESC NULLS LAST LIMIT 50"
        )
        with connection.cursor() as cursor:
            if is_postgresql():
                # A handful of rows: make the planner choose as it would for a county's
                # thousands (a scan of the table or a bitmap over it, then a sort).
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("SET LOCAL enable_bitmapscan = off")
                cursor.execute("EXPLAIN " + sql, ["56"])
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + sql, ["56"])
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "sickleave_summary_lost_idx" in plan
        assert "Sort" not in plan and "TEMP B-TREE" not in plan
