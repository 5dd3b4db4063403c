"""`{% tablescroll %}`: a data table in its own scroll region, so that a wide table scrolls
inside the page on a phone instead of widening the page (WCAG 2.1, 1.4.10 Reflow).

    {% load tables %}
    {% tablescroll label=_("Activities") %}<table class="aksel-table">…</table>{% endtablescroll %}
    {% tablescroll labelledby="activities-heading" %}…{% endtablescroll %}

The region is focusable, so that a keyboard user can scroll it, and named, so that a screen
reader says what the focused region holds.
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.utils.html import format_html

register = template.Library()

_NAMING = {"label": "aria-label", "labelledby": "aria-labelledby"}


class TableScrollNode(template.Node):
    def __init__(self, attribute: str, name: FilterExpression, nodelist: template.NodeList):
        self.attribute = attribute
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        return format_html(
            '<div class="table-scroll" tabindex="0" role="region" {}="{}">{}</div>',
            self.attribute,
            self.name.resolve(context),
            self.nodelist.render(context),
        )


@register.tag
def tablescroll(parser: Parser, token: Token) -> TableScrollNode:
    bits = token.split_contents()
    keyword, _, value = bits[1].partition("=") if len(bits) == 2 else ("", "", "")
    if keyword not in _NAMING or not value:
        raise template.TemplateSyntaxError(
            f'{bits[0]} takes one name: label=_("…") or labelledby="heading-id"'
        )
    nodelist = parser.parse(("endtablescroll",))
    parser.delete_first_token()
    return TableScrollNode(_NAMING[keyword], parser.compile_filter(value), nodelist)
