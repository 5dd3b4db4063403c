"""The activity requirement for recipients of financial assistance under 30 (Social Services
Act § 20 a): the municipality sets a condition of activity, unless weighty reasons speak
against it. Each record is one such decision; the history is every record, the newest the one
that holds."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import TimestampedModel

# § 20 a applies to recipients under this age.
ACTIVITY_REQUIREMENT_AGE = 30


class RequirementOutcome(models.TextChoices):
    CONDITION_SET = "condition_set", _("Condition of activity set")
    EXEMPT = "exempt", _("Exempt for weighty reasons")


class ExemptionReason(models.TextChoices):
    """The weighty reasons the Social Services Act's circular names most often; anything else
    is `other`, with the reason written out."""

    HEALTH = "health", _("Health")
    CARE_RESPONSIBILITIES = "care_responsibilities", _("Care for children or relatives")
    SOCIAL_CIRCUMSTANCES = "social_circumstances", _("Social circumstances")
    IN_WORK_OR_EDUCATION = "in_work_or_education", _("Already in work or education")
    OTHER = "other", _("Other weighty reason")


class ActivityRequirement(TimestampedModel):
    """That the condition of activity was set (the day and the activity), or that weighty
    reasons exempt the person (the day and the reason). The municipality's record."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="activity_requirements"
    )
    outcome = models.CharField(max_length=16, choices=RequirementOutcome.choices)
    decided_on = models.DateField()
    activity = models.CharField(max_length=500, blank=True)
    exemption_reason = models.CharField(max_length=32, choices=ExemptionReason.choices, blank=True)
    exemption_other = models.CharField(max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-decided_on", "-created_at"]
        indexes = [models.Index(fields=["person", "decided_on"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(outcome="condition_set", exemption_reason="") & ~models.Q(activity="")
                )
                | (models.Q(outcome="exempt", activity="") & ~models.Q(exemption_reason="")),
                name="activity_requirement_outcome_fields",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decided_on}: {self.get_outcome_display()}"

    @property
    def is_exempt(self) -> bool:
        return self.outcome == RequirementOutcome.EXEMPT

    @property
    def reason_label(self) -> str:
        """The exemption's reason as shown: the coded one, or the text written for `other`."""
        if self.exemption_reason == ExemptionReason.OTHER:
            return self.exemption_other
        return str(self.get_exemption_reason_display())
