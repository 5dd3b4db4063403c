"""Individual plans across services: member services, one coordinator, measures."""

from __future__ import annotations

import datetime
import uuid

from django.db import models

from velferd.access.roles import PartnerService
from velferd.core.models import TimestampedModel, VersionedModel


class IndividualPlan(VersionedModel):
    """The coordinated plan across services (individuell plan): members, one coordinator,
    goals and measures."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="individual_plan"
    )
    goals = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Individual plan for {self.person}"


NAV_SERVICE = "nav"
# The services that take part in individual plans: NAV itself and the partner services (the
# consent that opens the municipal records to NAV's state side is no service of a plan).
PLAN_SERVICES = frozenset({NAV_SERVICE, *PartnerService.values} - {PartnerService.NAV_STATE})


class PlanMember(models.Model):
    """A service taking part in the plan: NAV itself or a partner service."""

    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="members")
    service = models.CharField(max_length=32)
    contact_name = models.CharField(max_length=200, blank=True)
    is_coordinator = models.BooleanField(default=False)

    class Meta:
        ordering = ["-is_coordinator", "service"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "service"], name="one_member_per_service"),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(is_coordinator=True),
                name="one_coordinator_per_plan",
            ),
        ]

    def __str__(self) -> str:
        return self.service


class PlanMeasure(TimestampedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="measures")
    text = models.CharField(max_length=500)
    responsible_service = models.CharField(max_length=32)
    deadline = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["deadline"]
        indexes = [models.Index(fields=["plan", "done_on", "deadline"])]

    def __str__(self) -> str:
        return self.text

    def is_overdue_on(self, day: datetime.date) -> bool:
        return self.done_on is None and self.deadline < day
