"""The portfolio's state rows, one per open follow-up period (kept by
followup/portfolio_state.py)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models

from .periods import FollowUpPeriod

# Open-ended periods are kept as the last day there is, so that "until >= today" holds.
OPEN_ENDED = datetime.date.max


class PortfolioState(models.Model):
    """The facts behind the portfolio's flags for one open follow-up period, kept up to date
    in the same transaction as the records they come from (portfolio_state.py), so that an
    office's portfolio is one read of its own rows however many people it follows up.

    What depends on the day is kept as dates and decided when the portfolio is read:
    `next_deadline` < today is an overdue activity, `agreed_open_until` >= today an agreed
    activity running, and so on. A benefit or consent is kept as the stretch of back-to-back
    periods that holds today (or the next one); `stale_after` is the day after which a later
    stretch takes over, when the nightly refresh rewrites the row."""

    period = models.OneToOneField(
        FollowUpPeriod, primary_key=True, on_delete=models.CASCADE, related_name="state"
    )
    office = models.ForeignKey(
        "organisation.Office", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="+")
    person_office = models.ForeignKey(
        "organisation.Office", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    started_on = models.DateField()
    family_name = models.CharField(max_length=100)
    given_name = models.CharField(max_length=100)
    birth_date = models.DateField()
    needs_interpreter = models.BooleanField()
    strictly_confidential = models.BooleanField()
    office_employee = models.BooleanField()
    need_group = models.CharField(max_length=32, blank=True)
    main_goal = models.CharField(max_length=32, blank=True)
    waiting_for_office = models.BooleanField()
    waiting_for_person = models.BooleanField()
    next_deadline = models.DateField(null=True)
    agreed_open_until = models.DateField(null=True)
    youngest_child_born = models.DateField(null=True)
    financial_assistance_from = models.DateField(null=True)
    financial_assistance_until = models.DateField(null=True)
    nav_state_consent_from = models.DateField(null=True)
    nav_state_consent_until = models.DateField(null=True)
    qualification_assessed = models.BooleanField()
    # The stretch of state livelihood benefits (work assessment allowance, disability,
    # unemployment, sickness or transitional benefit) that holds today: the qualification
    # programme's target group has none or very limited ones (Social Services Act § 29).
    livelihood_benefit_from = models.DateField(null=True)
    livelihood_benefit_until = models.DateField(null=True)
    # That the condition of activity was set or the person exempted (§ 20 a), ever.
    activity_requirement_recorded = models.BooleanField(default=False)
    plan_overdue_from = models.DateField(null=True)
    # From the person's scheme activities: one waits for a place; the first end date of
    # those running (the flag "scheme ends within 14 days" is decided when read).
    scheme_waiting = models.BooleanField(default=False)
    scheme_ends_on = models.DateField(null=True)
    stale_after = models.DateField(null=True)

    class Meta:
        indexes = [
            # Every column the counts, filters and sorts use, so that an office's rows are
            # read from the index alone (PostgreSQL; elsewhere a plain index on office).
            models.Index(
                fields=["office"],
                include=[
                    "period",
                    "person",
                    "person_office",
                    "caseworker",
                    "started_on",
                    "family_name",
                    "given_name",
                    "birth_date",
                    "needs_interpreter",
                    "strictly_confidential",
                    "office_employee",
                    "need_group",
                    "main_goal",
                    "waiting_for_office",
                    "waiting_for_person",
                    "next_deadline",
                    "agreed_open_until",
                    "youngest_child_born",
                    "financial_assistance_from",
                    "financial_assistance_until",
                    "nav_state_consent_from",
                    "nav_state_consent_until",
                    "qualification_assessed",
                    "livelihood_benefit_from",
                    "livelihood_benefit_until",
                    "activity_requirement_recorded",
                    "plan_overdue_from",
                    "scheme_waiting",
                    "scheme_ends_on",
                ],
                name="portfolio_state_office",
            ),
            models.Index(
                fields=["stale_after"],
                condition=models.Q(stale_after__isnull=False),
                name="portfolio_state_stale",
            ),
        ]

    def __str__(self) -> str:
        return f"Portfolio state of {self.period_id}"
