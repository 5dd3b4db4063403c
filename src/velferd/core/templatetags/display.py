"""Labels in place of codes, and amounts as Norwegians write them (core.labels):

{% load display %}
{{ member.service|label:"partner_service" }}
{{ event.action|label:"audit_action" }}
{{ subsidy.amount_granted|kr }}
"""

from __future__ import annotations

from django import template

from velferd.core import labels

register = template.Library()


@register.filter(name="label")
def label(code: object, kind: str) -> str:
    return labels.label(code, kind)


@register.filter(name="kr")
def kr(amount: object) -> str:
    return labels.kroner(amount)
