"""Deliveries (gjennomføringer): one run of a scheme under an agreement, with its places,
period and the offices that may enrol people in it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import VersionedModel


class DeliveryStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")


class EnrolmentMode(models.TextChoices):
    FIXED_START = "fixed_start", _("Fixed start")
    ONGOING = "ongoing", _("Ongoing enrolment")


class Delivery(VersionedModel):
    """A run of a scheme. `scheme_type`, `supplier` and `county` repeat the agreement's, so
    that the caseworkers' catalogue is one indexed query; `places_taken` is kept by the
    enrolment of participants."""

    number = models.CharField(_("delivery number"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    agreement = models.ForeignKey(
        "schemes.Agreement", on_delete=models.PROTECT, related_name="deliveries"
    )
    scheme_type = models.ForeignKey(
        "schemes.SchemeType", on_delete=models.PROTECT, related_name="deliveries"
    )
    supplier = models.ForeignKey(
        "schemes.Supplier", on_delete=models.PROTECT, related_name="deliveries"
    )
    supplier_unit = models.ForeignKey(
        "schemes.SupplierUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    county = models.ForeignKey("organisation.County", on_delete=models.PROTECT, related_name="+")
    places = models.PositiveIntegerField(_("places"))
    places_taken = models.PositiveIntegerField(_("places taken"), default=0)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    enrolment_mode = models.CharField(_("enrolment"), max_length=20, choices=EnrolmentMode.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PLANNED
    )
    status_reason = models.TextField(_("reason"), blank=True, default="")
    offices = models.ManyToManyField(
        "organisation.Office", through="schemes.DeliveryOffice", related_name="+"
    )

    class Meta:
        ordering = ["starts_on", "number"]
        indexes = [
            models.Index(fields=["scheme_type", "status", "starts_on"]),
            models.Index(fields=["agreement", "status"]),
            models.Index(fields=["supplier", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(places_taken__lte=models.F("places")),
                name="delivery_places_taken_within_places",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def free_places(self) -> int:
        return max(self.places - self.places_taken, 0)


class DeliveryOffice(models.Model):
    """An office whose caseworkers may enrol people in the delivery. `scheme_type` repeats
    the delivery's (it never changes), so that the caseworkers' catalogue finds an office's
    deliveries of a type by one index, (office, scheme_type), before it reads any delivery:
    on PostgreSQL at national scale the planner otherwise reads every delivery of the type."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="+")
    office = models.ForeignKey("organisation.Office", on_delete=models.PROTECT, related_name="+")
    scheme_type = models.ForeignKey(
        "schemes.SchemeType", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "delivery"], name="one_delivery_office")
        ]
        indexes = [models.Index(fields=["office", "scheme_type"], name="delivery_office_type")]

    def __str__(self) -> str:
        return f"{self.delivery_id} @ {self.office_id}"
