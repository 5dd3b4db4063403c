"""The IW centre's results page: each of its two charts is named by its own title, and the
values it draws are in a table beside it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from velferd.core.testing import rows
from velferd.employers.models import Enterprise

from .factories import import_quarters, latest, make_enterprise
from .selectors.test_results import only_the_tests_cooperations_served, serve

pytestmark = pytest.mark.django_db


@pytest.fixture
def served() -> list[Enterprise]:
    """Three enterprises in Finnmark whose cooperations started two quarters ago: four
    quarters before at 10 % (10 % graded), two during at 5 % (50 % graded)."""
    only_the_tests_cooperations_served()
    enterprises = [make_enterprise() for _ in range(3)]
    start = latest().shifted(-1)
    for enterprise in enterprises:
        import_quarters(
            [(enterprise, start.shifted(n), "1000", "100", "10", 9) for n in range(-4, 0)]
            + [(enterprise, start.shifted(n), "1000", "50", "25", 7) for n in range(0, 2)]
        )
        serve(enterprise, start)
    return enterprises


def results_page(client_as: Callable[[str], Client]) -> str:
    response = client_as("ia-56").get("/sick-leave/results/")
    assert response.status_code == 200
    return response.content.decode()


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_each_chart_is_named_by_its_own_title(
    client_as: Callable[[str], Client], served: list[Enterprise]
) -> None:
    page = results_page(client_as)
    named_by = re.findall(r'<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', page)
    assert len(named_by) == 2
    names = [words(re.search(rf'id="{n}"[^>]*>(.*?)</', page).group(1)) for n in named_by]  # type: ignore[union-attr]
    assert names == [
        "Sykefraværsprosent, kvartalene før og etter oppstart",
        "Andel tapte dagsverk ved gradert sykmelding",
    ]
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), f"an id is used twice: {sorted(ids)}"


def cells(page: str, testid: str) -> list[list[str]]:
    return [
        [words(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.DOTALL)]
        for row in rows(page, testid)
    ]


def section(page: str, key: str) -> str:
    found = re.search(
        rf'<section[^>]*data-testid="results-chart-{key}".*?</section>', page, flags=re.DOTALL
    )
    assert found is not None, f"no section for the chart {key}"
    return found.group(0)


def test_the_values_of_each_chart_are_in_a_table_beside_it(
    client_as: Callable[[str], Client], served: list[Enterprise]
) -> None:
    page = results_page(client_as)
    assert cells(section(page, "percentage"), "results-figures-percentage") == [
        ["4 kvartaler før oppstart", "10,0 %"],
        ["3 kvartaler før oppstart", "10,0 %"],
        ["2 kvartaler før oppstart", "10,0 %"],
        ["1 kvartal før oppstart", "10,0 %"],
        ["Kvartalet med oppstart", "5,0 %"],
        ["1 kvartal etter oppstart", "5,0 %"],
    ]
    graded = cells(section(page, "graded"), "results-figures-graded")
    assert [row[1] for row in graded] == ["10,0 %"] * 4 + ["50,0 %"] * 2
    assert "<svg" in section(page, "percentage") and "<svg" in section(page, "graded")
