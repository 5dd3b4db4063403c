"""The form pattern's template tags: every error of a submit in a summary at the top, and
each beside its field, tied to it for a screen reader.

    {% load formerrors %}
    {% error_summary "title starts_on" %}        before the form; links to #id_title …
    <input id="id_title" name="title"{% invalid "title" %}>
    {% field_error "title" %}                    the message, id="error-title"

The page's errors are `errors` (core.forms.FormErrors) or a single `error` (and a
`general_error`). A field named
in the summary's list is linked (its input has the id `id_<field>`); any other error is
shown as text in the summary.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from velferd.core.errors import DomainError
from velferd.core.forms import FormErrors, errors_in

register = template.Library()


def _errors(context: template.Context) -> FormErrors:
    """The page's errors; a page that shows an error apart from its fields passes it as
    `general_error`."""
    errors = errors_in({"errors": context.get("errors"), "error": context.get("error")})
    general = context.get("general_error")
    if isinstance(general, DomainError):
        errors.add(general)
    return errors


@register.inclusion_tag("core/_error_summary.html", takes_context=True)
def error_summary(context: template.Context, fields: str = "") -> dict[str, Any]:
    linked = set(fields.split())
    items = [
        {"message": error.message, "field": error.field if error.field in linked else None}
        for error in _errors(context)
    ]
    return {"items": items}


@register.inclusion_tag("core/_field_error.html", takes_context=True)
def field_error(context: template.Context, field: str) -> dict[str, Any]:
    error = _errors(context).get(str(field))
    return {"field": field, "message": error.message if error else ""}


@register.simple_tag(takes_context=True)
def invalid(context: template.Context, field: str) -> SafeString:
    """The attributes that mark a field's input invalid and tie its message to it."""
    if _errors(context).get(str(field)) is None:
        return SafeString("")
    return format_html(' aria-invalid="true" aria-describedby="error-{}"', field)


@register.simple_tag(takes_context=True)
def error_class(context: template.Context, field: str) -> str:
    """The class of a field's box (a fieldset or a div) when the field has an error."""
    return " field--error" if _errors(context).get(str(field)) else ""
