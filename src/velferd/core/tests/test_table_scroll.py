"""A data table scrolls in its own named, focusable region on a narrow screen."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation


def render(source: str, **context: object) -> str:
    return Template("{% load i18n tables %}" + source).render(Context(context))


def test_the_table_sits_in_a_focusable_region_named_in_the_page_language() -> None:
    with translation.override("nb"):
        html = render('{% tablescroll label=_("Activities") %}<table></table>{% endtablescroll %}')
    assert html == (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Aktiviteter">'
        "<table></table></div>"
    )


def test_the_region_may_be_named_by_a_heading_on_the_page() -> None:
    html = render('{% tablescroll labelledby="log" %}<table></table>{% endtablescroll %}')
    assert 'role="region" aria-labelledby="log"' in html


def test_a_name_from_the_data_is_escaped() -> None:
    html = render("{% tablescroll label=name %}{% endtablescroll %}", name='"><script>')
    assert 'aria-label="&quot;&gt;&lt;script&gt;"' in html


def test_a_region_without_a_name_is_a_template_error() -> None:
    with pytest.raises(TemplateSyntaxError, match="takes one name"):
        render("{% tablescroll %}<table></table>{% endtablescroll %}")
