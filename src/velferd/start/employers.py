"""The IW advisor's and the employer representative's sections, from the employers
selectors: the advisor's cooperations by status, the deliveries coming due and the
cooperations back for assessment, with the way to the county's prioritisation list; the
representative's enterprises with their cooperation, surveys and applications."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from velferd.access.actor import Actor
from velferd.employers import selectors as employer_selectors

from .base import Section, listing


def _enterprises_url(status: str) -> str:
    return reverse("employers:list") + "?" + urlencode({"status": status})


def iw_advisor(actor: Actor) -> Section:
    counts = employer_selectors.cooperation_counts(actor=actor)
    return Section(
        "start/_iw_advisor.html",
        {
            "statuses": [
                (label, number, _enterprises_url(status)) for status, label, number in counts
            ],
            "cooperations": sum(number for _status, _label, number in counts),
            "deliveries": listing(employer_selectors.deliveries_due(actor=actor)),
            "within_days": employer_selectors.DELIVERIES_DUE_WITHIN_DAYS,
            "deferred_due": listing(
                employer_selectors.deferred_cooperations(actor=actor, due=True)
            ),
            "deferred_due_url": _enterprises_url(employer_selectors.DEFERRED_DUE),
            "today": timezone.localdate(),
        },
    )


def employer(actor: Actor) -> Section:
    labels = dict(employer_selectors.cooperation_status_choices())
    enterprises = [
        (enterprise, labels.get(getattr(enterprise, "cooperation_status", None) or "", ""))
        for enterprise in employer_selectors.represented_enterprises(actor=actor)
    ]
    return Section(
        "start/_employer.html",
        {
            "enterprises": enterprises,
            "surveys": listing(employer_selectors.represented_surveys(actor=actor)),
            "subsidies": listing(employer_selectors.represented_subsidies(actor=actor)),
            "expert_assistance": listing(
                employer_selectors.represented_expert_assistance(actor=actor)
            ),
        },
    )
