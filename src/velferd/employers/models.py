"""Enterprises and the Inclusive Workplace (IW) support given to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from velferd.core.models import VersionedModel


class Sector(models.TextChoices):
    STATE = "state", _("State")
    MUNICIPAL = "municipal", _("Municipal")
    PRIVATE = "private", _("Private")


class Enterprise(VersionedModel):
    """An enterprise (virksomhet), identified by its organisation number. The IW centre of
    its county gives it one contact person, an IW advisor."""

    organisation_number = models.CharField(_("organisation number"), max_length=9, unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="enterprises"
    )
    # Denormalised from the municipality: advisors' lists are per county.
    county = models.ForeignKey(
        "organisation.County", on_delete=models.PROTECT, related_name="enterprises"
    )
    industry_code = models.CharField(_("industry (NACE)"), max_length=6)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    employees = models.PositiveIntegerField(_("number of employees"))
    has_iw_agreement = models.BooleanField(_("IW cooperation agreement"), default=False)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises_in_contact",
    )

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["county", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_number})"


class CooperationStatus(models.TextChoices):
    TO_ASSESS = "to_assess", _("To assess")
    ASSESSING = "assessing", _("Assessing")
    NOT_RELEVANT = "not_relevant", _("Not relevant")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED_COOPERATION_STATUSES = (
    CooperationStatus.NOT_RELEVANT,
    CooperationStatus.COMPLETED,
    CooperationStatus.CANCELLED,
)


class Cooperation(VersionedModel):
    """The IW centre's cooperation with one enterprise (samarbeid), from the first
    assessment until it is completed or closed. An enterprise has at most one open
    cooperation; earlier ones stay as history."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, related_name="cooperations"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CooperationStatus.choices,
        default=CooperationStatus.TO_ASSESS,
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cooperations_owned",
    )
    is_open = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise"],
                condition=models.Q(is_open=True),
                name="one_open_cooperation_per_enterprise",
            )
        ]
        indexes = [models.Index(fields=["enterprise", "status"])]

    def __str__(self) -> str:
        return f"{self.enterprise.name}: {self.get_status_display()}"
